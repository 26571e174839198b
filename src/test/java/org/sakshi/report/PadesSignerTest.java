package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

class PadesSignerTest {
    @TempDir
    static Path shared;
    private static TestPki pki;
    private static LocalTsa tsa;
    private static Signer signer;
    private static Path unsigned;
    private static Path signedWithTsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void signOnce() throws Exception {
        pki = TestPki.create(Files.createDirectories(shared.resolve("pki")));
        tsa = LocalTsa.start(pki);
        signer = pki.officerSigner();
        unsigned = shared.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(unsigned)) {
            new ReportWriter().writeReport(ReportFixtures.data(6), out);
        }
        signedWithTsa = shared.resolve("report-signed.pdf");
        new PadesSigner().sign(unsigned, signedWithTsa, signer, tsa.source());
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    void pdfsigReportsTotalDocumentSignedAndValidSignature() {
        Tools.require("pdfsig");
        Tools.Result r = Tools.run(shared, "pdfsig", signedWithTsa.toString());
        assertTrue(r.out().contains("Signature is Valid."), r.all());
        assertTrue(r.out().contains("Total document signed"), r.all());
        assertTrue(r.out().contains("ETSI.CAdES.detached"), r.all());
    }

    @Test
    void qpdfFindsNoErrorInTheSignedPdf() {
        Tools.require("qpdf");
        Tools.Result r = Tools.run(shared, "qpdf", "--check", signedWithTsa.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("No syntax or stream encoding errors"), r.all());
    }

    @Test
    void signatureIsPadesBaselineByTheOfficerOverTheWholeFile() throws Exception {
        long size = Files.size(signedWithTsa);
        try (PDDocument doc = Loader.loadPDF(signedWithTsa.toFile())) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals("Adobe.PPKLite", sig.getFilter());
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            assertEquals(TestPki.OFFICER_NAME, sig.getName());
            int[] br = sig.getByteRange();
            assertEquals(0, br[0]);
            assertEquals(size, (long) br[2] + br[3], "byte range reaches the end of the file");
        }
    }

    @Test
    void pdfSignaturesFindsTheCmsWhoseDigestCoversTheSignedBytes() throws Exception {
        var found = org.sakshi.bundle.PdfSignatures.find(signedWithTsa);
        assertEquals(1, found.size());
        org.sakshi.bundle.PdfSignatures.Signature f = found.get(0);
        assertTrue(f.coversWholeFile());
        assertEquals("ETSI.CAdES.detached", f.subFilter());
        assertTrue(f.cms().length > 500, "CMS bytes present");
        byte[] signed = org.sakshi.bundle.PdfSignatures.signedBytes(signedWithTsa, f);
        assertEquals(f.byteRange()[1] + f.byteRange()[3], signed.length);
        assertTrue(new String(signed, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertEquals(0, org.sakshi.bundle.PdfSignatures.find(unsigned).size());
    }

    @Test
    void signedReportKeepsItsTextAndPageCount() throws Exception {
        String before = PdfText.extract(unsigned);
        String after = PdfText.extract(signedWithTsa);
        assertEquals(before, after);
    }

    @Test
    void signsWithoutTimeStampAuthority() throws Exception {
        Tools.require("pdfsig");
        Path out = dir.resolve("no-tsa.pdf");
        new PadesSigner().sign(unsigned, out, signer, null);
        Tools.Result r = Tools.run(dir, "pdfsig", out.toString());
        assertTrue(r.out().contains("Signature is Valid."), r.all());
    }

    @Test
    void signedCertificatePassesPdfsig() throws Exception {
        Tools.require("pdfsig");
        Path cert = dir.resolve("certificate.pdf");
        try (OutputStream out = Files.newOutputStream(cert)) {
            new ReportWriter().writeCertificate("IN-BSA63-PartA", ReportFixtures.data(0), Map.of(), out);
        }
        Path signed = dir.resolve("certificate-IN-BSA63-PartA.pdf");
        new PadesSigner().sign(cert, signed, signer, tsa.source());
        Tools.Result r = Tools.run(dir, "pdfsig", signed.toString());
        assertTrue(r.out().contains("Signature is Valid."), r.all());
        assertTrue(r.out().contains("Total document signed"), r.all());
    }

    @Test
    void pdfsigRejectsTheSignatureWhenOneSignedByteChanges() throws Exception {
        Tools.require("pdfsig");
        byte[] bytes = Files.readAllBytes(signedWithTsa);
        int at = bytes.length / 3; // inside the first signed range (the page content streams)
        bytes[at] ^= 0x01;
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        Tools.Result r = Tools.run(dir, "pdfsig", tampered.toString());
        assertFalse(r.out().contains("Signature is Valid."), r.all());
    }
}
