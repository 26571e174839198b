package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.DateOrder;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.ParseInput;

/** The date order decided by the evidence of time when every date fits two orders, and a wrong choice refused. */
class WhatsAppDateOrderTest {
    @TempDir
    Path dir;

    /**
     * d/m/yy dates with every day at most 12 over six months, three messages a day: both orders read
     * every date, but only d/m/y keeps the times in order (m/d/y jumps back at every month).
     */
    static String dayFirstOverSixMonths(int outOfOrder) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int m = 1; m <= 6; m++) {
            for (int d = 1; d <= 12; d += 2) {
                for (int h = 9; h <= 11; h++) {
                    b.append(String.format("%02d/%02d/21, %02d:15 - Ramesh: message %d%n", d, m, h, n++));
                    if (outOfOrder > 0 && m == 3 && d == 5 && h == 10) {
                        b.append("01/01/21, 08:00 - Suresh: a line out of order\n");
                        outOfOrder--;
                    }
                }
            }
        }
        return b.toString();
    }

    private ParseInput file(String text, DateOrder chosen) throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", text);
        return ParseInput.ofFile("chat.txt", f, chosen == null ? options() : options().withDateOrder(chosen));
    }

    @Test
    void whenEveryDateFitsTwoOrdersTheOneUnderWhichTimeRunsForwardIsChosenAndRecorded() throws Exception {
        ChatTestSupport.Run r = run(file(dayFirstOverSixMonths(0), null));
        assertEquals("dmy", r.summary().get("date_order"));
        assertEquals("2021-01-01T09:15:00", r.message(0).get("time"));
        assertEquals("2021-06-11T11:15:00", r.summary().get("last_time"));
        Assumption a = r.result().assumptions().stream().filter(x -> x.what().equals("date_order")).findFirst().orElseThrow();
        assertEquals("dmy", a.value());
        assertTrue(a.reason().startsWith("inferred from the order of time") && a.reason().contains("dmy 0 step(s) back")
                && a.reason().contains("mdy 5 step(s) back"), a.reason());
    }

    @Test
    void aFewLinesOutOfOrderDoNotHideTheEvidence() throws Exception {
        ChatTestSupport.Run r = run(file(dayFirstOverSixMonths(1), null));
        assertEquals("dmy", r.summary().get("date_order"));
    }

    @Test
    void whenTimeRunsForwardUnderBothOrdersTheUserIsAsked() throws Exception {
        String text = "01/03/21, 09:00 - A: x\n02/03/21, 09:00 - A: y\n05/03/21, 09:00 - A: z\n";
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class, () -> run(file(text, null)));
        assertEquals(List.of(DateOrder.DMY, DateOrder.MDY), e.choices());
        // the question names the file and shows its dates read both ways
        assertTrue(e.file() != null && !e.file().isBlank());
        assertEquals(List.of("line 1: 1/3/21 is 2021-03-01 (dmy) or 2021-01-03 (mdy)",
                "line 2: 2/3/21 is 2021-03-02 (dmy) or 2021-02-03 (mdy)",
                "line 3: 5/3/21 is 2021-03-05 (dmy) or 2021-05-03 (mdy)"), e.examples());
        assertTrue(e.getMessage().contains("line 1: 1/3/21 is 2021-03-01 (dmy) or 2021-01-03 (mdy)"), e.getMessage());
    }

    @Test
    void aChosenOrderThatMakesTimeRunBackwardsIsRefusedWithTheBetterOrder() throws Exception {
        DateOrderRefusedException e = assertThrows(DateOrderRefusedException.class,
                () -> run(file(dayFirstOverSixMonths(0), DateOrder.MDY)));
        assertTrue(e.getMessage().contains("run backwards on 5 of 108 lines") && e.getMessage().contains("--date-order dmy"),
                e.getMessage());
        assertEquals(List.of(DateOrder.DMY), e.choices());
    }

    @Test
    void aChosenOrderThatTurnsTheChatIntoOnePreambleIsRefused() throws Exception {
        String text = "28/07/21, 09:00 - A: x\n29/07/21, 09:00 - A: y\n30/07/21, 09:00 - A: z\n";
        DateOrderRefusedException e = assertThrows(DateOrderRefusedException.class, () -> run(file(text, DateOrder.MDY)));
        assertTrue(e.getMessage().contains("one preamble") && e.getMessage().contains("--date-order dmy"), e.getMessage());
    }

    @Test
    void aChosenOrderThatFitsIsKeptAndRecordedAsTheUsersChoice() throws Exception {
        ChatTestSupport.Run r = run(file(dayFirstOverSixMonths(0), DateOrder.DMY));
        assertEquals(new Assumption("date_order", "dmy", "chosen by the user (--date-order)"), r.result().assumptions().get(0));
    }

    @Test
    void nepaliYearFirstDatesWithTwoDigitYearsAreReadAsYmdBecauseUnderDmyTheYearWouldChangeEveryDay() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int d = 1; d <= 20; d++) {
            b.append(WhatsAppGrammarTest.native_(String.format("21/7/%d, 21:05 - राम: नमस्ते %d%n", d, d), '\u0966'));
        }
        ChatTestSupport.Run r = run(file(b.toString(), null));
        assertEquals("ymd", r.summary().get("date_order"));
        assertEquals("2021-07-01T21:05:00", r.summary().get("first_time"));
        assertEquals("2021-07-20T21:05:00", r.summary().get("last_time"));
        Assumption a = r.result().assumptions().stream().filter(x -> x.what().equals("date_order")).findFirst().orElseThrow();
        assertTrue(a.reason().contains("year-first dates with 2-digit years") && a.reason().contains("under dmy 9 date(s) "
                + "are impossible and the year would change 10 times"), a.reason());
    }

    @Test
    void dayFirstDatesWithTwoDigitYearsStayDayFirst() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int d = 1; d <= 20; d++) {
            b.append(String.format("%02d/07/21, 21:05 - A: x%n", d));
        }
        assertEquals("dmy", run(file(b.toString(), null)).summary().get("date_order"));
    }
}
