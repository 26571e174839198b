package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.cli.CliRun.Run;

/**
 * The vault copy a plain {@code sakshi import CASE FILE} starts before anything else of the process
 * ({@link ImportHeadStart}, called by app's Main before the command line is parsed): the import takes
 * it over and records the same item; a command line that stops before the import leaves nothing.
 */
class ImportHeadStartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Above the 16 MiB from which a file's copy is started early, not a whole number of blocks. */
    private static final int SIZE = (16 << 20) + 12_345;

    @TempDir
    Path tmp;

    private AppContext ctx;
    private Path caseDir;

    @BeforeEach
    void init() {
        ctx = CliRun.context(tmp.resolve("ws"));
        caseDir = tmp.resolve("case");
        CliRun.initCase(ctx, caseDir);
    }

    @AfterEach
    void noCopyLeftRunning() {
        ImportHeadStart.close();
    }

    private Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    private byte[] data(long seed) {
        byte[] d = new byte[SIZE];
        new Random(seed).nextBytes(d);
        return d;
    }

    private static String hex(String alg, byte[] d) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(d));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static Path awaitTempFile(Path caseDir) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Path> t = files(caseDir.resolve("vault/.tmp"));
            if (!t.isEmpty()) {
                return t.get(0);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the head start wrote no temp file");
    }

    private static Object inode(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private List<String> eventTypes() throws Exception {
        Run r = run("custody", caseDir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode events = JSON.readTree(r.out());
        List<String> types = new java.util.ArrayList<>();
        for (JsonNode e : events) {
            types.add(e.get("type").asText());
        }
        return types;
    }

    @Test
    void aPlainImportTakesOverTheCopyStartedFirstAndRecordsTheFileWhole() throws Exception {
        byte[] data = data(1);
        Path src = Files.write(tmp.resolve("disk.img"), data);
        String[] args = {"import", caseDir.toString(), src.toString(), "--json"};
        ImportHeadStart.start(args);
        assertTrue(ImportHeadStart.started());
        Path part = awaitTempFile(caseDir);
        Object partInode = inode(part);

        Run r = run(args);

        assertEquals(0, r.code(), r.err());
        JsonNode it = JSON.readTree(r.out()).get(0);
        assertEquals(hex("SHA-256", data), it.get("sha256").asText());
        assertEquals(hex("SHA-1", data), it.get("sha1").asText());
        assertEquals(hex("MD5", data), it.get("md5").asText());
        assertEquals(SIZE, it.get("size").asLong());
        Path blob = caseDir.resolve("vault").resolve(org.sakshi.vault.Vault.relPathOf(hex("SHA-256", data)));
        assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(blob)), "the vault copy is the file");
        assertEquals(partInode, inode(blob), "the blob is the file the head start wrote, renamed into place");
        assertEquals(List.of(blob), files(caseDir.resolve("vault")), "one blob, no temp file");
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), eventTypes());
        assertEquals(0, run("custody", "verify", caseDir.toString()).code());
    }

    @Test
    void aCommandLinePicocliRefusesLeavesNoTempFileAndRecordsNothing() throws Exception {
        Path src = Files.write(tmp.resolve("disk.img"), data(2));
        List<String> before = eventTypes();
        String[] args = {"import", caseDir.toString(), src.toString(), "--no-such-option"};
        ImportHeadStart.start(args);
        awaitTempFile(caseDir);

        Run r = run(args);
        ImportHeadStart.close(); // what Main does once the command returned

        assertEquals(SakshiCommand.INPUT_ERROR, r.code(), r.err());
        assertEquals(List.of(), files(caseDir.resolve("vault")), "no blob and no temp file");
        assertEquals(before, eventTypes());
        assertEquals("[ ]", run("items", caseDir.toString(), "--json").out().strip());
    }

    @Test
    void anImportRefusedForABadOptionValueLeavesNoTempFileAndRecordsNothing() throws Exception {
        Path src = Files.write(tmp.resolve("disk.img"), data(3));
        List<String> before = eventTypes();
        String[] args = {"import", caseDir.toString(), src.toString(), "--zone", "Mars/Olympus"};
        ImportHeadStart.start(args);
        awaitTempFile(caseDir);

        Run r = run(args);

        assertEquals(SakshiCommand.INPUT_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("--zone Mars/Olympus is not a time zone"), r.err());
        assertEquals(List.of(), files(caseDir.resolve("vault")), "no blob and no temp file");
        assertEquals(before, eventTypes());
    }

    @Test
    void aCopyStartedForAnotherFirstFileIsRemovedAndTheImportCopiesItsOwn() throws Exception {
        Path other = Files.write(tmp.resolve("other.img"), data(4));
        byte[] data = data(5);
        Path src = Files.write(tmp.resolve("disk.img"), data);
        ImportHeadStart.start(new String[] {"import", caseDir.toString(), other.toString()});
        awaitTempFile(caseDir);

        Run r = run("import", caseDir.toString(), src.toString());

        assertEquals(0, r.code(), r.err());
        Path blob = caseDir.resolve("vault").resolve(org.sakshi.vault.Vault.relPathOf(hex("SHA-256", data)));
        assertEquals(List.of(blob), files(caseDir.resolve("vault")), "only the imported file's blob");
    }

    @Test
    void nothingIsStartedForHelpAnOptionBeforeTheCaseAFolderThatIsNotACaseOrASmallFile() throws Exception {
        Path src = Files.write(tmp.resolve("disk.img"), data(6));
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.createDirectories(plain.resolve("vault"));
        Path small = Files.writeString(tmp.resolve("memo.txt"), "seizure memo\n");
        List<String[]> lines = List.of(
                new String[] {"import", caseDir.toString(), src.toString(), "--help"},
                new String[] {"import", "--kind", "file", caseDir.toString(), src.toString()},
                new String[] {"import", "@" + tmp.resolve("args.txt"), src.toString()},
                new String[] {"import", plain.toString(), src.toString()},
                new String[] {"import", caseDir.toString(), small.toString()},
                new String[] {"items", caseDir.toString(), src.toString()});
        for (String[] args : lines) {
            ImportHeadStart.start(args);
            assertFalse(ImportHeadStart.started(), String.join(" ", args));
        }
        assertFalse(Files.exists(plain.resolve("vault/.tmp")), "nothing is written into a folder that is not a case");
        assertEquals(List.of(), files(caseDir.resolve("vault")));
    }

    /** A class loader of its own over the same classes: what it loaded shows what a path of the program loads. */
    private static final class Isolated extends java.net.URLClassLoader {
        Isolated(Class<?>... from) throws Exception {
            super(Stream.of(from).map(c -> c.getProtectionDomain().getCodeSource().getLocation()).distinct()
                    .toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void theHeadStartCopiesAndHashesTheFileWithoutSettingUpLoggingOnItsWay() throws Exception {
        // app's Main starts the copy before logging is set up (docs/performance.md, ninth round): none of
        // the classes the copy goes through may set it up on the copy's path, nor make a logger at all
        Path src = Files.write(tmp.resolve("disk.img"), data(7));
        try (Isolated loader = new Isolated(ImportHeadStart.class, org.slf4j.LoggerFactory.class,
                ch.qos.logback.classic.LoggerContext.class, ch.qos.logback.core.Context.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                picocli.CommandLine.class, org.sqlite.JDBC.class)) {
            Class<?> head = Class.forName(ImportHeadStart.class.getName(), true, loader);
            head.getMethod("start", String[].class)
                    .invoke(null, (Object) new String[] {"import", caseDir.toString(), src.toString()});
            java.lang.reflect.Method started = head.getDeclaredMethod("started");
            started.setAccessible(true);
            assertTrue((Boolean) started.invoke(null), "the copy was started");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!loader.loaded("org.sakshi.hashing.HashResult") && System.nanoTime() < deadline) {
                Thread.sleep(5); // made once the copy, its digests and its fsync are done
            }
            assertTrue(loader.loaded("org.sakshi.hashing.HashResult"), "the copy ran to its end");
            assertTrue(loader.loaded("org.sakshi.vault.DirectFileSink"), "the copy went through the vault's sink");
            head.getMethod("close").invoke(null);
            assertFalse(loader.loaded("org.slf4j.LoggerFactory"), "no logger was made on the head start's path");
            assertFalse(loader.loaded("ch.qos.logback.classic.LoggerContext"), "logging was not set up");
        }
        assertEquals(List.of(), files(caseDir.resolve("vault")), "closed: no blob and no temp file");
    }
}
