package org.sakshi.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds in one scan of a stored line's UTF-8 bytes which of a few ASCII texts it contains, exactly as
 * {@link String#contains} would on the decoded line: an ASCII text is never part of a multi-byte
 * sequence, and decoding (malformed sequences become U+FFFD) neither makes nor breaks an ASCII match.
 * Two groups: {@link #SPECIAL}, the texts by which a line may enrol a key or anchor the ledger
 * ({@code "type":"KEY_ENROLLED"}, {@code "type":"CASE_CREATED"}, {@code "type":"LEDGER_ANCHORED"}),
 * and {@link #ASKED}, the texts a caller asked for.
 * <p>Each text is looked for only where one of its rarest bytes (by a fixed guess of how often bytes
 * occur in ledger lines) stands, so most bytes of a line cost one table look-up.
 */
final class LineMarks {
    static final int SPECIAL = 1;
    static final int ASKED = 2;

    static final List<String> SPECIAL_TEXTS = List.of("\"type\":\"KEY_ENROLLED\"", "\"type\":\"CASE_CREATED\"",
            "\"type\":\"LEDGER_ANCHORED\"");

    /** Bytes from rarest to most common in ledger lines (a guess; any order gives the same answer). */
    private static final String RARE_FIRST = "QJZXqjzxKVYWkvywGHUPBMgpubmhFLNOIRSTlnoirstACDEcde_ABCDEF";

    private final byte[][] texts;
    private final int[] groups;
    private final int[] anchorAt;
    private final int[][] byAnchor = new int[256][];
    private final int all;

    LineMarks(List<String> asked) {
        List<String> t = new ArrayList<>(SPECIAL_TEXTS);
        t.addAll(asked);
        texts = new byte[t.size()][];
        groups = new int[t.size()];
        anchorAt = new int[t.size()];
        int a = 0;
        for (int k = 0; k < t.size(); k++) {
            String s = t.get(k);
            if (s.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new IllegalArgumentException("a mark must be non-empty ASCII text: " + s);
            }
            texts[k] = s.getBytes(StandardCharsets.US_ASCII);
            groups[k] = k < SPECIAL_TEXTS.size() ? SPECIAL : ASKED;
            a |= groups[k];
            anchorAt[k] = anchor(s);
            int at = texts[k][anchorAt[k]] & 0xff;
            int[] old = byAnchor[at];
            int[] now = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = k;
            byAnchor[at] = now;
        }
        all = a;
    }

    private static int anchor(String s) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < s.length(); i++) {
            int r = RARE_FIRST.indexOf(s.charAt(i));
            r = r < 0 ? Integer.MAX_VALUE - 1 : r;
            if (r < bestRank) {
                bestRank = r;
                best = i;
            }
        }
        return best;
    }

    /** The groups ({@link #SPECIAL}, {@link #ASKED}) of which {@code utf8} contains at least one text. */
    int find(byte[] utf8) {
        int found = 0;
        int n = utf8.length;
        int[][] table = byAnchor;
        for (int i = 0; i < n; i++) {
            int[] candidates = table[utf8[i] & 0xff];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if ((found & groups[k]) != 0) {
                    continue;
                }
                byte[] t = texts[k];
                int s = i - anchorAt[k];
                if (s >= 0 && s + t.length <= n && Arrays.equals(utf8, s, s + t.length, t, 0, t.length)) {
                    found |= groups[k];
                    if (found == all) {
                        return found;
                    }
                }
            }
        }
        return found;
    }
}
