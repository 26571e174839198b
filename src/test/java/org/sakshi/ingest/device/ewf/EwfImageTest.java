package org.sakshi.ingest.device.ewf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.core.CancelFlag;
import org.sakshi.testsupport.Tools;

/**
 * Images are made by libewf's ewfacquire (Debian ewf-tools) from media generated here, so the
 * reader is checked against an independent writer, and its verdicts against ewfverify.
 */
class EwfImageTest {
    @TempDir
    static Path shared;
    static Path media;
    static String mediaMd5;
    static String mediaSha1;
    /** Segments of the image acquired with case metadata: 4 MiB of mixed data in 1 MiB segments. */
    static List<Path> segments;

    @TempDir
    Path dir;

    @BeforeAll
    static void acquire() throws Exception {
        Tools.require(runOk(List.of("ewfacquire", "-V")), "ewfacquire is not installed (Debian package ewf-tools)");
        media = shared.resolve("media.raw");
        byte[] m = mixedMedia(4 << 20, 1);
        Files.write(media, m);
        mediaMd5 = hex("MD5", m);
        mediaSha1 = hex("SHA-1", m);
        segments = acquire(shared.resolve("case"), "deflate:fast", 64, true);
        assertTrue(segments.size() >= 3, "expected a multi-segment image, got " + segments);
    }

    /** Random, zero and repetitive text runs: some chunks compress, some are stored raw. */
    static byte[] mixedMedia(int size, int seed) {
        byte[] b = new byte[size];
        Random rnd = new Random(seed);
        int random = size / 8 * 5;
        byte[] r = new byte[random];
        rnd.nextBytes(r);
        System.arraycopy(r, 0, b, 0, random);
        byte[] text = "chat log line: meet at the station at 9\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = size / 8 * 6; i < size; i++) {
            b[i] = text[i % text.length];
        }
        b[size - 1] = 1;
        return b;
    }

    static List<Path> acquire(Path target, String compression, int sectorsPerChunk, boolean metadata)
            throws Exception {
        Files.createDirectories(target.getParent());
        List<String> cmd = new ArrayList<>(List.of("ewfacquire", "-u", "-q", "-t", target.toString(),
                "-c", compression, "-b", Integer.toString(sectorsPerChunk), "-S", "1MiB", "-d", "sha1"));
        if (metadata) {
            cmd.addAll(List.of("-C", "FIR-112/2026", "-E", "EV-07", "-e", "SI Anita Rao", "-D", "Redmi Note 9 dump",
                    "-N", "seized at Howrah"));
        }
        cmd.add(media.toString());
        assertTrue(runOk(cmd), "ewfacquire failed: " + cmd);
        try (Stream<Path> s = Files.list(target.getParent())) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString()
                    .startsWith(target.getFileName() + ".E")).sorted().toList());
            return out;
        }
    }

    static String hex(String alg, byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(b));
    }

    static boolean runOk(List<String> cmd) {
        return run(cmd) == 0;
    }

    static int run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private List<Path> copy(List<Path> files) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            out.add(Files.copy(p, dir.resolve(p.getFileName())));
        }
        return out;
    }

    /** Byte offset of the first section descriptor of the given type, found by its type string. */
    private static int sectionOffset(byte[] segment, String type) {
        byte[] t = (type + "\0").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 13; i < segment.length - t.length; i++) {
            for (int k = 0; k < t.length; k++) {
                if (segment[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + type + " section");
    }

    @Test
    void headerMetadataIsReadFromTheHeader2Section() throws Exception {
        EwfImage img = EwfImage.open(segments);
        assertEquals("FIR-112/2026", img.headerValue("c"));
        assertEquals("EV-07", img.headerValue("n"));
        assertEquals("SI Anita Rao", img.headerValue("e"));
        assertEquals("Redmi Note 9 dump", img.headerValue("a"));
        assertEquals("seized at Howrah", img.headerValue("t"));
        Instant acquired = img.acquired();
        assertTrue(acquired != null && acquired.isAfter(Instant.now().minusSeconds(3600)), "acquired " + acquired);
        assertEquals(4L << 20, img.mediaSize());
        assertEquals(512, img.bytesPerSector());
        assertEquals(segments.size(), img.segmentCount());
        assertTrue(img.warnings().isEmpty(), img.warnings()::toString);
    }

    @Test
    void headerMetadataAndGeometryAgreeWithEwfinfo() throws Exception {
        Process p = new ProcessBuilder("ewfinfo", segments.get(0).toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String line : info.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        EwfImage img = EwfImage.open(segments);
        assertEquals(fields.get("Case number"), img.headerValue("c"));
        assertEquals(fields.get("Evidence number"), img.headerValue("n"));
        assertEquals(fields.get("Examiner name"), img.headerValue("e"));
        assertEquals(fields.get("Description"), img.headerValue("a"));
        assertEquals(fields.get("Notes"), img.headerValue("t"));
        assertEquals(fields.get("Number of sectors"), Long.toString(img.sectorCount()));
        assertEquals(fields.get("Bytes per sector"), Long.toString(img.bytesPerSector()));
        assertEquals(fields.get("Sectors per chunk"), Long.toString(img.sectorsPerChunk()));
        assertEquals(fields.get("MD5"), img.md5Stored());
        assertEquals(fields.get("SHA1"), img.sha1Stored());
    }

    @Test
    void aMultiSegmentImageVerifiesAndAgreesWithTheMediaAndEwfverify() throws Exception {
        EwfImage img = EwfImage.open(segments);
        assertEquals(mediaMd5, img.md5Stored());
        assertEquals(mediaSha1, img.sha1Stored());
        EwfVerification v = img.verify(new CancelFlag());
        assertEquals(mediaMd5, v.md5Computed());
        assertEquals(mediaSha1, v.sha1Computed());
        assertEquals(Boolean.TRUE, v.verified());
        assertEquals(0, v.badChunks());
        assertEquals(0, run(List.of("ewfverify", "-q", segments.get(0).toString())), "ewfverify agrees");
    }

    @ParameterizedTest(name = "compression {0}, {1} sectors per chunk")
    @CsvSource({"none, 64", "empty-block, 64", "deflate:fast, 128", "deflate:best, 256", "deflate:fast, 16"})
    void everyCompressionAndChunkSizeReadsBackTheSameMedia(String compression, int spc) throws Exception {
        List<Path> segs = acquire(dir.resolve("img"), compression, spc, false);
        EwfImage img = EwfImage.open(segs);
        assertNull(img.headerValue("c"), "no case number was given");
        assertEquals(spc, img.sectorsPerChunk());
        EwfVerification v = img.verify(new CancelFlag());
        assertEquals(mediaMd5, v.md5Computed());
        assertEquals(Boolean.TRUE, v.verified(), v.warnings()::toString);
    }

    @Test
    void segmentsAreOrderedByTheirSegmentNumberNotByTheOrderGiven() throws Exception {
        List<Path> reversed = new ArrayList<>(segments);
        Collections.reverse(reversed);
        assertEquals(Boolean.TRUE, EwfImage.open(reversed).verify(new CancelFlag()).verified());
    }

    @Test
    void aChangedByteInAStoredChunkFailsVerificationAsEwfverifyDoes() throws Exception {
        List<Path> segs = copy(segments);
        byte[] first = Files.readAllBytes(segs.get(0));
        int sectors = sectionOffset(first, "sectors");
        first[sectors + 76 + 1000] ^= 0x01; // inside the first chunk: random data, stored uncompressed
        Files.write(segs.get(0), first);
        EwfVerification v = EwfImage.open(segs).verify(new CancelFlag());
        assertEquals(Boolean.FALSE, v.verified());
        assertNotEquals(mediaMd5, v.md5Computed());
        assertEquals(1, v.badChunks(), "its Adler-32 no longer matches");
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains("does not match the hash stored")), v.warnings()::toString);
        assertNotEquals(0, run(List.of("ewfverify", "-q", segs.get(0).toString())), "ewfverify also fails");
    }

    @Test
    void changedBytesInACompressedChunkFailItsZlibCheckAndVerificationAsEwfverifyDoes() throws Exception {
        List<Path> segs = copy(segments);
        // The largest compressed chunk (the repetitive text): a change to a stream of zeros can be
        // harmless (a match distance into zeros still copies zeros), to this one it cannot.
        Path file = null;
        long from = -1;
        long best = 0;
        for (EwfImage.Table t : EwfImage.open(segs).tables()) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(t.segment().path()))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k + 1 < t.entries(); k++) {
                int raw = b.getInt((int) t.offset() + 76 + 24 + 4 * k);
                long start = t.baseOffset() + (raw & 0x7fffffffL);
                long next = t.baseOffset() + (b.getInt((int) t.offset() + 76 + 24 + 4 * (k + 1)) & 0x7fffffffL);
                if (raw < 0 && next - start > best) {
                    best = next - start;
                    from = start + (next - start) / 2;
                    file = t.segment().path();
                }
            }
        }
        assertTrue(file != null && best > 64, "the media has compressed chunks");
        byte[] seg = Files.readAllBytes(file);
        for (int i = 0; i < 8; i++) {
            seg[(int) from + i] ^= (byte) 0xff;
        }
        Files.write(file, seg);
        EwfVerification v = EwfImage.open(segs).verify(new CancelFlag());
        assertEquals(Boolean.FALSE, v.verified());
        assertEquals(1, v.badChunks());
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains("zlib")), v.warnings()::toString);
        assertNotEquals(0, run(List.of("ewfverify", "-q", segs.get(0).toString())), "ewfverify also fails");
    }

    @Test
    void aChangedStoredHashFailsVerification() throws Exception {
        List<Path> segs = copy(segments);
        Path last = segs.get(segs.size() - 1);
        byte[] b = Files.readAllBytes(last);
        b[sectionOffset(b, "digest") + 76] ^= 0x01;
        b[sectionOffset(b, "hash") + 76] ^= 0x01;
        Files.write(last, b);
        EwfImage img = EwfImage.open(segs);
        EwfVerification v = img.verify(new CancelFlag());
        assertEquals(mediaMd5, v.md5Computed());
        assertEquals(Boolean.FALSE, v.verified());
    }

    @Test
    void noStoredHashGivesNullAndSaysSo() throws Exception {
        List<Path> segs = copy(segments);
        Path last = segs.get(segs.size() - 1);
        byte[] b = Files.readAllBytes(last);
        java.util.Arrays.fill(b, sectionOffset(b, "digest") + 76, sectionOffset(b, "digest") + 76 + 36, (byte) 0);
        java.util.Arrays.fill(b, sectionOffset(b, "hash") + 76, sectionOffset(b, "hash") + 76 + 16, (byte) 0);
        Files.write(last, b);
        EwfImage img = EwfImage.open(segs);
        assertNull(img.md5Stored());
        EwfVerification v = img.verify(new CancelFlag());
        assertNull(v.verified());
        assertEquals(mediaMd5, v.md5Computed());
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains("no acquisition hash stored")), v.warnings()::toString);
    }

    @Test
    void aTruncatedLastSegmentIsReportedAndNotVerified() throws Exception {
        List<Path> segs = copy(segments);
        Path last = segs.get(segs.size() - 1);
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length / 2));
        EwfImage img = EwfImage.open(segs);
        assertTrue(img.warnings().stream().anyMatch(w -> w.contains("truncated")), img.warnings()::toString);
        EwfVerification v = img.verify(new CancelFlag());
        assertNotEquals(Boolean.TRUE, v.verified());
        assertNull(v.md5Computed());
    }

    @Test
    void aMissingMiddleSegmentIsNamed() throws Exception {
        List<Path> segs = new ArrayList<>(segments);
        segs.remove(1);
        EwfImage img = EwfImage.open(segs);
        assertTrue(img.warnings().stream().anyMatch(w -> w.contains("segment 2 is missing")), img.warnings()::toString);
        assertNotEquals(Boolean.TRUE, img.verify(new CancelFlag()).verified());
    }

    @Test
    void theFirstSegmentAloneHasNoStoredHashAndSaysTheRestIsMissing() throws Exception {
        EwfImage img = EwfImage.open(List.of(segments.get(0)));
        assertTrue(img.warnings().stream().anyMatch(w -> w.contains("later segments are missing")), img.warnings()::toString);
        EwfVerification v = img.verify(new CancelFlag());
        assertNull(v.verified());
        assertNull(v.md5Computed());
    }

    @Test
    void theSignatureFollowedByGarbageGivesWarningsNotExceptions() throws Exception {
        byte[] b = new byte[4096];
        new Random(5).nextBytes(b);
        System.arraycopy(EwfImage.SIGNATURE, 0, b, 0, 8);
        Path f = dir.resolve("junk.E01");
        Files.write(f, b);
        EwfImage img = EwfImage.open(List.of(f));
        assertTrue(img.warnings().stream().anyMatch(w -> w.contains("checksum")), img.warnings()::toString);
        EwfVerification v = img.verify(new CancelFlag());
        assertNull(v.verified());
    }

    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomlyDamagedSegmentsGiveWarningsOrAVerdictButNeverAnUnexpectedException(int seed) throws Exception {
        Random rnd = new Random(seed);
        List<Path> segs = copy(segments);
        for (Path p : segs) {
            byte[] b = Files.readAllBytes(p);
            for (int i = 0; i < 8; i++) {
                b[13 + rnd.nextInt(4096)] ^= (byte) (1 + rnd.nextInt(255)); // descriptors, header, volume
                b[13 + rnd.nextInt(b.length - 13)] ^= (byte) (1 + rnd.nextInt(255)); // anywhere
            }
            Files.write(p, b);
        }
        EwfImage img = EwfImage.open(segs);
        EwfVerification v = img.verify(new CancelFlag());
        if (Boolean.TRUE.equals(v.verified())) {
            assertEquals(mediaMd5, v.md5Computed(), "true only when the media really is intact");
        }
    }

    @Test
    void aFileWithoutTheSignatureIsRejected() throws Exception {
        Path f = dir.resolve("not.E01");
        Files.writeString(f, "not an image");
        assertThrows(EwfFormatException.class, () -> EwfImage.open(List.of(f)));
    }
}
