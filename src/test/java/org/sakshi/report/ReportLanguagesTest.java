package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.Item;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.PdfA;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * The evidence report in English beside Hindi, Bengali or Nepali: headings, labels and fixed
 * sentences in both languages, the data untouched, the translation marked a draft, the Indic text
 * shaped (conjuncts, reph, pre-base matras) yet extracted as typed by PDFBox and by pdftotext, the
 * file PDF/A-2b before and after its PAdES signature, and a lab's override of a single string.
 */
class ReportLanguagesTest {
    @TempDir
    static Path shared;
    private static TestPki pki;
    private static LocalTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTsa() throws Exception {
        pki = TestPki.create(Files.createDirectories(shared.resolve("pki")));
        tsa = LocalTsa.start(pki);
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    private Path report(String language, Path templates) throws Exception {
        Path pdf = dir.resolve("report-" + language + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportWriter(templates).writeReport(ReportFixtures.data(3), language, out);
        }
        String keep = System.getenv("SAKSHI_KEEP_FORMS"); // a folder to keep the reports in, to look at
        if (keep != null) {
            Files.copy(pdf, Files.createDirectories(Path.of(keep)).resolve(pdf.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return pdf;
    }

    // words with conjuncts (क्ष, स्र, ञ्च, ন্ত, ক্ষ), reph (र्), pre-base i-matra (ि, ি) and nukta
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hi|Hindi|डिजिटल साक्ष्य रिपोर्ट|1  Inventory of evidence / 1  साक्ष्य की सूची|अभिरक्षा शृंखला का शीर्ष|प्रारूप|NotoSansDevanagari|प्रेषक|पृष्ठ 1 /",
        "bn|Bengali|ডিজিটাল সাক্ষ্য প্রতিবেদন|1  Inventory of evidence / 1  সাক্ষ্যের তালিকা|হেফাজত শৃঙ্খলের শীর্ষ|খসড়া|NotoSansBengali|প্রেরক|পৃষ্ঠা 1 /",
        "ne|Nepali|डिजिटल प्रमाण प्रतिवेदन|1  Inventory of evidence / 1  प्रमाणको सूची|हिरासत शृङ्खलाको शीर्ष|मसौदा|NotoSansDevanagari|पठाउने|पृष्ठ 1 /"})
    void aBilingualReportHasBothLanguagesShapedAndSearchableWithTheDataUnchanged(String lang, String language,
            String title, String heading, String label, String draft, String font, String sender, String page)
            throws Exception {
        Path pdf = report(lang, null);
        String text = PdfText.extract(pdf);
        assertTrue(text.contains("Digital Evidence Report"), text);
        assertTrue(text.contains(title), "the translated title: " + text);
        assertTrue(text.contains(heading), "headings in both languages: " + text);
        assertTrue(text.contains("Custody chain head / " + label), "labels in both languages: " + text);
        assertTrue(text.contains("TRANSLATION (" + language + ") — DRAFT"), "the English draft notice: " + text);
        assertTrue(text.contains(draft), "the translated draft notice: " + text);
        assertTrue(text.contains("sha256sum -c manifest-sha256.txt"), "commands stay as they are: " + text);
        for (Item it : ReportFixtures.data(3).items()) {
            assertTrue(text.contains(it.digests().sha256()), "the SHA-256 of " + it.id() + " is unchanged");
            assertTrue(text.contains(it.name()), "the name of " + it.id() + " is not translated");
        }
        assertTrue(text.contains(ReportFixtures.BUNDLE_ID), text);
        assertFalse(text.contains("{0}") || text.contains("{1}"), "every argument is filled in");
        assertTrue(text.contains("Sender / " + sender), "the chat table's heads in both languages: " + text);
        assertTrue(text.contains("(system) / "), "the system sender in both languages: " + text);
        assertTrue(text.contains("Page 1 of ") && text.contains(page), "page footers in both languages: " + text);

        Tools.require("pdftotext", "pdffonts");
        Tools.Result plain = Tools.run(dir, "pdftotext", pdf.toString(), "-");
        assertEquals(0, plain.exit(), plain.all());
        String flat = plain.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains(title), "pdftotext finds '" + title + "': " + plain.out());
        assertTrue(flat.contains(label), "pdftotext finds '" + label + "': " + plain.out());
        assertTrue(flat.contains(ReportFixtures.data(3).items().get(0).digests().sha256()), plain.out());
        Tools.Result fonts = Tools.run(dir, "pdffonts", pdf.toString());
        assertTrue(fonts.out().contains(font), fonts.out());
        assertTrue(fonts.out().contains("NotoSans-"), "English stays in Noto Sans: " + fonts.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void aBilingualReportIsPdfA2bBeforeAndAfterItsSignature(String lang) throws Exception {
        Path unsigned = report(lang, null);
        PdfA.assertCompliant(unsigned);
        Path signed = dir.resolve("signed-" + lang + ".pdf");
        new PadesSigner().sign(unsigned, signed, pki.officerSigner(), tsa.source());
        PdfA.assertCompliant(signed);
        assertEquals("2b", PdfA.claimed(signed).getId());
        Tools.require("pdfsig");
        Tools.Result sig = Tools.run(dir, "pdfsig", signed.toString());
        assertTrue(sig.out().contains("Signature is Valid."), sig.all());
    }

    @Test
    void theEnglishReportIsUnchangedByTheTranslationsAndNamesNoOtherLanguage() throws Exception {
        Path english = report("en", null);
        String text = PdfText.extract(english);
        assertTrue(text.contains("1  Inventory of evidence") || text.contains("1 Inventory of evidence"), text);
        assertFalse(text.contains("TRANSLATION"), text);
        assertFalse(text.contains("Case number / "), "no label pairs: " + text);
        assertTrue(text.contains("Page 1 of ") && text.contains("Sender"), "English footers and chat heads: " + text);
        assertFalse(text.contains("Sender / ") || text.contains("Page 1 of 1 /"), "no pairs there either: " + text);
        Path plainWriter = dir.resolve("plain.pdf");
        try (OutputStream out = Files.newOutputStream(plainWriter)) {
            new ReportWriter().writeReport(ReportFixtures.data(3), out);
        }
        assertEquals(text, PdfText.extract(plainWriter), "no language and English give the same report");
    }

    @Test
    void aLabCorrectsOneTranslatedStringWithAFileInTheTemplateFolder() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("lab-templates"));
        Files.writeString(templates.resolve("REPORT.hi.txt"), "# lab correction\ncover.agency = अन्वेषण एजेंसी\n",
                StandardCharsets.UTF_8);
        String text = PdfText.extract(report("hi", templates));
        assertTrue(text.contains("Agency / अन्वेषण एजेंसी"), "the lab's string: " + text);
        assertTrue(text.contains("Case number / मामला संख्या"), "the other strings stay as shipped: " + text);
    }

    @Test
    void aReportLanguageThatDoesNotExistIsAnErrorNamingTheChoices() {
        ReportException e = assertThrows(ReportException.class, () -> report("fr", null));
        assertTrue(e.getMessage().contains("hi|bn|ne"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void everyReportStringHasATranslationWithTheSameArguments(String lang) throws IOException {
        Properties en = load("REPORT");
        Properties tr = load("REPORT." + lang);
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(tr.stringPropertyNames()),
                "REPORT." + lang + ".txt has exactly the keys of REPORT.txt");
        for (String key : en.stringPropertyNames()) {
            for (String arg : new String[] {"{0}", "{1}"}) {
                assertEquals(en.getProperty(key).contains(arg), tr.getProperty(key).contains(arg),
                        lang + " " + key + " uses " + arg + " as the English does");
            }
        }
    }

    private static Properties load(String id) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + id + ".txt")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
