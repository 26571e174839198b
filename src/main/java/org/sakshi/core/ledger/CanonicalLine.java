package org.sakshi.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The fast path of {@link ChainVerifier}'s line check: decides in one forward scan of a stored
 * line's UTF-8 bytes whether the line is already in RFC 8785 canonical form, and if so hashes its
 * members without {@code hash} and {@code sig} straight from those bytes, with no JSON tree.
 * <p>A line is taken only when the scan is sure it is what {@link Jcs} would write for it:
 * one object filling the whole line (no BOM, no whitespace, nothing after it); member names of
 * printable ASCII without escapes, each object's names strictly increasing (so no duplicates);
 * strings whose only escapes are JCS's ({@code \" \\ \b \t \n \f \r} and {@code \}{@code u00xx}
 * in lower-case hex for the other controls), with no raw control character and no lone surrogate;
 * numbers that are integers of at most 15 digits without a sign on zero (JCS writes those as is);
 * {@code true}, {@code false}, {@code null}; at most 64 levels deep; at most 1,000,000 characters.
 * The top-level {@code seq} must be such an integer; {@code type}, {@code case_id}, {@code prev}
 * and {@code hash} strings without escapes, or null, or absent. Anything else, including every
 * line that is not JSON at all, returns null, and the caller takes the full path (Jackson tree and
 * {@link Jcs}), so the verdict, fault and message are the same for every input. For a canonical
 * line, removing two members leaves the canonical form of the rest, which is what is hashed.
 */
final class CanonicalLine {
    private static final int MAX_CHARS = 1_000_000;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NAME = 256;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_MEMBERS = 32;

    private final MessageDigest sha256;
    private final int[] starts = new int[MAX_MEMBERS];
    private final int[] ends = new int[MAX_MEMBERS];
    private final boolean[] skip = new boolean[MAX_MEMBERS];
    private byte[] b;
    private int n;
    private String line;
    private boolean raw; // scanning stored bytes (check UTF-8) rather than a String's encoding (check surrogates)
    private int question; // 0 unknown, 1 the line has no lone surrogate, -1 it has one

    CanonicalLine(MessageDigest sha256) {
        this.sha256 = sha256;
    }

    /** The parsed line, or null when the line must take the full path. */
    ChainVerifier.Parsed parse(String text) {
        if (text == null || text.length() > MAX_CHARS || text.isEmpty() || text.charAt(0) != '{') {
            return null;
        }
        line = text;
        b = text.getBytes(StandardCharsets.UTF_8);
        n = b.length;
        raw = false;
        question = 0;
        try {
            return top() ? parsed() : null;
        } finally {
            line = null;
            b = null;
        }
    }

    /**
     * As {@link #parse(String)} for the line {@code new String(utf8, UTF_8)}, scanning the stored bytes
     * themselves: taken only when they are well-formed UTF-8 (so that decoding them and encoding the
     * text again gives the same bytes; a malformed sequence would be decoded to U+FFFD).
     */
    ChainVerifier.Parsed parseUtf8(byte[] utf8) {
        if (!startUtf8(utf8)) {
            return null;
        }
        try {
            return top() ? parsed() : null;
        } finally {
            b = null;
        }
    }

    /** Sets up a scan of stored UTF-8 bytes; false for bytes that cannot be a canonical line at all. */
    private boolean startUtf8(byte[] utf8) {
        if (utf8 == null || utf8.length > MAX_CHARS || utf8.length == 0 || utf8[0] != '{') {
            return false;
        }
        b = utf8;
        n = utf8.length;
        raw = true;
        return true;
    }

    /**
     * As {@link #parseUtf8}, without making the texts of {@code prev} and {@code hash}: the line is kept
     * with their places in it and whether the recorded hash is right ({@link ChainVerifier.Slim#parsed()}
     * gives what {@link #parseUtf8} would). Null when the line must take the full path.
     */
    ChainVerifier.Slim slimUtf8(byte[] utf8) {
        if (!startUtf8(utf8)) {
            return null;
        }
        try {
            if (!top()) {
                return null;
            }
            boolean right = hashLen >= 0 && matches(b, hashAt, hashLen, digest);
            return new ChainVerifier.Slim(seq, type, caseId, utf8, prevAt, prevLen, hashAt, hashLen,
                    right ? null : digest);
        } finally {
            b = null;
        }
    }

    /** What the last {@link #top()} found, as {@link ChainVerifier.Parsed}. */
    private ChainVerifier.Parsed parsed() {
        String prev = prevLen < 0 ? null : new String(b, prevAt, prevLen, StandardCharsets.UTF_8);
        String stored = hashLen < 0 ? null : new String(b, hashAt, hashLen, StandardCharsets.UTF_8);
        // the usual case: the recorded hash is right, and the computed text equals it
        String computed = stored != null && matches(b, hashAt, hashLen, digest) ? stored
                : HexFormat.of().formatHex(digest);
        return new ChainVerifier.Parsed(seq, type, caseId, prev, stored, computed, null);
    }

    // what the last top() found: the seq, type and case_id, the places of the prev and hash texts
    // (length -1 for null or absent) and the digest of the members without hash and sig
    private long seq;
    private String type;
    private String caseId;
    private int prevAt;
    private int prevLen;
    private int hashAt;
    private int hashLen;
    private byte[] digest;

    /** Scans the line; false when it must take the full path, else what it found is in the fields above. */
    private boolean top() {
        int i = 1;
        int members = 0;
        boolean haveSeq = false;
        seq = 0;
        type = null;
        caseId = null;
        prevLen = -1;
        hashLen = -1;
        int prevNameStart = -1;
        int prevNameEnd = -1;
        if (i < n && b[i] == '}') {
            return false; // no seq: the full path says so
        }
        while (true) {
            if (members == MAX_MEMBERS) {
                return false;
            }
            int nameStart = i;
            int nameEnd = name(i);
            if (nameEnd < 0 || !after(prevNameStart, prevNameEnd, nameStart, nameEnd)) {
                return false;
            }
            prevNameStart = nameStart;
            prevNameEnd = nameEnd;
            i = nameEnd;
            if (i >= n || b[i] != ':') {
                return false;
            }
            int vStart = i + 1;
            int vEnd = value(vStart, 1);
            if (vEnd < 0) {
                return false;
            }
            boolean excluded = false;
            switch (key(nameStart + 1, nameEnd - 1)) {
                case 1 -> { // seq
                    if (!isNumber(vStart)) {
                        return false;
                    }
                    seq = integer(vStart, vEnd);
                    haveSeq = true;
                }
                case 2 -> { // type
                    type = plain(vStart, vEnd, true);
                    if (type == BAD) {
                        return false;
                    }
                }
                case 3 -> { // case_id
                    caseId = plain(vStart, vEnd, true);
                    if (caseId == BAD) {
                        return false;
                    }
                }
                case 4 -> { // prev
                    prevLen = plainLength(vStart, vEnd);
                    if (prevLen == BAD_LENGTH) {
                        return false;
                    }
                    prevAt = vStart + 1;
                }
                case 5 -> { // hash
                    hashLen = plainLength(vStart, vEnd);
                    if (hashLen == BAD_LENGTH) {
                        return false;
                    }
                    hashAt = vStart + 1;
                    excluded = true;
                }
                case 6 -> excluded = true; // sig
                default -> {
                }
            }
            starts[members] = nameStart;
            ends[members] = vEnd;
            skip[members] = excluded;
            members++;
            i = vEnd;
            if (i >= n) {
                return false;
            }
            if (b[i] == ',') {
                i++;
            } else if (b[i] == '}') {
                i++;
                break;
            } else {
                return false;
            }
        }
        if (i != n || !haveSeq) {
            return false;
        }
        digest = hashWithout(members);
        return true;
    }

    /** The line without hash and sig, gathered for one digest call (a call per member cost more than the copy). */
    private byte[] content = new byte[1024];

    /** SHA-256 of the line's members that are not skipped, as the object {@code {m1,m2,...}}. */
    private byte[] hashWithout(int members) {
        if (content.length < n) {
            content = new byte[Math.max(n, 2 * content.length)];
        }
        byte[] out = content;
        int p = 0;
        out[p++] = '{';
        for (int m = 0; m < members; m++) {
            if (skip[m]) {
                continue;
            }
            if (p > 1) {
                out[p++] = ',';
            }
            int len = ends[m] - starts[m];
            System.arraycopy(b, starts[m], out, p, len);
            p += len;
        }
        out[p++] = '}';
        sha256.reset();
        sha256.update(out, 0, p);
        return sha256.digest();
    }

    private static final String BAD = new String("bad");
    private static final int BAD_LENGTH = -2;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * True when the UTF-8 text at {@code b[at, at + len)} is the lower-case hex text of {@code digest}, as
     * {@link HexFormat#formatHex} writes it (hex digits are ASCII, so comparing bytes is comparing the texts).
     */
    private static boolean matches(byte[] b, int at, int len, byte[] digest) {
        if (len != 2 * digest.length) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (b[at + 2 * i] != HEX[(digest[i] >> 4) & 0xf] || b[at + 2 * i + 1] != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** The last few texts of case_id and type: nearly every line repeats them, so they are not decoded again. */
    private final byte[][] recentBytes = new byte[4][];
    private final String[] recent = new String[4];
    private int recentNext;

    private String remembered(int start, int len) {
        for (int k = 0; k < recent.length; k++) {
            byte[] r = recentBytes[k];
            if (r != null && r.length == len && java.util.Arrays.equals(r, 0, len, b, start, start + len)) {
                return recent[k];
            }
        }
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        recentBytes[recentNext] = java.util.Arrays.copyOfRange(b, start, start + len);
        recent[recentNext] = s;
        recentNext = (recentNext + 1) % recent.length;
        return s;
    }

    /**
     * The length in bytes of a string value without escapes (its text starts at {@code start + 1}), -1
     * for the literal null, else {@link #BAD_LENGTH}: {@link #plain} without making the text.
     */
    private int plainLength(int start, int end) {
        if (b[start] == 'n') {
            return -1; // value() accepted it, so it is exactly null
        }
        if (b[start] != '"') {
            return BAD_LENGTH;
        }
        for (int k = start + 1; k < end - 1; k++) {
            if (b[k] == '\\') {
                return BAD_LENGTH;
            }
        }
        return end - start - 2;
    }

    /** A string value without escapes, null for the literal null, else {@link #BAD}. */
    private String plain(int start, int end, boolean repeated) {
        if (b[start] == 'n') {
            return null; // value() accepted it, so it is exactly null
        }
        if (b[start] != '"') {
            return BAD;
        }
        for (int k = start + 1; k < end - 1; k++) {
            if (b[k] == '\\') {
                return BAD;
            }
        }
        return repeated ? remembered(start + 1, end - start - 2)
                : new String(b, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }

    /**
     * The value of the integer in [s, e), which {@link #number} accepted: an optional minus and at most
     * 15 digits, so it fits a long ({@code Long.parseLong} of the same text, without making the text).
     */
    private long integer(int s, int e) {
        boolean minus = b[s] == '-';
        long v = 0;
        for (int k = minus ? s + 1 : s; k < e; k++) {
            v = v * 10 + (b[k] - '0');
        }
        return minus ? -v : v;
    }

    private boolean isNumber(int start) {
        byte c = b[start];
        return c == '-' || (c >= '0' && c <= '9');
    }

    /** Which top-level member name lies in [s, e): 1 seq, 2 type, 3 case_id, 4 prev, 5 hash, 6 sig, 0 other. */
    private int key(int s, int e) {
        int len = e - s;
        if (len == 3 && b[s] == 's' && b[s + 1] == 'e' && b[s + 2] == 'q') {
            return 1;
        }
        if (len == 3 && b[s] == 's' && b[s + 1] == 'i' && b[s + 2] == 'g') {
            return 6;
        }
        if (len == 4 && b[s] == 't' && b[s + 1] == 'y' && b[s + 2] == 'p' && b[s + 3] == 'e') {
            return 2;
        }
        if (len == 4 && b[s] == 'p' && b[s + 1] == 'r' && b[s + 2] == 'e' && b[s + 3] == 'v') {
            return 4;
        }
        if (len == 4 && b[s] == 'h' && b[s + 1] == 'a' && b[s + 2] == 's' && b[s + 3] == 'h') {
            return 5;
        }
        if (len == 7 && b[s] == 'c' && b[s + 1] == 'a' && b[s + 2] == 's' && b[s + 3] == 'e' && b[s + 4] == '_'
                && b[s + 5] == 'i' && b[s + 6] == 'd') {
            return 3;
        }
        return 0;
    }

    /** True when the name in [s2, e2) sorts strictly after the one in [s1, e1) (none when s1 is -1). */
    private boolean after(int s1, int e1, int s2, int e2) {
        if (s1 < 0) {
            return true;
        }
        int l1 = e1 - s1;
        int l2 = e2 - s2;
        int l = Math.min(l1, l2);
        for (int k = 0; k < l; k++) {
            int c1 = b[s1 + k];
            int c2 = b[s2 + k];
            if (c1 != c2) {
                return c2 > c1; // both printable ASCII: bytes order as UTF-16 code units
            }
        }
        return l2 > l1;
    }

    /** A member name at i (printable ASCII, no escapes): the index after its closing quote, or -1. */
    private int name(int i) {
        if (i >= n || b[i] != '"') {
            return -1;
        }
        int k = i + 1;
        int limit = Math.min(n, k + MAX_NAME + 1);
        while (k < limit) {
            byte c = b[k];
            if (c == '"') {
                return k + 1;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return -1;
            }
            if (c == '?' && !raw && loneSurrogate()) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    /** Per open container of {@link #value}: an object (else an array), and its last member name's bounds. */
    private final boolean[] openObject = new boolean[MAX_DEPTH + 1];
    private final int[] lastNameStart = new int[MAX_DEPTH + 1];
    private final int[] lastNameEnd = new int[MAX_DEPTH + 1];

    /**
     * A canonical value at i, inside {@code depth} levels of objects and arrays: the index after it, or
     * -1. An object or array nested deeper than {@link #MAX_DEPTH} levels is refused. One loop with its
     * own stack of open containers rather than a method per kind calling itself: the JIT compiles one
     * small loop instead of the same tree inlined at every level, and takes a fraction of the time.
     */
    private int value(int i, int depth) {
        int open = 0; // containers opened inside this value
        while (true) {
            // a value starts at i
            if (i >= n) {
                return -1;
            }
            byte c = b[i];
            if (c == '{' || c == '[') {
                if (depth + open + 1 > MAX_DEPTH) {
                    return -1;
                }
                int k = i + 1;
                if (c == '{') {
                    if (k < n && b[k] == '}') {
                        i = k + 1;
                    } else {
                        int ne = name(k);
                        if (ne < 0) {
                            return -1; // the first name needs no order check
                        }
                        if (ne >= n || b[ne] != ':') {
                            return -1;
                        }
                        openObject[open] = true;
                        lastNameStart[open] = k;
                        lastNameEnd[open] = ne;
                        open++;
                        i = ne + 1;
                        continue;
                    }
                } else {
                    if (k < n && b[k] == ']') {
                        i = k + 1;
                    } else {
                        openObject[open] = false;
                        open++;
                        i = k;
                        continue;
                    }
                }
            } else if (c == '"') {
                i = string(i);
            } else if (c == 't') {
                i = literal(i, "true");
            } else if (c == 'f') {
                i = literal(i, "false");
            } else if (c == 'n') {
                i = literal(i, "null");
            } else {
                i = number(i);
            }
            // a value ended at i: close containers, or go on to the next member or element
            while (true) {
                if (i < 0) {
                    return -1;
                }
                if (open == 0) {
                    return i;
                }
                if (i >= n) {
                    return -1;
                }
                byte d = b[i];
                int top = open - 1;
                if (openObject[top]) {
                    if (d == '}') {
                        open--;
                        i++;
                        continue;
                    }
                    if (d != ',') {
                        return -1;
                    }
                    int k = i + 1;
                    int ne = name(k);
                    if (ne < 0 || !after(lastNameStart[top], lastNameEnd[top], k, ne)) {
                        return -1;
                    }
                    lastNameStart[top] = k;
                    lastNameEnd[top] = ne;
                    if (ne >= n || b[ne] != ':') {
                        return -1;
                    }
                    i = ne + 1;
                } else {
                    if (d == ']') {
                        open--;
                        i++;
                        continue;
                    }
                    if (d != ',') {
                        return -1;
                    }
                    i++;
                }
                break;
            }
        }
    }

    private int literal(int i, String word) {
        int len = word.length();
        if (i + len > n) {
            return -1;
        }
        for (int k = 0; k < len; k++) {
            if (b[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return i + len;
    }

    private int number(int i) {
        int k = i;
        if (b[k] == '-') {
            k++;
        }
        if (k >= n) {
            return -1;
        }
        if (b[k] == '0') {
            if (k != i) {
                return -1; // -0 is written 0
            }
            k++;
        } else if (b[k] >= '1' && b[k] <= '9') {
            int digits = 0;
            while (k < n && b[k] >= '0' && b[k] <= '9') {
                k++;
                if (++digits > MAX_DIGITS) {
                    return -1;
                }
            }
        } else {
            return -1;
        }
        if (k < n && (b[k] == '.' || b[k] == 'e' || b[k] == 'E' || (b[k] >= '0' && b[k] <= '9'))) {
            return -1;
        }
        return k;
    }

    private int string(int i) {
        int k = i + 1;
        while (k < n) {
            byte c = b[k];
            if (c == '"') {
                return k + 1;
            }
            if (c == '\\') {
                if (k + 1 >= n) {
                    return -1;
                }
                byte e = b[k + 1];
                if (e == '"' || e == '\\' || e == 'b' || e == 't' || e == 'n' || e == 'f' || e == 'r') {
                    k += 2;
                    continue;
                }
                if (e != 'u' || k + 5 >= n || b[k + 2] != '0' || b[k + 3] != '0') {
                    return -1;
                }
                int hi = b[k + 4] - '0';
                int lo = hex(b[k + 5]);
                if (hi < 0 || hi > 1 || lo < 0) {
                    return -1;
                }
                int v = hi * 16 + lo;
                if (v == 0x08 || v == 0x09 || v == 0x0a || v == 0x0c || v == 0x0d) {
                    return -1; // JCS writes these in their short forms
                }
                k += 6;
                continue;
            }
            if (c >= 0 && c < 0x20) {
                return -1;
            }
            if (c < 0 && raw) {
                k = utf8(k);
                if (k < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '?' && !raw && loneSurrogate()) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    /** A well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF) at k: the index after it, or -1. */
    private int utf8(int k) {
        int c = b[k] & 0xff;
        int more;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            if (c == 0xe0) {
                lo = 0xa0;
            } else if (c == 0xed) {
                hi = 0x9f;
            }
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            if (c == 0xf0) {
                lo = 0x90;
            } else if (c == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return -1;
        }
        if (k + more >= n) {
            return -1;
        }
        int c1 = b[k + 1] & 0xff;
        if (c1 < lo || c1 > hi) {
            return -1;
        }
        for (int j = 2; j <= more; j++) {
            int cj = b[k + j] & 0xff;
            if (cj < 0x80 || cj > 0xbf) {
                return -1;
            }
        }
        return k + more + 1;
    }

    /** Lower-case hex digit value, or -1. */
    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * True when the line holds a lone surrogate: UTF-8 encoding turned it into {@code ?}, so the
     * bytes alone cannot tell; asked only once a {@code ?} is met, once per line.
     */
    private boolean loneSurrogate() {
        if (question == 0) {
            question = 1;
            String s = line;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (Character.isHighSurrogate(c)) {
                    if (k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                        k++;
                    } else {
                        question = -1;
                        break;
                    }
                } else if (Character.isLowSurrogate(c)) {
                    question = -1;
                    break;
                }
            }
        }
        return question < 0;
    }
}
