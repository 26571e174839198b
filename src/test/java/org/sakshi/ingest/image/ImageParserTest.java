package org.sakshi.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.Tools;

class ImageParserTest {
    private static final ParseOptions OPTIONS = ParseOptions.defaults(ZoneId.of("Asia/Kolkata"));

    @TempDir
    Path dir;

    private final ImageParser parser = new ImageParser();

    private static BufferedImage picture(int w, int h, boolean alpha) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private Path write(String name, BufferedImage img, String format) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "no ImageIO writer for " + format);
        return p;
    }

    private ParseResult parse(String name, Path file, ParseOptions opt) throws Exception {
        return parser.parse(ParseInput.ofFile(name, file, opt), RecordSink.DISCARD, new CancelFlag());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"png, shot.png, png", "jpeg, photo.jpg, jpg", "gif, anim.gif, gif", "bmp, scan.bmp, bmp",
            "tiff, page.tif, tiff"})
    void decodableFormatsGiveFormatDimensionsAndAThumbnail(String format, String name, String writer)
            throws Exception {
        Path f = write(name, picture(640, 480, false), writer);
        assertEquals(ItemKind.SCREENSHOT, parser.detect(ParseInput.ofFile(name, f, OPTIONS)));
        ParseResult r = parse(name, f, OPTIONS);
        assertEquals(ItemKind.SCREENSHOT, r.kind());
        assertEquals("image", r.summaryKey());
        assertEquals(format, r.summary().get("format"));
        assertEquals(640, r.summary().get("width"));
        assertEquals(480, r.summary().get("height"));
        assertEquals(1, r.derived().size(), () -> "warnings: " + r.warnings());
        assertEquals("image/png", r.derived().get(0).mediaType());
        BufferedImage thumb = decode(r.derived().get(0).content());
        assertEquals(256, thumb.getWidth());
        assertEquals(192, thumb.getHeight());
        assertTrue(r.warnings().isEmpty(), () -> r.warnings().toString());
    }

    @Test
    void detectionUsesContentNotTheNameSoAPngNamedJpgIsAPng() throws Exception {
        Path f = write("renamed.jpg", picture(32, 16, true), "png");
        ParseResult r = parse("renamed.jpg", f, OPTIONS);
        assertEquals("png", r.summary().get("format"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("named .jpg") && w.contains("png")), r.warnings()::toString);
    }

    @Test
    void exifDateCameraGpsSoftwareAndOrientationAreRead() throws Exception {
        Tools.require(tool("exiftool", "-ver"), "exiftool is not installed (Debian package libimage-exiftool-perl)");
        Path f = write("camera.jpg", picture(400, 200, false), "jpg");
        run("exiftool", "-q", "-overwrite_original", "-DateTimeOriginal=2021:07:28 14:05:00",
                "-OffsetTimeOriginal=+05:30", "-Make=Xiaomi", "-Model=Redmi Note 9", "-Software=MIUI Camera",
                "-GPSLatitude=22.5726", "-GPSLatitudeRef=N", "-GPSLongitude=88.3639", "-GPSLongitudeRef=E",
                "-Orientation#=6", f.toString());
        ParseResult r = parse("camera.jpg", f, OPTIONS);
        @SuppressWarnings("unchecked")
        Map<String, Object> exif = (Map<String, Object>) r.summary().get("exif");
        assertEquals("2021-07-28T14:05:00+05:30", exif.get("datetime_original"));
        assertEquals("Xiaomi", exif.get("make"));
        assertEquals("Redmi Note 9", exif.get("model"));
        assertEquals("MIUI Camera", exif.get("software"));
        @SuppressWarnings("unchecked")
        List<Double> gps = (List<Double>) exif.get("gps");
        assertEquals(22.5726, gps.get(0), 1e-4);
        assertEquals(88.3639, gps.get(1), 1e-4);
        assertEquals(6, r.summary().get("orientation"));
        BufferedImage thumb = decode(r.derived().get(0).content());
        assertEquals(128, thumb.getWidth(), "orientation 6 turns the 2:1 landscape upright");
        assertEquals(256, thumb.getHeight());
    }

    @Test
    void xmpFillsCameraAndDateWhenThereIsNoExif() throws Exception {
        Tools.require(tool("exiftool", "-ver"), "exiftool is not installed (Debian package libimage-exiftool-perl)");
        Path f = write("shared.png", picture(50, 40, false), "png");
        run("exiftool", "-q", "-overwrite_original", "-XMP-tiff:Make=Apple", "-XMP-tiff:Model=iPhone 12",
                "-XMP-exif:DateTimeOriginal=2022:01:15 09:30:00", "-XMP-xmp:CreatorTool=Photos 7.0", f.toString());
        ParseResult r = parse("shared.png", f, OPTIONS);
        @SuppressWarnings("unchecked")
        Map<String, Object> exif = (Map<String, Object>) r.summary().get("exif");
        assertEquals("Apple", exif.get("make"));
        assertEquals("iPhone 12", exif.get("model"));
        assertEquals("Photos 7.0", exif.get("software"));
        assertTrue(String.valueOf(exif.get("datetime_original")).startsWith("2022-01-15T09:30:00"),
                () -> "datetime_original " + exif.get("datetime_original"));
    }

    @Test
    void anImageWithoutExifHasAllExifPartsNull() throws Exception {
        Path f = write("plain.png", picture(10, 10, false), "png");
        ParseResult r = parse("plain.png", f, OPTIONS);
        @SuppressWarnings("unchecked")
        Map<String, Object> exif = (Map<String, Object>) r.summary().get("exif");
        assertEquals(5, exif.size());
        assertTrue(exif.values().stream().allMatch(v -> v == null), exif::toString);
    }

    @Test
    void pngTextChunksAreReportedAndSoftwareFillsTheExifSoftware() throws Exception {
        byte[] png = pngBytes(picture(20, 10, false));
        png = insertChunkAfterIhdr(png, "tEXt", "Software\0Greenshot 1.2".getBytes(StandardCharsets.ISO_8859_1));
        png = insertChunkAfterIhdr(png, "tEXt", "Title\0chat with agent".getBytes(StandardCharsets.ISO_8859_1));
        Path f = dir.resolve("grab.png");
        Files.write(f, png);
        ParseResult r = parse("grab.png", f, OPTIONS);
        @SuppressWarnings("unchecked")
        Map<String, String> text = (Map<String, String>) r.summary().get("png_text");
        assertEquals("Greenshot 1.2", text.get("Software"));
        assertEquals("chat with agent", text.get("Title"));
        @SuppressWarnings("unchecked")
        Map<String, Object> exif = (Map<String, Object>) r.summary().get("exif");
        assertEquals("Greenshot 1.2", exif.get("software"));
    }

    @Test
    void aPngWhoseHeaderClaimsTooManyPixelsIsKeptWithAWarningAndNeverDecoded() throws Exception {
        byte[] png = pngBytes(picture(16, 16, false));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000); // IHDR width
        b.putInt(20, 100_000); // IHDR height
        fixChunkCrc(png, 8);
        Path f = dir.resolve("bomb.png");
        Files.write(f, png);
        ParseResult r = parse("bomb.png", f, OPTIONS);
        assertEquals(ItemKind.SCREENSHOT, r.kind());
        assertEquals(100_000, r.summary().get("width"));
        assertTrue(r.derived().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("decompression bomb")), r.warnings()::toString);
    }

    @Test
    void theMetadataOfAnImageLargerThanTheCapIsNotReadAndOneWarningSaysSo() throws Exception {
        Path f = dir.resolve("huge.png");
        Files.write(f, pngBytes(picture(16, 16, false)));
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(ImageParser.MAX_METADATA_BYTES + 1); // a sparse tail after IEND
        }
        ParseResult r = parse("huge.png", f, OPTIONS);
        assertEquals(ItemKind.SCREENSHOT, r.kind());
        assertEquals(16, r.summary().get("width"), "the header still gives the dimensions");
        assertEquals(1, r.warnings().stream().filter(w -> w.contains("metadata (EXIF, XMP, text chunks) was not read"))
                .count(), r.warnings()::toString);
    }

    @Test
    void thePixelLimitComesFromTheParseOptions() throws Exception {
        Path f = write("big.png", picture(300, 300, false), "png");
        ParseOptions tight = new ParseOptions(null, ZoneId.of("UTC"), null, 50_000, 1 << 20, 100);
        ParseResult r = parse("big.png", f, tight);
        assertTrue(r.derived().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("50000")), r.warnings()::toString);
    }

    @Test
    void aTruncatedPngKeepsItsHeaderDimensionsAndWarnsWithoutAThumbnail() throws Exception {
        byte[] png = pngBytes(noisy(200, 200));
        Path f = dir.resolve("cut.png");
        Files.write(f, Arrays.copyOf(png, png.length / 2));
        ParseResult r = parse("cut.png", f, OPTIONS);
        assertEquals(ItemKind.SCREENSHOT, r.kind());
        assertEquals(200, r.summary().get("width"));
        assertTrue(r.derived().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("could not be decoded")), r.warnings()::toString);
    }

    @Test
    void textNamedPngIsClaimedAndKeptAsAFileWithAWarning() throws Exception {
        Path f = dir.resolve("fake.png");
        Files.writeString(f, "this is not a picture at all\n");
        assertEquals(ItemKind.SCREENSHOT, parser.detect(ParseInput.ofFile("fake.png", f, OPTIONS)));
        ParseResult r = parse("fake.png", f, OPTIONS);
        assertEquals(ItemKind.FILE, r.kind());
        assertNull(r.summaryKey());
        assertTrue(r.warnings().get(0).contains("not a PNG, JPEG"), r.warnings()::toString);
    }

    @Test
    void anEmptyPngIsKeptAsAFileWithAWarning() throws Exception {
        Path f = dir.resolve("empty.png");
        Files.write(f, new byte[0]);
        ParseResult r = parse("empty.png", f, OPTIONS);
        assertEquals(ItemKind.FILE, r.kind());
        assertTrue(r.warnings().get(0).contains("empty"), r.warnings()::toString);
    }

    @Test
    void aTextFileWithoutAnImageNameIsNotClaimed() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello");
        assertNull(parser.detect(ParseInput.ofFile("notes.txt", f, OPTIONS)));
    }

    @Test
    void aZipNamedJpgIsLeftToTheOtherParsers() throws Exception {
        Path f = dir.resolve("archive.jpg");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertNull(parser.detect(ParseInput.ofFile("archive.jpg", f, OPTIONS)));
    }

    @Test
    void webpGivesDimensionsFromItsHeaderAndWarnsThatNoThumbnailWasMade() throws Exception {
        Path f = dir.resolve("status.webp");
        Files.write(f, webpLossless(321, 123));
        assertEquals(ItemKind.SCREENSHOT, parser.detect(ParseInput.ofFile("status.webp", f, OPTIONS)));
        ParseResult r = parse("status.webp", f, OPTIONS);
        assertEquals("webp", r.summary().get("format"));
        assertEquals(321, r.summary().get("width"));
        assertEquals(123, r.summary().get("height"));
        assertTrue(r.derived().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no thumbnail could be made")), r.warnings()::toString);
    }

    @Test
    void heicFromLibheifGivesFormatAndDimensionsWithoutAThumbnail() throws Exception {
        // heif-enc (libheif-examples) always has an encoder; Debian's ImageMagick 6 cannot write HEIC
        Tools.require("heif-enc");
        Path src = write("src.png", picture(120, 80, false), "png");
        Path f = dir.resolve("IMG_0001.HEIC");
        assertTrue(runOk("heif-enc", src.toString(), "-o", f.toString()) && Files.size(f) > 0, "heif-enc failed");
        ParseResult r = parse("IMG_0001.HEIC", f, OPTIONS);
        assertEquals("heic", r.summary().get("format"));
        assertEquals(120, r.summary().get("width"));
        assertEquals(80, r.summary().get("height"));
        assertTrue(r.derived().isEmpty());
    }

    @Test
    void ingestRoutesAnImageToTheImageParser() throws Exception {
        Path f = write("a.gif", picture(8, 8, false), "gif");
        ParseResult r = new Ingest().parse(ParseInput.ofFile("a.gif", f, OPTIONS), RecordSink.DISCARD, new CancelFlag());
        assertEquals(ItemKind.SCREENSHOT, r.kind());
        assertEquals("gif", r.summary().get("format"));
        assertNotNull(r.summary().get("exif"));
        assertFalse(r.derived().isEmpty());
    }

    // ---- fixtures ----

    private static BufferedImage noisy(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        return img;
    }

    private static byte[] pngBytes(BufferedImage img) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bos);
        return bos.toByteArray();
    }

    /** Inserts a chunk after IHDR (8-byte signature + 25-byte IHDR chunk). */
    private static byte[] insertChunkAfterIhdr(byte[] png, String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, 33);
        System.arraycopy(chunk.array(), 0, out, 33, chunk.capacity());
        System.arraycopy(png, 33, out, 33 + chunk.capacity(), png.length - 33);
        return out;
    }

    private static void fixChunkCrc(byte[] png, int chunkOffset) {
        ByteBuffer b = ByteBuffer.wrap(png);
        int len = b.getInt(chunkOffset);
        CRC32 crc = new CRC32();
        crc.update(png, chunkOffset + 4, 4 + len);
        b.putInt(chunkOffset + 8 + len, (int) crc.getValue());
    }

    /** A RIFF/WEBP file with a VP8L (lossless) header: signature 0x2f, 14-bit width-1 and height-1. */
    private static byte[] webpLossless(int w, int h) {
        byte[] payload = new byte[16];
        payload[0] = 0x2f;
        int bits = (w - 1) | ((h - 1) << 14);
        payload[1] = (byte) bits;
        payload[2] = (byte) (bits >>> 8);
        payload[3] = (byte) (bits >>> 16);
        payload[4] = (byte) (bits >>> 24);
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put("VP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(payload.length).put(payload);
        return b.array();
    }

    private static boolean tool(String... cmd) {
        return runOk(cmd);
    }

    private static boolean runOk(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... cmd) {
        assertTrue(runOk(cmd), () -> "command failed: " + String.join(" ", cmd));
    }
}
