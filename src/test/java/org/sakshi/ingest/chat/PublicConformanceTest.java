package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.ingest.ParseInput;

/**
 * Conformance on chat exports collected by other chat-parser projects for their own tests (files
 * and licences in {@code src/test/resources/chat/public/SOURCES}). Each fixture asserts the message
 * count, user and system messages, participants, first and last times, and the flags, senders and
 * attachment names of chosen messages. Where every date of a file fits two orders and time runs
 * forward under both, Sakshi asks; the fixture then also gives the order its project reads it in.
 */
class PublicConformanceTest {
    @TempDir
    Path dir;

    /** What a correct reading of one public fixture gives. */
    record Expect(String file, DateOrder ask, String platform, long messages, long user, long system,
                  List<String> participants, String first, String last, Map<Integer, List<String>> flags,
                  Map<Integer, String> senders, Map<Integer, String> attachments) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final List<String> POKEMON = List.of("Ash Ketchum", "Brock", "Misty", "Prof. Oak", "Jessie & James", "Raichu",
            "Meowth", "Wobbuffet");
    static final List<String> CHAT_ANALYTICS_4A = List.of("Bob", "Eve", "Alice", "Mallory", "Trent");

    static Stream<Expect> fixtures() {
        return Stream.of(
                new Expect("chat-analytics-2A_5M.txt", DateOrder.DMY, "whatsapp", 5, 5, 0, List.of("A", "B"),
                        "2021-01-01T12:00:00", "2021-01-01T12:03:00", Map.of(3, List.of("media_omitted"), 4, List.of()),
                        Map.of(3, "B"), Map.of()),
                new Expect("chat-analytics-4A_11M.txt", DateOrder.DMY, "whatsapp", 14, 11, 3, CHAT_ANALYTICS_4A,
                        "2020-09-12T23:16:00", "2020-09-12T23:56:00",
                        Map.of(0, List.of("system"), 1, List.of("system"), 2, List.of("system"), 11, List.of()),
                        Map.of(11, "Trent"), Map.of()),
                new Expect("chat-analytics-4A_11M.zip", DateOrder.DMY, "whatsapp", 14, 11, 3, CHAT_ANALYTICS_4A,
                        "2020-09-12T23:16:00", "2020-09-12T23:56:00", Map.of(2, List.of("system")), Map.of(3, "Bob"),
                        Map.of()),
                new Expect("chat-analytics-DM_2A_7M.json", null, "telegram", 8, 6, 2, List.of("Bob", "Alice"),
                        "2019-07-05T16:55:32", "2023-08-11T07:41:02",
                        Map.of(0, List.of("system"), 5, List.of("media_omitted"), 6, List.of("media_omitted"),
                                7, List.of("system")),
                        Map.of(1, "Bob", 2, "Alice"), Map.of()),
                new Expect("chat-analytics-2A_7M.json", null, "messenger", 7, 7, 0, List.of("Alice", "Bob"),
                        "2014-11-05T05:57:20", "2014-11-05T06:05:32", Map.of(0, List.of()), Map.of(3, "Bob"),
                        Map.of(3, "messages/inbox/alice_aaaaaaaaaa/files/blabla.docx",
                                6, "messages/inbox/alice_aaaaaaaaaa/photos/123123123123123.jpg")),
                new Expect("language-whatsapp-_chat.txt", DateOrder.DMY, "whatsapp", 13, 13, 0, List.of("Alice", "Bob"),
                        "2020-11-02T21:47:19", "2020-11-02T21:50:40", Map.of(7, List.of(), 10, List.of()),
                        Map.of(7, "Bob", 10, "Bob", 12, "Bob"),
                        Map.of(7, "00000010-PHOTO-2020-11-02-21-49-51.jpg", 10, "00000013-AUDIO-2020-11-02-21-50-21.opus")),
                new Expect("whatstk-pokemon.txt", null, "whatsapp", 20, 18, 2, POKEMON, "2016-04-15T15:04:00",
                        "2016-10-31T12:23:00", Map.of(0, List.of("system"), 1, List.of("system")),
                        Map.of(12, "Jessie & James"), Map.of()),
                new Expect("whatstk-example-12h.txt", null, "whatsapp", 20, 18, 2, POKEMON, "2016-04-15T15:04:00",
                        "2016-10-31T23:45:00", Map.of(0, List.of("system"), 1, List.of("system")),
                        Map.of(12, "Jessie & James"), Map.of()),
                new Expect("whatstk-example-12h-2.txt", null, "whatsapp", 20, 18, 2, POKEMON, "2016-04-15T15:04:00",
                        "2016-10-31T23:45:00", Map.of(0, List.of("system"), 1, List.of("system")),
                        Map.of(19, "Wobbuffet"), Map.of()),
                new Expect("pustur-short-chat.txt", DateOrder.DMY, "whatsapp", 5, 3, 2,
                        List.of("Sample User", "TestBot", "+410123456789"), "2017-03-06T00:45:00", "2017-05-08T01:48:00",
                        Map.of(0, List.of("system"), 1, List.of("system")), Map.of(4, "+410123456789"), Map.of()),
                iosTemplate("whatsjson-ios-hindi.txt", "Elon Musk", 28, "2022-03-18T14:56:00", "2023-01-12T15:35:14"),
                iosTemplate("whatsjson-ios-japanese.txt", "Elon Musk", 28, "2022-03-18T14:56:00", "2023-01-12T15:35:14"),
                iosTemplate("whatsjson-ios-thai.txt", "Elon Musk", 28, "2022-03-18T14:56:01", "2023-01-12T15:35:15"),
                iosTemplate("whatsjson-ios-vietnamese.txt", "Musk Elon", 28, "2022-03-18T14:56:01", "2023-01-12T15:35:15"),
                iosTemplate("whatsjson-ios-indonesian.txt", "Elon Musk", 28, "2022-03-18T14:56:01", "2023-01-12T15:35:14"),
                iosTemplate("whatsjson-ios-arabic.txt", "Elon Musk", 25, "2022-03-18T14:56:01", "2023-01-07T23:32:30"),
                iosTemplate("whatsjson-ios-spanish.txt", "Elon Musk", 25, "2022-03-18T14:56:00", "2023-01-07T23:32:30"),
                iosTemplate("whatsjson-ios-buddhist.txt", "Elon Musk", 28, "2022-03-18T14:56:01", "2023-01-12T15:35:15"),
                iosTemplate("whatsjson-ios-japanese-era.txt", "Elon Musk", 28, "2022-03-18T14:56:01", "2023-01-12T15:35:15"),
                new Expect("whatsjson-android-russian.txt", null, "whatsapp", 60, 59, 1, List.of("Dmitry S", "Elon"),
                        "2022-03-18T14:56:00", "2023-01-07T23:32:00",
                        Map.of(0, List.of("system"), 2, List.of("media_omitted"), 7, List.of("location"), 12, List.of(),
                                16, List.of("deleted"), 27, List.of("deleted"), 38, List.of(), 59, List.of()),
                        Map.of(12, "Elon", 27, "Elon", 58, "Dmitry S"), Map.of(12, "Alex.vcf", 41, "TR.vcf")),
                new Expect("whatsjson-android-dutch.txt", null, "whatsapp", 41, 40, 1, List.of("Dmitry S", "Elon"),
                        "2022-03-18T14:56:00", "2023-01-07T23:32:00",
                        Map.of(0, List.of("system"), 2, List.of("media_omitted"), 3, List.of("media_omitted"), 5, List.of(),
                                6, List.of("location"), 12, List.of("deleted"), 17, List.of("deleted"), 19, List.of(),
                                28, List.of("media_omitted"), 39, List.of()),
                        Map.of(3, "Dmitry S", 17, "Elon", 19, "Dmitry S"),
                        Map.of(5, "PTT-20220323-WA0000.opus", 8, "Alex.vcf", 18, "VID-20220327-WA0001.mp4",
                                23, "STK-20220323-WA0003.webp")),
                new Expect("whatsjson-android-group.txt", DateOrder.DMY, "whatsapp", 20, 4, 16, List.of("Dmitry S"),
                        "2023-01-11T16:11:00", "2023-01-11T16:57:00",
                        Map.of(0, List.of("system"), 1, List.of("system"), 9, List.of("system"), 14, List.of("system"),
                                15, List.of("system"), 16, List.of(), 18, List.of("deleted")),
                        Map.of(16, "Dmitry S", 19, "Dmitry S"), Map.of()));
    }

    /**
     * The iOS chat whats_json exported in many phone languages ("Elon Musk" and "Dmitry S", 2022-2023): the
     * encryption notice and two security-code notices are group notices; media, contact card, documents after
     * their names, both deletions and the location share keep their sender and get their flags.
     */
    static Expect iosTemplate(String file, String contact, int messages, String first, String last) {
        Map<Integer, List<String>> flags = new HashMap<>(Map.of(0, List.of("system"), 1, List.of(),
                2, List.of("media_omitted"), 5, List.of("media_omitted"), 8, List.of("media_omitted", "contact_card"),
                11, List.of("media_omitted"), 12, List.of("media_omitted"), 14, List.of("deleted"),
                20, List.of("deleted"), 22, List.of("location")));
        flags.put(23, List.of("system"));
        flags.put(24, List.of("system"));
        flags.put(messages - 1, messages == 28 ? List.of("media_omitted") : List.of("system"));
        return new Expect(file, null, "whatsapp", messages, messages - 3, 3, List.of("Dmitry S", contact), first, last,
                flags, Map.of(2, "Dmitry S", 12, "Dmitry S", 14, "Dmitry S", 20, contact), Map.of());
    }

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = PublicConformanceTest.class.getResourceAsStream("/chat/public/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aPublicFixtureIsReadAsItsProjectAndThePhoneMeantIt(Expect e) throws Exception {
        Path f = copy(e.file());
        if (e.ask() != null) {
            assertThrows(AmbiguousDateOrderException.class,
                    () -> run(ParseInput.ofFile(e.file(), f, ChatTestSupport.options())), "every date fits two orders");
        }
        ChatTestSupport.Run r = run(ParseInput.ofFile(e.file(), f,
                e.ask() == null ? ChatTestSupport.options() : ChatTestSupport.options().withDateOrder(e.ask())));
        assertEquals(ItemKind.CHAT, r.result().kind(), r.result().warnings().toString());
        Map<String, Object> s = r.summary();
        assertEquals(e.platform(), s.get("platform"));
        assertEquals(e.messages(), s.get("messages"), "messages");
        assertEquals(e.user(), s.get("user_messages"), "user messages");
        assertEquals(e.system(), s.get("system_messages"), "system messages");
        assertEquals(e.participants(), s.get("participants"));
        assertEquals(e.first(), s.get("first_time"));
        assertEquals(e.last(), s.get("last_time"));
        e.flags().forEach((i, fl) -> assertEquals(fl, flags(r.message(i)), "flags of message " + i));
        e.senders().forEach((i, who) -> assertEquals(who, r.message(i).get("sender"), "sender of message " + i));
        e.attachments().forEach((i, name) -> assertEquals(name, ChatTestSupport.attachment(r.message(i)).get("name"),
                "attachment of message " + i));
    }
}
