package org.sakshi.ingest.chat;

/**
 * Invisible direction and formatting marks that WhatsApp and other apps put into exports: LRM/RLM
 * (U+200E, U+200F), the embedding and override controls U+202A..U+202E that wrap phone numbers,
 * the isolates U+2066..U+2069 and the byte-order mark U+FEFF. docs/cli.md#json-of-an-item: message text is given with
 * these removed (the original bytes stay in the vault copy).
 */
final class Marks {
    private Marks() {
    }

    static boolean isMark(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The string without any invisible mark; the same instance when there is none. */
    static String strip(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && !isMark(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isMark(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Index of the first character that is not a mark. */
    static int skipLeading(String s) {
        int i = 0;
        while (i < s.length() && isMark(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when the string starts with a mark (the iOS system-notice signal). */
    static boolean startsWithMark(String s) {
        return !s.isEmpty() && isMark(s.charAt(0));
    }
}
