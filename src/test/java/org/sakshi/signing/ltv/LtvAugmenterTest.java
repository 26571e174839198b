package org.sakshi.signing.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.RealisticPki;

class LtvAugmenterTest {
    @TempDir
    Path dir;

    @Test
    void aCadesSignatureIsSealedToLtaOnlineAndPassesOfflineAfterTheServersStop() throws Exception {
        byte[] content = "tag manifest\n".getBytes(StandardCharsets.UTF_8);
        byte[] lta;
        RealisticPki pki = RealisticPki.create(dir);
        try (LocalTsa tsa = pki.startTsa()) {
            Signer signer = pki.officerSigner();
            byte[] cms = signer.signDetachedCades(new ByteArrayInputStream(content), tsa.source());
            LtvAugmenter.Result r = new LtvAugmenter(List.of(pki.rootCert(), pki.tsaRootCert()),
                    List.of(tsa.source()), Duration.ofSeconds(5)).augmentCades(cms, content, "the test signature");
            assertTrue(r.longTerm(), r.warning());
            lta = r.bytes();
        } finally {
            pki.close();
        }
        List<LtvValidator.Outcome> out = new LtvValidator(List.of(pki.rootCert(), pki.tsaRootCert()))
                .validateCades(lta, content, null);
        assertEquals(1, out.size());
        assertEquals("TOTAL_PASSED", out.get(0).indication(), out.get(0).summary());
        assertEquals("CAdES-BASELINE-LTA", out.get(0).level());
        assertEquals(1, out.get(0).archiveTimes().size());
        assertTrue(out.get(0).revocable(), "the officer's certificate names OCSP and a CRL");
        assertTrue(out.get(0).claimedSigningTime() != null, "CAdES-B carries signing-time");
    }

    @Test
    void withTheRevocationServersDownTheSignatureIsReturnedUnchangedWithAWarningToExtendLater() throws Exception {
        byte[] content = "tag manifest\n".getBytes(StandardCharsets.UTF_8);
        RealisticPki pki = RealisticPki.create(dir);
        try (LocalTsa tsa = pki.startTsa()) {
            byte[] cms = pki.officerSigner().signDetachedCades(new ByteArrayInputStream(content), tsa.source());
            pki.stop();
            LtvAugmenter.Result r = new LtvAugmenter(List.of(), List.of(tsa.source()), Duration.ofSeconds(2))
                    .augmentCades(cms, content, "the test signature");
            assertFalse(r.longTerm());
            assertSame(cms, r.bytes(), "nothing half-augmented is returned");
            assertTrue(r.warning().contains("sakshi extend"), r.warning());
        } finally {
            pki.close();
        }
    }

    @Test
    void withoutATimeStampAuthorityNothingIsFetchedAndTheWarningSaysWhy() throws Exception {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        RealisticPki pki = RealisticPki.create(dir);
        try {
            byte[] cms = pki.officerSigner().signDetachedCades(new ByteArrayInputStream(content), null);
            LtvAugmenter.Result r = new LtvAugmenter(List.of(), List.of(), Duration.ofSeconds(2))
                    .augmentCades(cms, content, "the test signature");
            assertFalse(r.longTerm());
            assertTrue(r.warning().contains("no time-stamp authority"), r.warning());
        } finally {
            pki.close();
        }
    }
}
