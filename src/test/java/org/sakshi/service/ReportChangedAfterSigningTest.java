package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.report.PadesSigner;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

/**
 * Attacks on a PAdES-signed report after its signature, made with PDFBox incremental saves the way
 * a forger would: page content replaced, a note annotation added, a form field's value changed, a
 * page added, an open action added; each alone, and each followed by a genuine RFC 3161 document
 * time-stamp over the whole file (which makes the last signature cover the file again). Sakshi's own
 * report check (REPORT_SIGNATURE, {@link BundleTrustAdapter#verifyPdf}) must refuse every one with a
 * sentence naming what changed, without EU DSS's visual comparison; a document time-stamp alone,
 * the update PAdES-LTA makes, still passes.
 */
class ReportChangedAfterSigningTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static LocalTsa tsa;
    private static Path signed;
    private static BundleTrustAdapter trust;

    @BeforeAll
    static void signAReportWithAFormField() throws Exception {
        pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
        tsa = LocalTsa.start(pki);
        Path unsigned = dir.resolve("report.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, "Item E0001 SHA-256 3f1a...e9; seized 2026-07-28 by SI Rao");
            }
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDTextField remark = new PDTextField(form);
            remark.setPartialName("remark");
            form.getFields().add(remark);
            var widget = remark.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(50, 600, 300, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            doc.save(unsigned.toFile());
        }
        signed = dir.resolve("report-signed.pdf");
        new PadesSigner().sign(unsigned, signed, pki.officerSigner(), tsa.source());
        trust = new BundleTrustAdapter(List.of(pki.agencyCaCert(), pki.tsaRootCert()));
    }

    @AfterAll
    static void stop() {
        if (tsa != null) {
            tsa.close();
        }
    }

    private static void text(PDPageContentStream cs, String s) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.newLineAtOffset(50, 700);
        cs.showText(s);
        cs.endText();
    }

    @FunctionalInterface
    private interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    /** The signed report with one incremental update made by {@code change}. */
    private static Path changed(String name, Change change) throws IOException {
        Path out = dir.resolve(name + ".pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(out)) {
            change.apply(doc);
            doc.saveIncremental(os);
        }
        return out;
    }

    /** {@code in} with one more incremental update: an RFC 3161 document time-stamp over the whole file. */
    private static Path timestamped(Path in, PDRectangle widget) throws IOException {
        Path out = dir.resolve(in.getFileName().toString().replace(".pdf", "-ts.pdf"));
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream os = Files.newOutputStream(out);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            options.setPreferredSignatureSize(20_000);
            if (widget != null) {
                options.setPage(0);
                options.setVisualSignature(visibleTemplate(widget));
            }
            doc.addSignature(sig, content -> {
                try {
                    byte[] sha = MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
                    byte[] resp = tsa.source().stamp(sha).response();
                    return new TimeStampResponse(resp).getTimeStampToken().getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }, options);
            doc.saveIncremental(os);
        }
        return out;
    }

    /** A one-page PDF whose signature widget covers {@code rect} and draws text there. */
    private static java.io.InputStream visibleTemplate(PDRectangle rect) throws IOException {
        try (PDDocument t = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            t.addPage(page);
            PDAcroForm form = new PDAcroForm(t);
            t.getDocumentCatalog().setAcroForm(form);
            org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField f =
                    new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
            var w = f.getWidgets().get(0);
            w.setRectangle(rect);
            w.setPage(page);
            var stream = new PDStream(t);
            var appearance = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(stream.getCOSObject());
            appearance.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            appearance.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(t, appearance)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(2, 5);
                cs.showText("Item E0001 SHA-256 0000...00");
                cs.endText();
            }
            var ap = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
            ap.setNormalAppearance(appearance);
            w.setAppearance(ap);
            page.getAnnotations().add(w);
            form.getFields().add(f);
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
            t.save(bos);
            return new java.io.ByteArrayInputStream(bos.toByteArray());
        }
    }

    private static void replaceContent(PDDocument doc) throws IOException {
        PDPage page = doc.getPage(0);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                false)) {
            text(cs, "Item E0001 SHA-256 0000...00; seized 2026-07-29 by SI Rao");
        }
        page.getCOSObject().setNeedToBeUpdated(true);
    }

    private static void addNote(PDDocument doc) throws IOException {
        PDPage page = doc.getPage(0);
        PDAnnotationText note = new PDAnnotationText();
        note.setRectangle(new PDRectangle(50, 650, 20, 20));
        note.setContents("the hash above is wrong");
        page.getAnnotations().add(note);
        page.getCOSObject().setNeedToBeUpdated(true);
        page.getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
    }

    private static void fillRemark(PDDocument doc) throws IOException {
        PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("remark");
        f.setValue("seal found broken");
        f.getCOSObject().setNeedToBeUpdated(true);
        f.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
    }

    private static void addPage(PDDocument doc) throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        doc.getPages().getCOSObject().setNeedToBeUpdated(true);
    }

    private static void addOpenAction(PDDocument doc) {
        PDActionURI go = new PDActionURI();
        go.setURI("https://example.invalid/other-report.pdf");
        doc.getDocumentCatalog().setOpenAction(go);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    private static BundleChecks.SignatureOutcome check(Path pdf) {
        return trust.verifyPdf(pdf);
    }

    private static void refused(Path pdf, String expected) {
        BundleChecks.SignatureOutcome o = check(pdf);
        assertFalse(o.intact(), pdf.getFileName() + " passed");
        assertTrue(o.problem().contains(expected), pdf.getFileName() + ": " + o.problem());
    }

    @Test
    void theSignedReportAndAGenuineDocumentTimeStampOnItPass() throws IOException {
        BundleChecks.SignatureOutcome o = check(signed);
        assertTrue(o.intact(), o.problem());
        BundleChecks.SignatureOutcome ts = check(timestamped(signed, null));
        assertTrue(ts.intact(), ts.problem());
        assertTrue(ts.trusted(), ts.problem());
    }

    @Test
    void changesSavedAfterTheSignatureAreRefusedBecauseTheSignatureNoLongerCoversTheFile() throws IOException {
        String notCovered = "does not cover the whole file";
        refused(changed("content", ReportChangedAfterSigningTest::replaceContent), notCovered);
        refused(changed("note", ReportChangedAfterSigningTest::addNote), notCovered);
        refused(changed("field", ReportChangedAfterSigningTest::fillRemark), notCovered);
        refused(changed("page", ReportChangedAfterSigningTest::addPage), notCovered);
        refused(changed("action", ReportChangedAfterSigningTest::addOpenAction), notCovered);
    }

    @Test
    void changedPageContentUnderALaterDocumentTimeStampIsRefused() throws IOException {
        refused(timestamped(changed("content2", ReportChangedAfterSigningTest::replaceContent), null),
                "after its signature page 1 was changed");
    }

    @Test
    void anAnnotationAddedUnderALaterDocumentTimeStampIsRefused() throws IOException {
        refused(timestamped(changed("note2", ReportChangedAfterSigningTest::addNote), null),
                "after its signature page 1 was changed");
    }

    @Test
    void aFormFieldFilledInUnderALaterDocumentTimeStampIsRefused() throws IOException {
        refused(timestamped(changed("field2", ReportChangedAfterSigningTest::fillRemark), null), "after its signature");
    }

    @Test
    void anAddedPageUnderALaterDocumentTimeStampIsRefused() throws IOException {
        refused(timestamped(changed("page2", ReportChangedAfterSigningTest::addPage), null),
                "after its signature the page count changed from 1 to 2");
    }

    @Test
    void anOpenActionAddedUnderALaterDocumentTimeStampIsRefused() throws IOException {
        refused(timestamped(changed("action2", ReportChangedAfterSigningTest::addOpenAction), null),
                "after its signature the document catalogue was changed");
    }

    @Test
    void aDocumentTimeStampWithAVisibleWidgetDrawnOverThePageIsRefused() throws IOException {
        refused(timestamped(signed, new PDRectangle(50, 695, 300, 20)), "after its signature page 1 was changed");
    }

    @Test
    void everyRefusalSaysTheReportWasAlteredAfterItWasSigned() throws IOException {
        refused(timestamped(changed("content3", ReportChangedAfterSigningTest::replaceContent), null),
                "the report was altered after it was signed");
    }
}
