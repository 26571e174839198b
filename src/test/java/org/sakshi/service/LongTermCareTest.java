package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.RealisticPki;

/**
 * A station that was offline at export: the bundle is sealed at B-T with a warning, {@code extend} later
 * makes it LTA without touching anything but the signature, {@code renew} adds an archive time-stamp, and
 * a bundle signed with a certificate revoked before it was signed is FAILED once the revocation is known.
 * <p>Folder store only: extend, renew and verify act on the bundle file; the case is only its source, and
 * the export of a lab-server case is tested in ExportServiceTest and LongTermExportTest.
 */
class LongTermCareTest {
    private static Path dir;
    private static RealisticPki pki;
    private static LocalTsa tsa;
    private static ExportFixture fx;
    private static ExportResult offline;
    private static VerifyService.Trust trust;

    @BeforeAll
    static void exportWhileTheRevocationServersAreDown() throws Exception {
        dir = Files.createTempDirectory("sakshi-ltcare");
        pki = RealisticPki.create(dir.resolve("pki"));
        tsa = pki.startTsa();
        fx = new ExportFixture(dir, tsa);
        trust = new VerifyService.Trust(List.of(pki.rootPem()), List.of(pki.tsaRootPem()), null);
        pki.stop(); // OCSP, CRL and caIssuers down; the TSA still answers
        offline = fx.exports.export(fx.caseDir, new ExportRequest(dir.resolve("offline.zip"), pki.officerSigner(),
                List.of(tsa.source()), List.of(), List.of(), null), null, null);
        pki.restart();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        tsa.close();
        pki.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static List<Check> longTerm(VerificationReport r, String target) {
        return r.checks().stream().filter(c -> c.code() == CheckCode.LONG_TERM && c.target().equals(target)).toList();
    }

    @Test
    void anOfflineExportSucceedsAtBaselineTAndSaysWhatToDo() {
        assertFalse(offline.warnings().isEmpty(), "a warning for the officer");
        assertTrue(offline.warnings().stream().anyMatch(w -> w.contains("sakshi extend")), offline.warnings().toString());
        assertTrue(Files.exists(offline.bundle()));
    }

    @Test
    void offlineTheUnextendedBundleIsIndeterminateForTheLongTermBecauseRevocationIsUnproven() throws Exception {
        VerificationReport r = fx.verifier.verify(offline.bundle(), trust, null);
        List<Check> lt = longTerm(r, "signature/tagmanifest-sha256.txt.p7s");
        assertEquals(1, lt.size(), lt.toString());
        assertEquals(CheckResult.INDETERMINATE, lt.get(0).result(), lt.get(0).message());
        assertTrue(lt.get(0).message().contains("sakshi extend"), lt.get(0).message());
        assertEquals(Verdict.INDETERMINATE, r.verdict());
    }

    @Test
    void extendMakesTheBundleLtaAndChangesNothingButTheSignature() throws Exception {
        Path out = dir.resolve("extended.zip");
        LongTermService.Outcome o = fx.verifier.longTerm().extend(offline.bundle(), out, List.of(tsa.source()), trust);
        assertEquals("CAdES-BASELINE-LTA", o.level());
        assertEquals(1, o.archiveTimestamps());
        Map<String, byte[]> before = entries(offline.bundle());
        Map<String, byte[]> after = entries(out);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            if (!name.endsWith("signature/tagmanifest-sha256.txt.p7s")) {
                assertArrayEquals(before.get(name), after.get(name), name + " unchanged");
            }
        }
        pki.stop();
        try {
            VerificationReport r = fx.verifier.verify(out, trust, null);
            assertEquals(CheckResult.PASSED, longTerm(r, "signature/tagmanifest-sha256.txt.p7s").get(0).result());
            // extending twice is refused: renew is the next step
            InputException again = assertThrows(InputException.class, () -> fx.verifier.longTerm()
                    .extend(out, dir.resolve("twice.zip"), List.of(tsa.source()), trust));
            assertTrue(again.getMessage().contains("sakshi renew"), again.getMessage());
        } finally {
            pki.restart();
        }
    }

    @Test
    void renewAddsAnArchiveTimeStampAndVerifyShowsTheRenewalChain() throws Exception {
        Path lta = dir.resolve("for-renewal.zip");
        fx.verifier.longTerm().extend(offline.bundle(), lta, List.of(tsa.source()), trust);
        Path renewed = dir.resolve("renewed.zip");
        LongTermService.Outcome o = fx.verifier.longTerm().renew(lta, renewed, List.of(tsa.source()), trust);
        assertEquals(2, o.archiveTimestamps());
        VerificationReport r = fx.verifier.verify(renewed, trust, null);
        Check c = longTerm(r, "signature/tagmanifest-sha256.txt.p7s").get(0);
        assertEquals(CheckResult.PASSED, c.result(), c.message());
        assertTrue(c.message().contains("renewed 1 time"), c.message());
        // renewing a bundle that has no archive time-stamp is refused
        assertThrows(InputException.class, () -> fx.verifier.longTerm().renew(offline.bundle(),
                dir.resolve("x.zip"), List.of(tsa.source()), trust));
    }

    @Test
    void verifyWarnsToRenewWithinAYearOfTheArchiveTsaCertificateExpiry() throws Exception {
        Path lta = dir.resolve("for-warning.zip");
        fx.verifier.longTerm().extend(offline.bundle(), lta, List.of(tsa.source()), trust);
        Instant tsaExpiry = pki.tsa().cert().getNotAfter().toInstant();
        VerificationReport early = fx.verifier.verify(lta, trust.asOf(Instant.now().plus(Duration.ofDays(400)), false),
                null);
        assertTrue(early.checks().stream().noneMatch(x -> x.code() == CheckCode.RENEWAL_DUE));
        VerificationReport late = fx.verifier.verify(lta, trust.asOf(tsaExpiry.minus(Duration.ofDays(100)), false), null);
        Check due = late.checks().stream().filter(x -> x.code() == CheckCode.RENEWAL_DUE).findFirst().orElseThrow();
        assertEquals(CheckResult.WARNING, due.result());
        assertTrue(due.message().contains("sakshi renew"), due.message());
    }

    @Test
    void aBundleSignedAfterItsCertificateWasRevokedFailsOnceTheRevocationIsKnown() throws Exception {
        Path out = dir.resolve("stolen-key.zip");
        // a stolen, already revoked key, sealed without fetching anything (as a forger would)
        ExportResult r = fx.exports.export(fx.caseDir, new ExportRequest(out, pki.revokedOfficerSigner(),
                List.of(tsa.source()), List.of(), List.of(), null).withLongTerm(false), null, null);
        VerificationReport offlineCheck = fx.verifier.verify(r.bundle(), trust, null);
        assertEquals(Verdict.INDETERMINATE, offlineCheck.verdict(), "offline the revocation is unknown, never PASSED");
        VerificationReport online = fx.verifier.verify(r.bundle(), trust.asOf(null, true), null);
        Check lt = longTerm(online, "signature/tagmanifest-sha256.txt.p7s").get(0);
        assertEquals(CheckResult.FAILED, lt.result(), lt.message());
        assertEquals(Verdict.FAILED, online.verdict());
        assertTrue(lt.message().contains("REVOKED"), lt.message());
        SakshiException e = assertThrows(SakshiException.class, () -> fx.verifier.longTerm().extend(r.bundle(),
                dir.resolve("stolen-lta.zip"), List.of(tsa.source()), trust));
        assertTrue(e.getMessage().contains("revoked"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("stolen-lta.zip")));
    }
}
