package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.Verdict;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.PgCluster;

/** A case kept on a lab server exports a bundle that verifies like a folder case's, heads read from the server. */
class ServerExportTest {
    @TempDir
    Path tmp;

    @Test
    void aServerCasesBundleVerifiesPassedWithItsSignedHeadsFromTheServer() throws Exception {
        var server = PgCluster.shared().newServer("lab", tmp.resolve("lab-vault"));
        ExportFixture fx = new ExportFixture(tmp, LocalTsa.start(Files.createDirectories(tmp.resolve("pki"))), server);
        try {
            assertTrue(ServerLink.isLink(fx.caseDir));
            ExportResult result = fx.exports.export(fx.caseDir, fx.request(tmp.resolve("bundle.zip"), List.of()), null,
                    null);
            VerificationReport r = fx.verifier.verify(result.bundle(), fx.trust(), null);
            assertEquals(Verdict.PASSED, r.verdict(), r.checks().toString());
            assertEquals(3, r.items().size());
            assertTrue(fx.custody.verify(fx.caseDir).intact());
        } finally {
            fx.tsa.close();
        }
    }
}
