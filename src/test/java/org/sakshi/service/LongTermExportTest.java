package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.SigningException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.RealisticPki;
import org.sakshi.testsupport.Tools;

/**
 * Issue 11's promise, judged by EU DSS used directly (its default policy, our two test roots as the only
 * anchors, offline): an export made while the PKI's OCSP/CRL/caIssuers servers answer is CAdES- and
 * PAdES-BASELINE-LTA and passes after those servers are gone, today and three years after the officer's
 * certificate expired; {@code sakshi verify} agrees; a revoked officer cannot export.
 * <p>The LTA checks judge the bundle file, so they run on one folder case; the refused export of a revoked
 * officer, which touches the case, runs on both stores.
 */
class LongTermExportTest {
    private static Path dir;
    private static RealisticPki pki;
    private static LocalTsa tsa;
    private static ExportFixture fx;
    private static ExportResult sealed;
    private static final List<Path> extracted = new ArrayList<>();

    @BeforeAll
    static void exportWhileOnlineThenGoOffline() throws Exception {
        dir = Files.createTempDirectory("sakshi-lta");
        pki = RealisticPki.create(dir.resolve("pki"));
        tsa = pki.startTsa();
        fx = new ExportFixture(dir, tsa);
        sealed = fx.exports.export(fx.caseDir, new ExportRequest(dir.resolve("bundle.zip"), pki.officerSigner(),
                List.of(tsa.source()), List.of(), List.of(CertificateKind.IN_BSA63), null), null, null);
        tsa.close();
        pki.close(); // from here on, no OCSP, CRL, caIssuers or TSA answers
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }

    private static CommonCertificateVerifier offlineAnchors() {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCert()));
        trusted.addCertificate(new CertificateToken(pki.tsaRootCert()));
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setOcspSource(null);
        cv.setCrlSource(null);
        return cv;
    }

    private static byte[] entry(String name) throws IOException {
        try (ZipFile z = new ZipFile(sealed.bundle().toFile())) {
            // the bag lies in one top folder of the ZIP
            ZipEntry e = z.stream().filter(x -> x.getName().endsWith("/" + name) && x.getName().indexOf('/')
                    == x.getName().length() - name.length() - 1).findFirst().orElse(null);
            assertTrue(e != null, name + " is in the bundle");
            return z.getInputStream(e).readAllBytes();
        }
    }

    private static List<String> pdfs() throws IOException {
        try (ZipFile z = new ZipFile(sealed.bundle().toFile())) {
            return z.stream().map(ZipEntry::getName).map(n -> n.substring(n.indexOf('/') + 1))
                    .filter(n -> n.startsWith("data/report/") && n.endsWith(".pdf")).toList();
        }
    }

    /** DSS's own simple report for one document, as of {@code at} (null: now). */
    private static SimpleReport dss(DSSDocument signed, DSSDocument detached, Instant at) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(signed);
        v.setCertificateVerifier(offlineAnchors());
        if (detached != null) {
            v.setDetachedContents(List.of(detached));
        }
        if (at != null) {
            v.setValidationTime(Date.from(at));
        }
        return v.validateDocument().getSimpleReport();
    }

    private static void assertLta(SimpleReport r, String level, String what) {
        String id = r.getFirstSignatureId();
        assertEquals(Indication.TOTAL_PASSED, r.getIndication(id), what + ": " + r.getSubIndication(id) + " "
                + r.getAdESValidationErrors(id));
        assertEquals(level, r.getSignatureFormat(id).toString(), what);
    }

    private static Instant threeYearsAfterTheOfficerExpired() {
        return pki.officerCert().getNotAfter().toInstant().plus(Duration.ofDays(3 * 365));
    }

    @Test
    void theExportIsSealedForTheLongTermWithoutWarnings() {
        assertEquals(List.of(), sealed.warnings());
    }

    @Test
    void dssPassesTheBundleSignatureAtLtaOfflineTodayAndThreeYearsAfterTheOfficerCertificateExpired() throws Exception {
        DSSDocument p7s = new InMemoryDocument(entry("signature/tagmanifest-sha256.txt.p7s"), "b.p7s");
        DSSDocument tags = new InMemoryDocument(entry("tagmanifest-sha256.txt"), "tagmanifest-sha256.txt");
        assertLta(dss(p7s, tags, null), "CAdES-BASELINE-LTA", "bundle signature today");
        assertLta(dss(p7s, tags, threeYearsAfterTheOfficerExpired()), "CAdES-BASELINE-LTA",
                "bundle signature three years after the officer's certificate expired");
    }

    @Test
    void dssPassesEveryPdfAtLtaOfflineTodayAndThreeYearsAfterTheOfficerCertificateExpired() throws Exception {
        List<String> pdfs = pdfs();
        assertTrue(pdfs.size() >= 3, "report and two BSA certificates: " + pdfs);
        for (String pdf : pdfs) {
            DSSDocument doc = new InMemoryDocument(entry(pdf), pdf.substring(pdf.lastIndexOf('/') + 1));
            assertLta(dss(doc, null, null), "PAdES-BASELINE-LTA", pdf + " today");
            assertLta(dss(doc, null, threeYearsAfterTheOfficerExpired()), "PAdES-BASELINE-LTA", pdf + " later");
        }
    }

    @Test
    void sakshiVerifyAgreesWithDssTodayAndYearsLater() throws Exception {
        VerifyService.Trust trust = new VerifyService.Trust(List.of(pki.rootPem()), List.of(pki.tsaRootPem()), null);
        for (Instant at : new Instant[] {null, threeYearsAfterTheOfficerExpired()}) {
            VerificationReport r = fx.verifier.verify(sealed.bundle(), trust.asOf(at, false), null);
            List<Check> longTerm = r.checks().stream().filter(c -> c.code() == CheckCode.LONG_TERM).toList();
            assertEquals(1 + pdfs().size(), longTerm.size(), "one long-term check per signature: " + longTerm);
            for (Check c : longTerm) {
                assertEquals(CheckResult.PASSED, c.result(), c.target() + ": " + c.message());
            }
            assertEquals(Verdict.PASSED, r.verdict(), "at " + at + ": " + r.checks().stream()
                    .filter(c -> c.result() != CheckResult.PASSED).toList());
        }
    }

    @Test
    void everyLtaPdfIsStillPdfA2bForVeraPdf() throws Exception {
        for (String pdf : pdfs()) {
            Path f = Files.createTempFile(dir, "lta", ".pdf");
            Files.write(f, entry(pdf));
            org.sakshi.testsupport.PdfA.assertCompliant(f);
        }
    }

    @Test
    void pdfsigAcceptsTheApprovalSignatureAndTheDocumentTimeStampOfEveryLtaPdf() throws Exception {
        for (String pdf : pdfs()) {
            Path f = Files.createTempFile(dir, "sig", ".pdf");
            Files.write(f, entry(pdf));
            Tools.Result r = Tools.run(dir, "pdfsig", f.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("Signature #2"), pdf + " has the document time-stamp: " + r.out());
            assertFalse(r.out().contains("Signature is Invalid"), pdf + ": " + r.out());
        }
    }

    @Test
    void opensslStillVerifiesTheLtaBundleSignature() throws Exception {
        Path work = Files.createDirectories(dir.resolve("openssl"));
        Files.write(work.resolve("tagmanifest-sha256.txt"), entry("tagmanifest-sha256.txt"));
        Files.write(work.resolve("sig.p7s"), entry("signature/tagmanifest-sha256.txt.p7s"));
        Tools.Result v = Tools.run(work, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s",
                "-content", "tagmanifest-sha256.txt", "-CAfile", pki.rootPem().toString(), "-purpose", "any",
                "-out", "/dev/null");
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.err().contains("Verification successful"), v.err());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aRevokedOfficerCannotExportAndNoBundleIsLeft(Fixture.Store store) throws Exception {
        Path d = Files.createTempDirectory(dir, "revoked");
        RealisticPki p = RealisticPki.create(d.resolve("pki"));
        try (LocalTsa t = p.startTsa()) {
            ExportFixture f = new ExportFixture(d, t, store.server());
            Path out = d.resolve("revoked.zip");
            SigningException e = assertThrows(SigningException.class, () -> f.exports.export(f.caseDir,
                    new ExportRequest(out, p.revokedOfficerSigner(), List.of(t.source()), List.of(), List.of(), null),
                    null, null));
            assertTrue(e.getMessage().contains("revoked"), e.getMessage());
            assertFalse(Files.exists(out), "no bundle");
            assertFalse(Files.exists(out.resolveSibling("revoked.zip.part")), "no part file");
            assertTrue(f.custody.verify(f.caseDir).intact(), "the refused export left the ledger intact");
        } finally {
            p.close();
        }
    }
}
