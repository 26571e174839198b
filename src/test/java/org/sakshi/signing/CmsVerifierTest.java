package org.sakshi.signing;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

class CmsVerifierTest {
    @TempDir
    Path dir;
    TestPki pki;
    Signer signer;
    final byte[] content = "sha256 bagit.txt\n".getBytes();

    @BeforeEach
    void setUp() throws Exception {
        pki = TestPki.create(dir.resolve("pki"));
        signer = pki.officerSigner();
    }

    static CheckResult result(CmsVerifier.Result r, CheckCode code) {
        return r.checks().stream().filter(c -> c.code() == code).map(Check::result).findFirst().orElseThrow();
    }

    private CmsVerifier.Result verify(byte[] p7s, byte[] data, List<java.security.cert.X509Certificate> anchors)
            throws Exception {
        return new CmsVerifier(anchors).verify(p7s, new ByteArrayInputStream(data), "x.p7s");
    }

    @Test
    void signatureWithTimestampIsValidTrustedAndTimed() throws Exception {
        byte[] p7s;
        try (LocalTsa tsa = LocalTsa.start(pki)) {
            p7s = signer.signDetached(new ByteArrayInputStream(content), tsa.source());
        }
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert(), pki.tsaRootCert()));
        assertTrue(r.valid() && r.trusted(), r.checks().toString());
        assertNotNull(r.signatureTime());
        assertEquals(r.signatureTime(), r.checkedAt());
        assertEquals(CheckResult.PASSED, result(r, CmsVerifier.SIGNATURE_TIMESTAMP));
        assertEquals(TestPki.OFFICER_NAME, r.signerName());
        assertEquals(Certificates.sha256Hex(pki.officerCert()), r.certSha256());
    }

    @Test
    void changedContentFailsTheSignatureCheck() throws Exception {
        byte[] p7s = signer.signDetached(new ByteArrayInputStream(content), null);
        byte[] changed = content.clone();
        changed[0] ^= 1;
        CmsVerifier.Result r = verify(p7s, changed, List.of(pki.agencyCaCert()));
        assertFalse(r.valid());
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.SIGNATURE));
    }

    @Test
    void unknownSignerIsValidButIndeterminateTrust() throws Exception {
        byte[] p7s = signer.signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(TestPki.create(dir.resolve("other")).agencyCaCert()));
        assertTrue(r.valid());
        assertFalse(r.trusted());
        assertEquals(CheckResult.INDETERMINATE, result(r, CmsVerifier.TRUST));
    }

    @Test
    void signatureWithoutTimestampIsCheckedNowWithAWarning() throws Exception {
        byte[] p7s = signer.signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert()));
        assertTrue(r.valid() && r.trusted(), r.checks().toString());
        assertNull(r.signatureTime());
        assertEquals(CheckResult.WARNING, result(r, CmsVerifier.SIGNATURE_TIMESTAMP));
    }

    @Test
    void signatureTimestampFromAnUntrustedTsaIsIndeterminate() throws Exception {
        byte[] p7s;
        try (LocalTsa tsa = LocalTsa.start(pki)) {
            p7s = signer.signDetached(new ByteArrayInputStream(content), tsa.source());
        }
        CmsVerifier.Result r = new CmsVerifier(List.of(pki.agencyCaCert()), List.of())
                .verify(p7s, new ByteArrayInputStream(content), "x");
        assertEquals(CheckResult.INDETERMINATE, result(r, CmsVerifier.SIGNATURE_TIMESTAMP));
    }

    @Test
    void certificateExpiredNowIsJudgedAtTheSignatureTimeStamp() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        TestPki.Identity old = pki.issueOfficer(new TestPki.OfficerSpec("Retired Officer",
                now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(10)), true));
        Path p12 = pki.writeP12(dir.resolve("old.p12"), old, "pw".toCharArray());
        java.time.Instant then = now.minus(java.time.Duration.ofDays(20));
        Signer retired = Pkcs12Identity.load(p12, "pw".toCharArray(), null, new SigningOptions(then, false));
        byte[] p7s;
        try (LocalTsa tsa = LocalTsa.start(pki, java.time.Clock.fixed(then, java.time.ZoneOffset.UTC))) {
            p7s = retired.signDetached(new ByteArrayInputStream(content), tsa.source());
        }
        CmsVerifier.Result stamped = verify(p7s, content, List.of(pki.agencyCaCert(), pki.tsaRootCert()));
        assertTrue(stamped.trusted(), stamped.checks().toString());
        assertEquals(then.getEpochSecond(), stamped.checkedAt().getEpochSecond());
    }

    @Test
    void untrustedTimeStampDoesNotMoveTheValidityCheckIntoThePast() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        TestPki.Identity old = pki.issueOfficer(new TestPki.OfficerSpec("Retired Officer",
                now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(10)), true));
        Path p12 = pki.writeP12(dir.resolve("old.p12"), old, "pw".toCharArray());
        java.time.Instant then = now.minus(java.time.Duration.ofDays(20));
        Signer retired = Pkcs12Identity.load(p12, "pw".toCharArray(), null, new SigningOptions(then, false));
        byte[] p7s;
        try (LocalTsa tsa = LocalTsa.start(pki, java.time.Clock.fixed(then, java.time.ZoneOffset.UTC))) {
            p7s = retired.signDetached(new ByteArrayInputStream(content), tsa.source());
        }
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert()));
        assertFalse(r.trusted(), r.checks().toString());
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.VALIDITY));
    }

    @Test
    void certificateExpiredNowFailsValidityWithoutATimeStamp() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        TestPki.Identity old = pki.issueOfficer(new TestPki.OfficerSpec("Retired Officer",
                now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(10)), true));
        Path p12 = pki.writeP12(dir.resolve("old.p12"), old, "pw".toCharArray());
        Signer retired = Pkcs12Identity.load(p12, "pw".toCharArray(), null, new SigningOptions(now, true));
        byte[] p7s = retired.signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert()));
        assertTrue(r.valid());
        assertFalse(r.trusted());
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.VALIDITY));
    }

    @Test
    void garbageIsReportedAsAFailedSignature() throws Exception {
        CmsVerifier.Result r = verify("not cms".getBytes(), content, List.of());
        assertFalse(r.valid());
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.SIGNATURE));
    }

    @Test
    void verifiesContentFromAFile() throws Exception {
        Path f = Files.write(dir.resolve("tagmanifest-sha256.txt"), content);
        byte[] p7s = signer.signDetached(Files.newInputStream(f), null);
        assertTrue(new CmsVerifier(List.of(pki.agencyCaCert())).verify(p7s, f).valid());
    }

    @Test
    void selfSignedSignerTrustedDirectlyIsTrusted() throws Exception {
        byte[] p7s = signer.signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.officerCert()));
        assertTrue(r.trusted(), r.checks().toString());
    }

    @Test
    void theOfficersCertificateIsASigningCertificate() throws Exception {
        byte[] p7s = signer.signDetached(new ByteArrayInputStream(content), null);
        assertEquals(CheckResult.PASSED, result(verify(p7s, content, List.of(pki.agencyCaCert())), CmsVerifier.KEY_USAGE));
    }

    @Test
    void aCertificateWithOnlyKeyCertSignIsRefusedAsSignerEvenUnderATrustedRoot() throws Exception {
        TestPki.Identity ca = TestSigners.issue(pki, "Rogue Sub CA", org.bouncycastle.asn1.x509.KeyUsage.keyCertSign, null);
        byte[] p7s = TestSigners.unchecked(ca).signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert()));
        assertFalse(r.valid(), r.checks().toString());
        assertEquals(CheckResult.PASSED, result(r, CmsVerifier.SIGNATURE), "the mathematics alone holds");
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.KEY_USAGE));
    }

    @Test
    void aTimeStampingCertificateIsRefusedAsSigner() throws Exception {
        TestPki.Identity tsaLike = TestSigners.issue(pki, "Stamp Desk", org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation, org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping);
        byte[] p7s = TestSigners.unchecked(tsaLike).signDetached(new ByteArrayInputStream(content), null);
        CmsVerifier.Result r = verify(p7s, content, List.of(pki.agencyCaCert()));
        assertFalse(r.valid());
        assertEquals(CheckResult.FAILED, result(r, CmsVerifier.KEY_USAGE));
    }

    @Test
    void aCertificateWithoutAnyKeyUsageIsRefusedAsSigner() throws Exception {
        TestPki.Identity bare = TestSigners.issue(pki, "No Usage", -1, null);
        byte[] p7s = TestSigners.unchecked(bare).signDetached(new ByteArrayInputStream(content), null);
        assertEquals(CheckResult.FAILED, result(verify(p7s, content, List.of(pki.agencyCaCert())), CmsVerifier.KEY_USAGE));
    }

    @Test
    void theExporterRefusesToLoadATimeStampingCertificateAsItsSigningIdentity() throws Exception {
        TestPki.Identity tsaLike = TestSigners.issue(pki, "Stamp Desk", org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
                org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping);
        Path p12 = pki.writeP12(dir.resolve("stamp.p12"), tsaLike, "pw".toCharArray());
        org.sakshi.core.SigningException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.sakshi.core.SigningException.class, () -> Pkcs12Identity.load(p12, "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("time-stamping certificate"), e.getMessage());
    }
}
