package org.sakshi.bundle;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;

class SafeZipTest {
    @TempDir
    Path dir;

    private Path zipWith(String... names) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("b/bagit.txt", BundleVerifier.BAGIT_TXT.getBytes(StandardCharsets.UTF_8));
        for (String n : names) {
            m.put(n, "x".getBytes(StandardCharsets.UTF_8));
        }
        Path z = dir.resolve("z.zip");
        ZipSurgery.write(z, m);
        return z;
    }

    @ParameterizedTest
    @ValueSource(strings = {"b/../../evil.txt", "/etc/evil", "other/file.txt", "b/a\\..\\x"})
    void eachUnsafeEntryIsAFailedZipEntryCheckNamingIt(String name) throws Exception {
        try (SafeZip z = SafeZip.open(zipWith(name), SafeZip.Limits.DEFAULT)) {
            List<Check> v = z.violations();
            assertEquals(1, v.size(), v.toString());
            assertEquals(CheckCode.ZIP_ENTRY, v.get(0).code());
            assertEquals(CheckResult.FAILED, v.get(0).result());
            assertEquals(name, v.get(0).target());
            assertFalse(z.paths().stream().anyMatch(p -> p.contains("evil")));
        }
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path z = dir.resolve("l.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(z)) {
            ZipArchiveEntry e = new ZipArchiveEntry("b/data/link");
            e.setUnixMode(0120777);
            out.putArchiveEntry(e);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertEquals("b/data/link", s.violations().get(0).target());
            assertTrue(s.violations().get(0).message().contains("symbolic link"));
        }
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        Path z = dir.resolve("d.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(z)) {
            for (String content : List.of("one", "two")) {
                ZipArchiveEntry e = new ZipArchiveEntry("b/data/x.txt");
                out.putArchiveEntry(e);
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertEquals(1, s.violations().size());
            assertTrue(s.violations().get(0).message().contains("more than once"));
        }
    }

    @Test
    void aHighlyCompressedEntryBeyondTheRatioCapIsRefused() throws Exception {
        Path z = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(z)) {
            ZipArchiveEntry e = new ZipArchiveEntry("b/data/zeros.txt");
            e.setMethod(ZipEntry.DEFLATED);
            out.putArchiveEntry(e);
            out.write(new byte[20 << 20]);
            out.closeArchiveEntry();
        }
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertTrue(s.violations().get(0).message().contains("ZIP bomb"), s.violations().toString());
            assertFalse(s.has("data/zeros.txt"));
        }
    }

    @Test
    void aFileThatIsNotAZipIsAnInputError() throws Exception {
        Path f = dir.resolve("x.zip");
        Files.writeString(f, "not a zip");
        assertThrows(InputException.class, () -> SafeZip.open(f, SafeZip.Limits.DEFAULT));
    }

    @Test
    void extractedFilesLandInAPrivateFolderRemovedOnClose() throws Exception {
        Path extracted;
        try (SafeZip s = SafeZip.open(zipWith("b/data/a.txt"), SafeZip.Limits.DEFAULT)) {
            extracted = s.extract("data/a.txt");
            assertEquals("x", Files.readString(extracted));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(extracted.getParent().getParent())));
        }
        assertFalse(Files.exists(extracted));
    }

    private static final byte[] BIN = new byte[70_000];
    private static final byte[] TEXT = "line one\nline two\n".repeat(500).getBytes(StandardCharsets.UTF_8);

    static {
        new java.util.Random(3).nextBytes(BIN);
    }

    private static void zip64Entries(ZipArchiveOutputStream out) throws java.io.IOException {
        out.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.Always);
        out.setEncoding("UTF-8");
        for (String n : List.of("b/bagit.txt", "b/data/a.bin", "b/data/t.txt")) {
            ZipArchiveEntry e = new ZipArchiveEntry(n);
            byte[] b = n.endsWith(".bin") ? BIN : TEXT;
            if (n.endsWith(".bin")) {
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                java.util.zip.CRC32 c = new java.util.zip.CRC32();
                c.update(b);
                e.setCrc(c.getValue());
            } else {
                e.setMethod(ZipEntry.DEFLATED);
            }
            out.putArchiveEntry(e);
            out.write(b);
            out.closeArchiveEntry();
        }
    }

    private static void assertScreensCleanAndReadsBack(Path z) throws Exception {
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertEquals(List.of(), s.violations());
            assertEquals(List.of("bagit.txt", "data/a.bin", "data/t.txt"), s.paths());
            assertEquals(java.util.HexFormat.of().formatHex(PlainBag.sha256(BIN)), s.sha256("data/a.bin"));
            assertEquals(java.util.HexFormat.of().formatHex(PlainBag.sha256(TEXT)), s.sha256("data/t.txt"));
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), new String(s.read("data/t.txt", 1 << 20),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void aZip64ArchiveWrittenToAFileScreensCleanAndReadsBack() throws Exception {
        Path z = dir.resolve("z64.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(z)) {
            zip64Entries(out);
        }
        assertScreensCleanAndReadsBack(z);
    }

    @Test
    void aZip64ArchiveStreamedWithDataDescriptorsScreensCleanAndReadsBack() throws Exception {
        Path z = dir.resolve("z64s.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(z))) {
            zip64Entries(out);
        }
        assertScreensCleanAndReadsBack(z);
    }

    @Test
    void anArchiveFromJavasZipOutputStreamWithAFolderEntryScreensClean() throws Exception {
        Path z = dir.resolve("j.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("b/data/"));
            out.closeEntry();
            for (String n : List.of("b/bagit.txt", "b/data/\u0928\u092e\u0938\u094d\u0924\u0947.txt")) {
                out.putNextEntry(new ZipEntry(n));
                out.write(TEXT);
                out.closeEntry();
            }
        }
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertEquals(List.of(), s.violations());
            assertEquals(java.util.HexFormat.of().formatHex(PlainBag.sha256(TEXT)),
                    s.sha256("data/\u0928\u092e\u0938\u094d\u0924\u0947.txt"));
        }
    }

    @Test
    void aZipWithFolderEntriesAsInfoZipWritesThemScreensClean() throws Exception {
        assumeTrue(org.sakshi.testsupport.Tools.onPath("zip"), "Info-ZIP zip is not installed");
        Path src = Files.createDirectories(dir.resolve("src/b/data/sub"));
        Files.write(src.resolve("x.bin"), BIN);
        Files.writeString(dir.resolve("src/b/bagit.txt"), BundleVerifier.BAGIT_TXT);
        Path z = dir.resolve("info.zip");
        org.sakshi.testsupport.Tools.Result r = org.sakshi.testsupport.Tools.run(dir.resolve("src"),
                List.of("zip", "-q", "-r", z.toString(), "b"));
        assertEquals(0, r.exit(), r.all());
        try (SafeZip s = SafeZip.open(z, SafeZip.Limits.DEFAULT)) {
            assertEquals(List.of(), s.violations());
            assertTrue(s.has("data/sub/x.bin"));
            assertEquals(java.util.HexFormat.of().formatHex(PlainBag.sha256(BIN)), s.sha256("data/sub/x.bin"));
        }
    }
}
