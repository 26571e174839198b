package org.sakshi.bundle;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
