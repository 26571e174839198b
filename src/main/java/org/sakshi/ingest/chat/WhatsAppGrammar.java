package org.sakshi.ingest.chat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.sakshi.core.DateOrder;

/**
 * The header grammar of WhatsApp "Export chat" text files, hand-written for Sakshi (WhatsApp
 * publishes no specification; the shapes below are those seen in Android and iOS exports):
 * <pre>
 *   android := MARKS DATE ","? SP TIME AMPM? SP? ("-" | "–") SP REST
 *   ios     := MARKS "[" DATE ","? SP TIME AMPM? "]" SP REST
 *   DATE    := N1 SEP N2 SEP N3 "."?         N = 1..4 digits, SEP one of "/" "." "-" (the same twice)
 *   TIME    := H (":"|".") MM ((":"|".") SS)?
 *   AMPM    := SPACE? ("a"|"p") "."? SPACE? "m" "."?     case-insensitive: AM, pm, a.m., p. m.
 *   SPACE   := " " | U+00A0 (NBSP) | U+202F (narrow NBSP) | U+2009 (thin space)
 *   MARKS   := (U+200E | U+200F | U+FEFF | U+202A..U+202E | U+2066..U+2069)*
 *   REST    := (SENDER ": ")? TEXT                       (sender split in {@link WhatsAppParser})
 * </pre>
 * The order of N1/N2/N3 (d/m/y, m/d/y or y/m/d) is not decided here: it is inferred over the whole
 * file by {@link WhatsAppParser}. A line that fails the grammar, or whose hour is out of range, is a
 * continuation of the previous message.
 *
 * <p>The scanner below is written by hand (no regular expression): it is called for every line of
 * exports with millions of lines and rejects a continuation line at its first character.
 */
final class WhatsAppGrammar {
    private WhatsAppGrammar() {
    }

    /** One header line: the raw date fields (value and digit count), the time, and what follows. */
    record Header(int a, int aDigits, int b, int c, int cDigits, int hour, int minute, int second,
                  char ampm, boolean ios, String rest) {

        /** The wall-clock time under a date order, or null when the date or time is impossible. */
        LocalDateTime time(DateOrder order) {
            int y;
            int m;
            int d;
            switch (order) {
                case DMY -> {
                    if (aDigits > 2 || cDigits == 1 || cDigits == 3) {
                        return null;
                    }
                    d = a;
                    m = b;
                    y = year(c, cDigits);
                }
                case MDY -> {
                    if (aDigits > 2 || cDigits == 1 || cDigits == 3) {
                        return null;
                    }
                    m = a;
                    d = b;
                    y = year(c, cDigits);
                }
                default -> {
                    if (cDigits > 2 || aDigits == 1 || aDigits == 3) {
                        return null;
                    }
                    y = year(a, aDigits);
                    m = b;
                    d = c;
                }
            }
            int h = hour;
            if (ampm != 0) {
                if (h < 1 || h > 12) {
                    return null;
                }
                h = h % 12 + (ampm == 'p' ? 12 : 0);
            }
            try {
                return LocalDateTime.of(y, m, d, h, minute, second);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /** The date as written, for messages that name the line. */
        String dateText() {
            return a + "/" + b + "/" + c;
        }

        private static int year(int v, int digits) {
            return digits == 2 ? 2000 + v : v;
        }
    }

    /** Parses a header line, or returns null when the line is not one (then it continues a message). */
    static Header parse(String line) {
        final int n = line.length();
        int i = Marks.skipLeading(line);
        if (i >= n) {
            return null;
        }
        boolean ios = line.charAt(i) == '[';
        if (ios) {
            i++;
        }
        // DATE
        int s = i;
        int a = 0;
        while (i < n && i - s < 4 && isDigit(line.charAt(i))) {
            a = a * 10 + (line.charAt(i++) - '0');
        }
        int aDigits = i - s;
        if (aDigits == 0 || i >= n) {
            return null;
        }
        char sep = line.charAt(i);
        if (sep != '/' && sep != '.' && sep != '-') {
            return null;
        }
        i++;
        s = i;
        int b = 0;
        while (i < n && i - s < 2 && isDigit(line.charAt(i))) {
            b = b * 10 + (line.charAt(i++) - '0');
        }
        if (i == s || i >= n || line.charAt(i) != sep) {
            return null;
        }
        i++;
        s = i;
        int c = 0;
        while (i < n && i - s < 4 && isDigit(line.charAt(i))) {
            c = c * 10 + (line.charAt(i++) - '0');
        }
        int cDigits = i - s;
        if (cDigits == 0) {
            return null;
        }
        if (i < n && line.charAt(i) == '.') {
            i++;
        }
        if (i < n && line.charAt(i) == ',') {
            i++;
        }
        s = i;
        while (i < n && isSpace(line.charAt(i))) {
            i++;
        }
        if (i == s) {
            return null;
        }
        // TIME
        s = i;
        int hour = 0;
        while (i < n && i - s < 2 && isDigit(line.charAt(i))) {
            hour = hour * 10 + (line.charAt(i++) - '0');
        }
        if (i == s || i >= n || (line.charAt(i) != ':' && line.charAt(i) != '.')) {
            return null;
        }
        i++;
        if (i + 2 > n || !isDigit(line.charAt(i)) || !isDigit(line.charAt(i + 1))) {
            return null;
        }
        int minute = (line.charAt(i) - '0') * 10 + (line.charAt(i + 1) - '0');
        i += 2;
        int second = 0;
        if (i + 3 <= n && (line.charAt(i) == ':' || line.charAt(i) == '.') && isDigit(line.charAt(i + 1))
                && isDigit(line.charAt(i + 2))) {
            second = (line.charAt(i + 1) - '0') * 10 + (line.charAt(i + 2) - '0');
            i += 3;
        }
        // AMPM (optional): SPACE? (a|p) "."? SPACE? m "."?
        char ampm = 0;
        int j = i;
        if (j < n && isSpace(line.charAt(j))) {
            j++;
        }
        if (j < n) {
            char x = Character.toLowerCase(line.charAt(j));
            if (x == 'a' || x == 'p') {
                int k = j + 1;
                if (k < n && line.charAt(k) == '.') {
                    k++;
                }
                if (k < n && isSpace(line.charAt(k))) {
                    k++;
                }
                if (k < n && (line.charAt(k) == 'm' || line.charAt(k) == 'M')) {
                    k++;
                    if (k < n && line.charAt(k) == '.') {
                        k++;
                    }
                    ampm = x;
                    i = k;
                }
            }
        }
        // the end of the header
        if (ios) {
            if (i >= n || line.charAt(i) != ']') {
                return null;
            }
            i++;
            if (i < n && isSpace(line.charAt(i))) {
                i++;
            }
        } else {
            if (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n || (line.charAt(i) != '-' && line.charAt(i) != '\u2013')) {
                return null;
            }
            i++;
            if (i >= n || !isSpace(line.charAt(i))) {
                return null;
            }
            i++;
        }
        if (minute > 59 || second > 59 || (ampm == 0 && hour > 23) || (ampm != 0 && (hour < 1 || hour > 12))) {
            return null;
        }
        return new Header(a, aDigits, b, c, cDigits, hour, minute, second, ampm, ios, line.substring(i));
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** A space, NBSP (U+00A0), narrow NBSP (U+202F) or thin space (U+2009). */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\u00A0' || ch == '\u202F' || ch == '\u2009';
    }
}
