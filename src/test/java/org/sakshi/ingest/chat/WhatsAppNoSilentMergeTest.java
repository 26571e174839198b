package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;

/** Lines that look like headers but cannot be read, and exports that yield nothing, are never silent. */
class WhatsAppNoSilentMergeTest {
    @TempDir
    Path dir;

    private ChatTestSupport.Run runText(String text) throws Exception {
        return run(ParseInput.ofFile("chat.txt", ChatTestSupport.write(dir, "chat.txt", text), options()));
    }

    @Test
    void aHeaderWithAnUnknownDayPeriodIsKeptAsTextAndNamedByItsLineNumber() throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 9:05 - Ramesh: hi\n28/07/21, 9:06 zz - Suresh: hidden?\nplain line\n"
                + "29/07/21, 9:07 - Ramesh: bye\n");
        assertEquals(2, r.messages().size());
        assertEquals("hi\n28/07/21, 9:06 zz - Suresh: hidden?\nplain line", r.message(0).get("text"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.startsWith("1 line(s) look like message headers but could "
                + "not be read") && w.endsWith("line 2")), r.result().warnings().toString());
    }

    @Test
    void headersWithImpossibleDatesAreNamedByLineNumber() throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 14:05 - Ramesh: hi\n31/02/21, 14:06 - Ramesh: odd\n30/02/21, 14:07 - A: b\n");
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("impossible") && w.endsWith("lines 2, 3")),
                r.result().warnings().toString());
    }

    @Test
    void ordinaryContinuationLinesRaiseNoWarning() throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 9:05 - Ramesh: list\n12 apples - cheap\n10:30 meeting\n[note] 5 kg\n");
        assertEquals(List.of(), r.result().warnings());
    }

    @Test
    void aTextNamedAsAWhatsAppExportThatYieldsNoMessageIsKeptWithAWarning() throws Exception {
        Path f = ChatTestSupport.write(dir, "WhatsApp Chat with Ramesh.txt", "2021-07-28T14:05 <Ramesh> hi\nmore\n");
        ParseResult r = new Ingest().parse(ParseInput.ofFile("WhatsApp Chat with Ramesh.txt", f, options()),
                new ArrayList<Map<String, Object>>()::add, new CancelFlag());
        assertEquals(ItemKind.FILE, r.kind());
        assertTrue(r.warnings().get(0).contains("is a chat export, but no message could be read"), r.warnings().toString());
    }

    @Test
    void aZipHoldingAnUnreadableChatTextIsKeptWithAWarning() throws Exception {
        Path zip = ChatTestSupport.zip(dir, "export.zip", members("_chat.txt", "nothing like a chat\n",
                "IMG-20210728-WA0001.jpg", ChatTestSupport.pseudoJpeg(1, 100)));
        ParseResult r = new Ingest().parse(ParseInput.ofFile("export.zip", zip, options()),
                new ArrayList<Map<String, Object>>()::add, new CancelFlag());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no message could be read")), r.warnings().toString());
    }
}
