package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.bundle.PdfSignatures;
import org.sakshi.core.ItemKind;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.PdfA;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * Every kind of PDF Sakshi writes is PDF/A-2b, as judged by veraPDF, before and after the PAdES
 * signature; the signature's /Contents stays well under the PDF/A string limit.
 */
class PdfAConformanceTest {
    @TempDir
    static Path shared;
    private static TestPki pki;
    private static LocalTsa tsa;
    private static Signer signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(Files.createDirectories(shared.resolve("pki")));
        tsa = LocalTsa.start(pki);
        signer = pki.officerSigner();
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    /** A PDF writer under test: a name and how to write the unsigned file. */
    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    static Stream<Arguments> kinds() {
        ReportWriter w = new ReportWriter();
        Stream<Arguments> fixed = Stream.of(
                Arguments.of("evidence report", (Writer) out -> w.writeReport(ReportFixtures.data(12), out)),
                Arguments.of("chat transcript", (Writer) out -> w.writeTranscript(ReportFixtures.chat(12),
                        ReportFixtures.records(12), out)),
                Arguments.of("verification report", (Writer) out -> w.writeVerificationReport(
                        VerificationReportTest.failedReport(), "FIR-123-2026.zip", ReportFixtures.hex("SHA-256", "zip"),
                        out)));
        Stream<Arguments> certificates = ReportWriter.CERTIFICATE_IDS.stream().map(id -> Arguments.of(
                "certificate " + id, (Writer) out -> w.writeCertificate(id, ReportFixtures.data(0), Map.of(), out)));
        return Stream.concat(fixed, certificates);
    }

    private Path write(String name, Writer writer) throws Exception {
        Path pdf = dir.resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            writer.write(out);
        }
        return pdf;
    }

    private Path signed(Path unsigned) throws Exception {
        Path out = unsigned.resolveSibling(unsigned.getFileName().toString().replace(".pdf", "-signed.pdf"));
        new PadesSigner().sign(unsigned, out, signer, tsa.source());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindOfPdfIsPdfA2bBeforeAndAfterItsPadesSignature(String name, Writer writer) throws Exception {
        Path unsigned = write(name, writer);
        PdfA.assertCompliant(unsigned);
        assertEquals("2b", PdfA.claimed(unsigned).getId(), name);
        Path signed = signed(unsigned);
        PdfA.assertCompliant(signed);
        assertEquals("2b", PdfA.claimed(signed).getId(), name);
    }

    @Test
    void theJudgeNamesEachBrokenRuleOfAPlainPdfWithAStandardFontAndNoMetadata() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("not archival");
                cs.endText();
            }
            doc.save(plain.toFile());
        }
        List<String> failures = PdfA.failures(plain);
        String all = String.join("\n", failures);
        assertTrue(all.contains("the file claims no PDF/A"), all);
        assertTrue(all.contains("6.6.2.1-1 (clause 6.6.2.1)"), "no XMP metadata: " + all);
        assertTrue(all.contains("6.2.11.4.1-1 (clause 6.2.11.4.1)"), "font not embedded: " + all);
        assertTrue(all.contains("6.2.4.3-4"), "DeviceGray without output intent: " + all);
    }

    @Test
    void theOldFortyEightKibPlaceholderWouldBreakPdfAAndTheJudgeSaysWhy() throws Exception {
        Path pdf = write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out));
        Path big = dir.resolve("big-placeholder.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile());
             var options = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions();
             OutputStream os = Files.newOutputStream(big)) {
            var sig = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature();
            sig.setFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PadesSigner.SUBFILTER_CADES);
            options.setPreferredSignatureSize(48 * 1024);
            doc.addSignature(sig, options);
            var ext = doc.saveIncrementalForExternalSigning(os);
            byte[] cms;
            try (var content = ext.getContent()) {
                cms = signer.signDetached(content, null);
            }
            ext.setSignature(cms);
        }
        String all = String.join("\n", PdfA.failures(big));
        assertTrue(all.contains("6.1.13-3 (clause 6.1.13)"), all);
    }

    @Test
    void theXmpMetadataAgreesWithTheInformationDictionary() throws Exception {
        Path pdf = write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(3), out));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var info = doc.getDocumentInformation();
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
            assertEquals(info.getTitle(), xmp.getDublinCoreSchema().getTitle());
            assertEquals(List.of(info.getAuthor()), xmp.getDublinCoreSchema().getCreators());
            assertEquals(info.getProducer(), xmp.getAdobePDFSchema().getProducer());
            assertEquals(info.getCreator(), xmp.getXMPBasicSchema().getCreatorTool());
            assertEquals(info.getCreationDate().toInstant(), xmp.getXMPBasicSchema().getCreateDate().toInstant());
            assertEquals(info.getModificationDate().toInstant(), xmp.getXMPBasicSchema().getModifyDate().toInstant());
            assertEquals(ReportFixtures.T0.plusSeconds(3600), info.getCreationDate().toInstant());
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
            assertEquals("sRGB IEC61966-2.1", doc.getDocumentCatalog().getOutputIntents().get(0).getOutputConditionIdentifier());
            COSArray id = doc.getDocument().getDocumentID();
            assertNotNull(id, "trailer /ID");
            assertEquals(2, id.size());
            assertFalse(doc.isEncrypted());
        }
    }

    @Test
    void everyFontInEveryPdfKindIsAnEmbeddedSubsetAndNoneIsAStandardFourteenFont() throws Exception {
        for (Arguments a : kinds().toList()) {
            String name = (String) a.get()[0];
            Path pdf = signed(write(name, (Writer) a.get()[1]));
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (PDPage page : doc.getPages()) {
                    for (COSName f : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(f);
                        assertTrue(font.isEmbedded(), name + ": " + font.getName() + " embedded");
                        assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), name + ": " + font.getName() + " is a subset");
                        assertFalse(font.isStandard14(), name + ": " + font.getName());
                    }
                }
                PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
                assertNotNull(form, name + ": the signature's form");
                if (form.getDefaultResources() != null) {
                    for (COSName f : form.getDefaultResources().getFontNames()) {
                        PDFont font = form.getDefaultResources().getFont(f);
                        assertTrue(font.isEmbedded() && !font.isStandard14(), name + ": form font " + font.getName());
                    }
                }
            }
        }
    }

    @Test
    void aThumbnailWithAnAlphaChannelKeepsTheReportPdfA() throws Exception {
        BufferedImage img = new BufferedImage(80, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 30, 30, 120)); // half-transparent red over a transparent background
        g.fillOval(5, 5, 70, 110);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        ReportData base = ReportFixtures.data(2);
        ReportData data = new ReportData(base.caseInfo(), base.bundleId(), base.exportedAt(), base.exporter(),
                base.toolVersion(), base.custodyHead(), base.items(), base.events(), base.records(),
                item -> item.kind() == ItemKind.SCREENSHOT ? Optional.of(png.toByteArray()) : Optional.empty());
        Path pdf = write("alpha", out -> new ReportWriter().writeReport(data, out));
        PdfA.assertCompliant(pdf);
        PdfA.assertCompliant(signed(pdf));
    }

    @Test
    void hindiBengaliAndNepaliTextStaysShapedAndSearchableInTheSignedPdfA() throws Exception {
        Path pdf = signed(write("indic", out -> new ReportWriter().writeReport(ReportFixtures.data(12), out)));
        PdfA.assertCompliant(pdf);
        String text = PdfText.extract(pdf);
        for (String s : List.of(ReportFixtures.HINDI, ReportFixtures.NEPALI, ReportFixtures.BENGALI)) {
            assertTrue(text.contains(s), "extractable: " + s);
        }
        Tools.require("pdftotext");
        Tools.Result r = Tools.run(dir, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        for (String s : List.of("हिन्दी", "कार्यालय", "नेपाली भाषामा", "সাক্ষ্য", "বাংলাদেশ")) {
            assertTrue(r.out().contains(s), "pdftotext finds " + s);
        }
        // shaped: the Devanagari and Bengali faces are embedded and their glyphs (conjuncts, reordered
        // matras) are drawn, not one glyph per code point in the Latin face
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            StringBuilder fonts = new StringBuilder();
            for (PDPage page : doc.getPages()) {
                for (COSName f : page.getResources().getFontNames()) {
                    fonts.append(page.getResources().getFont(f).getName()).append(' ');
                }
            }
            assertTrue(fonts.toString().contains("+NotoSansDevanagari-Regular"), fonts.toString());
            assertTrue(fonts.toString().contains("+NotoSansBengali-Regular"), fonts.toString());
        }
    }

    @Test
    void theSignatureFieldIsAnInvisiblePrintedWidgetOnItsPageAndTheFormAllowsMoreSignatures() throws Exception {
        Path pdf = signed(write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out)));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            assertEquals(3, form.getCOSObject().getInt(COSName.SIG_FLAGS), "SignaturesExist | AppendOnly");
            assertFalse(form.getNeedAppearances());
            PDSignatureField field = (PDSignatureField) form.getFields().get(0);
            var widget = field.getWidgets().get(0);
            assertEquals(0f, widget.getRectangle().getWidth());
            assertEquals(0f, widget.getRectangle().getHeight());
            assertTrue(widget.isPrinted(), "/F has the Print flag");
            assertFalse(widget.isHidden() || widget.isNoView() || widget.isInvisible());
            assertNotNull(widget.getPage(), "/P");
            assertTrue(widget.getPage().getAnnotations().stream().map(PDAnnotation::getCOSObject)
                    .anyMatch(a -> a == widget.getCOSObject()), "the widget is in its page's /Annots");
        }
    }

    @Test
    void aSecondIncrementalSignatureJoinsTheFormAndBothStayValidAndPdfA() throws Exception {
        // stands for the later PAdES-LTA update (DSS dictionary and document time-stamp field)
        Path once = signed(write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out)));
        Path twice = dir.resolve("report-twice.pdf");
        new PadesSigner().sign(once, twice, signer, tsa.source());
        PdfA.assertCompliant(twice);
        assertEquals(2, PdfSignatures.find(twice).size());
        try (PDDocument doc = Loader.loadPDF(twice.toFile())) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            assertEquals(2, form.getFields().size());
            assertEquals(3, form.getCOSObject().getInt(COSName.SIG_FLAGS));
        }
        Tools.require("pdfsig");
        Tools.Result r = Tools.run(dir, "pdfsig", twice.toString());
        assertEquals(2, r.out().split("Signature is Valid\\.", -1).length - 1, r.all());
    }

    @Test
    void theSignaturePlaceholderFitsTheRealCmsAndStaysUnderThePdfAStringLimit() throws Exception {
        Path pdf = signed(write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out)));
        PdfSignatures.Signature sig = PdfSignatures.find(pdf).get(0);
        int hole = (int) (sig.byteRange()[2] - sig.byteRange()[1]); // "<" + hex + ">"
        int reserved = (hole - 2) / 2;
        int cms = sig.cms().length;
        System.out.printf("PAdES CMS with the test PKI (officer chain + TSA token): %d bytes; placeholder %d bytes"
                + " (%d hex characters)%n", cms, reserved, hole - 2);
        assertEquals(PadesSigner.reserve(signer.chain(), true), reserved, "sized from the officer's chain");
        assertTrue(reserved <= PadesSigner.MAX_SIGNATURE_SIZE && hole - 2 <= 32767,
                "the /Contents hex string must stay within PDF/A-2's 32767 limit: " + (hole - 2));
        assertTrue(cms <= reserved, "the CMS fits: " + cms + " of " + reserved);
        assertTrue(reserved - cms <= PadesSigner.SIGNED_DATA_ALLOWANCE + PadesSigner.TIMESTAMP_ALLOWANCE + 511,
                "no more spare room than the allowances: " + cms + " of " + reserved);
    }

    /** The officer's signer whose CMS comes out {@code size} bytes long (zero padding, as in /Contents). */
    private static Signer padded(int size) {
        return new Signer() {
            @Override
            public List<java.security.cert.X509Certificate> chain() {
                return signer.chain();
            }

            @Override
            public org.sakshi.core.Actor actor() {
                return signer.actor();
            }

            @Override
            public byte[] signDetached(java.io.InputStream data, org.sakshi.core.TimestampSource t)
                    throws org.sakshi.core.SigningException, java.io.IOException {
                byte[] cms = signer.signDetached(data, t);
                return java.util.Arrays.copyOf(cms, Math.max(size, cms.length));
            }
        };
    }

    @Test
    void aCmsLargerThanTheEstimateIsSignedAgainWithTheRoomItNeedsAndStaysPdfA() throws Exception {
        Path unsigned = write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out));
        int size = PadesSigner.reserve(signer.chain(), true) + 1500;
        Path out = dir.resolve("padded-signed.pdf");
        new PadesSigner().sign(unsigned, out, padded(size), tsa.source());
        PdfSignatures.Signature sig = PdfSignatures.find(out).get(0);
        assertTrue((sig.byteRange()[2] - sig.byteRange()[1] - 2) / 2 >= size);
        PdfA.assertCompliant(out);
        Tools.require("pdfsig");
        Tools.Result r = Tools.run(dir, "pdfsig", out.toString());
        assertTrue(r.out().contains("Signature is Valid."), r.all());
    }

    @Test
    void aCmsTooLargeForPdfAIsRefusedWithAClearErrorAndNoFileIsLeft() throws Exception {
        Path unsigned = write("report", out -> new ReportWriter().writeReport(ReportFixtures.data(2), out));
        Path out = dir.resolve("huge-signed.pdf");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.sakshi.core.SigningException.class,
                () -> new PadesSigner().sign(unsigned, out, padded(PadesSigner.MAX_SIGNATURE_SIZE + 1), tsa.source()));
        assertTrue(e.getMessage().contains("a PDF/A file holds at most 16000"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("huge-signed.pdf.part")));
    }
}
