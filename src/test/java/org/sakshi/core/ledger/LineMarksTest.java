package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-scan search of a stored line finds exactly what String.contains finds on the decoded line. */
class LineMarksTest {
    private static final List<String> ASKED = List.of("BUNDLE_RECEIVED", "received");

    private static int expected(byte[] utf8) {
        String line = new String(utf8, StandardCharsets.UTF_8);
        int want = 0;
        for (String t : LineMarks.SPECIAL_TEXTS) {
            if (line.contains(t)) {
                want |= LineMarks.SPECIAL;
            }
        }
        for (String t : ASKED) {
            if (line.contains(t)) {
                want |= LineMarks.ASKED;
            }
        }
        return want;
    }

    @Test
    void eachTextIsFoundAtTheStartInTheMiddleAndAtTheEndOfALineAndNotWhenCutShort() {
        LineMarks m = new LineMarks(ASKED);
        for (String t : List.of("\"type\":\"KEY_ENROLLED\"", "\"type\":\"CASE_CREATED\"", "\"type\":\"LEDGER_ANCHORED\"",
                "BUNDLE_RECEIVED", "received")) {
            int group = t.startsWith("\"type\"") ? LineMarks.SPECIAL : LineMarks.ASKED;
            for (String line : List.of(t, "{" + t + "}", "xx" + t, t + "\u0915\u0916", "\u00e9" + t + "\u00e9")) {
                assertEquals(group, m.find(line.getBytes(StandardCharsets.UTF_8)), line);
            }
            String cutEnd = t.substring(0, t.length() - 1);
            String cutStart = t.substring(1);
            assertEquals(0, m.find(cutEnd.getBytes(StandardCharsets.UTF_8)), cutEnd);
            assertEquals(0, m.find(("{" + cutStart).getBytes(StandardCharsets.UTF_8)), cutStart);
        }
        assertEquals(LineMarks.SPECIAL | LineMarks.ASKED,
                m.find("{\"details\":{\"received\":{}},\"type\":\"CASE_CREATED\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, m.find("{\"type\":\"KEY_ENROLLEDX\"".getBytes(StandardCharsets.UTF_8)) & LineMarks.ASKED);
        assertEquals(0, m.find("Received RECEIVED \\\"type\\\":\\\"CASE_CREATED\\\"".getBytes(StandardCharsets.UTF_8)),
                "case-sensitive, and an escaped quote is not a quote");
    }

    @Test
    void randomLinesWithPlantedTextsAndMalformedUtf8AgreeWithContainsOnTheDecodedLine() {
        LineMarks m = new LineMarks(ASKED);
        LineMarks specialOnly = new LineMarks(List.of());
        Random r = new Random(15);
        byte[] alphabet = "\"type:KEYCASE_NROLDGHBUrcivd{}ab\\".getBytes(StandardCharsets.US_ASCII);
        String[] plant = {"\"type\":\"KEY_ENROLLED\"", "\"type\":\"CASE_CREATED\"", "\"type\":\"LEDGER_ANCHORED\"",
            "BUNDLE_RECEIVED", "received", "\"type\":\"", "receive", "UNDLE_RECEIVED"};
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[r.nextInt(80)];
            for (int i = 0; i < b.length; i++) {
                int k = r.nextInt(10);
                // mostly the texts' own letters; now and then any byte, including malformed UTF-8
                b[i] = k == 0 ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
            }
            if (b.length > 0 && r.nextBoolean()) {
                byte[] p = plant[r.nextInt(plant.length)].getBytes(StandardCharsets.US_ASCII);
                int at = r.nextInt(b.length);
                System.arraycopy(p, 0, b, at, Math.min(p.length, b.length - at));
            }
            int want = expected(b);
            assertEquals(want, m.find(b), () -> new String(b, StandardCharsets.ISO_8859_1));
            assertEquals(want & LineMarks.SPECIAL, specialOnly.find(b));
        }
    }

    @Test
    void aMarkMustBeAsciiText() {
        assertThrows(IllegalArgumentException.class, () -> new LineMarks(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> new LineMarks(List.of("re\u00e7u")));
    }
}
