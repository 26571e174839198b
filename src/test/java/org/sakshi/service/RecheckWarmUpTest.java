package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.bundle.BundleVerifier;
import org.sakshi.core.VerificationReport;

/**
 * The exporter warms its re-check up on the staged custody log and report while a large payload streams
 * (BundleSealer, docs/performance.md ninth round): the warm-up must leave the re-check's outcome as it was,
 * whatever files it is given.
 */
class RecheckWarmUpTest {
    @TempDir
    Path tmp;

    private static List<String> checks(VerificationReport r) {
        return r.checks().stream().map(c -> c.code() + " " + c.result() + " " + c.target() + " " + c.message()).toList();
    }

    private static Path entry(Path bundle, String bagPath, Path to) throws Exception {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(bundle.toFile())) {
            java.util.zip.ZipEntry e = z.stream().filter(x -> x.getName().endsWith("/" + bagPath)).findFirst().orElseThrow();
            try (java.io.InputStream in = z.getInputStream(e)) {
                Files.copy(in, to);
            }
        }
        return to;
    }

    @Test
    void aRecheckWarmedUpOnTheStagedFilesOrOnGarbageGivesTheSameChecksAsOneThatWasNot() throws Exception {
        ExportFixture f = ExportFixture.shared();
        Path bundle = ExportFixture.sharedExport().bundle();
        List<X509Certificate> chain = f.request(tmp.resolve("x.zip"), List.of()).signer().chain();
        List<X509Certificate> anchors = List.of(chain.get(chain.size() - 1));
        VerificationReport cold = VerifyService.verifier(anchors, true).forRecheck().verify(bundle, null);

        Path log = entry(bundle, "data/custody/custody-log.jsonl", tmp.resolve("custody-log.jsonl"));
        Path pdf = entry(bundle, "data/report/report.pdf", tmp.resolve("report.pdf"));
        Path garbage = Files.write(tmp.resolve("garbage"), new byte[] {'{', '"', 's', 'e', 'q', '\n', '%', 0, 1});
        BundleVerifier warmed = VerifyService.verifier(anchors, true).forRecheck();
        warmed.warmUp(log, 64 << 10, pdf);
        warmed.warmUp(log, 10, garbage); // a cut line and a file that is no PDF: ignored
        warmed.warmUp(tmp.resolve("absent"), 1 << 20, tmp.resolve("absent.pdf"));
        warmed.warmUp(null, 0, null);
        VerificationReport warm = warmed.verify(bundle, null);

        assertFalse(cold.checks().isEmpty());
        assertEquals(cold.verdict(), warm.verdict());
        assertEquals(checks(cold), checks(warm));
    }
}
