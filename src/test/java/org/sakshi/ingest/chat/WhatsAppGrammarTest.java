package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.DateOrder;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.ParseInput;

/** Header lines as phones in many languages write them (CLDR date/time patterns), read field by field. */
class WhatsAppGrammarTest {
    @TempDir
    Path dir;

    /** The zero of each digit system the issue names; the others follow it in Unicode. */
    static final Map<String, Character> ZEROS = Map.ofEntries(Map.entry("Devanagari", '\u0966'),
            Map.entry("Bengali", '\u09E6'), Map.entry("Arabic-Indic", '\u0660'),
            Map.entry("Extended Arabic-Indic", '\u06F0'), Map.entry("Gurmukhi", '\u0A66'),
            Map.entry("Gujarati", '\u0AE6'), Map.entry("Odia", '\u0B66'), Map.entry("Tamil", '\u0BE6'),
            Map.entry("Telugu", '\u0C66'), Map.entry("Kannada", '\u0CE6'), Map.entry("Malayalam", '\u0D66'),
            Map.entry("Thai", '\u0E50'), Map.entry("Myanmar", '\u1040'));

    static String native_(String ascii, char zero) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return b.toString();
    }

    static Stream<Arguments> scripts() {
        return ZEROS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void digitsOfEveryScriptAreReadByValueAndTheTextIsKeptAsWritten(String script, char zero) throws Exception {
        String text = native_("28/07/2021, 21:05 - Ramesh: 10 " + script + "\n", zero)
                + native_("[29/07/2021, 9:06:07 PM] Ramesh: 11\n", zero).replace("[", "").replace("] ", " - ");
        Path f = ChatTestSupport.write(dir, "chat.txt", text);
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options()));
        assertEquals(2, r.messages().size(), script);
        assertEquals("2021-07-28T21:05:00", r.message(0).get("time"));
        assertEquals("2021-07-29T21:06:07", r.message(1).get("time"));
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals(native_("10 ", zero) + script, r.message(0).get("text"), "the text keeps its own digits");
        assertEquals("dmy", r.summary().get("date_order"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "English Android     | 7/28/21, 9:05 PM - A: x                 | mdy | 2021-07-28T21:05",
        "English iOS         | [28/07/2021, 9:05:30 pm] A: x           | dmy | 2021-07-28T21:05:30",
        "Hindi period after  | 28/07/21, 9:05 अपराह्न - A: x            | dmy | 2021-07-28T21:05",
        "Hindi period before | 28/07/21, पूर्वाह्न 9:05 - A: x            | dmy | 2021-07-28T09:05",
        "Bengali script      | ২৮/৭/২১ ৯:০৫ PM - রহিম: হ্যালো            | dmy | 2021-07-28T21:05",
        "Bengali old period  | ২৮/৭/২১ ৯:০৫ অপরাহ্ণ - A: x              | dmy | 2021-07-28T21:05",
        "Assamese before dot | ২৮-৭-২০২১ PM ৯.০৫ - A: x                 | dmy | 2021-07-28T21:05",
        "Nepali ymd          | २०२१/७/२८, २१:०५ - राम: नमस्ते            | ymd | 2021-07-28T21:05",
        "Marathi             | २८/७/२१, ९:०५ म.उ. - A: x                | dmy | 2021-07-28T21:05",
        "Punjabi             | 28/7/21, 9:05 ਬਾ.ਦੁ. - A: x               | dmy | 2021-07-28T21:05",
        "Tamil               | 28/7/21, 9:05 பிற்பகல் - A: x             | dmy | 2021-07-28T21:05",
        "Urdu                | 28/7/21 9:05 بعد دوپہر - A: x           | dmy | 2021-07-28T21:05",
        "Spanish a. m.       | 28/7/21, 9:05 a. m. - A: x              | dmy | 2021-07-28T09:05",
        "Spanish a las       | 28/7/21 a las 21:05 - A: x              | dmy | 2021-07-28T21:05",
        "Portuguese às       | 28/07/2021 às 21:05 - A: x              | dmy | 2021-07-28T21:05",
        "German nachm.       | 28.07.21, 9:05 nachm. - A: x            | dmy | 2021-07-28T21:05",
        "Finnish klo dots    | 28.7.2021 klo 21.05 - A: x              | dmy | 2021-07-28T21:05",
        "dot time seconds    | [28.07.21, 21.25.15] A: x               | dmy | 2021-07-28T21:25:15",
        "Bulgarian words     | 28.07.21 г., 21:05 ч. - A: x            | dmy | 2021-07-28T21:05",
        "Hungarian           | 2021. 07. 28. 21:05 - A: x              | ymd | 2021-07-28T21:05",
        "Korean              | 2021. 7. 28. 오후 9:05 - A: x             | ymd | 2021-07-28T21:05",
        "Chinese             | 2021/7/28 下午9:05 - A: x                 | ymd | 2021-07-28T21:05",
        "Japanese            | [2021/07/28 午前0:05:00] A: x            | ymd | 2021-07-28T00:05",
        "Vietnamese time 1st | 21:05 28/7/21 - A: x                    | dmy | 2021-07-28T21:05",
        "iOS time first      | [21:05, 28/7/21] A: x                   | dmy | 2021-07-28T21:05",
        "Arabic              | 28\u200F/7\u200F/2021، 9:05 م - A: x        | dmy | 2021-07-28T21:05",
        "Arabic-Indic        | ٢٨\u200F/٧\u200F/٢٠٢١، ٩:٠٥ ص - A: x        | dmy | 2021-07-28T09:05",
        "Persian             | ۲۰۲۱/۷/۲۸،\u200F ۲۱:۰۵ - A: x                 | ymd | 2021-07-28T21:05",
        "Persian period      | ۲۰۲۱/۷/۲۸، ۹:۰۵ ب.ظ - A: x                | ymd | 2021-07-28T21:05",
        "marks everywhere    | \u200F28/07/21\u200F, \u200E9:05\u200F PM\u200F - A: x | dmy | 2021-07-28T21:05",
        "00 with AM          | 28/07/21, 00:05 AM - A: x               | dmy | 2021-07-28T00:05",
        "00 with PM          | 28/07/21, 00:05 PM - A: x               | dmy | 2021-07-28T12:05",
        "12 AM is midnight   | 28/07/21, 12:05 AM - A: x               | dmy | 2021-07-28T00:05",
        "narrow nbsp         | 7/28/21, 9:05\u202FPM - A: x               | mdy | 2021-07-28T21:05",
        "Thai Buddhist year  | 28/7/2564 21:05 - A: x                  | dmy | 2021-07-28T21:05",
        "Thai digits and BE  | ๒๘/๗/๒๕๖๔ ๒๑:๐๕ - A: x                  | dmy | 2021-07-28T21:05",
        "Japanese era        | R3/07/28 21:05 - A: x                   | ymd | 2021-07-28T21:05",
        "Japanese era last   | [3/18/R4, 14:56:01] A: x               | mdy | 2022-03-18T14:56:01",
        "Persian year        | ۱۴۰۲/۷/۱۵، ۲۱:۲۵ - A: x                | ymd | 2023-10-07T21:25",
        "Persian year, ASCII | 1403/01/01, 09:00 - A: x               | ymd | 2024-03-20T09:00",
        "Myanmar             | ၂၈/၇/၂၁ ၂၁:၀၅ - A: x                   | dmy | 2021-07-28T21:05",
    })
    void headersOfManyLanguagesAreRead(String what, String line, String order, String expected) {
        WhatsAppGrammar.Header h = WhatsAppGrammar.parse(line);
        assertNotNull(h, what);
        assertEquals(LocalDateTime.parse(expected), h.time(DateOrder.fromJson(order)), what);
        assertTrue(Marks.strip(h.rest()).startsWith("A: x") || h.rest().contains(":"), h.rest());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain text                  | hello there",
        "number then text            | 12 apples - cheap",
        "time without date           | 10:30 - meeting",
        "date without time           | 28/07/21 - hello",
        "unknown word between        | 28/07/21 hello 21:05 - A: x",
        "two day periods             | 28/07/21, AM 9:05 PM - A: x",
        "hour 13 with PM             | 28/07/21, 13:05 PM - A: x",
        "no dash                     | 28/07/21, 21:05 A: x",
        "ios without closing bracket | [28/07/21, 21:05 A: x",
    })
    void linesThatAreNotHeadersAreRefused(String what, String line) {
        assertNull(WhatsAppGrammar.parse(line), what);
    }

    @Test
    void buddhistEraYearsAreConvertedAndTheConversionIsRecordedAsAnAssumption() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", "28/7/2565 21:05 - A: x\n29/7/2565 21:05 - A: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options()));
        assertEquals("2022-07-28T21:05:00", r.message(0).get("time"));
        Assumption a = r.result().assumptions().stream().filter(x -> x.what().equals("calendar")).findFirst().orElseThrow();
        assertEquals("buddhist", a.value());
        assertTrue(a.reason().startsWith("2 message date(s)") && a.reason().contains("line 1 (28/7/2565 read as 2022-07-28)"),
                a.reason());
    }

    @Test
    void japaneseEraYearsAreConvertedAndTheConversionIsRecordedAsAnAssumption() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", "[R4/07/28 21:05:00] A: x\n[R4/07/29 21:05:00] A: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options()));
        assertEquals("2022-07-29T21:05:00", r.message(1).get("time"));
        assertEquals("ymd", r.summary().get("date_order"));
        assertTrue(r.result().assumptions().stream().anyMatch(x -> x.what().equals("calendar")
                && x.value().equals("japanese") && x.reason().contains("R Reiwa 2019")), r.result().assumptions().toString());
    }

    @Test
    void persianYearsAreConvertedAndTheConversionIsRecordedAsAnAssumption() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", "۱۴۰۲/۰۷/۱۵، ۲۱:۲۵ - علی: سلام\n"
                + "۱۴۰۲/۱۲/۲۹، ۲۱:۲۵ - علی: x\n۱۴۰۳/۰۱/۰۱، ۰۹:۰۰ - مریم: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options()));
        assertEquals(3, r.messages().size());
        assertEquals("2023-10-07T21:25:00", r.message(0).get("time"));
        assertEquals("2024-03-19T21:25:00", r.message(1).get("time"));
        assertEquals("2024-03-20T09:00:00", r.message(2).get("time"));
        assertEquals("مریم", r.message(2).get("sender"));
        Assumption a = r.result().assumptions().stream().filter(x -> x.what().equals("calendar")).findFirst().orElseThrow();
        assertEquals("persian", a.value());
        assertTrue(a.reason().startsWith("3 message date(s)") && a.reason().contains("line 1 (1402/7/15 read as 2023-10-07)"),
                a.reason());
    }

    @Test
    void aPersianDateThatDoesNotExistIsNotReadAsAGregorianDate() throws Exception {
        // 1402 is not a leap year: Esfand 30 does not exist, and no Gregorian year 1402 is read either
        Path f = ChatTestSupport.write(dir, "chat.txt", "1402/12/29, 21:25 - A: x\n1402/12/30, 21:25 - A: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options().withDateOrder(DateOrder.YMD)));
        assertEquals(1, r.messages().size());
        assertEquals("2024-03-19T21:25:00", r.message(0).get("time"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("line 2")), r.result().warnings().toString());
    }

    @Test
    void anIslamicLunarYearIsNotReadAsAGregorianYearCenturiesAgoButNamedInAWarning() throws Exception {
        // 1445 AH is 2023-2024; read as Gregorian it would date the message in the fifteenth century
        Path f = ChatTestSupport.write(dir, "chat.txt", "15/6/2023, 21:25 - A: x\n15/06/1445, 21:26 - A: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options().withDateOrder(DateOrder.DMY)));
        assertEquals(1, r.messages().size(), "the lunar-dated line is not a message of 1445");
        assertTrue(r.messages().stream().noneMatch(m -> String.valueOf(m.get("time")).startsWith("1445")));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("line 2")), r.result().warnings().toString());
    }

    @Test
    void aJapaneseLocationShareWithAFullWidthColonKeepsItsSenderAndItsFlag() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt",
                "2022/03/18 14:56 - 田中: 位置情報\uFF1Ahttps://maps.google.com/?q=35.6,139.7\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options().withDateOrder(DateOrder.YMD)));
        assertEquals(1, r.messages().size());
        assertEquals("田中", r.message(0).get("sender"));
        assertTrue(String.valueOf(r.message(0).get("flags")).contains("location"), r.message(0).toString());
    }

    @Test
    void aTurkishIosAttachmentWithTheWordAfterTheNameIsLinkedAndKeepsItsSender() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt",
                "[28.07.2021 14:05:00] Ayşe: \u200E<00000012-PHOTO-2021-07-28-14-05-00.jpg eklendi>\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options().withDateOrder(DateOrder.DMY)));
        assertEquals(1, r.messages().size());
        assertEquals("Ayşe", r.message(0).get("sender"));
        assertEquals("00000012-PHOTO-2021-07-28-14-05-00.jpg", ChatTestSupport.attachment(r.message(0)).get("name"),
                r.message(0).toString());
    }

    @Test
    void japaneseEraYearsAfterTheDayAreConverted() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", "[3/18/R4, 14:56:01] A: x\n[3/27/R4, 21:41:35] B: y\n");
        ChatTestSupport.Run r = run(ParseInput.ofFile("chat.txt", f, options()));
        assertEquals("2022-03-27T21:41:35", r.message(1).get("time"));
        assertEquals("mdy", r.summary().get("date_order"));
        assertTrue(r.result().assumptions().stream().anyMatch(x -> x.what().equals("calendar")
                && x.value().equals("japanese") && x.reason().contains("3/18/R4 read as 2022-03-18")),
                r.result().assumptions().toString());
    }

    @Test
    void aGregorianChatRecordsNoCalendarAssumption() throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", "28/7/2021 21:05 - A: x\n");
        List<Assumption> a = run(ParseInput.ofFile("chat.txt", f, options())).result().assumptions();
        assertTrue(a.stream().noneMatch(x -> x.what().equals("calendar")), a.toString());
    }

    @Test
    void everyWordOfTheHeaderTableNamesItsSource() {
        assertTrue(WhatsAppGrammar.words().size() > 60);
        for (WhatsAppGrammar.Word w : WhatsAppGrammar.words()) {
            assertTrue(List.of("cldr", "cldr-old", "drafted", "fixture").contains(w.source()), w.toString());
        }
    }
}
