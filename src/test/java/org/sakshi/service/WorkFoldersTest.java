package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plain copies left by a crash: an encrypted export's {@code exports/.staging-*} and a receipt's
 * {@code .decrypt-*} hold a lock file while in use; the next export or receipt removes the ones whose
 * lock nobody holds and keeps the ones another process (or this one) is working in.
 */
class WorkFoldersTest {
    @TempDir
    Path tmp;

    /** A folder as a crashed run leaves it: a plain copy and a lock file no process holds. */
    private static Path leftover(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("B.zip"), "plain bundle bytes");
        Files.writeString(dir.resolve(WorkFolders.LOCK), "");
        return dir;
    }

    private static Process holdInChild(Path lockFile) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked true", r.readLine(), "the child process did not take the lock");
        return child;
    }

    // These four run on folder cases only: WorkFolders.sweep looks at the case folder's files alone, which
    // are the same for a lab-server case; the export that sweeps runs on both stores (the last test).

    @Test
    void leftoverFoldersWhoseLockIsNotHeldAreRemovedAndOthersInTheCaseAreUntouched() throws Exception {
        Path c = new Fixture().newCase(tmp.resolve("case"));
        Path staging = leftover(c.resolve("exports").resolve(".staging-1234"));
        Path decrypt = leftover(c.resolve(".decrypt-5678"));
        Path other = Files.createDirectories(c.resolve("exports").resolve("keep-me"));

        List<Path> removed = WorkFolders.sweep(c);

        assertEquals(2, removed.size());
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(decrypt));
        assertTrue(Files.isDirectory(other));
    }

    @Test
    void aFolderWhoseLockIsHeldByAnotherProcessIsKeptUntilThatProcessDies() throws Exception {
        Path c = new Fixture().newCase(tmp.resolve("case"));
        Path staging = leftover(c.resolve("exports").resolve(".staging-live"));
        Process child = holdInChild(staging.resolve(WorkFolders.LOCK));
        try {
            assertEquals(List.of(), WorkFolders.sweep(c));
            assertTrue(Files.isRegularFile(staging.resolve("B.zip")));
        } finally {
            child.destroyForcibly(); // as a crash would
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(staging), WorkFolders.sweep(c));
        assertFalse(Files.exists(staging));
    }

    @Test
    void aFolderThisProcessHoldsIsKeptAndStillLockedAgainstOtherProcesses() throws Exception {
        Path c = new Fixture().newCase(tmp.resolve("case"));
        Path work = Files.createDirectories(c.resolve(".decrypt-mine"));
        try (WorkFolders.Held held = WorkFolders.hold(work)) {
            assertEquals(List.of(), WorkFolders.sweep(c));
            assertTrue(Files.isDirectory(work));
            // sweeping did not drop our OS lock: another process still cannot take it
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), TryLock.class.getName(),
                    work.resolve(WorkFolders.LOCK).toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            assertEquals("busy", out);
        }
        assertEquals(List.of(work), WorkFolders.sweep(c));
    }

    @Test
    void aFolderWithoutALockFileIsRemovedOnlyOnceItIsOld() throws Exception {
        Path c = new Fixture().newCase(tmp.resolve("case"));
        Path young = Files.createDirectories(c.resolve(".decrypt-young"));
        Path old = Files.createDirectories(c.resolve("exports").resolve(".staging-old"));
        Files.writeString(old.resolve("B.zip"), "plain");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(WorkFolders.UNLOCKED_GRACE)
                .minus(Duration.ofMinutes(1))));

        assertEquals(List.of(old), WorkFolders.sweep(c));
        assertTrue(Files.isDirectory(young));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theNextExportRemovesAStagingFolderLeftByACrashedExport(Fixture.Store store) throws Exception {
        ExportFixture fx = ExportFixture.shared(store);
        Path staging = leftover(fx.caseDir.resolve("exports").resolve(".staging-crashed"));
        Path decrypt = leftover(fx.caseDir.resolve(".decrypt-crashed"));
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("after-crash.zip");

        fx.exports.export(fx.caseDir, fx.request(out, List.of()), null, null);

        assertTrue(Files.isRegularFile(out));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(decrypt));
    }

    /** Child process: prints "busy" when another process holds the lock on the file given, else "free". */
    public static final class TryLock {
        private TryLock() {
        }

        public static void main(String[] args) throws Exception {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(Path.of(args[0]),
                    java.nio.file.StandardOpenOption.WRITE)) {
                System.out.println(ch.tryLock() == null ? "busy" : "free");
            }
        }
    }
}
