package org.sakshi.signing.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            long t0 = System.nanoTime();
            LtvAugmenter.Result r = new LtvAugmenter(List.of(pki.rootCert(), pki.tsaRootCert()),
                    List.of(tsa.source()), Duration.ofSeconds(5)).augmentCades(cms, content, "the test signature");
            System.out.println("augment ms " + (System.nanoTime() - t0) / 1_000_000 + " warning: " + r.warning());
            t0 = System.nanoTime();
            r = new LtvAugmenter(List.of(pki.rootCert(), pki.tsaRootCert()),
                    List.of(tsa.source()), Duration.ofSeconds(5)).augmentCades(cms, content, "the test signature");
            System.out.println("augment2 ms " + (System.nanoTime() - t0) / 1_000_000);
            assertTrue(r.longTerm(), r.warning());
            lta = r.bytes();
        } finally {
            pki.close();
        }
        long t1 = System.nanoTime();
        List<LtvValidator.Outcome> out = new LtvValidator(List.of(pki.rootCert(), pki.tsaRootCert()))
                .validateCades(lta, content, null);
        System.out.println("validate ms " + (System.nanoTime() - t1) / 1_000_000);
        t1 = System.nanoTime();
        out = new LtvValidator(List.of(pki.rootCert(), pki.tsaRootCert())).validateCades(lta, content, null);
        System.out.println("validate2 ms " + (System.nanoTime() - t1) / 1_000_000);
        assertEquals("TOTAL_PASSED", out.get(0).indication(), out.get(0).summary());
    }
}
