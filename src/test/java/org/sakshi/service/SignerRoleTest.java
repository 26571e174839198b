package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.Signer;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.signing.Certificates;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.signing.TestSigners;
import org.sakshi.testsupport.TestPki;

/**
 * Issue 17 §3: who signed, in which role. Each attack is built on a genuine export and must not PASS.
 * <p>Folder store only: each attack re-signs or re-zips the bundle file and verifies it; the case store
 * never takes part, and ExportServiceTest shows a lab-server case exports a bundle that verifies PASSED the
 * same way.
 */
class SignerRoleTest {
    static ExportFixture fx;
    static Path genuine;

    @TempDir
    static Path dir;

    @BeforeAll
    static void export() throws Exception {
        fx = ExportFixture.shared();
        genuine = ExportFixture.sharedExport().bundle();
    }

    private static VerificationReport verify(Path bundle, List<Path> signerRoots, List<Path> tsaRoots, String expect)
            throws Exception {
        return fx.verifier.verify(bundle, new VerifyService.Trust(signerRoots, tsaRoots, expect), null);
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return verify(bundle, List.of(fx.tsa.pki().agencyCaPem()), List.of(fx.tsa.pki().tsaRootPem()), null);
    }

    private static Set<CheckCode> failedCodes(VerificationReport r) {
        return r.checks().stream().filter(c -> c.result() == CheckResult.FAILED).map(Check::code)
                .collect(Collectors.toSet());
    }

    private static Check first(VerificationReport r, CheckCode code) {
        return r.checks().stream().filter(c -> c.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + r.checks()));
    }

    private static Signer colleague() throws Exception {
        TestPki pki = fx.tsa.pki();
        TestPki.Identity id = pki.issueOfficer(TestPki.OfficerSpec.valid("Sub-Inspector Ravi Kumar"));
        Path p12 = pki.writeP12(dir.resolve("colleague-" + System.nanoTime() + ".p12"), id, "pw-colleague".toCharArray());
        return Pkcs12Identity.load(p12, "pw-colleague".toCharArray(), null);
    }

    @Test
    void aGenuineBundleWithSeparateSignerAndTsaRootsPasses() throws Exception {
        VerificationReport r = verify(genuine);
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.checks().toString());
        assertEquals(CheckResult.PASSED, first(r, CheckCode.SIGNER_MISMATCH).result());
    }

    @Test
    void aGenuineBundleZippedAgainPasses() throws Exception {
        Path copy = Reseal.rezip(genuine, dir.resolve("rezipped.zip"));
        VerificationReport r = verify(copy);
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.checks().toString());
    }

    @Test
    void theOfficerSealingAgainWithHisOwnKeyStillPasses() throws Exception {
        Path again = Reseal.reseal(genuine, dir.resolve("officer-again.zip"), fx.tsa.pki().officerSigner(), fx.tsa, null);
        VerificationReport r = verify(again);
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.checks().toString());
    }

    @Test
    void aColleagueUnderTheSameCaResealingAfterDeletingAnItemFailsSignerMismatch() throws Exception {
        Path forged = Reseal.reseal(genuine, dir.resolve("colleague.zip"), colleague(), fx.tsa, "E0003");
        VerificationReport r = verify(forged);
        assertEquals(Verdict.FAILED, r.verdict());
        // every other check holds: the colleague's signature is valid and trusted, only the role betrays it
        assertEquals(Set.of(CheckCode.SIGNER_MISMATCH), failedCodes(r), () -> r.checks().toString());
        assertEquals(CheckResult.PASSED, first(r, CheckCode.SIGNER_TRUST).result());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.SIGNER_MISMATCH
                && c.message().contains("custody log records the export of this bundle")), () -> r.checks().toString());
    }

    @Test
    void anExpectedSignerOtherThanTheOneWhoSignedFails() throws Exception {
        String other = Certificates.sha256Hex(colleague().chain().get(0));
        VerificationReport r = verify(genuine, List.of(fx.tsa.pki().agencyCaPem()), List.of(fx.tsa.pki().tsaRootPem()),
                other);
        assertEquals(Verdict.FAILED, r.verdict());
        assertEquals(Set.of(CheckCode.SIGNER_MISMATCH), failedCodes(r), () -> r.checks().toString());
    }

    @Test
    void theExpectedSignerGivenAsItsCertificateFilePasses() throws Exception {
        Path pem = dir.resolve("officer.pem");
        org.sakshi.signing.Pem.writeCertificates(pem, List.of(fx.tsa.pki().officerCert()));
        VerificationReport r = verify(genuine, List.of(fx.tsa.pki().agencyCaPem()), List.of(fx.tsa.pki().tsaRootPem()),
                pem.toString());
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.checks().toString());
        assertTrue(first(r, CheckCode.SIGNER_MISMATCH).message().contains("expected signer"));
    }

    @Test
    void anExpectedSignerThatIsNeitherAFileNorAHashIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> verify(genuine, List.of(), null, "nobody"));
        assertTrue(e.getMessage().contains("nobody"), e.getMessage());
    }

    @Test
    void theSignerRootGivenOnlyAsTsaRootDoesNotMakeTheSignerTrusted() throws Exception {
        VerificationReport r = verify(genuine, List.of(fx.tsa.pki().tsaRootPem()),
                List.of(fx.tsa.pki().agencyCaPem(), fx.tsa.pki().tsaRootPem()), null);
        assertEquals(Verdict.INDETERMINATE, r.verdict(), () -> r.checks().toString());
        assertEquals(CheckResult.INDETERMINATE, first(r, CheckCode.SIGNER_TRUST).result());
        assertEquals(CheckResult.PASSED, first(r, CheckCode.BUNDLE_TIMESTAMP).result());
    }

    @Test
    void theTsaRootGivenOnlyAsSignerRootDoesNotMakeTheTsaTrustedOnceTsaRootsAreGiven() throws Exception {
        VerificationReport r = verify(genuine, List.of(fx.tsa.pki().agencyCaPem(), fx.tsa.pki().tsaRootPem()),
                List.of(fx.tsa.pki().agencyCaPem()), null);
        assertEquals(Verdict.INDETERMINATE, r.verdict(), () -> r.checks().toString());
        assertEquals(CheckResult.INDETERMINATE, first(r, CheckCode.BUNDLE_TIMESTAMP).result());
        assertEquals(CheckResult.PASSED, first(r, CheckCode.SIGNER_TRUST).result());
    }

    @Test
    void aPlainTrustListStillServesSignersAndTsasAlike() throws Exception {
        VerificationReport r = fx.verifier.verify(genuine, fx.trust(), null);
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.checks().toString());
    }

    @Test
    void aBundleResealedWithAKeyCertSignOnlyCertificateIsRefused() throws Exception {
        TestPki.Identity ca = TestSigners.issue(fx.tsa.pki(), "Rogue Sub CA", KeyUsage.keyCertSign, null);
        Path forged = Reseal.reseal(genuine, dir.resolve("keycertsign.zip"), TestSigners.unchecked(ca), fx.tsa, null);
        VerificationReport r = verify(forged);
        assertEquals(Verdict.FAILED, r.verdict());
        Check sig = first(r, CheckCode.SIGNATURE);
        assertEquals(CheckResult.FAILED, sig.result());
        assertTrue(sig.message().contains("not a signing certificate"), sig.message());
    }

    @Test
    void aBundleResealedWithATimeStampingCertificateIsRefused() throws Exception {
        TestPki.Identity stamp = TestSigners.issue(fx.tsa.pki(), "Stamp Desk",
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, KeyPurposeId.id_kp_timeStamping);
        Path forged = Reseal.reseal(genuine, dir.resolve("tsa-signer.zip"), TestSigners.unchecked(stamp), fx.tsa, null);
        VerificationReport r = verify(forged);
        assertEquals(Verdict.FAILED, r.verdict());
        Check sig = first(r, CheckCode.SIGNATURE);
        assertEquals(CheckResult.FAILED, sig.result());
        assertTrue(sig.message().contains("time-stamping certificate"), sig.message());
    }

    @Test
    void aReportSignedAgainByAColleagueFailsSignerMismatchNamingThePdf() throws Exception {
        Path forged = Reseal.reseal(genuine, dir.resolve("report-colleague.zip"), fx.tsa.pki().officerSigner(), fx.tsa,
                null, colleague());
        VerificationReport r = verify(forged);
        assertEquals(Verdict.FAILED, r.verdict());
        assertEquals(Set.of(CheckCode.SIGNER_MISMATCH), failedCodes(r), () -> r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.SIGNER_MISMATCH
                && c.target().equals("data/report/report.pdf")), () -> r.checks().toString());
    }
}
