package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.core.Item;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * The Nepal, Bangladesh and 18 U.S.C. § 3505 forms: each made from case data, PAdES-signed, read
 * back with PDFBox and pdftotext, with every item hash, the counsel-review notice and the export
 * time in the zone the form's law expects beside UTC.
 */
class CountryFormsTest {
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

    private Path signedForm(String id, Map<String, String> extra) throws Exception {
        return signedForm(id, extra, java.util.List.of());
    }

    private Path signedForm(String id, Map<String, String> extra, java.util.List<String> languages) throws Exception {
        Path unsigned = dir.resolve(id + "-unsigned.pdf");
        try (OutputStream out = Files.newOutputStream(unsigned)) {
            new ReportWriter().writeCertificate(id, ReportFixtures.data(0), extra, languages, out);
        }
        Path signed = dir.resolve("certificate-" + id + (languages.isEmpty() ? "" : "." + String.join("-", languages))
                + ".pdf");
        new PadesSigner().sign(unsigned, signed, pki.officerSigner(), tsa.source());
        String keep = System.getenv("SAKSHI_KEEP_FORMS"); // a folder to keep the signed forms in, to look at
        if (keep != null) {
            Files.copy(signed, Files.createDirectories(Path.of(keep)).resolve(signed.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return signed;
    }

    // exported 2026-11-20T10:15:30Z: 16:00 in Nepal (+05:45), 16:15 in Bangladesh (+06:00), 15:45 in India
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NP-ETA2063|2026-11-20 16:00 NPT (UTC+05:45) = 10:15 UTC|NPT (UTC+05:45, Asia/Kathmandu)|Electronic Transactions Act, 2063",
        "BD-EA1872|2026-11-20 16:15 BST (UTC+06:00) = 10:15 UTC|BST (UTC+06:00, Asia/Dhaka)|Evidence Act, 1872",
        "US-3505|2026-11-20 15:45 IST (UTC+05:30) = 10:15 UTC|IST (UTC+05:30, Asia/Kolkata)|18 U.S.C. § 3505"})
    void eachCountryFormIsSignedAndHoldsTheCaseTheHashesBothTimesAndTheCounselNotice(String id, String time,
            String zone, String law) throws Exception {
        Path pdf = signedForm(id, Map.of("place", "Kathmandu"));
        String text = PdfText.extract(pdf);
        assertTrue(text.contains("FIR 123/2026"), text);
        assertTrue(text.contains(ReportFixtures.BUNDLE_ID), text);
        for (Item it : ReportFixtures.data(0).items()) {
            assertTrue(text.contains(it.digests().sha256()), id + " lacks the SHA-256 of " + it.id());
            assertTrue(text.contains(it.digests().sha1()), id + " lacks the SHA-1 of " + it.id());
        }
        assertTrue(text.contains(time), id + " gives the export time in the form's zone beside UTC: " + text);
        assertTrue(text.contains(zone), text);
        assertTrue(text.contains(law), text);
        assertTrue(text.contains("DRAFT FOR COUNSEL'S REVIEW: counsel must review the wording"), text);
        assertFalse(text.contains("${"), id + " has an unfilled placeholder");

        Tools.require("pdfsig", "pdftotext");
        Tools.Result sig = Tools.run(dir, "pdfsig", pdf.toString());
        assertTrue(sig.out().contains("Signature is Valid."), sig.all());
        assertTrue(sig.out().contains("Total document signed"), sig.all());
        Tools.Result plain = Tools.run(dir, "pdftotext", "-layout", pdf.toString(), "-");
        assertEquals(0, plain.exit(), plain.all());
        assertTrue(plain.out().contains(time), "pdftotext finds the time too: " + plain.out());
        assertTrue(plain.out().contains(ReportFixtures.data(0).items().get(0).digests().sha256()), plain.out());
    }

    @Test
    void itemTimesOnANepalFormAreInNepalTimeBesideUtc() throws Exception {
        String text = PdfText.extract(signedForm("NP-ETA2063", Map.of()));
        // E0001 imported 2026-11-20T09:15:30Z, time-stamped two seconds later
        assertTrue(text.contains("2026-11-20 15:00:30 NPT (UTC+05:45) = 09:15:30 UTC"), text);
        assertTrue(text.contains("2026-11-20 15:00:32 NPT (UTC+05:45) = 09:15:32 UTC"), text);
    }

    @Test
    void theSection3505FormWarnsThatCounselMustDecideWhetherItFitsAndNamesTheCountry() throws Exception {
        String text = PdfText.extract(signedForm("US-3505", Map.of())).replaceAll("\\s+", " ");
        assertTrue(text.contains("counsel must decide whether this certification fits each record"), text);
        assertTrue(text.contains("under the laws of India"), text);
        assertTrue(text.contains("(B) the record was kept in the course of a regularly conducted business activity"), text);
    }

    @Test
    void aUsFormTakesTheZoneTheOfficerGivesButAnIndianFormKeepsIst() throws Exception {
        Map<String, String> ny = Map.of(Templates.FORM_ZONE, "America/New_York");
        String us = PdfText.extract(signedForm("US-3505", ny));
        assertTrue(us.contains("2026-11-20 05:15 EST (UTC-05:00) = 10:15 UTC"), us);
        String in = PdfText.extract(signedForm("IN-BSA63-PartA", ny));
        assertTrue(in.contains("15:45 IST (UTC+05:30) = 10:15 UTC"), in);
    }

    @Test
    void aBadFormZoneIsAnErrorNamingTheZone() {
        ReportException e = assertThrows(ReportException.class, () -> signedForm("US-3505",
                Map.of(Templates.FORM_ZONE, "Mars/Olympus")));
        assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
    }

    @Test
    void theUtcSideRepeatsTheDateWhenTheLocalDateDiffers() {
        // 2026-11-30 20:00 UTC is already 1 December in Kathmandu
        assertEquals("2026-12-01 01:45 NPT (UTC+05:45) = 2026-11-30 20:00 UTC",
                Fmt.zoneAndUtc(Instant.parse("2026-11-30T20:00:00Z"), ZoneId.of("Asia/Kathmandu"), false));
        assertEquals("2026-11-30 14:05 NPT (UTC+05:45) = 08:20 UTC",
                Fmt.zoneAndUtc(Instant.parse("2026-11-30T08:20:00Z"), ZoneId.of("Asia/Kathmandu"), false));
    }

    // a shaped word from each translation: pre-base i-matra, conjuncts and reph must come back as typed
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NP-ETA2063|ne|Nepali|मसौदा अनुवाद|विद्युतीय अभिलेखको प्रामाणिकता|2026-11-20 16:00 NPT (UTC+05:45) = 10:15 UTC",
        "BD-EA1872|bn|Bengali|খসড়া অনুবাদ|ডিজিটাল রেকর্ডের প্রত্যয়নপত্র|2026-11-20 16:15 BST (UTC+06:00) = 10:15 UTC",
        "IN-BSA63-PartA|hi|Hindi|प्रारूप अनुवाद|इलेक्ट्रॉनिक अभिलेख का स्रोत|15:45 IST (UTC+05:30) = 10:15 UTC"})
    void aBilingualCertificateHasTheEnglishTextThenTheDraftTranslationShapedAndSearchable(String id, String lang,
            String language, String draft, String phrase, String time) throws Exception {
        Path pdf = signedForm(id, Map.of("place", "Kathmandu"), java.util.List.of(lang));
        String text = PdfText.extract(pdf);
        int translation = text.indexOf("TRANSLATION (" + language + ") — DRAFT");
        assertTrue(translation > 0, "an English draft notice heads the translation: " + text);
        assertTrue(text.indexOf("FIR 123/2026") < translation, "the English certificate comes first");
        String translated = text.substring(translation);
        assertTrue(translated.contains(draft), "the translation marks itself a draft: " + translated);
        assertTrue(translated.contains(phrase), translated);
        assertTrue(translated.contains(time), "the translation gives the same times: " + translated);
        assertTrue(translated.contains(ReportFixtures.data(0).items().get(1).digests().sha256()), translated);
        assertFalse(text.contains("${"), "no unfilled placeholder");

        Tools.require("pdftotext", "pdfsig", "pdffonts");
        Tools.Result plain = Tools.run(dir, "pdftotext", pdf.toString(), "-");
        assertTrue(plain.out().replaceAll("\\s+", " ").contains(phrase), "pdftotext finds '" + phrase + "': " + plain.out());
        assertTrue(plain.out().contains(draft), plain.out());
        Tools.Result fonts = Tools.run(dir, "pdffonts", pdf.toString());
        assertTrue(fonts.out().contains(lang.equals("bn") ? "NotoSansBengali" : "NotoSansDevanagari"), fonts.out());
        Tools.Result sig = Tools.run(dir, "pdfsig", pdf.toString());
        assertTrue(sig.out().contains("Signature is Valid."), sig.all());
    }

    @Test
    void aCertificateWithoutTheAskedTranslationIsAnErrorNamingTheFileToAdd() {
        ReportException e = assertThrows(ReportException.class, () -> signedForm("US-3505", Map.of(),
                java.util.List.of("hi")));
        assertTrue(e.getMessage().contains("no Hindi translation of certificate US-3505"), e.getMessage());
        assertTrue(e.getMessage().contains("US-3505.hi.txt"), e.getMessage());
    }
}
