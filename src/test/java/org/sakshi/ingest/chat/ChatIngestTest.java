package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;

/** The chat parser behind the engine's dispatcher: kinds, the summary key, cancellation, ambiguity. */
class ChatIngestTest {
    @TempDir
    Path dir;

    @Test
    void theDispatcherSendsAWhatsAppZipToTheChatParserWithTheChatSummaryKey() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(WhatsAppCorpus.variants(1).get(0));
        Path zip = ChatTestSupport.zip(dir, "WhatsApp Chat - Ramesh.zip", members("_chat.txt", chat.text()));
        List<Map<String, Object>> out = new ArrayList<>();
        ParseResult r = new Ingest().parse(ParseInput.ofFile("WhatsApp Chat - Ramesh.zip", zip, options()), out::add,
                new CancelFlag());
        assertEquals(ItemKind.CHAT, r.kind());
        assertEquals("chat", r.summaryKey());
        assertEquals(10L, r.records());
        assertEquals(10, out.size());
    }

    @Test
    void theAmbiguityReachesTheCallerThroughTheDispatcher() throws Exception {
        Path f = ChatTestSupport.write(dir, "c.txt", "01/02/21, 10:00 - A: x\n03/04/21, 10:00 - B: y\n");
        assertThrows(AmbiguousDateOrderException.class,
                () -> new Ingest().parse(ParseInput.ofFile("c.txt", f, options()), r -> { }, new CancelFlag()));
        ParseResult chosen = new Ingest().parse(ParseInput.ofFile("c.txt", f, options().withDateOrder(DateOrder.DMY)),
                r -> { }, new CancelFlag());
        assertEquals("dmy", chosen.summary().get("date_order"));
    }

    @Test
    void aCancelledImportStopsWithCancelledException() throws Exception {
        Path f = ChatTestSupport.write(dir, "c.txt", "28/07/21, 10:00 - A: x\n".repeat(20_000));
        CancelFlag cancel = new CancelFlag();
        cancel.cancel();
        assertThrows(CancelledException.class,
                () -> new ChatParser().parse(ParseInput.ofFile("c.txt", f, options()), r -> { }, cancel));
    }
}
