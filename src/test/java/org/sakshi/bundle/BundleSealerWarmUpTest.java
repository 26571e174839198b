package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.testsupport.LocalTsa;

/**
 * The sealer's warm-up thread (BundleSealer#warmUp): it waits for the report made on another thread, never
 * outlives the seal, and a seal whose report fails leaves no file, as without it.
 */
class BundleSealerWarmUpTest {
    @TempDir
    static Path dir;
    static LocalTsa tsa;

    @BeforeAll
    static void start() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static boolean warmUpAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("export-warm-up") && t.isAlive());
    }

    private static BundleSealer.Plan plan(Path out, java.util.concurrent.Future<List<BundleSealer.PayloadFile>> later)
            throws Exception {
        Path f = Files.writeString(dir.resolve(out.getFileName() + ".txt"), "seizure memo\n");
        Path log = Files.writeString(dir.resolve(out.getFileName() + ".jsonl"), "{\"seq\":1}\n");
        String id = "id-" + out.getFileName();
        BagInfo bagInfo = new BagInfo().add("Source-Organization", "PS Sadar").add("Contact-Name", "SI Rao")
                .add("External-Identifier", "FIR 1").add("External-Description", "Ring")
                .add("Bagging-Date", "2026-11-30").add("Sakshi-Bundle-Version", "1").add("Sakshi-Bundle-Id", id)
                .add("Sakshi-Custody-Head", "c".repeat(64));
        return new BundleSealer.Plan(out, id, Instant.now(),
                List.of(new BundleSealer.PayloadFile("data/evidence/E0001/memo.txt", f, null, "E0001"),
                        new BundleSealer.PayloadFile("data/custody/custody-log.jsonl", log, null, "custody log")),
                bagInfo, "FIR 1", tsa.pki().officerSigner(), List.of(), later);
    }

    @Test
    void aSealWarmedUpWritesTheSameEntriesWithTheSameVerdictAndLeavesNoWarmUpThreadBehind() throws Exception {
        SealedFixture.Custody custody = new SealedFixture.Custody("{\"seq\":1}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                1, "c".repeat(64));
        BundleVerifier v = new BundleVerifier(null, null, null, null);
        SealedFixture.Built warm = SealedFixture.build(Files.createDirectories(dir.resolve("warm")), tsa,
                tsa.pki().officerSigner(), custody, v, s -> s.withWarmUpFrom(0));
        assertFalse(warmUpAlive(), "the warm-up ended with the seal");
        SealedFixture.Built cold = SealedFixture.build(Files.createDirectories(dir.resolve("cold")), tsa,
                tsa.pki().officerSigner(), custody, v);
        assertEquals(cold.sealed().verification().verdict(), warm.sealed().verification().verdict());
        assertEquals(cold.sealed().verification().checks().stream().map(c -> c.code() + " " + c.result()).toList(),
                warm.sealed().verification().checks().stream().map(c -> c.code() + " " + c.result()).toList());
        try (java.util.zip.ZipFile a = new java.util.zip.ZipFile(warm.bundle().toFile());
             java.util.zip.ZipFile b = new java.util.zip.ZipFile(cold.bundle().toFile())) {
            assertEquals(b.stream().map(e -> e.getName().substring(e.getName().indexOf('/'))).toList(),
                    a.stream().map(e -> e.getName().substring(e.getName().indexOf('/'))).toList());
        }
    }

    @Test
    void aReportThatFailsFailsTheSealLeavingNoFileAndNoWarmUpThread() throws Exception {
        Path out = dir.resolve("failed.zip");
        CompletableFuture<List<BundleSealer.PayloadFile>> later = new CompletableFuture<>();
        later.completeExceptionally(new InputException("the report template is missing; reinstall."));
        SakshiException e = assertThrows(SakshiException.class, () -> new BundleSealer(
                new BundleVerifier(null, null, null, null)).withWarmUpFrom(0).seal(plan(out, later), null, null));
        assertTrue(e.getMessage().contains("template"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("failed.zip.part")));
        assertFalse(warmUpAlive());
    }
}
