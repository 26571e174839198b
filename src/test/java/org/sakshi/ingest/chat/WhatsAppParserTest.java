package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.DateOrder;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.ParseInput;

/** WhatsApp rules that the generated corpus does not exercise: ambiguity, odd lines, bad bytes. */
class WhatsAppParserTest {
    @TempDir
    Path dir;

    private static final String AMBIGUOUS = """
            03/04/21, 10:00 - Ramesh: first
            05/06/21, 11:00 - Suresh: second
            """;

    private ParseInput file(String text) throws Exception {
        return ParseInput.ofFile("chat.txt", ChatTestSupport.write(dir, "chat.txt", text), options());
    }

    @Test
    void datesThatFitTwoOrdersStopTheImportAndNameBothChoices() throws Exception {
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class, () -> run(file(AMBIGUOUS)));
        assertEquals(List.of(DateOrder.DMY, DateOrder.MDY), e.choices());
        assertTrue(e.getMessage().contains("chat.txt") && e.getMessage().contains("dmy|mdy"), e.getMessage());
    }

    @Test
    void aChosenDateOrderResolvesTheAmbiguityAndIsRecordedAsTheUsersChoice() throws Exception {
        ParseInput in = ParseInput.ofFile("chat.txt", ChatTestSupport.write(dir, "chat.txt", AMBIGUOUS),
                options().withDateOrder(DateOrder.MDY));
        ChatTestSupport.Run r = run(in);
        assertEquals("2021-03-04T10:00:00", r.message(0).get("time"));
        assertEquals("2021-05-06T11:00:00", r.message(1).get("time"));
        Assumption a = r.result().assumptions().get(0);
        assertEquals(new Assumption("date_order", "mdy", "chosen by the user (--date-order)"), a);
    }

    @Test
    void oneDayAboveTwelveLateInTheFileDecidesTheOrderForTheWholeFile() throws Exception {
        ChatTestSupport.Run r = run(file(AMBIGUOUS + "07/25/21, 12:00 - Ramesh: third\n"));
        assertEquals("mdy", r.summary().get("date_order"));
        assertEquals("2021-03-04T10:00:00", r.message(0).get("time"));
        Assumption a = r.result().assumptions().get(0);
        assertTrue(a.reason().contains("dmy ruled out by line 3 (7/25/21)"), a.reason());
    }

    @Test
    void twoDigitYearFirstDatesAreReadWhenTheUserChoosesYmd() throws Exception {
        ParseInput in = ParseInput.ofFile("c.txt", ChatTestSupport.write(dir, "c.txt", "21-07-28, 14:05 - A: x\n"),
                options().withDateOrder(DateOrder.YMD));
        assertEquals("2021-07-28T14:05:00", run(in).message(0).get("time"));
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsReplacementCharactersWithAWarning() throws Exception {
        byte[] head = "28/07/21, 14:05 - Ramesh: caf".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        all[head.length + 1] = '\n';
        ChatTestSupport.Run r = run(ParseInput.ofFile("c.txt", ChatTestSupport.write(dir, "c.txt", all), options()));
        assertEquals("caf\uFFFD", r.message(0).get("text"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("not valid UTF-8")), r.result().warnings().toString());
    }

    @Test
    void linesBeforeTheFirstMessageAreKeptAsAPreambleWithoutTimeOrSender() throws Exception {
        ChatTestSupport.Run r = run(file("exported by a tool\n28/07/21, 14:05 - Ramesh: hi\n29/07/21, 14:05 - Ramesh: x\n"
                + "30/07/21, 14:05 - Ramesh: y\n"));
        assertEquals(4, r.messages().size());
        assertNull(r.message(0).get("time"));
        assertEquals("exported by a tool", r.message(0).get("text"));
        assertEquals(List.of("preamble"), flags(r.message(0)));
    }

    @Test
    void aHeaderWithAnImpossibleDateIsKeptAsTextOfThePreviousMessage() throws Exception {
        ChatTestSupport.Run r = run(file("28/07/21, 14:05 - Ramesh: hi\n31/02/21, 14:06 - Ramesh: odd\n"));
        assertEquals(1, r.messages().size());
        assertEquals("hi\n31/02/21, 14:06 - Ramesh: odd", r.message(0).get("text"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("impossible")));
    }

    @Test
    void anAndroidSubjectChangeWithAColonInsideQuotesIsASystemNotice() throws Exception {
        ChatTestSupport.Run r = run(file("28/07/21, 14:05 - Ramesh changed the subject from \"Plan: A\" to \"B\"\n"));
        assertNull(r.message(0).get("sender"));
        assertEquals(List.of("system"), flags(r.message(0)));
    }

    @Test
    void anIosLocationShareStartingWithAMarkIsAUserMessage() throws Exception {
        ChatTestSupport.Run r = run(file("[28/07/21, 14:05:00] Ramesh: \u200ELocation: https://maps.google.com/?q=1,2\n"));
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals("Location: https://maps.google.com/?q=1,2", r.message(0).get("text"));
    }

    @Test
    void aSenderWithAnEmptyFirstLineKeepsTheFollowingLinesAsText() throws Exception {
        ChatTestSupport.Run r = run(file("28/07/21, 14:05 - Ramesh:\nline two\n"));
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals("line two", r.message(0).get("text"));
    }

    @Test
    void aLineLongerThanTheLineCapIsSplitAndTheMessageKept() throws Exception {
        String big = "x".repeat(WhatsAppParser.MAX_LINE_BYTES + 10);
        ChatTestSupport.Run r = run(file("28/07/21, 14:05 - Ramesh: " + big + "\n28/07/21, 14:06 - Ramesh: after\n"));
        assertEquals(2, r.messages().size());
        assertEquals("after", r.message(1).get("text"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("were split")));
    }

    @Test
    void aMessageLongerThanTheTextCapIsCutAndFlagged() throws Exception {
        String line = "y".repeat(1000);
        StringBuilder b = new StringBuilder("28/07/21, 14:05 - Ramesh: start\n");
        for (int i = 0; i < WhatsAppParser.MAX_TEXT_CHARS / 1000 + 5; i++) {
            b.append(line).append('\n');
        }
        ChatTestSupport.Run r = run(file(b.toString()));
        // the cap counts the header's "Ramesh: " too
        assertEquals(WhatsAppParser.MAX_TEXT_CHARS - "Ramesh: ".length(), ((String) r.message(0).get("text")).length());
        assertEquals(List.of("truncated"), flags(r.message(0)));
    }

    @Test
    void noZoneGivenMeansUtcIsAssumedAndSaidSo() throws Exception {
        ParseInput in = ParseInput.ofFile("c.txt", ChatTestSupport.write(dir, "c.txt", "28/07/21, 14:05 - A: x\n"),
                org.sakshi.ingest.ParseOptions.defaults(null));
        ChatTestSupport.Run r = run(in);
        assertEquals("Z", r.summary().get("zone"));
        assertTrue(r.result().assumptions().stream().anyMatch(a -> a.what().equals("zone")
                && a.reason().contains("UTC is assumed")));
    }
}
