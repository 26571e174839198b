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
 * <p>The bytes are searched in place, eight at a time (SWAR: one {@code long} read, a few integer
 * operations per target byte): each text has a <em>key</em> byte, the rarest of its letters in
 * ledger lines ({@code y} for the special texts, {@code v}/{@code V} for the receipt marks), and
 * only where a key byte occurs is the whole text compared. Every occurrence of a text holds its key
 * byte at a fixed offset, so nothing is missed; the word test may flag a byte that is not a key
 * (a borrow), which the byte-by-byte look then dismisses. No copy of the line is made (session 8's
 * Latin-1 copy for {@code String.indexOf} was about a seventh of the verifier's CPU, docs/performance.md).
 * More than {@link #MAX_KEYS} distinct key bytes fall back to that copy.
 */
final class LineMarks {
    static final int SPECIAL = 1;
    static final int ASKED = 2;

    static final List<String> SPECIAL_TEXTS = List.of("\"type\":\"KEY_ENROLLED\"", "\"type\":\"CASE_CREATED\"",
            "\"type\":\"LEDGER_ANCHORED\"");
    private static final String TYPE = "\"type\":\"";

    private static final byte[] TYPE_BYTES = TYPE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] SPECIAL_BYTES = SPECIAL_TEXTS.stream()
            .map(t -> t.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    /** Letters of ASCII text in the order they are sought as keys: the rarest in ledger lines first. */
    private static final String RARE_FIRST = "QZXJqzjxVKvkYyWBwbGUFPgfpHMDCIORLNASETUhmculdrsniaote";
    private static final int MAX_KEYS = 4;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final String[] asked;
    private final byte[][] askedBytes;
    /** Each asked text's key: its index in the text. */
    private final int[] askedKey;
    /** The distinct key bytes ({@code 'y'} first, for the special texts), each repeated in every byte of a long. */
    private final long[] keyWords;
    private final byte[] keys;

    LineMarks(List<String> asked) {
        this.asked = asked.toArray(new String[0]);
        for (String s : this.asked) {
            if (s.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new IllegalArgumentException("a mark must be non-empty ASCII text: " + s);
            }
        }
        askedBytes = new byte[this.asked.length][];
        askedKey = new int[this.asked.length];
        java.util.LinkedHashSet<Byte> k = new java.util.LinkedHashSet<>();
        k.add((byte) 'y');
        for (int a = 0; a < this.asked.length; a++) {
            askedBytes[a] = this.asked[a].getBytes(StandardCharsets.US_ASCII);
            askedKey[a] = keyOf(this.asked[a]);
            k.add(askedBytes[a][askedKey[a]]);
        }
        keys = new byte[k.size()];
        keyWords = new long[k.size()];
        int i = 0;
        for (byte b : k) {
            keys[i] = b;
            keyWords[i++] = (b & 0xffL) * ONES;
        }
    }

    /** The index of the rarest letter of {@code text} (any character when it has no letter: the first). */
    private static int keyOf(String text) {
        int best = 0;
        int rank = Integer.MAX_VALUE;
        for (int i = 0; i < text.length(); i++) {
            int r = RARE_FIRST.indexOf(text.charAt(i));
            if (r >= 0 && r < rank) {
                rank = r;
                best = i;
            }
        }
        return best;
    }

    /** The groups ({@link #SPECIAL}, {@link #ASKED}) of which {@code utf8} contains at least one text. */
    int find(byte[] utf8) {
        if (keys.length > MAX_KEYS) {
            return findByCopy(utf8);
        }
        int n = utf8.length;
        int found = 0;
        int i = 0;
        int words = n - 7;
        for (; i < words; i += 8) {
            long w = (long) LONGS.get(utf8, i);
            long hit = 0;
            for (long kw : keyWords) {
                long t = w ^ kw;
                hit |= (t - ONES) & ~t & HIGHS;
            }
            if (hit != 0) {
                for (int j = i; j < i + 8; j++) {
                    found |= at(utf8, j, found);
                }
                if (found == (SPECIAL | ASKED)) {
                    return found;
                }
            }
        }
        for (; i < n; i++) {
            found |= at(utf8, i, found);
        }
        return found;
    }

    /** The groups not yet in {@code found} of which a text occurs in {@code b} with its key byte at {@code p}. */
    private int at(byte[] b, int p, int found) {
        byte c = b[p];
        int more = 0;
        if (c == 'y' && (found & SPECIAL) == 0 && p >= 2 && region(b, p - 2, TYPE_BYTES)) {
            for (byte[] t : SPECIAL_BYTES) {
                if (region(b, p - 2, t)) {
                    more = SPECIAL;
                    break;
                }
            }
        }
        if ((found & ASKED) == 0) {
            for (int a = 0; a < askedBytes.length; a++) {
                int k = askedKey[a];
                if (askedBytes[a][k] == c && p >= k && region(b, p - k, askedBytes[a])) {
                    more |= ASKED;
                    break;
                }
            }
        }
        return more;
    }

    private static boolean region(byte[] b, int from, byte[] text) {
        return from + text.length <= b.length
                && java.util.Arrays.equals(b, from, from + text.length, text, 0, text.length);
    }

    /** The search over a Latin-1 copy of the line (one char per byte), for many distinct keys. */
    private int findByCopy(byte[] utf8) {
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
