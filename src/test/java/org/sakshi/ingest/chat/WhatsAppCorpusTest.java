package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.ParseInput;

/** The generated WhatsApp corpus: every header and body variant, read back message by message. */
class WhatsAppCorpusTest {
    private static final List<WhatsAppCorpus.Variant> VARIANTS = WhatsAppCorpus.variants(144);

    static Stream<WhatsAppCorpus.Variant> variants() {
        return VARIANTS.stream();
    }

    @TempDir
    Path dir;

    @Test
    void generatedCorpusCoversEveryValueOfEveryDimension() {
        assertEquals("", WhatsAppCorpus.coverage(VARIANTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantIsDetectedAsAChatFromItsContent(WhatsAppCorpus.Variant v) throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(v);
        Path f = ChatTestSupport.write(dir, "export-" + v.id() + ".bin", chat.text());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(ParseInput.ofFile("export.bin", f, ChatTestSupport.options())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantYieldsTheExpectedMessages(WhatsAppCorpus.Variant v) throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(v);
        Path f = ChatTestSupport.write(dir, "WhatsApp Chat with Ramesh.txt", chat.text());
        ChatTestSupport.Run r = run(ParseInput.ofFile("WhatsApp Chat with Ramesh.txt", f, ChatTestSupport.options()));

        assertEquals(ItemKind.CHAT, r.result().kind());
        assertEquals(chat.messages().size(), r.messages().size(), "message count");
        for (int i = 0; i < chat.messages().size(); i++) {
            WhatsAppCorpus.Expected e = chat.messages().get(i);
            Map<String, Object> m = r.message(i);
            assertEquals((long) i, m.get("index"));
            assertEquals(ChatStats.WALL.format(e.time()), m.get("time"), "time of message " + i);
            assertEquals(e.sender(), m.get("sender"), "sender of message " + i);
            assertEquals(e.text(), m.get("text"), "text of message " + i);
            assertEquals(e.flags(), new HashSet<>(flags(m)), "flags of message " + i);
            if (e.attachment() == null) {
                assertNull(m.get("attachment"), "attachment of message " + i);
            } else {
                assertEquals(e.attachment(), attachment(m).get("name"));
                assertNull(attachment(m).get("sha256"), "a .txt alone has no attachment bytes");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantSummaryHasCountsParticipantsAndFirstAndLastTimes(WhatsAppCorpus.Variant v) throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(v);
        Path f = ChatTestSupport.write(dir, "_chat.txt", chat.text());
        Map<String, Object> s = run(ParseInput.ofFile("_chat.txt", f, ChatTestSupport.options())).summary();

        assertEquals("whatsapp", s.get("platform"));
        assertEquals(10L, s.get("messages"));
        assertEquals(8L, s.get("user_messages"));
        assertEquals(2L, s.get("system_messages"));
        assertEquals(List.of("Ramesh Kumar", WhatsAppCorpus.PHONE, "Dr. A-B:C"), s.get("participants"));
        String ss = v.seconds() ? "07" : "00";
        assertEquals("2021-07-28T00:05:" + ss, s.get("first_time"));
        assertEquals("2022-01-03T23:59:" + ss, s.get("last_time"));
        assertEquals("Asia/Kolkata", s.get("zone"));
        assertEquals(v.order().json(), s.get("date_order"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantRecordsTheInferredDateOrderAndTheZoneAsAssumptions(WhatsAppCorpus.Variant v) throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(v);
        Path f = ChatTestSupport.write(dir, "chat.txt", chat.text());
        List<Assumption> a = run(ParseInput.ofFile("chat.txt", f, ChatTestSupport.options())).result().assumptions();

        Assumption order = a.stream().filter(x -> x.what().equals("date_order")).findFirst().orElseThrow();
        assertEquals(v.order().json(), order.value());
        assertTrue(order.reason().startsWith("inferred"), order.reason());
        Assumption zone = a.stream().filter(x -> x.what().equals("zone")).findFirst().orElseThrow();
        assertEquals("Asia/Kolkata", zone.value());
    }
}
