package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.BigCase;

/** A chat too large to hold, read from its records file a page at a time (issue 15). */
class ChatPagingTest {
    private static final int N = 30_000;
    @TempDir
    static Path dir;
    private static ChatViewModel chat;
    /** The rows the viewer must show, worked out from the generator's rules (not by the code under test). */
    private static final List<Object> expected = new ArrayList<>();

    @BeforeAll
    static void aChatOfThirtyThousandMessages() throws Exception {
        AppContext app = new AppContext(dir.resolve("ws"));
        Path caseDir = dir.resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 15/2026", "Big chat", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), Actor.named("SI Asha Rao")));
        BigCase.fill(caseDir, 1, N, 0);
        chat = ChatViewModel.load(app.ui().evidence(), caseDir, "E0001");
        LocalDate day = null;
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 9, 0);
        for (int i = 0; i < N; i++) {
            if (i % 211 != 7) {
                LocalDate d = t0.plusMinutes(i * 15L).toLocalDate();
                if (!d.equals(day)) {
                    day = d;
                    expected.add(d);
                }
            }
            expected.add(i);
        }
    }

    private static void assertRow(int row) {
        ChatViewModel.Row r = chat.rows().get(row);
        Object want = expected.get(row);
        if (want instanceof LocalDate d) {
            assertEquals(new ChatViewModel.DayRow(d), r, "row " + row);
        } else {
            int i = (Integer) want;
            ChatViewModel.MessageRow m = assertInstanceOf(ChatViewModel.MessageRow.class, r, "row " + row);
            assertEquals(i, m.index());
            assertEquals(BigCase.text(i), m.text());
            assertEquals(BigCase.sender(i), m.sender());
            assertEquals(i % 101 == 0 ? "IMG-" + i + ".jpg" : null, m.attachment());
        }
    }

    @Test
    void theRowsAtTheStartMiddleAndEndAreTheMessagesAndDaysOfTheChat() {
        assertEquals(expected.size(), chat.rows().size());
        assertEquals(N, chat.messageCount());
        for (int row : new int[] {0, 1, 2, 95, 96, 97, expected.size() / 2, expected.size() / 2 + 1,
            expected.size() - 2, expected.size() - 1}) {
            assertRow(row);
        }
        for (int k = 0; k < 300; k++) { // and a spread of rows all through it
            assertRow((int) ((long) k * 7919 % expected.size()));
        }
    }

    @Test
    void showingAFewRowsReadsOnlyTheirPages() {
        long before = chat.rows().rowsRead();
        chat.rows().get(expected.size() - 1);
        chat.rows().get(expected.size() / 3);
        long read = chat.rows().rowsRead() - before;
        assertTrue(read <= 2L * ChatViewModel.PAGE, "rows read for two rows far apart: " + read);
        assertTrue(chat.rows().cachedPages() <= org.sakshi.ui.common.PagedList.CACHED_PAGES);
    }

    @Test
    void sendersAreListedInOrderOfFirstAppearanceWithTheirColours() {
        // message 0 is a system notice; Ravi Kumar first writes message 5
        assertEquals(List.of("রহিম", "सीमा", "Dev \"DJ\" Joshi", "Anita", "Ravi Kumar"), chat.senders());
        ChatViewModel.MessageRow m = (ChatViewModel.MessageRow) chat.rows().get(chat.rowOfMessage(3));
        assertEquals(2, m.senderIndex());
        assertEquals(-1, ((ChatViewModel.MessageRow) chat.rows().get(chat.rowOfMessage(0))).senderIndex());
    }

    @Test
    void searchFindsExactlyTheMessagesWhoseTextSenderOrAttachmentContainTheQuery() {
        for (String q : List.of("needle", "NEEDLE is", "টাকা", "सीमा", "ravi", "img-10", "\"quotes\"", "line with",
                "\"dj\"", "message 2999", "nothing like this")) {
            List<Integer> want = BigCase.expectedHits(N, q).stream().map(chat::rowOfMessage).toList();
            assertEquals(want, chat.search(q), q);
        }
    }

    @Test
    void nextHitWalksTheHitsInOrderFromWhereYouAreAndWraps() {
        List<Integer> hits = BigCase.expectedHits(N, "needle").stream().map(chat::rowOfMessage).toList();
        assertEquals(N / 1000, hits.size());
        int row = -1;
        for (int h : hits) {
            row = chat.nextHit("needle", row, 1);
            assertEquals(h, row);
        }
        assertEquals(hits.get(0), chat.nextHit("needle", row, 1), "after the last hit comes the first");
        assertEquals(hits.get(hits.size() - 1), chat.nextHit("needle", hits.get(0), -1), "before the first, the last");
        assertEquals(hits.get(4), chat.nextHit("needle", hits.get(5), -1));
        int between = (hits.get(7) + hits.get(8)) / 2;
        assertEquals(hits.get(8), chat.nextHit("needle", between, 1), "from a row between hits, the next one");
        assertEquals(-1, chat.nextHit("nothing like this", 0, 1));
    }

    @Test
    void lettersWhoseLowerCaseIsAsciiAreFoundAsJavaLowerCasesThem() throws Exception {
        List<Map<String, Object>> msgs = new ArrayList<>();
        for (String text : List.of("plain text", "temperature 5 \u212a", "\u0130stanbul", "\u0130")) {
            Map<String, Object> m = new HashMap<>();
            m.put("index", (long) msgs.size());
            m.put("time", "2021-07-28T14:05:00");
            m.put("sender", "Anu");
            m.put("text", text);
            msgs.add(m);
        }
        ChatViewModel vm = new ChatViewModel(msgs);
        // row 0 is the day; "5 K" (Kelvin sign) lower-cases to "5 k"; "İ" to "i̇", which contains "i"
        assertEquals(List.of(2), vm.search("5 k"));
        assertEquals(List.of(1, 3, 4), vm.search("i"));
        assertEquals(List.of(3), vm.search("istanbul".substring(1)));
    }

    @Test
    void aMessageWithAnUnreadableTimeKeepsItsPlaceWithoutADay() {
        int m = 7; // 7 % 211 == 7: no time
        ChatViewModel.MessageRow r = (ChatViewModel.MessageRow) chat.rows().get(chat.rowOfMessage(m));
        assertNull(r.time());
        assertEquals(m, r.index());
    }
}
