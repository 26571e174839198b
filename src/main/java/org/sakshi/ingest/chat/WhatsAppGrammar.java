package org.sakshi.ingest.chat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 */
final class WhatsAppGrammar {
    private static final String MARKS = "[\\u200E\\u200F\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]*";
    private static final String SP = "[ \\u00A0\\u202F\\u2009]";
    private static final String DATE = "(\\d{1,4})([/.\\-])(\\d{1,2})\\2(\\d{1,4})\\.?";
    private static final String TIME = "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?";
    private static final String AMPM = "(?:" + SP + "?([AaPp])\\.?" + SP + "?[Mm]\\.?)?";
    private static final Pattern ANDROID = Pattern.compile(
            "^" + MARKS + DATE + ",?" + SP + "+" + TIME + AMPM + SP + "?[-\\u2013]" + SP + "(.*)$", Pattern.DOTALL);
    private static final Pattern IOS = Pattern.compile(
            "^" + MARKS + "\\[" + DATE + ",?" + SP + "+" + TIME + AMPM + "\\]" + SP + "?(.*)$", Pattern.DOTALL);

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
        int i = Marks.skipLeading(line);
        if (i >= line.length()) {
            return null;
        }
        char c0 = line.charAt(i);
        boolean ios;
        Matcher m;
        if (c0 == '[') {
            m = IOS.matcher(line);
            ios = true;
        } else if (c0 >= '0' && c0 <= '9') {
            m = ANDROID.matcher(line);
            ios = false;
        } else {
            return null;
        }
        if (!m.matches()) {
            return null;
        }
        String g1 = m.group(1);
        String g4 = m.group(4);
        int hour = Integer.parseInt(m.group(5));
        int minute = Integer.parseInt(m.group(6));
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        char ampm = m.group(8) == null ? 0 : Character.toLowerCase(m.group(8).charAt(0));
        if (minute > 59 || second > 59 || (ampm == 0 && hour > 23) || (ampm != 0 && (hour < 1 || hour > 12))) {
            return null;
        }
        return new Header(Integer.parseInt(g1), g1.length(), Integer.parseInt(m.group(3)), Integer.parseInt(g4),
                g4.length(), hour, minute, second, ampm, ios, m.group(9));
    }
}
