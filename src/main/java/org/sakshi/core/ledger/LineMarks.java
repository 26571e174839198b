package org.sakshi.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finds which of a few ASCII texts a stored line's UTF-8 bytes contain, exactly as {@link String#contains}
 * would on the decoded line: an ASCII text is never part of a multi-byte sequence, and decoding
 * (malformed sequences become U+FFFD) neither makes nor breaks an ASCII match. Two groups:
 * {@link #SPECIAL}, the texts by which a line may enrol a key or anchor the ledger
 * ({@code "type":"KEY_ENROLLED"}, {@code "type":"CASE_CREATED"}, {@code "type":"LEDGER_ANCHORED"}),
 * and {@link #ASKED}, the texts a caller asked for.
 * <p>The bytes are searched as a Latin-1 string (one char per byte, so a match of ASCII text in it
 * is a match in the bytes), whose {@code indexOf} the JVM runs with vector instructions: a copy and
 * a few vector scans cost less than one loop over the bytes. The special texts share their start
 * {@code "type":"}, which is looked for once.
 */
final class LineMarks {
    static final int SPECIAL = 1;
    static final int ASKED = 2;

    static final List<String> SPECIAL_TEXTS = List.of("\"type\":\"KEY_ENROLLED\"", "\"type\":\"CASE_CREATED\"",
            "\"type\":\"LEDGER_ANCHORED\"");
    private static final String TYPE = "\"type\":\"";

    private final String[] asked;

    LineMarks(List<String> asked) {
        this.asked = asked.toArray(new String[0]);
        for (String s : this.asked) {
            if (s.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new IllegalArgumentException("a mark must be non-empty ASCII text: " + s);
            }
        }
    }

    /** The groups ({@link #SPECIAL}, {@link #ASKED}) of which {@code utf8} contains at least one text. */
    int find(byte[] utf8) {
        String s = new String(utf8, StandardCharsets.ISO_8859_1);
        int found = 0;
        for (int i = s.indexOf(TYPE); i >= 0; i = s.indexOf(TYPE, i + 1)) {
            if (s.startsWith(SPECIAL_TEXTS.get(0), i) || s.startsWith(SPECIAL_TEXTS.get(1), i)
                    || s.startsWith(SPECIAL_TEXTS.get(2), i)) {
                found = SPECIAL;
                break;
            }
        }
        for (String a : asked) {
            if (s.contains(a)) {
                return found | ASKED;
            }
        }
        return found;
    }
}
