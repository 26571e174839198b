package org.sakshi.ingest.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Derived;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parser for screenshots and photos: PNG, JPEG, WebP, HEIC/HEIF, GIF, BMP and
 * TIFF, recognised by their magic bytes. Format and dimensions come from the headers; EXIF, XMP and
 * PNG text chunks from metadata-extractor; a PNG thumbnail (longest side at most
 * {@value Thumbnails#MAX_SIDE} px) is made with ImageIO for the formats the JDK decodes, and never
 * for an image whose header claims more than {@code ParseOptions.maxImagePixels} pixels.
 *
 * <p>Caps: metadata is read only from images of at most {@value #MAX_METADATA_BYTES} bytes
 * (metadata-extractor reads whole segments and chunks into memory, and a hostile chunk may claim
 * gigabytes); a larger image, or metadata whose reading exhausts the heap or the stack, is one
 * warning and the image is described from its header only.
 *
 * <p>A file named like an image whose bytes are not one (or that is empty) is still claimed, so the
 * officer sees a warning instead of a silent plain file; its result kind is {@code file}.
 */
public final class ImageParser implements Parser {
    private static final Logger LOG = LoggerFactory.getLogger(ImageParser.class);
    static final long MAX_METADATA_BYTES = 256L << 20;
    private static final Set<String> IMAGE_EXT = Set.of("png", "jpg", "jpeg", "jpe", "webp", "heic", "heif", "hif",
            "gif", "bmp", "dib", "tif", "tiff");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm",
            "hevs", "mif1", "msf1");

    @Override
    public ItemKind detect(ParseInput input) throws IOException {
        if (input.isFolder()) {
            return null;
        }
        byte[] head = head(input.file());
        if (ImageFormat.sniff(head) != null) {
            return ItemKind.SCREENSHOT;
        }
        return IMAGE_EXT.contains(extension(input.name())) && !looksLikeContainer(head) ? ItemKind.SCREENSHOT : null;
    }

    /** Zip, tar, gzip, EWF and PDF content named .jpg belongs to other parsers or is a plain file. */
    private static boolean looksLikeContainer(byte[] h) {
        return (h.length >= 2 && h[0] == 'P' && h[1] == 'K')
                || (h.length >= 3 && h[0] == 'E' && h[1] == 'V' && h[2] == 'F')
                || (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b)
                || (h.length >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r');
    }

    @Override
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws CancelledException, IOException {
        if (cancel != null) {
            cancel.throwIfCancelled();
        }
        Path file = input.file();
        if (file == null) {
            return ParseResult.plain(ItemKind.FILE, List.of("a folder is not an image"));
        }
        long size = Files.size(file);
        byte[] head = head(file);
        ImageFormat format = ImageFormat.sniff(head);
        String ext = extension(input.name());
        if (size == 0) {
            return ParseResult.plain(ItemKind.FILE, List.of(input.name() + " is empty: there is no image to read; "
                    + "it is kept and hashed as a file"));
        }
        if (format == null) {
            return ParseResult.plain(ItemKind.FILE, List.of(input.name() + " is named like an image (." + ext
                    + ") but its content is not a PNG, JPEG, WebP, HEIC, GIF, BMP or TIFF image; it is kept and "
                    + "hashed as a file"));
        }
        List<String> warnings = new ArrayList<>();
        ImageFormat named = ImageFormat.fromExtension(ext);
        if (named != null && named != format) {
            warnings.add(input.name() + " is named ." + ext + " but its content is " + format.json());
        }

        Metadata md = null;
        if (size > MAX_METADATA_BYTES) {
            warnings.add("the image is larger than " + (MAX_METADATA_BYTES >> 20) + " MiB, so its metadata (EXIF, XMP,"
                    + " text chunks) was not read; the image is described from its header only");
        } else {
            try {
                md = ImageMetadataReader.readMetadata(file.toFile());
            } catch (ImageProcessingException | IOException | RuntimeException e) {
                warnings.add("the image metadata could not be read (" + e.getMessage() + ")");
            } catch (OutOfMemoryError | StackOverflowError e) {
                LOG.warn("image metadata of {} exhausted the {}", input.name(),
                        e instanceof OutOfMemoryError ? "heap" : "stack", e);
                warnings.add("the image metadata is too large or too deeply nested to read safely ("
                        + e.getClass().getSimpleName() + "); the image is described from its header only");
            }
        }
        if (md != null) {
            List<String> errs = new ArrayList<>();
            for (Directory d : md.getDirectories()) {
                for (String err : d.getErrors()) {
                    errs.add(d.getName() + ": " + err);
                }
            }
            if (!errs.isEmpty()) {
                warnings.add("parts of the image metadata are damaged (" + String.join("; ", errs.subList(0,
                        Math.min(3, errs.size()))) + (errs.size() > 3 ? "; ..." : "") + ")");
            }
        }
        int[] dims = md == null ? null : dimensions(md, format);
        if (dims == null) {
            dims = Thumbnails.headerDimensions(file);
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", format.json());
        summary.put("width", dims == null ? null : dims[0]);
        summary.put("height", dims == null ? null : dims[1]);
        summary.put("exif", md == null ? nullExif() : exif(md));
        Integer orientation = md == null ? null : orientation(md);
        summary.put("orientation", orientation);
        Map<String, String> pngText = md == null ? Map.of() : pngText(md);
        summary.put("png_text", pngText.isEmpty() ? null : pngText);

        List<Derived> derived = new ArrayList<>();
        if (dims == null) {
            warnings.add("the image header gives no dimensions (damaged or truncated); no thumbnail was made");
        } else if ((long) dims[0] * dims[1] > input.options().maxImagePixels()) {
            warnings.add("the header claims " + dims[0] + " x " + dims[1] + " pixels, more than the limit of "
                    + input.options().maxImagePixels() + " (possible decompression bomb); the image was not decoded "
                    + "and no thumbnail was made");
        } else if (!format.decodable()) {
            warnings.add("no thumbnail could be made: this Java runtime cannot decode " + format.json()
                    + " images (metadata only)");
        } else {
            try {
                byte[] png = Thumbnails.thumbnail(file, dims, orientation);
                derived.add(new Derived(baseName(input.name()) + ".thumbnail.png", "image/png", png));
            } catch (IOException | RuntimeException e) {
                LOG.debug("thumbnail of {} failed", input.name(), e);
                warnings.add("the image could not be decoded (" + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()) + "; damaged or truncated?); no thumbnail "
                        + "was made");
            }
        }
        return new ParseResult(ItemKind.SCREENSHOT, "image", summary, 0, warnings, derived, List.of());
    }

    private static int[] dimensions(Metadata md, ImageFormat format) {
        Class<? extends Directory> dir;
        int w;
        int h;
        switch (format) {
            case PNG -> { dir = PngDirectory.class; w = PngDirectory.TAG_IMAGE_WIDTH; h = PngDirectory.TAG_IMAGE_HEIGHT; }
            case JPEG -> { dir = JpegDirectory.class; w = JpegDirectory.TAG_IMAGE_WIDTH; h = JpegDirectory.TAG_IMAGE_HEIGHT; }
            case GIF -> { dir = GifHeaderDirectory.class; w = GifHeaderDirectory.TAG_IMAGE_WIDTH;
                h = GifHeaderDirectory.TAG_IMAGE_HEIGHT; }
            case BMP -> { dir = BmpHeaderDirectory.class; w = BmpHeaderDirectory.TAG_IMAGE_WIDTH;
                h = BmpHeaderDirectory.TAG_IMAGE_HEIGHT; }
            case WEBP -> { dir = WebpDirectory.class; w = WebpDirectory.TAG_IMAGE_WIDTH; h = WebpDirectory.TAG_IMAGE_HEIGHT; }
            case HEIC -> { dir = HeifDirectory.class; w = HeifDirectory.TAG_IMAGE_WIDTH; h = HeifDirectory.TAG_IMAGE_HEIGHT; }
            case TIFF -> { dir = ExifIFD0Directory.class; w = ExifIFD0Directory.TAG_IMAGE_WIDTH;
                h = ExifIFD0Directory.TAG_IMAGE_HEIGHT; }
            default -> { return null; }
        }
        // PNG keeps several directories (one per chunk type): take the first that has the size.
        for (Directory d : md.getDirectoriesOfType(dir)) {
            Integer wi = d.getInteger(w);
            Integer hi = d.getInteger(h);
            if (wi != null && hi != null && wi != 0 && hi != 0) {
                return new int[] {Math.abs(wi), Math.abs(hi)};
            }
        }
        return null;
    }

    private static Map<String, Object> nullExif() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datetime_original", null);
        m.put("make", null);
        m.put("model", null);
        m.put("gps", null);
        m.put("software", null);
        return m;
    }

    /**
     * The docs/cli.md#json-of-an-item {@code exif} object. datetime_original is the camera's wall-clock time as written
     * (EXIF 2.32 DateTimeOriginal has no zone), ISO-formatted, with the OffsetTimeOriginal offset
     * appended when the file records one; XMP (exif:DateTimeOriginal, tiff:Make ...) and PNG text
     * fill what EXIF lacks.
     */
    private static Map<String, Object> exif(Metadata md) {
        Map<String, Object> m = nullExif();
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Map<String, String> xmp = new LinkedHashMap<>();
        for (XmpDirectory x : md.getDirectoriesOfType(XmpDirectory.class)) {
            xmp.putAll(x.getXmpProperties());
        }
        String dto = sub == null ? null : sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        String offset = sub == null ? null : sub.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
        String iso = exifDateTime(dto, offset);
        if (iso == null) {
            String x = first(xmp, "exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate");
            iso = x == null || x.isBlank() ? null : x.trim();
        }
        m.put("datetime_original", iso);
        m.put("make", firstNonBlank(ifd0 == null ? null : ifd0.getString(ExifIFD0Directory.TAG_MAKE),
                first(xmp, "tiff:Make")));
        m.put("model", firstNonBlank(ifd0 == null ? null : ifd0.getString(ExifIFD0Directory.TAG_MODEL),
                first(xmp, "tiff:Model")));
        String software = firstNonBlank(ifd0 == null ? null : ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE),
                first(xmp, "xmp:CreatorTool"));
        if (software == null) {
            software = pngText(md).get("Software");
        }
        m.put("software", software);
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation loc = gps == null ? null : gps.getGeoLocation();
        if (loc != null && !loc.isZero()) {
            m.put("gps", List.of(loc.getLatitude(), loc.getLongitude()));
        }
        return m;
    }

    /** "2021:07:28 14:05:00" (+ "+05:30") to "2021-07-28T14:05:00+05:30"; null when malformed or blank. */
    static String exifDateTime(String v, String offset) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        if (!t.matches("\\d{4}[:-]\\d{2}[:-]\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}.*") || t.startsWith("0000")) {
            return null;
        }
        String iso = t.substring(0, 4) + "-" + t.substring(5, 7) + "-" + t.substring(8, 10) + "T" + t.substring(11, 19);
        if (offset != null && offset.trim().matches("[+-]\\d{2}:\\d{2}")) {
            iso += offset.trim();
        }
        return iso;
    }

    private static Integer orientation(Metadata md) {
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        return ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
    }

    /** tEXt, zTXt and iTXt keywords and values, in file order (PNG 3rd ed. §11.3.3). */
    private static Map<String, String> pngText(Metadata md) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PngDirectory d : md.getDirectoriesOfType(PngDirectory.class)) {
            Object v = d.getObject(PngDirectory.TAG_TEXTUAL_DATA);
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof KeyValuePair kv && kv.getValue() != null) {
                        out.putIfAbsent(kv.getKey(), kv.getValue().toString(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    private static String first(Map<String, String> m, String... keys) {
        for (String k : keys) {
            String v = m.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The image formats of docs/cli.md#json-of-an-item, by magic bytes. */
    enum ImageFormat {
        PNG(true), JPEG(true), WEBP(false), HEIC(false), GIF(true), BMP(true), TIFF(true);

        private final boolean decodable;

        ImageFormat(boolean decodable) {
            this.decodable = decodable;
        }

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the JDK's ImageIO can decode it (JDK 9+ reads TIFF). */
        boolean decodable() {
            return decodable;
        }

        static ImageFormat fromExtension(String ext) {
            return switch (ext) {
                case "png" -> PNG;
                case "jpg", "jpeg", "jpe" -> JPEG;
                case "webp" -> WEBP;
                case "heic", "heif", "hif" -> HEIC;
                case "gif" -> GIF;
                case "bmp", "dib" -> BMP;
                case "tif", "tiff" -> TIFF;
                default -> null;
            };
        }

        static ImageFormat sniff(byte[] h) {
            if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
                return PNG;
            }
            if (starts(h, 0, 0xff, 0xd8, 0xff)) {
                return JPEG;
            }
            if (starts(h, 0, 'G', 'I', 'F', '8') && h.length >= 6 && (h[4] == '7' || h[4] == '9') && h[5] == 'a') {
                return GIF;
            }
            if (starts(h, 0, 'R', 'I', 'F', 'F') && starts(h, 8, 'W', 'E', 'B', 'P')) {
                return WEBP;
            }
            if (starts(h, 0, 'I', 'I', 0x2a, 0x00) || starts(h, 0, 'M', 'M', 0x00, 0x2a)) {
                return TIFF;
            }
            if (starts(h, 4, 'f', 't', 'y', 'p') && h.length >= 12) {
                String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
                if (HEIF_BRANDS.contains(brand)) {
                    return HEIC;
                }
            }
            if (starts(h, 0, 'B', 'M') && h.length >= 18) {
                int dib = (h[14] & 0xff) | (h[15] & 0xff) << 8 | (h[16] & 0xff) << 16 | (h[17] & 0xff) << 24;
                if (dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108
                        || dib == 124) {
                    return BMP;
                }
            }
            return null;
        }

        private static boolean starts(byte[] h, int off, int... magic) {
            if (h.length < off + magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((h[off + i] & 0xff) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
