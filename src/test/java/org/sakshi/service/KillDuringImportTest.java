package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.Item;

/**
 * A separate JVM runs {@code sakshi import} of a large file and is killed with SIGKILL in the middle
 * of the vault copy. Meanwhile the case is busy for others; afterwards the ledger verifies, no item
 * or blob is visible, and the same file imports cleanly. (The 1.5 GB case is in src/test/bench.) On a
 * lab-server case, writes of other workstations go on during the copy instead.
 */
class KillDuringImportTest {
    private static final long SIZE = 300L << 20;

    @TempDir
    Path tmp;

    private Path bigSparseFile() throws Exception {
        Path f = tmp.resolve("disk.img");
        Random r = new Random(7);
        byte[] chunk = new byte[1 << 16];
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(SIZE);
            for (long pos = 0; pos < SIZE; pos += 16L << 20) { // some real bytes every 16 MiB, holes between
                r.nextBytes(chunk);
                raf.seek(pos);
                raf.write(chunk);
            }
        }
        return f;
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private static Optional<Path> partFile(Path caseDir) throws Exception {
        Path t = caseDir.resolve("vault/.tmp");
        if (!Files.isDirectory(t)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(t)) {
            return s.filter(p -> p.toString().endsWith(".part")).findFirst();
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void killingAnImportMidCopyLeavesAnIntactLedgerAndTheFileReimports(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path big = bigSparseFile();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dsakshi.home=" + System.getProperty("sakshi.home", tmp.resolve("profile").toString()),
                // the whole copy under the case's write lock (no copy started before the case is opened), so
                // that the case is busy for everyone else whenever the copy is seen half-way
                "-Dsakshi.import.earlyCopyMinBytes=" + Long.MAX_VALUE,
                "-cp", classPath(), "org.sakshi.app.Main", "import", c.toString(), big.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        boolean killedMidCopy = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()) {
                Optional<Path> part = partFile(c);
                long n = part.isPresent() ? sizeOrZero(part.get()) : 0;
                if (n > (8L << 20) && n < SIZE) {
                    if (store == Fixture.Store.FOLDER) { // while it writes, the case is busy for everyone else
                        assertThrows(CaseBusyException.class, () -> fx.custody.note(c, null, "during import", List.of()));
                    } else { // on a lab server other workstations go on writing while a file is copied
                        fx.custody.note(c, null, "during import", List.of());
                    }
                    child.destroyForcibly(); // SIGKILL on Linux
                    killedMidCopy = true;
                    break;
                }
                Thread.sleep(2);
            }
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(killedMidCopy, "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));

        assertTrue(fx.custody.verify(c).intact());
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(store == Fixture.Store.FOLDER ? 1 : 2, fx.custody.events(c).size());

        Item again = fx.imports.importPaths(c, List.of(big), Fixture.plain(), null, null).imported().get(0);
        assertEquals("E0001", again.id(), "the killed import took no item number");
        assertEquals(SIZE, again.size());
        assertTrue(fx.custody.verify(c).intact());
        try (Stream<Path> s = Files.walk(c.resolve("vault"))) {
            // a server case's vault is shared by workstations whose imports may be half-way: nothing is tidied
            // there, so the killed copy's temp file stays in vault/.tmp; no blob other than the one is left
            assertEquals(1, s.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith(".tmp")).count(),
                    "exactly the one blob, no leftovers");
        }
        if (store == Fixture.Store.FOLDER) {
            assertTrue(partFile(c).isEmpty(), "the killed copy's temp file was removed by the next writer");
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return 0;
        }
    }

    /** Folder cases only: a lab server's case gets no early copy. */
    @org.junit.jupiter.api.Test
    void killingAnImportWhoseCopyStartedBeforeTheCaseWasOpenedLeavesAnIntactLedgerAndTheFileReimports()
            throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path big = bigSparseFile();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dsakshi.home=" + System.getProperty("sakshi.home", tmp.resolve("profile").toString()),
                "-cp", classPath(), "org.sakshi.app.Main", "import", c.toString(), big.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        boolean killedMidCopy = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()) {
                Optional<Path> part = partFile(c);
                long n = part.isPresent() ? sizeOrZero(part.get()) : 0;
                if (n > (8L << 20) && n < SIZE) { // before or after the child took the case: either way mid-copy
                    child.destroyForcibly();
                    killedMidCopy = true;
                    break;
                }
                Thread.sleep(2);
            }
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(killedMidCopy, "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
        assertTrue(fx.custody.verify(c).intact());
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(1, fx.custody.events(c).size());

        Item again = fx.imports.importPaths(c, List.of(big), Fixture.plain(), null, null).imported().get(0);
        assertEquals("E0001", again.id());
        assertEquals(SIZE, again.size());
        assertTrue(fx.custody.verify(c).intact());
        try (Stream<Path> s = Files.walk(c.resolve("vault"))) {
            assertEquals(1, s.filter(Files::isRegularFile).count(), "exactly the one blob: the killed copy's temp"
                    + " file was removed by the next writer");
        }
    }

    /** The blob files in a case's vault (not its temp folder). */
    private static List<Path> blobFiles(Path caseDir) throws Exception {
        try (Stream<Path> s = Files.walk(caseDir.resolve("vault"))) {
            return s.filter(p -> p.getParent().getFileName().toString().length() == 2)
                    .filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    /**
     * Folder cases only (a lab server's vault is never tidied: its blobs are written through temp
     * files). A separate JVM imports a folder of 4,000 small files and is killed with SIGKILL while its
     * vault batch writes them (some blobs in the vault, the batch not yet made durable or committed):
     * the ledger verifies, no item is recorded, the next writer removes every blob the killed import
     * left (a name in the vault never holds bytes that do not hash to it), and the same folder then
     * imports completely, with the same manifest hash as in a case that never saw the kill.
     */
    @org.junit.jupiter.api.Test
    void killingAFolderImportMidBatchLeavesNoBlobThatDoesNotHashToItsNameAndTheFolderReimports() throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("phone");
        Random r = new Random(15);
        for (int i = 0; i < 4000; i++) {
            byte[] b = new byte[1024 + r.nextInt(15 * 1024)];
            r.nextBytes(b);
            Path f = dir.resolve("d" + (i % 40)).resolve("f" + i + ".bin");
            Files.createDirectories(f.getParent());
            Files.write(f, b);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dsakshi.home=" + System.getProperty("sakshi.home", tmp.resolve("profile").toString()),
                "-Dsakshi.relaunch=false", "-cp", classPath(), "org.sakshi.app.Main", "import", c.toString(),
                dir.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        int seen = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()) {
                seen = blobFiles(c).size();
                if (seen >= 200) { // the batch is writing: a quarter of the folder or less is in the vault
                    child.destroyForcibly(); // SIGKILL on Linux
                    break;
                }
                Thread.sleep(2);
            }
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(seen >= 200 && seen < 4000, "killed mid-batch (" + seen + " blobs seen): "
                + Files.readString(tmp.resolve("child.log")));
        assertTrue(fx.custody.verify(c).intact());
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(1, fx.custody.events(c).size(), "only the case's creation is in the ledger");

        // the next writer (a note) tidies the case: nothing of the killed import is left in the vault
        fx.custody.note(c, null, "after the kill", List.of());
        assertEquals(List.of(), blobFiles(c), "every blob of the killed import was removed by the next writer");
        assertTrue(fx.custody.verify(c).intact());

        Item again = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null).imported().get(0);
        assertEquals("E0001", again.id(), "the killed import took no item number");
        assertEquals(4000, fx.evidence.entries(c, again.id()).size());
        assertTrue(fx.custody.verify(c).intact());
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        List<Path> blobs = blobFiles(c);
        for (Path b : blobs) {
            assertEquals(b.getFileName().toString(), java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(b))),
                    "a blob's bytes hash to its name: " + b);
        }
        assertEquals(4000 + 1, blobs.size(), "every file and the manifest, nothing else");
        Path other = new Fixture().newCase(tmp.resolve("untouched"));
        Item reference = fx.imports.importPaths(other, List.of(dir), Fixture.plain(), null, null).imported().get(0);
        assertEquals(reference.digests(), again.digests(), "the same folder hash as an import that was never killed");
    }
}
