package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;

class DeviceParserTest {
    private static final ParseOptions OPTIONS = ParseOptions.defaults(ZoneId.of("UTC"));
    private static final String LONG_NAME = "sdcard/WhatsApp/Media/" + "very-long-directory-name/".repeat(6)
            + "IMG-20210728-WA0001.jpg";
    private static final byte[] CONTACTS = "contacts.db bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PHOTO = bytes(70_000, 7);
    private static final byte[] EVIL = "payload".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final DeviceParser parser = new DeviceParser();

    enum TarFlavour { USTAR_POSIX_LONG, GNU_LONG, PAX_LONG, GZIP_PAX }

    enum ZipFlavour { DEFLATED, STORED, ZIP64_ALWAYS }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private record Run(ParseResult result, List<Map<String, Object>> members) {
        Map<String, Object> member(String path) {
            return members.stream().filter(m -> path.equals(m.get("path"))).findFirst()
                    .orElseThrow(() -> new AssertionError(path + " not listed in " + members));
        }
    }

    private Run parse(String name, Path file, ParseOptions opt) throws Exception {
        List<Map<String, Object>> members = new ArrayList<>();
        ParseResult r = parser.parse(ParseInput.ofFile(name, file, opt), members::add, new CancelFlag());
        return new Run(r, members);
    }

    // ---------- tar ----------

    private Path tar(TarFlavour flavour) throws IOException {
        Path f = dir.resolve(flavour == TarFlavour.GZIP_PAX ? "dump.tar.gz" : "dump.tar");
        try (OutputStream os = Files.newOutputStream(f);
             OutputStream inner = flavour == TarFlavour.GZIP_PAX ? new GzipCompressorOutputStream(os) : os;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(inner)) {
            switch (flavour) {
                case USTAR_POSIX_LONG, PAX_LONG, GZIP_PAX -> tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                case GNU_LONG -> tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            }
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry d = new TarArchiveEntry("data/");
            tar.putArchiveEntry(d);
            tar.closeArchiveEntry();
            file(tar, "data/contacts.db", CONTACTS, false);
            file(tar, LONG_NAME, PHOTO, false);
            TarArchiveEntry link = new TarArchiveEntry("data/passwd-link", TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            file(tar, "../evil.sh", EVIL, true);
            file(tar, "/etc/cron.d/abs", EVIL, true);
            file(tar, "data/empty.txt", new byte[0], false);
        }
        return f;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, boolean preserve)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, preserve);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TarFlavour.class)
    void tarMembersAreListedWithPathSizeTypeAndSha256(TarFlavour flavour) throws Exception {
        Path f = tar(flavour);
        assertEquals(ItemKind.DEVICE, parser.detect(ParseInput.ofFile(f.getFileName().toString(), f, OPTIONS)));
        Run run = parse(f.getFileName().toString(), f, OPTIONS);
        ParseResult r = run.result();
        assertEquals("device", r.summaryKey());
        assertEquals("tar", r.summary().get("format"));
        assertEquals(5L, r.summary().get("members"), "regular files");
        assertEquals((long) CONTACTS.length + PHOTO.length + 2L * EVIL.length, r.summary().get("total_member_bytes"));
        assertNull(r.summary().get("acquisition"));
        assertEquals(7, run.members().size());
        assertEquals(7L, r.records());
        assertEquals("dir", run.member("data/").get("type"));
        assertEquals(sha256(CONTACTS), run.member("data/contacts.db").get("sha256"));
        assertEquals((long) PHOTO.length, run.member(LONG_NAME).get("size"));
        assertEquals(sha256(PHOTO), run.member(LONG_NAME).get("sha256"));
        assertEquals(sha256(new byte[0]), run.member("data/empty.txt").get("sha256"));
    }

    @Test
    void tarSymlinksAreRecordedAsSymlinksAndNeverFollowed() throws Exception {
        Run run = parse("dump.tar", tar(TarFlavour.PAX_LONG), OPTIONS);
        Map<String, Object> link = run.member("data/passwd-link");
        assertEquals("symlink", link.get("type"));
        assertEquals("/etc/passwd", link.get("link_target"));
        assertNull(link.get("sha256"));
    }

    @Test
    void tarMembersWithDotDotOrAbsoluteNamesAreFlaggedAndListedWithoutALeadingSlash() throws Exception {
        Run run = parse("dump.tar", tar(TarFlavour.GNU_LONG), OPTIONS);
        assertEquals(List.of("parent_traversal"), run.member("../evil.sh").get("flags"));
        assertEquals(List.of("absolute_path"), run.member("etc/cron.d/abs").get("flags"));
        assertEquals(sha256(EVIL), run.member("../evil.sh").get("sha256"));
        List<String> w = run.result().warnings();
        assertTrue(w.stream().anyMatch(s -> s.contains("../evil.sh") && s.contains("never written")), w::toString);
        assertTrue(w.stream().anyMatch(s -> s.contains("/etc/cron.d/abs")), w::toString);
        assertTrue(Files.notExists(dir.getParent().resolve("evil.sh")));
    }

    @Test
    void aTruncatedTarListsTheMembersBeforeTheCutWithAWarning() throws Exception {
        Path full = tar(TarFlavour.PAX_LONG);
        byte[] b = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.tar");
        Files.write(cut, Arrays.copyOf(b, 4096));
        Run run = parse("cut.tar", cut, OPTIONS);
        assertEquals("tar", run.result().summary().get("format"));
        assertEquals(sha256(CONTACTS), run.member("data/contacts.db").get("sha256"));
        assertTrue(run.result().warnings().stream().anyMatch(s -> s.contains("truncated")),
                run.result().warnings()::toString);
    }

    // ---------- zip ----------

    private Path zip(ZipFlavour flavour, String name) throws IOException {
        Path f = dir.resolve(name);
        try (ZipArchiveOutputStream zos = new ZipArchiveOutputStream(f.toFile())) {
            if (flavour == ZipFlavour.ZIP64_ALWAYS) {
                zos.setUseZip64(Zip64Mode.Always);
            }
            int method = flavour == ZipFlavour.STORED ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED;
            zos.putArchiveEntry(new ZipArchiveEntry("data/"));
            zos.closeArchiveEntry();
            zipFile(zos, "data/contacts.db", CONTACTS, method);
            zipFile(zos, LONG_NAME, PHOTO, method);
            ZipArchiveEntry link = new ZipArchiveEntry("data/passwd-link");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            link.setMethod(method);
            if (method == ZipArchiveEntry.STORED) {
                storedHeaders(link, "/etc/passwd".getBytes(StandardCharsets.UTF_8));
            }
            zos.putArchiveEntry(link);
            zos.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zos.closeArchiveEntry();
            zipFile(zos, "../evil.sh", EVIL, method);
            zipFile(zos, "/etc/cron.d/abs", EVIL, method);
        }
        return f;
    }

    private static void zipFile(ZipArchiveOutputStream zos, String name, byte[] content, int method)
            throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(method);
        if (method == ZipArchiveEntry.STORED) {
            storedHeaders(e, content);
        }
        zos.putArchiveEntry(e);
        zos.write(content);
        zos.closeArchiveEntry();
    }

    private static void storedHeaders(ZipArchiveEntry e, byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        e.setSize(content.length);
        e.setCompressedSize(content.length);
        e.setCrc(crc.getValue());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ZipFlavour.class)
    void zipMembersAreListedWithPathSizeTypeAndSha256(ZipFlavour flavour) throws Exception {
        Path f = zip(flavour, "phone.zip");
        assertEquals(ItemKind.DEVICE, parser.detect(ParseInput.ofFile("phone.zip", f, OPTIONS)));
        Run run = parse("phone.zip", f, OPTIONS);
        ParseResult r = run.result();
        assertEquals("zip", r.summary().get("format"));
        assertEquals(4L, r.summary().get("members"));
        assertEquals((long) CONTACTS.length + PHOTO.length + 2L * EVIL.length, r.summary().get("total_member_bytes"));
        assertEquals(6, run.members().size());
        assertEquals(sha256(PHOTO), run.member(LONG_NAME).get("sha256"));
        assertEquals("symlink", run.member("data/passwd-link").get("type"));
        assertEquals("/etc/passwd", run.member("data/passwd-link").get("link_target"));
        assertEquals(List.of("parent_traversal"), run.member("../evil.sh").get("flags"));
        assertEquals(List.of("absolute_path"), run.member("etc/cron.d/abs").get("flags"));
        assertEquals(2, r.warnings().size(), r.warnings()::toString);
        if (flavour == ZipFlavour.ZIP64_ALWAYS) {
            byte[] b = Files.readAllBytes(f);
            assertTrue(indexOf(b, new byte[] {'P', 'K', 6, 6}) >= 0, "ZIP64 end of central directory written");
        }
    }

    private static int indexOf(byte[] b, byte[] pat) {
        outer:
        for (int i = 0; i <= b.length - pat.length; i++) {
            for (int k = 0; k < pat.length; k++) {
                if (b[i + k] != pat[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aZipMemberBeyondTheRatioCapIsListedWithoutAHashAndAWarning() throws Exception {
        Path f = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream zos = new ZipArchiveOutputStream(f.toFile())) {
            zos.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 12; i++) {
                zos.write(zeros);
            }
            zos.closeArchiveEntry();
            zipFile(zos, "ok.txt", CONTACTS, ZipArchiveEntry.DEFLATED);
        }
        ParseOptions opt = new ParseOptions(null, ZoneId.of("UTC"), null, 1, 8L << 30, 100);
        Run run = parse("bomb.zip", f, opt);
        assertNull(run.member("zeros.bin").get("sha256"));
        assertEquals(12L << 20, run.member("zeros.bin").get("size"), "declared size is kept");
        assertEquals(sha256(CONTACTS), run.member("ok.txt").get("sha256"));
        assertTrue(run.result().warnings().stream().anyMatch(w -> w.contains("decompression bomb")),
                run.result().warnings()::toString);
    }

    @Test
    void aZipMemberBeyondTheInflatedBytesCapIsListedWithoutAHash() throws Exception {
        Path f = dir.resolve("big.zip");
        try (ZipArchiveOutputStream zos = new ZipArchiveOutputStream(f.toFile())) {
            zipFile(zos, "a.bin", bytes(300_000, 1), ZipArchiveEntry.DEFLATED);
        }
        ParseOptions opt = new ParseOptions(null, ZoneId.of("UTC"), null, 1, 100_000, 1000);
        Run run = parse("big.zip", f, opt);
        assertNull(run.member("a.bin").get("sha256"));
    }

    @Test
    void aZipWithoutItsCentralDirectoryIsListedFromLocalHeadersWithAWarning() throws Exception {
        byte[] b = Files.readAllBytes(zip(ZipFlavour.DEFLATED, "phone.zip"));
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(b, b.length - 200));
        Run run = parse("cut.zip", cut, OPTIONS);
        assertEquals("zip", run.result().summary().get("format"));
        assertEquals(sha256(CONTACTS), run.member("data/contacts.db").get("sha256"));
        assertTrue(run.result().warnings().stream().anyMatch(w -> w.contains("central directory")),
                run.result().warnings()::toString);
    }

    @Test
    void zipGarbageAfterTheMagicIsKeptWithAWarningAndNeverThrows() throws Exception {
        Path f = dir.resolve("junk.zip");
        byte[] b = bytes(5000, 3);
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        Files.write(f, b);
        Run run = parse("junk.zip", f, OPTIONS);
        assertEquals(ItemKind.DEVICE, run.result().kind());
        assertTrue(!run.result().warnings().isEmpty());
    }

    @Test
    void cancellingStopsTheListing() throws Exception {
        Path f = tar(TarFlavour.PAX_LONG);
        CancelFlag flag = new CancelFlag();
        flag.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
                () -> parser.parse(ParseInput.ofFile("dump.tar", f, OPTIONS), r -> { }, flag));
    }

    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void damagedTarsAndZipsAreKeptWithWhateverCouldBeListedAndNeverThrow(int seed) throws Exception {
        java.util.Random rnd = new java.util.Random(seed);
        for (Path good : List.of(tar(TarFlavour.GZIP_PAX), zip(ZipFlavour.DEFLATED, "z" + seed + ".zip"),
                dir.resolve("dump.tar.gz"))) {
            byte[] b = Files.readAllBytes(good);
            for (int i = 0; i < 12; i++) {
                int pos = 4 + rnd.nextInt(b.length - 4); // keep the magic so the parser is chosen
                b[pos] ^= (byte) (1 + rnd.nextInt(255));
            }
            if (rnd.nextBoolean()) {
                b = Arrays.copyOf(b, 4 + rnd.nextInt(b.length - 4));
            }
            Path bad = dir.resolve("bad-" + seed + "-" + good.getFileName());
            Files.write(bad, b);
            ParseResult r = new Ingest().parse(ParseInput.ofFile(bad.getFileName().toString(), bad, OPTIONS),
                    rec -> { }, new CancelFlag());
            assertTrue(r.kind() == ItemKind.DEVICE || r.kind() == ItemKind.FILE, r::toString);
            assertTrue(r.warnings().stream().noneMatch(w -> w.contains("could not be parsed as")),
                    () -> "the device parser itself threw: " + r.warnings());
        }
    }

    // ---------- folders ----------

    @Test
    void aFolderIsListedFromItsEntriesWithTheirHashes() throws Exception {
        Path a = dir.resolve("a");
        Files.write(a, CONTACTS);
        Path b = dir.resolve("b");
        Files.write(b, PHOTO);
        List<FolderEntry> entries = List.of(new FolderEntry("data/contacts.db", a, CONTACTS.length, sha256(CONTACTS)),
                new FolderEntry("DCIM/IMG_1.jpg", b, PHOTO.length, sha256(PHOTO)));
        ParseInput in = ParseInput.ofFolder("extraction", entries, OPTIONS);
        assertEquals(ItemKind.DEVICE, parser.detect(in));
        List<Map<String, Object>> members = new ArrayList<>();
        ParseResult r = parser.parse(in, members::add, new CancelFlag());
        assertEquals("directory", r.summary().get("format"));
        assertEquals(2L, r.summary().get("members"));
        assertEquals((long) CONTACTS.length + PHOTO.length, r.summary().get("total_member_bytes"));
        assertEquals(Map.of("path", "DCIM/IMG_1.jpg", "size", (long) PHOTO.length, "sha256", sha256(PHOTO),
                "type", "file"), members.get(1));
    }

    // ---------- raw images ----------

    @Test
    void aRawImageWithAnMbrReportsItsPartitions() throws Exception {
        byte[] disk = new byte[64 * 512];
        ByteBuffer b = ByteBuffer.wrap(disk).order(ByteOrder.LITTLE_ENDIAN);
        partition(b, 0, 0x80, 0x0c, 8, 20);
        partition(b, 1, 0x00, 0x83, 28, 36);
        b.putShort(510, (short) 0xaa55);
        Path f = dir.resolve("sdcard.dd");
        Files.write(f, disk);
        Run run = parse("sdcard.dd", f, OPTIONS);
        Map<String, Object> s = run.result().summary();
        assertEquals("raw", s.get("format"));
        assertEquals((long) disk.length, s.get("media_size"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pt = (Map<String, Object>) s.get("partition_table");
        assertEquals("mbr", pt.get("scheme"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) pt.get("partitions");
        assertEquals(2, parts.size());
        assertEquals("0x0c", parts.get(0).get("type"));
        assertEquals(true, parts.get(0).get("bootable"));
        assertEquals(28L, parts.get(1).get("start_lba"));
        assertEquals(36L, parts.get(1).get("sectors"));
    }

    @Test
    void aRawImageWithAGptReportsItsNamedPartitions() throws Exception {
        byte[] disk = new byte[128 * 512];
        ByteBuffer b = ByteBuffer.wrap(disk).order(ByteOrder.LITTLE_ENDIAN);
        partition(b, 0, 0, 0xee, 1, 127);
        b.putShort(510, (short) 0xaa55);
        b.position(512);
        b.put("EFI PART".getBytes(StandardCharsets.US_ASCII));
        b.putLong(512 + 72, 2);
        b.putInt(512 + 80, 128);
        b.putInt(512 + 84, 128);
        int e = 1024;
        // Microsoft basic data type GUID EBD0A0A2-B9E5-4433-87C0-68B6B72699C7, mixed-endian on disk.
        b.putInt(e, 0xEBD0A0A2).putShort(e + 4, (short) 0xB9E5).putShort(e + 6, (short) 0x4433);
        byte[] tail = HexFormat.of().parseHex("87C068B6B72699C7");
        System.arraycopy(tail, 0, disk, e + 8, 8);
        b.putLong(e + 16, 1);
        b.putLong(e + 32, 40);
        b.putLong(e + 40, 99);
        byte[] name = "userdata".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, disk, e + 56, name.length);
        Path f = dir.resolve("phone.img");
        Files.write(f, disk);
        Run run = parse("phone.img", f, OPTIONS);
        @SuppressWarnings("unchecked")
        Map<String, Object> pt = (Map<String, Object>) run.result().summary().get("partition_table");
        assertEquals("gpt", pt.get("scheme"));
        @SuppressWarnings("unchecked")
        Map<String, Object> p = ((List<Map<String, Object>>) pt.get("partitions")).get(0);
        assertEquals("userdata", p.get("name"));
        assertEquals("ebd0a0a2-b9e5-4433-87c0-68b6b72699c7", p.get("type"));
        assertEquals(60L, p.get("sectors"));
    }

    private static void partition(ByteBuffer b, int i, int status, int type, long start, long count) {
        int e = 446 + i * 16;
        b.put(e, (byte) status);
        b.put(e + 4, (byte) type);
        b.putInt(e + 8, (int) start);
        b.putInt(e + 12, (int) count);
    }

    // ---------- detection ----------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tar content named .bin is a tar, evidence.bin, tar, tar",
        "random bytes named .dd are a raw image, disk.dd, random, raw",
        "random bytes named .dat are not a dump, blob.dat, random, ",
        "a docx is a document not a dump, report.docx, zip, ",
        "a zip named .jpg is still a zip, fake.jpg, zip, zip",
        "text named .E01 is claimed and warned about, image.E01, text, -",
    })
    void detectionLooksAtContentFirst(String label, String name, String content, String expected) throws Exception {
        Path f = dir.resolve(name);
        switch (content) {
            case "tar" -> Files.copy(tar(TarFlavour.USTAR_POSIX_LONG), f);
            case "zip" -> Files.copy(zip(ZipFlavour.DEFLATED, "z.zip"), f);
            case "random" -> Files.write(f, bytes(2048, 9));
            default -> Files.writeString(f, "hello");
        }
        ItemKind k = parser.detect(ParseInput.ofFile(name, f, OPTIONS));
        if (expected == null) {
            assertNull(k, label);
            return;
        }
        assertEquals(ItemKind.DEVICE, k, label);
        ParseResult r = parse(name, f, OPTIONS).result();
        if (expected.equals("-")) {
            assertNull(r.summaryKey());
            assertTrue(r.warnings().get(0).contains("no EVF signature"), r.warnings()::toString);
        } else {
            assertEquals(expected, r.summary().get("format"), label);
        }
    }

    @Test
    void anEmptyDdFileIsKeptWithAWarning() throws Exception {
        Path f = dir.resolve("empty.dd");
        Files.write(f, new byte[0]);
        ParseResult r = parse("empty.dd", f, OPTIONS).result();
        assertEquals(ItemKind.DEVICE, r.kind());
        assertTrue(r.warnings().get(0).contains("empty"));
    }

    @Test
    void ingestTreatsAnyNonChatZipAsADeviceDump() throws Exception {
        Path f = zip(ZipFlavour.DEFLATED, "export.zip");
        ParseResult r = new Ingest().parse(ParseInput.ofFile("export.zip", f, OPTIONS), rec -> { }, new CancelFlag());
        assertEquals(ItemKind.DEVICE, r.kind());
        assertEquals("zip", r.summary().get("format"));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
