package org.sakshi.ingest.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sakshi.core.DateOrder;

/**
 * The header grammar of WhatsApp "Export chat" text files. WhatsApp publishes no specification and
 * no library parses these headers, so the grammar and its scanner are hand-written for Sakshi from
 * the shapes Android and iOS exports take in the phone languages we know of (the date and time
 * patterns are those of Unicode CLDR, which both phone systems use):
 * <pre>
 *   header   := MARKS ( "[" BODY "]" SP? | BODY SP? DASH SP )  REST
 *   BODY     := DATE GAP TIME POST  |  TIME POST GAP DATE
 *   DATE     := ERA? N1 SEP N2 SEP ERA? N3 "."?  N = 1..4 digits (N2 1..2), SEP one of "/" "." "-", the
 *                                              same twice; "." may be followed by one space (Korean,
 *                                              Hungarian "2021. 7. 28.")
 *   TIME     := H (":"|".") MM ((":"|".") SS)?
 *   GAP      := (SPACE | MARK | "," | "،" | PERIOD | WORD)+      at least one, up to 8 pieces
 *   POST     := (SPACE | MARK | PERIOD | WORD)*
 *   PERIOD   := a 12-hour day period (AM, p. m., पूर्वाह्न, অপরাহ্ণ, 午後, 오후, ص, ب.ظ, ...) before or after the time
 *   WORD     := a word that may stand beside the time (klo, a las, às, г., ч., BE, ...)
 *   DASH     := "-" | U+2013
 *   ERA      := "M" | "T" | "S" | "H" | "R"        Japanese era (R4 = Reiwa 4 = 2022), before the year
 *                                              (year first, "R4/07/28", or last, "7/28/R4"), once
 *   SPACE    := " " | U+00A0 | U+202F | U+2009
 *   MARK     := U+200E | U+200F | U+FEFF | U+202A..U+202E | U+2066..U+2069   (anywhere between pieces)
 *   digits   := ASCII or any Unicode decimal digit (Devanagari, Bengali, Arabic-Indic, Extended
 *               Arabic-Indic, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Thai,
 *               Myanmar, ...), read by value; the text of the message is never rewritten
 * </pre>
 * PERIOD and WORD strings are data ({@code whatsapp-header-words.tsv}, each with its source), so a
 * lab can add a language without code. The order of N1/N2/N3 (d/m/y, m/d/y or y/m/d) is not decided
 * here: it is inferred over the whole file by {@link WhatsAppParser}. A 4-digit year from 2400 on is
 * a Buddhist-era year (Gregorian = BE - 543), a year after ERA a Japanese era year, and a 4-digit year
 * from 1300 to 1429 a Solar Hijri (Persian) year ({@link SolarHijri}; 1429 SH is 2050, and no
 * WhatsApp chat has a Gregorian year before 2009); the parser records each conversion as an
 * assumption. A line that fails the grammar, or whose hour is out of
 * range, is not a header.
 *
 * <p>The scanner is written by hand (no regular expression): it is called for every line of exports
 * with millions of lines and rejects most continuation lines at their first character.
 */
final class WhatsAppGrammar {
    private WhatsAppGrammar() {
    }

    /** Calendars other than the Gregorian that a header year may be written in. */
    static final String CAL_BUDDHIST = "buddhist";
    static final String CAL_JAPANESE = "japanese";
    static final String CAL_PERSIAN = "persian";

    /**
     * The earliest Gregorian year read as a message date (the epoch of the phones' clocks). A 4-digit
     * year below it that is no Solar Hijri or Buddhist-era year, such as an Islamic lunar year
     * (1430-1450 AH is 2009-2029), makes the header unreadable, so the line is named in a warning.
     */
    static final int EARLIEST_YEAR = 1970;
    /** 4-digit years in this range are Solar Hijri (1300 SH = 1921, 1429 SH = 2050). */
    static final int PERSIAN_FROM = 1300;
    static final int PERSIAN_TO = 1429;

    /** One header line: the raw date fields (value and digit count), the time, and what follows. */
    record Header(int a, int aDigits, int b, int c, int cDigits, int hour, int minute, int second,
                  char ampm, boolean ios, String rest, char era, boolean eraLast) {

        Header(int a, int aDigits, int b, int c, int cDigits, int hour, int minute, int second, char ampm,
               boolean ios, String rest) {
            this(a, aDigits, b, c, cDigits, hour, minute, second, ampm, ios, rest, (char) 0, false);
        }

        /** The wall-clock time under a date order, or null when the date or time is impossible. */
        LocalDateTime time(DateOrder order) {
            int y;
            int m;
            int d;
            if (era != 0 && eraLast == (order == DateOrder.YMD)) {
                return null;
            }
            switch (order) {
                case DMY, MDY -> {
                    if (aDigits > 2) {
                        return null;
                    }
                    if (era != 0) {
                        if (cDigits > 2 || c < 1) {
                            return null;
                        }
                        y = eraStart(era) + c - 1;
                    } else {
                        if (cDigits == 1 || cDigits == 3) {
                            return null;
                        }
                        y = year(c, cDigits);
                    }
                    d = order == DateOrder.DMY ? a : b;
                    m = order == DateOrder.DMY ? b : a;
                }
                default -> {
                    if (era != 0) {
                        if (aDigits > 2 || cDigits > 2 || a < 1) {
                            return null;
                        }
                        y = eraStart(era) + a - 1;
                    } else {
                        if (cDigits > 2 || aDigits == 1 || aDigits == 3) {
                            return null;
                        }
                        y = year(a, aDigits);
                    }
                    m = b;
                    d = c;
                }
            }
            int h = hour;
            if (ampm != 0) {
                if (h > 12) {
                    return null;
                }
                h = h % 12 + (ampm == 'p' ? 12 : 0);
            }
            if (era == 0 && y >= PERSIAN_FROM && y <= PERSIAN_TO) {
                LocalDate g = SolarHijri.toGregorian(y, m, d);
                return g == null || minute > 59 || second > 59 || h > 23 ? null : g.atTime(h, minute, second);
            }
            if (y < EARLIEST_YEAR) {
                // not a Gregorian year any chat was written in (e.g. an Islamic lunar year 1430-1450 AH):
                // the line is reported as an unreadable header instead of being dated centuries ago
                return null;
            }
            try {
                return LocalDateTime.of(y, m, d, h, minute, second);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /**
         * The calendar the year is written in under this order ({@link #CAL_BUDDHIST},
         * {@link #CAL_JAPANESE}), or null for the Gregorian.
         */
        String calendar(DateOrder order) {
            if (era != 0) {
                return CAL_JAPANESE;
            }
            int v = order == DateOrder.YMD ? a : c;
            int digits = order == DateOrder.YMD ? aDigits : cDigits;
            if (digits != 4) {
                return null;
            }
            return v >= BUDDHIST_FROM ? CAL_BUDDHIST : v >= PERSIAN_FROM && v <= PERSIAN_TO ? CAL_PERSIAN : null;
        }

        /** The date as written (digits as ASCII), for messages that name the line. */
        String dateText() {
            String e = era == 0 ? "" : String.valueOf(era);
            return eraLast ? a + "/" + b + "/" + e + c : e + a + "/" + b + "/" + c;
        }

        private static int year(int v, int digits) {
            if (digits == 2) {
                return 2000 + v;
            }
            return v >= BUDDHIST_FROM ? v - 543 : v;
        }

        private static int eraStart(char era) {
            return switch (era) {
                case 'M' -> 1868;
                case 'T' -> 1912;
                case 'S' -> 1926;
                case 'H' -> 1989;
                default -> 2019;
            };
        }
    }

    /** A 4-digit year from here on is read as Buddhist era (2400 BE = 1857; WhatsApp began in 2552 BE). */
    static final int BUDDHIST_FROM = 2400;

    // ---- the words table ------------------------------------------------------------------------

    /** One word of the table: its text and kind ('a' am, 'p' pm, 'w' other word). */
    record Word(String text, char kind, String language, String source) {
    }

    static final String WORDS_RESOURCE = "whatsapp-header-words.tsv";
    private static final List<Word> WORDS = loadWords();
    /** Words by the lower-case form of their first character, longest first. */
    private static final Map<Character, Word[]> BY_FIRST = index(WORDS);

    static List<Word> words() {
        return WORDS;
    }

    private static List<Word> loadWords() {
        List<Word> out = new ArrayList<>();
        try (InputStream in = WhatsAppGrammar.class.getResourceAsStream(WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(WORDS_RESOURCE + " is missing from the application; reinstall Sakshi");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 4 || f[1].isEmpty()) {
                    throw new IllegalStateException(WORDS_RESOURCE + ": bad line \"" + line + "\"");
                }
                char kind = switch (f[0]) {
                    case "am" -> 'a';
                    case "pm" -> 'p';
                    case "word" -> 'w';
                    default -> throw new IllegalStateException(WORDS_RESOURCE + ": unknown kind in \"" + line + "\"");
                };
                out.add(new Word(f[1], kind, f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static Map<Character, Word[]> index(List<Word> words) {
        Map<Character, List<Word>> m = new HashMap<>();
        for (Word w : words) {
            m.computeIfAbsent(fold(w.text().charAt(0)), k -> new ArrayList<>()).add(w);
        }
        Map<Character, Word[]> out = new HashMap<>();
        for (Map.Entry<Character, List<Word>> e : m.entrySet()) {
            List<Word> l = e.getValue();
            l.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
            out.put(e.getKey(), l.toArray(new Word[0]));
        }
        return out;
    }

    private static char fold(char c) {
        return c < 128 ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c);
    }

    // ---- the scanner ----------------------------------------------------------------------------

    /** Scanner state for one line (fields of the header as they are read). */
    private static final class Scan {
        final String s;
        final int n;
        int a;
        int aDigits;
        int b;
        int c;
        int cDigits;
        char era;
        boolean eraLast;
        int hour;
        int minute;
        int second;
        char ampm;

        Scan(String s) {
            this.s = s;
            this.n = s.length();
        }

        /** Reads DATE at {@code i}; returns the index after it, or -1. */
        int date(int i) {
            char e = 0;
            if (i + 1 < n && isEra(s.charAt(i)) && digit(s.charAt(i + 1)) >= 0) {
                e = s.charAt(i);
                i++;
            }
            int st = i;
            int v = 0;
            int d;
            while (i < n && i - st < 4 && (d = digit(s.charAt(i))) >= 0) {
                v = v * 10 + d;
                i++;
            }
            int ad = i - st;
            if (ad == 0) {
                return -1;
            }
            i = skipMarks(i);
            if (i >= n) {
                return -1;
            }
            char sep = s.charAt(i);
            if (sep != '/' && sep != '.' && sep != '-') {
                return -1;
            }
            i = afterSep(i + 1, sep);
            st = i;
            int bv = 0;
            while (i < n && i - st < 2 && (d = digit(s.charAt(i))) >= 0) {
                bv = bv * 10 + d;
                i++;
            }
            if (i == st) {
                return -1;
            }
            i = skipMarks(i);
            if (i >= n || s.charAt(i) != sep) {
                return -1;
            }
            i = afterSep(i + 1, sep);
            boolean last = false;
            if (e == 0 && i + 1 < n && isEra(s.charAt(i)) && digit(s.charAt(i + 1)) >= 0) {
                e = s.charAt(i);
                last = true;
                i++;
            }
            st = i;
            int cv = 0;
            while (i < n && i - st < 4 && (d = digit(s.charAt(i))) >= 0) {
                cv = cv * 10 + d;
                i++;
            }
            int cd = i - st;
            if (cd == 0) {
                return -1;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
            }
            a = v;
            aDigits = ad;
            b = bv;
            c = cv;
            cDigits = cd;
            era = e;
            eraLast = last;
            return i;
        }

        private int afterSep(int i, char sep) {
            i = skipMarks(i);
            if (sep == '.' && i < n && s.charAt(i) == ' ') {
                i++;
            }
            return skipMarks(i);
        }

        /** Reads TIME at {@code i}; returns the index after it, or -1. */
        int time(int i) {
            int st = i;
            int h = 0;
            int d;
            while (i < n && i - st < 2 && (d = digit(s.charAt(i))) >= 0) {
                h = h * 10 + d;
                i++;
            }
            if (i == st || i >= n || (s.charAt(i) != ':' && s.charAt(i) != '.')) {
                return -1;
            }
            char tsep = s.charAt(i);
            i++;
            int m1;
            int m2;
            if (i + 2 > n || (m1 = digit(s.charAt(i))) < 0 || (m2 = digit(s.charAt(i + 1))) < 0) {
                return -1;
            }
            int min = m1 * 10 + m2;
            i += 2;
            int sec = 0;
            if (i + 3 <= n && s.charAt(i) == tsep && (m1 = digit(s.charAt(i + 1))) >= 0
                    && (m2 = digit(s.charAt(i + 2))) >= 0) {
                sec = m1 * 10 + m2;
                i += 3;
            }
            hour = h;
            minute = min;
            second = sec;
            return i;
        }

        /**
         * Skips spaces, marks, commas (when {@code commas}), day periods and words; returns the
         * index of the next other character. Fails (-1) when {@code need} and nothing was skipped, or
         * when a second day period is met.
         */
        int gap(int i, boolean commas, boolean need) {
            int st = i;
            for (int pieces = 0; pieces < 8 && i < n; pieces++) {
                char ch = s.charAt(i);
                if (isSpace(ch) || Marks.isMark(ch) || (commas && (ch == ',' || ch == '\u060C'))) {
                    i++;
                    pieces--;
                    continue;
                }
                if (ch < 128 && (ch <= '9' || ch == '[' || ch == ']')) {
                    break; // digits, punctuation and the end of the header never start a word
                }
                Word w = word(i);
                if (w == null) {
                    break;
                }
                if (w.kind() != 'w') {
                    if (ampm != 0) {
                        return -1;
                    }
                    ampm = w.kind();
                }
                i += w.text().length();
            }
            return need && i == st ? -1 : i;
        }

        /** The table word at {@code i} that ends at a word boundary, longest first, or null. */
        private Word word(int i) {
            Word[] cands = BY_FIRST.get(fold(s.charAt(i)));
            if (cands == null) {
                return null;
            }
            for (Word w : cands) {
                String t = w.text();
                int len = t.length();
                if (i + len > n) {
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < len; k++) {
                    char x = t.charAt(k);
                    char y = s.charAt(i + k);
                    if (x == y || (x == ' ' && isSpace(y)) || fold(x) == fold(y)) {
                        continue;
                    }
                    ok = false;
                    break;
                }
                if (!ok) {
                    continue;
                }
                int e = i + len;
                if (e < n) {
                    char after = s.charAt(e);
                    int type = Character.getType(after);
                    if ((Character.isLetter(after) && digit(after) < 0) || type == Character.NON_SPACING_MARK
                            || type == Character.COMBINING_SPACING_MARK) {
                        continue;
                    }
                }
                return w;
            }
            return null;
        }

        int skipMarks(int i) {
            while (i < n && Marks.isMark(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** Parses a header line, or returns null when the line is not one (then it continues a message). */
    static Header parse(String line) {
        final int n = line.length();
        int i = Marks.skipLeading(line);
        if (i >= n) {
            return null;
        }
        char first = line.charAt(i);
        boolean ios = first == '[';
        if (ios) {
            i++;
            while (i < n && Marks.isMark(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return null;
            }
            first = line.charAt(i);
        }
        if (digit(first) < 0 && !isEra(first)) {
            return null;
        }
        Scan sc = new Scan(line);
        int j = sc.date(i);
        if (j >= 0) {
            j = sc.gap(j, true, true);
            if (j < 0 || (j = sc.time(j)) < 0) {
                return null;
            }
            j = sc.gap(j, false, false);
        } else {
            // the time before the date (Vietnamese "21:05 28/7/21")
            j = sc.time(i);
            if (j < 0) {
                return null;
            }
            j = sc.gap(j, true, true);
            if (j < 0 || (j = sc.date(j)) < 0) {
                return null;
            }
            j = sc.gap(j, false, false);
        }
        if (j < 0) {
            return null;
        }
        // the end of the header
        if (ios) {
            if (j >= n || line.charAt(j) != ']') {
                return null;
            }
            j++;
            if (j < n && isSpace(line.charAt(j))) {
                j++;
            }
        } else {
            if (j >= n || (line.charAt(j) != '-' && line.charAt(j) != '\u2013')) {
                return null;
            }
            j = sc.skipMarks(j + 1);
            if (j >= n || !isSpace(line.charAt(j))) {
                return null;
            }
            j++;
        }
        int hour = sc.hour;
        if (sc.minute > 59 || sc.second > 59 || (sc.ampm == 0 && hour > 23) || (sc.ampm != 0 && hour > 12)) {
            return null;
        }
        return new Header(sc.a, sc.aDigits, sc.b, sc.c, sc.cDigits, hour, sc.minute, sc.second, sc.ampm, ios,
                line.substring(j), sc.era, sc.eraLast);
    }

    /**
     * True when a line that {@link #parse} refused still looks like a message header: a date (or a
     * time) at its start, a time within the next few characters and the header's end ({@code " - "}
     * or {@code "]"}) soon after. Such a line is kept as text of the previous message, but the import
     * says so by line number, because it may be a message whose header uses a word we do not know.
     */
    static boolean looksLikeHeader(String line) {
        int n = line.length();
        int i = Marks.skipLeading(line);
        if (i < n && line.charAt(i) == '[') {
            i++;
        }
        i = new Scan(line).skipMarks(i);
        if (i >= n || (digit(line.charAt(i)) < 0 && !isEra(line.charAt(i)))) {
            return false;
        }
        Scan sc = new Scan(line);
        int j = sc.date(i);
        if (j < 0) {
            j = sc.time(i);
            if (j < 0) {
                return false;
            }
        } else {
            int limit = Math.min(n, j + 24);
            int k = j;
            while (k < limit && sc.time(k) < 0) {
                k++;
            }
            if (k >= limit) {
                return false;
            }
            j = sc.time(k);
        }
        int end = Math.min(n, j + 40);
        String rest = line.substring(j, end);
        return rest.contains(" - ") || rest.contains(" – ") || rest.indexOf(']') >= 0;
    }

    private static boolean isEra(char c) {
        return c == 'R' || c == 'H' || c == 'S' || c == 'T' || c == 'M';
    }

    /** The value of a decimal digit in any script (ASCII, Devanagari, Bengali, Arabic-Indic, Thai, ...), or -1. */
    static int digit(char ch) {
        if (ch < 128) {
            return ch >= '0' && ch <= '9' ? ch - '0' : -1;
        }
        if (ch < '\u0660') {
            return -1;
        }
        return Character.getType(ch) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(ch, 10) : -1;
    }

    /** A space, NBSP (U+00A0), narrow NBSP (U+202F) or thin space (U+2009). */
    static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\u00A0' || ch == '\u202F' || ch == '\u2009';
    }

    /** For tests and the docs table: the languages with day periods or words in the table. */
    static List<String> wordLanguages() {
        return WORDS.stream().map(w -> w.language().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }
}
