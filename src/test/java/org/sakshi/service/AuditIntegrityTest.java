package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditText;

/**
 * Issue 17 §2/§4: {@code audit BUNDLE.zip} verifies the bundle first and never vouches for an unsealed log.
 * <p>Folder store only: the audit reads only the bundle file; the case store never takes part, and
 * ExportServiceTest shows a lab-server case exports a bundle that verifies PASSED the same way.
 */
class AuditIntegrityTest {
    static ExportFixture fx;
    static Path genuine;
    static AuditService audit;

    @TempDir
    static Path dir;

    @BeforeAll
    static void export() throws Exception {
        fx = ExportFixture.shared();
        genuine = ExportFixture.sharedExport().bundle();
        audit = AuditService.standard(fx.cases, fx.custody, fx.evidence);
    }

    @Test
    void aGenuineBundleHasNoIntegrityFinding() throws Exception {
        AuditReport r = audit.auditBundle(genuine, AuditOptions.DEFAULTS);
        assertTrue(r.findings("BUNDLE_INTEGRITY").isEmpty(), r.findings().toString());
        assertTrue(r.ledger().intact());
    }

    @Test
    void aCustodyLogThatNoLongerMatchesTheManifestIsAnErrorAndIsNotRead() throws Exception {
        // the last event removed: on its own, still an unbroken chain
        Path cut = Reseal.rezip(genuine, dir.resolve("cut.zip"), (path, bytes) -> {
            if (!path.equals("data/custody/custody-log.jsonl")) {
                return bytes;
            }
            String log = new String(bytes, StandardCharsets.UTF_8);
            String trimmed = log.substring(0, log.length() - 1);
            return trimmed.substring(0, trimmed.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
        });
        AuditReport r = audit.auditBundle(cut, AuditOptions.DEFAULTS);
        assertTrue(r.hasErrors());
        assertFalse(r.findings("BUNDLE_INTEGRITY").isEmpty(), r.findings().toString());
        assertFalse(r.ledger().intact());
        assertEquals(0, r.ledger().events(), "a log that is not the sealed one is not read");
        assertTrue(r.ledger().message().contains("does not match manifest-sha256.txt"), r.ledger().message());
        String text = AuditText.summary(r);
        assertFalse(text.contains("no custody error found"), text);
    }

    @Test
    void anEvidenceFileChangedAfterSealingIsAnIntegrityErrorEvenThoughTheCustodyIsClean() throws Exception {
        Path changed = Reseal.rezip(genuine, dir.resolve("changed.zip"), (path, bytes) -> {
            if (path.startsWith("data/evidence/E0001/")) {
                bytes[bytes.length / 2] ^= 1;
            }
            return bytes;
        });
        AuditReport r = audit.auditBundle(changed, AuditOptions.DEFAULTS);
        assertTrue(r.hasErrors());
        assertTrue(r.findings("BUNDLE_INTEGRITY").stream().anyMatch(f -> f.message().contains("PAYLOAD_HASH")),
                r.findings().toString());
        assertTrue(r.ledger().intact(), "the sealed log itself is still read and intact");
        assertFalse(AuditText.summary(r).contains("no custody error found"));
    }
}
