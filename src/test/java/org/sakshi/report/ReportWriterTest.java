package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.testsupport.Tools;

class ReportWriterTest {
    @TempDir
    Path dir;

    @TempDir
    static Path shared;
    private static Path sample;
    private static String sampleText;

    /** One 12-message report shared by the read-only tests (writing it is the slow part). */
    @BeforeAll
    static void writeSample() throws Exception {
        sample = shared.resolve("sample.pdf");
        try (OutputStream out = Files.newOutputStream(sample)) {
            new ReportWriter().writeReport(ReportFixtures.data(12), out);
        }
        sampleText = PdfText.extract(sample);
    }

    private Path report(ReportData data) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportWriter().writeReport(data, out);
        }
        return pdf;
    }

    @ParameterizedTest
    @ValueSource(strings = {"हिन्दी", "प्रमाण", "कार्यालय", "कृपया", "नेपाली भाषामा", "সাক্ষ্য", "বাংলাদেশ",
        "রাহুল দাস", "পাঠানো হয়েছে"})
    void pdfboxTextExtractionReturnsIndicTextAsWritten(String word) throws Exception {
        assertTrue(sampleText.contains(word), "report text lacks " + word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"हिन्दी", "प्रमाण", "कार्यालय", "कृपया", "সাক্ষ্য", "বাংলাদেশ"})
    void pdftotextReturnsIndicTextAsWritten(String word) throws Exception {
        Tools.require("pdftotext");
        Tools.Result r = Tools.run(dir, "pdftotext", "-enc", "UTF-8", sample.toString(), "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(word), "pdftotext output lacks " + word);
    }

    @Test
    void embedsTheThreeNotoFamiliesAsSubsets() throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
                    names.add(f.getName());
                }
            }
        }
        assertTrue(names.stream().anyMatch(n -> n.matches("[A-Z]{6}\\+NotoSans-Regular")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("+NotoSansDevanagari-Regular")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("+NotoSansBengali-Regular")), names.toString());
    }

    @Test
    void reportListsEveryHashOfEveryItemAndEvent() throws Exception {
        ReportData data = ReportFixtures.data(12);
        String text = sampleText;
        for (Item it : data.items()) {
            assertTrue(text.contains(it.digests().sha256()), it.id() + " sha256");
            assertTrue(text.contains(it.digests().sha1()), it.id() + " sha1");
            assertTrue(text.contains(it.digests().md5()), it.id() + " md5");
        }
        for (CustodyEvent e : data.events()) {
            assertTrue(text.contains(e.hash()), "event " + e.seq() + " hash");
        }
        assertTrue(text.contains(data.custodyHead()));
        assertTrue(text.contains(ReportFixtures.hex("SHA-256", "att7")), "attachment hash of message 7");
    }

    @Test
    void sha256ValuesFindsTheManifestHashesOfTheReport() throws Exception {
        ReportData data = ReportFixtures.data(3);
        var found = PdfText.sha256Values(report(data));
        for (Item it : data.items()) {
            assertTrue(found.contains(it.digests().sha256()), it.id());
        }
    }

    @Test
    void everyPageFooterSaysPageXOfYAndTheBundleId() throws Exception {
        Path pdf = report(ReportFixtures.data(40));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int n = doc.getNumberOfPages();
            assertTrue(n > 5, "pages: " + n);
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= n; i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                String t = s.getText(doc);
                assertTrue(t.contains("Page " + i + " of " + n), "page " + i + ": " + t);
                assertTrue(t.contains("Bundle " + ReportFixtures.BUNDLE_ID), "page " + i + " lacks the bundle id");
            }
        }
    }

    @Test
    void coverGivesExportTimeInUtcAndInTheCaseZone() throws Exception {
        String text = sampleText;
        assertTrue(text.contains("2026-11-20 10:15:30 UTC (2026-11-20 15:45:30 IST, Asia/Kolkata)"), text);
        assertTrue(text.contains("Anti Human Trafficking Unit, Kolkata"));
        assertTrue(text.contains(ReportFixtures.BUNDLE_ID));
    }

    @Test
    void noTextRunsPastTheRightMarginEvenForUnbrokenLongWords() throws Exception {
        String longWord = "x".repeat(400) + ReportFixtures.hex("SHA-256", "long");
        RecordSource records = (item, c) -> {
            if (item.kind() == ItemKind.CHAT) {
                c.accept(Map.of("index", 1L, "time", "2026-11-01T08:00:00", "sender", "Ravi", "text", longWord));
            }
        };
        ReportData base = ReportFixtures.data(1);
        ReportData data = new ReportData(base.caseInfo(), base.bundleId(), base.exportedAt(), base.exporter(),
                base.toolVersion(), base.custodyHead(), base.items(), base.events(), records, base.thumbnails());
        float[] maxX = {0};
        try (PDDocument doc = Loader.loadPDF(report(data).toFile())) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    maxX[0] = Math.max(maxX[0], t.getXDirAdj() + t.getWidthDirAdj());
                }
            }.getText(doc);
        }
        assertTrue(maxX[0] <= PdfLayout.PAGE_W - PdfLayout.MARGIN + 1, "text reaches x=" + maxX[0]);
    }

    @Test
    void emojiAreDrawnWithTheSymbolFaceAndKeptInTheText() throws Exception {
        assertTrue(sampleText.contains("Meet at the station 🚉 tonight"), sampleText);
        StringBuilder symbols = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (t.getFont().getName().endsWith("+Symbola")) {
                        symbols.append(t.getUnicode());
                    }
                }
            }.getText(doc);
        }
        assertTrue(symbols.toString().contains("🚉"), "glyphs drawn with Symbola: " + symbols);
        assertTrue(!symbols.toString().contains("\uFFFD"), symbols.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"مرحبا بالعالم", "你好，世界", "bell\u0007 and nul\u0000 inside", "lone \uD83D surrogate",
        "zero\u200Bwidth space", "👨‍👩‍👧 family", "🇮🇳 flag"})
    void textNoEmbeddedFontCoversIsWrittenAndKeptAsActualText(String text) throws Exception {
        RecordSource one = (item, c) -> c.accept(Map.of("index", 1L, "time", "2026-11-01T08:00:00", "sender", "X",
                "text", text));
        Path pdf = dir.resolve("t.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportWriter().writeTranscript(ReportFixtures.chat(1), one, out);
        }
        String extracted = PdfText.extract(pdf);
        String visible = text.replaceAll("[\\p{Cc}\\p{Cs}]", "").strip();
        assertTrue(extracted.contains(visible.substring(0, Math.min(4, visible.length()))), extracted);
    }

    @Test
    void textReadUntilEnoughIsTheStartOfTheWholeTextAndStopsAfterThePageThatHadIt() throws Exception {
        int pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(sample.toFile())) {
            pages = doc.getNumberOfPages();
        }
        assertTrue(pages > 2, "the sample report has more than two pages: " + pages);
        List<Integer> asked = new ArrayList<>();
        String firstPage = PdfText.extract(sample, soFar -> {
            asked.add(soFar.length());
            return true;
        });
        assertEquals(1, asked.size(), "asked once, after the first page");
        assertTrue(sampleText.startsWith(firstPage) && firstPage.length() < sampleText.length(), firstPage);
        assertEquals(sampleText, PdfText.extract(sample, soFar -> false));
        asked.clear();
        assertEquals(sampleText, PdfText.extract(sample, soFar -> {
            asked.add(soFar.length());
            return false;
        }));
        assertTrue(asked.size() >= 2 && asked.get(asked.size() - 1) <= sampleText.length(), asked.toString());
        for (int k = 1; k < asked.size(); k++) {
            assertTrue(asked.get(k) >= asked.get(k - 1), "the text so far only grows: " + asked);
        }
    }

    @Test
    void fiveThousandMessagesAreStreamedAndAllListed() throws Exception {
        int total = 5000;
        List<WeakReference<Map<String, Object>>> sampled = new ArrayList<>();
        RecordSource base = ReportFixtures.records(total);
        RecordSource watched = (item, consumer) -> base.stream(item, rec -> {
            if (item.kind() == ItemKind.CHAT && ((Long) rec.get("index")) % 50 == 0) {
                sampled.add(new WeakReference<>(rec));
            }
            consumer.accept(rec);
        });
        ReportData d = ReportFixtures.data(total);
        ReportData data = new ReportData(d.caseInfo(), d.bundleId(), d.exportedAt(), d.exporter(), d.toolVersion(),
                d.custodyHead(), d.items(), d.events(), watched, d.thumbnails());
        Path pdf = report(data);
        String text = PdfText.extract(pdf);
        assertTrue(text.contains(total + " message(s) listed."));
        Matcher m = Pattern.compile("#(\\d+)").matcher(text);
        java.util.BitSet seen = new java.util.BitSet();
        while (m.find()) {
            seen.set(Integer.parseInt(m.group(1)));
        }
        assertEquals(total - 1, seen.cardinality(), "every user message (2.." + total + ") appears once");
        // the writer keeps no message after laying it out
        System.gc();
        long alive = sampled.stream().filter(w -> w.get() != null).count();
        assertTrue(alive <= sampled.size() / 10, alive + " of " + sampled.size() + " sampled messages still reachable");
    }

    @Test
    void transcriptListsEveryMessageWithTimeSenderAndAttachmentHash() throws Exception {
        Path pdf = dir.resolve("transcript.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportWriter().writeTranscript(ReportFixtures.chat(30), ReportFixtures.records(30), out);
        }
        String text = PdfText.extract(pdf);
        assertTrue(text.contains("30 message(s)."));
        assertTrue(text.contains("2026-11-01 08:30"));
        assertTrue(text.contains("রাহুল দাস"));
        assertTrue(text.contains(ReportFixtures.hex("SHA-256", "att28")));
    }

    @Test
    void reportWithoutThumbnailOrRecordsStillWrites() throws IOException, Exception {
        ReportData d = ReportFixtures.data(0);
        ReportData bare = new ReportData(d.caseInfo(), d.bundleId(), d.exportedAt(), d.exporter(), null, null,
                d.items(), List.of(), null, null);
        String text = PdfText.extract(report(bare));
        assertTrue(text.contains("(no thumbnail available)"));
        assertTrue(text.contains("0 message(s) listed."));
    }
}
