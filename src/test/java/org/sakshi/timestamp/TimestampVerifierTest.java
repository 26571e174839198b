package org.sakshi.timestamp;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.TimestampToken;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

class TimestampVerifierTest {
    @TempDir
    Path dir;

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes());
    }

    static CheckResult result(TimestampVerifier.Result r, CheckCode code) {
        return r.checks().stream().filter(c -> c.code() == code).map(Check::result).findFirst()
                .orElseThrow(() -> new AssertionError(code + " missing in " + r.checks()));
    }

    @Test
    void validTokenFromATrustedTsaIsValidAndTrusted() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir)) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            TimestampVerifier.Result r = new TimestampVerifier(tsa.trustAnchors()).verify(t.response(), sha256("item"), "x.tsr");
            assertTrue(r.valid() && r.trusted(), r.checks().toString());
            assertEquals(t.genTime(), r.genTime());
            assertEquals(t.serial(), r.serial());
            assertTrue(r.tsaName().contains("Test TSA"));
        }
    }

    @Test
    void tokenForAnotherDigestFailsTheImprintCheck() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir)) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            TimestampVerifier.Result r = new TimestampVerifier(tsa.trustAnchors()).verify(t.response(), sha256("other"), "x");
            assertFalse(r.valid());
            assertEquals(CheckResult.FAILED, result(r, TimestampVerifier.IMPRINT));
        }
    }

    @Test
    void tokenFromAnUnknownTsaIsValidButNotTrusted() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir)) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            List<java.security.cert.X509Certificate> otherRoot = List.of(TestPki.create(dir.resolve("other")).tsaRootCert());
            TimestampVerifier.Result r = new TimestampVerifier(otherRoot).verify(t.response(), sha256("item"), "x");
            assertTrue(r.valid());
            assertFalse(r.trusted());
            assertEquals(CheckResult.INDETERMINATE, result(r, TimestampVerifier.TRUST));
        }
    }

    @Test
    void bareTokenIsAcceptedLikeAResponse() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir)) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            byte[] bare = new TimeStampResponse(t.response()).getTimeStampToken().getEncoded();
            TimestampVerifier.Result r = new TimestampVerifier(tsa.trustAnchors()).verify(bare, sha256("item"), "x");
            assertTrue(r.valid() && r.trusted(), r.checks().toString());
        }
    }

    @Test
    void changedSignatureByteFailsTheSignatureCheck() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir)) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            byte[] der = t.response().clone();
            // the SignerInfo's signature value is the last field of the response
            der[der.length - 1] ^= 1;
            TimestampVerifier.Result r = new TimestampVerifier(tsa.trustAnchors()).verify(der, sha256("item"), "x");
            assertFalse(r.valid());
            assertEquals(CheckResult.FAILED, result(r, TimestampVerifier.SIGNATURE), r.checks().toString());
        }
    }

    @Test
    void tokenFromACertificateWithoutTimeStampingEkuFailsTheSignatureCheck() throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Identity notTsa = pki.issueTsa("CN=Not A TSA", false, false);
        org.bouncycastle.tsp.TimeStampRequestGenerator g = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] der = RogueTokens.respond(g.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, sha256("item"),
                java.math.BigInteger.TEN), notTsa);
        TimestampVerifier.Result r = new TimestampVerifier(List.of(pki.tsaRootCert())).verify(der, sha256("item"), "x");
        assertFalse(r.valid());
        assertEquals(CheckResult.FAILED, result(r, TimestampVerifier.SIGNATURE));
        assertFalse(r.trusted());
    }

    @Test
    void garbageIsReportedAsFormatFailure() throws Exception {
        TimestampVerifier.Result r = new TimestampVerifier(List.of()).verify("junk".getBytes(), sha256("x"), "x");
        assertFalse(r.valid());
        assertEquals(CheckResult.FAILED, result(r, TimestampVerifier.FORMAT));
    }

    @Test
    void trustIsJudgedAtGenTime() throws Exception {
        TestPki pki = TestPki.create(dir);
        Instant past = Instant.now().minusSeconds(86400);
        try (LocalTsa tsa = LocalTsa.start(pki, Clock.fixed(past, ZoneOffset.UTC))) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            TimestampVerifier.Result r = new TimestampVerifier(tsa.trustAnchors()).verify(t.response(), sha256("item"), "x");
            assertEquals(past.getEpochSecond(), r.genTime().getEpochSecond());
            assertTrue(r.trusted(), r.checks().toString());
        }
    }

    @Test
    void aTsaCertificateWhoseTimeStampingEkuIsNotCriticalIsNotTrustedAsTsa() throws Exception {
        TestPki pki = TestPki.create(dir);
        TestPki.Identity weak = pki.issueTsa("CN=Weak TSA", true, false);
        org.bouncycastle.tsp.TimeStampRequestGenerator g = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] der = RogueTokens.respond(g.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, sha256("item"),
                java.math.BigInteger.TEN), weak);
        TimestampVerifier.Result r = new TimestampVerifier(List.of(pki.tsaRootCert())).verify(der, sha256("item"), "x");
        assertFalse(r.valid());
        assertFalse(r.trusted());
        assertEquals(CheckResult.FAILED, result(r, TimestampVerifier.SIGNATURE));
    }

    @Test
    void theOfficersSigningCertificateUnderATrustedRootIsNotATsa() throws Exception {
        TestPki pki = TestPki.create(dir);
        org.bouncycastle.tsp.TimeStampRequestGenerator g = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] der = RogueTokens.respond(g.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, sha256("item"),
                java.math.BigInteger.TEN), pki.officer());
        TimestampVerifier.Result r = new TimestampVerifier(List.of(pki.agencyCaCert(), pki.tsaRootCert()))
                .verify(der, sha256("item"), "x");
        assertFalse(r.valid());
        assertFalse(r.trusted());
    }
}
