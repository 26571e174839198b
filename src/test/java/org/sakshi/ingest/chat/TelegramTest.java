package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;
import static org.sakshi.ingest.chat.ChatTestSupport.sha256;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;

/** Telegram Desktop JSON exports built in the test: text shapes, service messages, media, \xHH. */
class TelegramTest {
    @TempDir
    Path dir;

    static final String PHOTO = "photos/photo_1@28-07-2021_14-05-00.jpg";

    /** One message object; {@code body} holds the fields after the common ones. */
    static String msg(int id, long unix, String body) {
        return "{\"id\": " + id + ", \"type\": \"message\", \"date\": \"2021-07-28T14:05:00\", \"date_unixtime\": \""
                + unix + "\", " + body + "}";
    }

    static String chat(List<String> messages) {
        return "{\n \"name\": \"Ramesh Kumar\",\n \"type\": \"personal_chat\",\n \"id\": 4242,\n \"messages\": [\n  "
                + String.join(",\n  ", messages) + "\n ]\n}\n";
    }

    static List<String> sample() {
        List<String> m = new ArrayList<>();
        m.add("{\"id\": 1, \"type\": \"service\", \"date\": \"2021-07-28T14:00:00\", \"date_unixtime\": \"1627461000\", "
                + "\"actor\": \"Ramesh Kumar\", \"actor_id\": \"user1\", \"action\": \"create_group\", \"title\": \"Sakshi\", "
                + "\"members\": [\"Ramesh Kumar\", \"Suresh\"], \"text\": \"\", \"text_entities\": []}");
        m.add(msg(2, 1627461300, "\"from\": \"Ramesh Kumar\", \"from_id\": \"user1\", \"text\": \"नमस्ते\""));
        m.add(msg(3, 1627461600, "\"from\": null, \"from_id\": \"user99\", \"text\": \"who am i\""));
        m.add(msg(4, 1627462800, "\"from\": \"Suresh\", \"from_id\": \"user2\", \"photo\": \"" + PHOTO + "\", "
                + "\"width\": 10, \"height\": 10, \"edited\": \"2021-07-28T15:00:00\", \"edited_unixtime\": \"1627466400\", "
                + "\"reply_to_message_id\": 2, \"text\": \"look\""));
        m.add(msg(5, 1627463400, "\"from\": \"Suresh\", \"from_id\": \"user2\", \"file\": \"(File not included. Change "
                + "data exporting settings to download.)\", \"media_type\": \"video_file\", \"text\": \"\""));
        m.add(msg(6, 1627583399, "\"from\": \"Ramesh Kumar\", \"from_id\": \"user1\", \"forwarded_from\": \"News\", "
                + "\"text\": \"last\""));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain string                       | \"text\": \"hello: world\"                                                   | hello: world",
        "array of strings and entities      | \"text\": [\"see \", {\"type\": \"link\", \"text\": \"https://x.in\"}, \" now\"] | see https://x.in now",
        "text_entities win over text        | \"text\": \"old\", \"text_entities\": [{\"type\": \"plain\", \"text\": \"ent \"}, {\"type\": \"bold\", \"text\": \"bold\"}] | ent bold",
        "control char written as \\xHH      | \"text\": \"bell\\x07ring\"                                                  | bell<BEL>ring",
        "escaped backslash before x         | \"text\": \"path\\\\x41\"                                                    | path\\x41",
        "Hindi Bengali Nepali               | \"text\": \"नमस्ते আপনি तपाईं\"                                                  | नमस्ते আপনি तपाईं",
        "direction marks removed            | \"text\": \"\\u200Eabc\\u202A+91\\u202C\"                                    | abc+91",
    })
    void everyTextShapeIsReadAsTheTextWritten(String shape, String fields, String expected) throws Exception {
        String json = chat(List.of(msg(1, 1627461300, "\"from\": \"A\", \"from_id\": \"user1\", " + fields)));
        Path f = ChatTestSupport.write(dir, "result.json", json);
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", f, options()));
        assertEquals(List.of(), r.result().warnings());
        assertEquals(expected.replace("<BEL>", "\u0007"), r.message(0).get("text"), shape);
    }

    @Test
    void aSingleChatExportYieldsSummaryAndMessagesInTheCaseZone() throws Exception {
        Path f = ChatTestSupport.write(dir, "result.json", chat(sample()));
        ParseInput in = ParseInput.ofFile("result.json", f, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        Map<String, Object> s = r.summary();
        assertEquals("telegram", s.get("platform"));
        assertEquals(6L, s.get("messages"));
        assertEquals(5L, s.get("user_messages"));
        assertEquals(1L, s.get("system_messages"));
        assertEquals("2021-07-28T14:00:00", s.get("first_time"));
        assertEquals("2021-07-29T23:59:59", s.get("last_time"));
        assertEquals(List.of("Ramesh Kumar", "(deleted account user99)", "Suresh"), s.get("participants"));
        assertEquals("2021-07-28T08:35:00Z", r.message(1).get("instant"));
        assertEquals("2021-07-28T14:05:00", r.message(1).get("time"));
    }

    @Test
    void aServiceMessageHasNoSenderAndSaysWhoDidWhat() throws Exception {
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", ChatTestSupport.write(dir, "result.json", chat(sample())), options()));
        assertNull(r.message(0).get("sender"));
        assertEquals("Ramesh Kumar create_group: Sakshi: Ramesh Kumar, Suresh", r.message(0).get("text"));
        assertEquals(List.of("system"), flags(r.message(0)));
    }

    @Test
    void flagsRecordDeletedAccountsEditsRepliesForwardsAndOmittedFiles() throws Exception {
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", ChatTestSupport.write(dir, "result.json", chat(sample())), options()));
        assertEquals(List.of("deleted_account"), flags(r.message(2)));
        assertEquals(List.of("edited"), flags(r.message(3)));
        assertEquals("2", r.message(3).get("reply_to"));
        assertEquals(List.of("media_omitted"), flags(r.message(4)));
        assertNull(r.message(4).get("attachment"));
        assertEquals(List.of("forwarded"), flags(r.message(5)));
        assertEquals("News", r.message(5).get("forwarded_from"));
    }

    @Test
    void aTelegramExportFolderLinksThePhotoByItsRelativePath() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(7, 2000);
        var entries = ChatTestSupport.folder(dir.resolve("ChatExport"), members("result.json", chat(sample()), PHOTO, photo));
        ChatTestSupport.Run r = run(ParseInput.ofFolder("ChatExport_2021-07-30", entries, options()));
        assertEquals(PHOTO, attachment(r.message(3)).get("name"));
        assertEquals(sha256(photo), attachment(r.message(3)).get("sha256"));
        assertEquals(List.of(), r.result().warnings());
    }

    @Test
    void aZipOfTheExportFolderIsReadInPlace() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(8, 2000);
        Path zip = ChatTestSupport.zip(dir, "tg.zip", members("ChatExport_2021-07-30/result.json", chat(sample()),
                "ChatExport_2021-07-30/" + PHOTO, photo));
        ParseInput in = ParseInput.ofFile("tg.zip", zip, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        assertEquals(sha256(photo), attachment(r.message(3)).get("sha256"));
    }

    @Test
    void theFullAccountExportReadsEveryChatAndNamesItOnEachMessage() throws Exception {
        String full = "{\"about\": \"Here is the data you requested. Remember: Telegram is ad free\", "
                + "\"personal_information\": {\"user_id\": 1}, \"contacts\": {\"list\": []}, \"chats\": {\"about\": \"x\", "
                + "\"list\": [" + chat(sample().subList(1, 3)).replace("Ramesh Kumar\",\n \"type\"", "Chat A\",\n \"type\"")
                + ", " + chat(sample().subList(3, 4)) + "]}}";
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", ChatTestSupport.write(dir, "result.json", full), options()));
        assertEquals(3, r.messages().size());
        assertEquals("Chat A", r.message(0).get("chat"));
        assertEquals("Ramesh Kumar", r.message(2).get("chat"));
    }

    @Test
    void aTruncatedExportKeepsTheMessagesBeforeTheCutAndSaysWhere() throws Exception {
        String json = chat(sample());
        String cut = json.substring(0, json.indexOf("\"id\": 5"));
        Path f = ChatTestSupport.write(dir, "result.json", cut);
        ChatTestSupport.Run r = new ChatTestSupport.Run(new Ingest().parse(ParseInput.ofFile("result.json", f, options()),
                new ArrayList<Map<String, Object>>()::add, new org.sakshi.core.CancelFlag()), List.of());
        assertEquals(ItemKind.CHAT, r.result().kind());
        assertEquals(4L, r.result().records());
        assertTrue(r.result().warnings().get(0).contains("could not be read to the end"), r.result().warnings().toString());
    }

    @Test
    void repairedEscapesAreRecordedAsAnAssumption() throws Exception {
        String json = chat(List.of(msg(1, 1627461300, "\"from\": \"A\", \"text\": \"a\\x1fb\\x07\"")));
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", ChatTestSupport.write(dir, "result.json", json), options()));
        assertTrue(r.result().assumptions().stream().anyMatch(a -> a.what().equals("json_repair")
                && a.reason().startsWith("2 ")), r.result().assumptions().toString());
    }
}
