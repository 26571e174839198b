package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.ingest.ParseInput;

/**
 * A generated export for every language of the marker files, on Android and iOS, with its header in
 * the digit system of the language (Devanagari for Hindi, Marathi and Nepali, Bengali script for
 * Bengali and Assamese, Arabic-Indic for Arabic, Extended Arabic-Indic for Persian and Urdu, and the
 * scripts of Punjabi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam and Thai) and its 12-hour day
 * period where the header table has one. Each asserts message count, senders, first and last times,
 * system and user messages, flags and attachment names.
 */
class LanguageFixturesTest {
    static final Map<String, Character> ZERO = Map.ofEntries(Map.entry("hi", '\u0966'), Map.entry("mr", '\u0966'),
            Map.entry("ne", '\u0966'), Map.entry("bn", '\u09E6'), Map.entry("as", '\u09E6'), Map.entry("ar", '\u0660'),
            Map.entry("fa", '\u06F0'), Map.entry("ur", '\u06F0'), Map.entry("pa", '\u0A66'), Map.entry("gu", '\u0AE6'),
            Map.entry("or", '\u0B66'), Map.entry("ta", '\u0BE6'), Map.entry("te", '\u0C66'), Map.entry("kn", '\u0CE6'),
            Map.entry("ml", '\u0D66'), Map.entry("th", '\u0E50'));

    @TempDir
    Path dir;

    static Stream<Arguments> languages() {
        List<Arguments> out = new ArrayList<>();
        for (String l : WhatsAppMarkers.languages().keySet()) {
            out.add(Arguments.of(l, false));
            out.add(Arguments.of(l, true));
        }
        return out.stream();
    }

    static String first(String lang, WhatsAppMarkers.Kind kind, String fallback) {
        return WhatsAppMarkers.entries().stream().filter(e -> e.language().equals(lang) && e.kind() == kind)
                .map(WhatsAppMarkers.Entry::text).findFirst().orElse(fallback);
    }

    static String digits(String ascii, Character zero) {
        if (zero == null) {
            return ascii;
        }
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return b.toString();
    }

    /** The header of one line in the language's digits and day period (12-hour when the table has one). */
    static String header(String lang, boolean ios, LocalDateTime t) {
        String am = WhatsAppGrammar.words().stream().filter(w -> w.language().equals(lang) && w.kind() == 'a')
                .map(WhatsAppGrammar.Word::text).findFirst().orElse(null);
        String pm = WhatsAppGrammar.words().stream().filter(w -> w.language().equals(lang) && w.kind() == 'p')
                .map(WhatsAppGrammar.Word::text).findFirst().orElse(null);
        String date = String.format("%02d/%02d/%04d", t.getDayOfMonth(), t.getMonthValue(), t.getYear());
        String time;
        if (am != null && pm != null) {
            int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            time = String.format("%d:%02d:%02d", h, t.getMinute(), t.getSecond()) + " " + (t.getHour() < 12 ? am : pm);
        } else {
            time = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        }
        String h = digits(date, ZERO.get(lang)) + ", " + digits(time, ZERO.get(lang));
        return ios ? "[" + h + "] " : h + " - ";
    }

    @ParameterizedTest(name = "{0} ios={1}")
    @MethodSource("languages")
    void aGeneratedExportInEveryLanguageIsReadCompletely(String lang, boolean ios) throws Exception {
        String lrm = ios ? "\u200E" : "";
        String e2e = first(lang, WhatsAppMarkers.Kind.E2E, "Messages and calls are end-to-end encrypted") + ".";
        String omitted = ios ? first(lang, WhatsAppMarkers.Kind.OMITTED, first(lang, WhatsAppMarkers.Kind.MEDIA_OMITTED, null))
                : first(lang, WhatsAppMarkers.Kind.MEDIA_OMITTED, null);
        String deleted = first(lang, WhatsAppMarkers.Kind.DELETED, null);
        String edited = first(lang, WhatsAppMarkers.Kind.EDITED, "<This message was edited>");
        String photo = ios ? "00000012-PHOTO-2021-07-28-14-05-00.jpg" : "IMG-20210728-WA0001.jpg";
        String att = ios ? lrm + "<" + first(lang, WhatsAppMarkers.Kind.ATTACHED, "attached") + ": " + photo + ">"
                : photo + " (" + first(lang, WhatsAppMarkers.Kind.FILE_ATTACHED, "file attached") + ")";
        LocalDateTime t0 = LocalDateTime.of(2021, 7, 28, 0, 5, 1);
        LocalDateTime t6 = LocalDateTime.of(2021, 8, 13, 23, 59, 59);
        List<String> lines = List.of(
                header(lang, ios, t0) + (ios ? "Group: " + lrm : "") + e2e,
                header(lang, ios, t0.plusHours(9)) + "Ramesh Kumar: " + digits("10 mangoes", ZERO.get(lang)),
                header(lang, ios, t0.plusHours(13)) + "\u202A+91 98765 43210\u202C: " + lrm + omitted,
                header(lang, ios, t0.plusDays(1)) + "Ramesh Kumar: " + lrm + deleted,
                header(lang, ios, t0.plusDays(2)) + "Ramesh Kumar: " + att,
                "caption",
                header(lang, ios, t0.plusDays(3)) + "Suresh: at 5 " + lrm + edited,
                header(lang, ios, t6) + (ios ? "Group: " + lrm + "Ramesh added Suresh" : "Ramesh added Suresh"));
        Path f = ChatTestSupport.write(dir, "chat.txt", String.join("\n", lines) + "\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, ChatTestSupport.options()));

        Map<String, Object> s = r.summary();
        assertEquals(7L, s.get("messages"), r.result().warnings().toString());
        assertEquals(5L, s.get("user_messages"));
        assertEquals(2L, s.get("system_messages"));
        assertEquals(List.of("Ramesh Kumar", "+91 98765 43210", "Suresh"), s.get("participants"));
        assertEquals("2021-07-28T00:05:01", s.get("first_time"));
        assertEquals("2021-08-13T23:59:59", s.get("last_time"));
        assertEquals("dmy", s.get("date_order"));
        assertNull(r.message(0).get("sender"));
        assertEquals(List.of("system"), flags(r.message(0)));
        assertEquals(digits("10 mangoes", ZERO.get(lang)), r.message(1).get("text"));
        assertEquals("+91 98765 43210", r.message(2).get("sender"));
        assertEquals(List.of("media_omitted"), flags(r.message(2)));
        assertEquals(List.of("deleted"), flags(r.message(3)));
        assertEquals(photo, attachment(r.message(4)).get("name"));
        assertEquals(List.of(), flags(r.message(4)));
        assertEquals(List.of("edited"), flags(r.message(5)));
        assertNull(r.message(6).get("sender"));
    }
}
