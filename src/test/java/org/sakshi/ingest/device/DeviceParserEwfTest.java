package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.Tools;

/** The device summary of an E01 made by ewfacquire, arriving as a folder of segments or as one file. */
class DeviceParserEwfTest {
    private static final ParseOptions OPTIONS = ParseOptions.defaults(ZoneId.of("UTC"));

    @TempDir
    static Path dir;
    static List<Path> segments;
    static String md5;
    static String sha1;

    @BeforeAll
    static void acquire() throws Exception {
        Tools.require(run("ewfacquire", "-V"), "ewfacquire is not installed (Debian package ewf-tools)");
        byte[] media = new byte[3 << 20];
        new Random(11).nextBytes(media);
        java.util.Arrays.fill(media, 1 << 20, 2 << 20, (byte) 0);
        Path raw = dir.resolve("phone.raw");
        Files.write(raw, media);
        md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(media));
        sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(media));
        Path out = Files.createDirectories(dir.resolve("set"));
        assertTrue(run("ewfacquire", "-u", "-q", "-t", out.resolve("PHONE").toString(), "-c", "deflate:fast",
                "-S", "1MiB", "-d", "sha1", "-C", "CR-88/2026", "-E", "EXH-3", "-e", "Insp. Das", "-D", "Samsung A12",
                "-N", "write-blocked", raw.toString()));
        try (Stream<Path> s = Files.list(out)) {
            segments = s.sorted().toList();
        }
        assertTrue(segments.size() >= 2, segments::toString);
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<FolderEntry> entries(List<Path> files) throws IOException {
        List<FolderEntry> out = new ArrayList<>();
        for (Path p : files) {
            out.add(new FolderEntry(p.getFileName().toString(), p, Files.size(p), "0".repeat(64)));
        }
        return out;
    }

    @Test
    void aFolderOfSegmentsWithALogIsOneVerifiedE01() throws Exception {
        List<FolderEntry> entries = new ArrayList<>(entries(segments));
        Path log = dir.resolve("acquisition-log.txt");
        Files.writeString(log, "ewfacquire log\n");
        entries.add(new FolderEntry("acquisition-log.txt", log, Files.size(log), "0".repeat(64)));
        ParseResult r = new Ingest().parse(ParseInput.ofFolder("PHONE", entries, OPTIONS), RecordSink.DISCARD,
                new CancelFlag());
        assertEquals(ItemKind.DEVICE, r.kind());
        assertEquals("e01", r.summary().get("format"));
        assertEquals(0L, r.summary().get("members"));
        assertEquals(3L << 20, r.summary().get("media_size"));
        @SuppressWarnings("unchecked")
        Map<String, Object> acq = (Map<String, Object>) r.summary().get("acquisition");
        assertEquals(md5, acq.get("md5_stored"));
        assertEquals(sha1, acq.get("sha1_stored"));
        assertEquals(md5, acq.get("md5_computed"));
        assertEquals(sha1, acq.get("sha1_computed"));
        assertEquals(Boolean.TRUE, acq.get("verified"));
        assertEquals("CR-88/2026", acq.get("case_number"));
        assertEquals("Insp. Das", acq.get("examiner"));
        assertEquals("EXH-3", acq.get("evidence_number"));
        assertEquals("Samsung A12", acq.get("description"));
        assertEquals("write-blocked", acq.get("notes"));
        assertTrue(r.warnings().isEmpty(), r.warnings()::toString);
    }

    @Test
    void aSingleE01FileIsDetectedByItsSignatureWhateverItsName() throws Exception {
        Path renamed = dir.resolve("evidence.bin");
        Files.copy(segments.get(0), renamed);
        DeviceParser p = new DeviceParser();
        assertEquals(DeviceParser.Format.E01, DeviceParser.fileFormat("evidence.bin", renamed));
        ParseResult r = p.parse(ParseInput.ofFile("evidence.bin", renamed, OPTIONS), RecordSink.DISCARD,
                new CancelFlag());
        assertEquals("e01", r.summary().get("format"));
        @SuppressWarnings("unchecked")
        Map<String, Object> acq = (Map<String, Object>) r.summary().get("acquisition");
        assertNull(acq.get("verified"), "the stored hash lives in the last segment, not imported");
        assertEquals("CR-88/2026", acq.get("case_number"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("later segments are missing")), r.warnings()::toString);
    }

    @Test
    void aFolderWithOtherFilesBesideTheSegmentsIsListedAsADirectory() throws Exception {
        List<FolderEntry> entries = new ArrayList<>(entries(segments));
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, new byte[] {1, 2, 3});
        entries.add(new FolderEntry("DCIM/photo.jpg", photo, 3, "0".repeat(64)));
        List<Map<String, Object>> members = new ArrayList<>();
        ParseResult r = new DeviceParser().parse(ParseInput.ofFolder("mixed", entries, OPTIONS), members::add,
                new CancelFlag());
        assertEquals("directory", r.summary().get("format"));
        assertEquals(entries.size(), members.size());
    }
}
