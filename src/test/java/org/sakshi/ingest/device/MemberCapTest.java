package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.ingest.ParseOptions;

/** A dump with more members than the cap lists the first ones, stops reading, and warns once. */
class MemberCapTest {
    private static final ParseOptions OPT = ParseOptions.defaults(ZoneId.of("UTC"));

    @TempDir
    Path dir;

    @Test
    void aTarWithMoreMembersThanTheCapListsTheFirstOnesAndWarnsOnce() throws Exception {
        Path tar = dir.resolve("many.tar");
        try (OutputStream os = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(os)) {
            for (int i = 0; i < 50; i++) {
                TarArchiveEntry e = new TarArchiveEntry("f" + i);
                e.setSize(1);
                t.putArchiveEntry(e);
                t.write('x');
                t.closeArchiveEntry();
            }
        }
        List<Map<String, Object>> recs = new ArrayList<>();
        MemberListing out = new MemberListing(recs::add, new CancelFlag(), 10);
        ArchiveListers.listTar(tar, ArchiveListers.Compression.NONE, OPT, out);
        assertEquals(10, recs.size());
        assertEquals(1, out.warnings().stream().filter(w -> w.contains("more than 10 members")).count(),
                out.warnings()::toString);
    }

    @Test
    void aZipWithMoreMembersThanTheCapListsTheFirstOnesAndWarnsOnce() throws Exception {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 50; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.write('x');
                z.closeEntry();
            }
        }
        List<Map<String, Object>> recs = new ArrayList<>();
        MemberListing out = new MemberListing(recs::add, new CancelFlag(), 10);
        ArchiveListers.listZip(zip, OPT, out);
        assertEquals(10, recs.size());
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("more than 10 members")), out.warnings()::toString);
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("declares 50 members")),
                "a central directory larger than the cap is not read into memory: " + out.warnings());
    }

    @Test
    void theDeclaredCentralDirectoryIsReadFromTheEndRecord() throws Exception {
        Path zip = dir.resolve("three.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 3; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.closeEntry();
            }
            z.setComment("a comment after the end record");
        }
        long[] d = ArchiveListers.declaredCentralDirectory(zip, Files.size(zip));
        assertEquals(3, d[0]);
        assertTrue(d[1] > 0 && d[1] < 200, "central directory bytes " + d[1]);
    }
}
