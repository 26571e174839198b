package org.sakshi.ingest.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;
import org.sakshi.ingest.device.ewf.EwfFormatException;
import org.sakshi.ingest.device.ewf.EwfImage;
import org.sakshi.ingest.device.ewf.EwfVerification;

/**
 * Parser for device dumps: tar, zip, folders, raw disk images and EWF/E01.
 *
 * <p>Detection from content: the EWF signature; zip local-header or end-of-central-directory
 * magic (office documents and e-books excepted by name: they are files, not dumps); a tar header
 * (ustar magic or a valid header checksum), plain or inside gzip/bzip2; raw images only by name
 * ({@code .dd .img .raw .bin .001}) when no other parser claimed the file. Every folder the chat
 * parser did not claim is a device dump; a folder that holds one EWF segment set (plus text
 * sidecars such as acquisition logs) is that E01 image.
 *
 * <p>Summary: the {@code device} object of docs/cli.md#json-of-an-item. Members stream to the sink in the
 * {@code members} shape. Bad content never throws: it becomes warnings.
 */
public final class DeviceParser implements Parser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeviceParser.class);
    private static final Set<String> RAW_EXT = Set.of("dd", "img", "raw", "bin", "001");
    private static final Set<String> DOCUMENT_EXT = Set.of("docx", "xlsx", "pptx", "odt", "ods", "odp", "epub",
            "docm", "xlsm", "pptm", "jar");
    private static final Set<String> SIDECAR_EXT = Set.of("txt", "log", "csv", "xml", "md5", "sha1", "sha256",
            "info", "html", "pdf");
    private static final Pattern EWF_SEGMENT = Pattern.compile("(?i).*\\.(e|s)(0[1-9]|[1-9][0-9]|[a-z][a-z])$");
    private static final int HEAD = 4096;

    enum Format { TAR, TAR_GZIP, TAR_BZIP2, ZIP, E01, RAW, NOT_EWF }

    @Override
    public ItemKind detect(ParseInput input) throws IOException {
        if (input.isFolder()) {
            return ItemKind.DEVICE;
        }
        return fileFormat(input.name(), input.file()) == null ? null : ItemKind.DEVICE;
    }

    static Format fileFormat(String name, Path file) throws IOException {
        byte[] head = head(file, HEAD);
        String ext = extension(name);
        if (EwfImage.hasSignature(head)) {
            return Format.E01;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8))) {
            return DOCUMENT_EXT.contains(ext) ? null : Format.ZIP;
        }
        if (isTarHeader(head)) {
            return Format.TAR;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return wrappedTar(file, Format.TAR_GZIP) ? Format.TAR_GZIP : rawOrNull(ext);
        }
        if (head.length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return wrappedTar(file, Format.TAR_BZIP2) ? Format.TAR_BZIP2 : rawOrNull(ext);
        }
        if (EWF_SEGMENT.matcher(name).matches() && ext.startsWith("e")) {
            return Format.NOT_EWF;
        }
        return rawOrNull(ext);
    }

    private static Format rawOrNull(String ext) {
        return RAW_EXT.contains(ext) ? Format.RAW : null;
    }

    /** POSIX/GNU ustar magic at 257, or a v7 header whose checksum (bytes 148..155 as spaces) is right. */
    static boolean isTarHeader(byte[] h) {
        if (h.length < 512 || h[0] == 0) {
            return false;
        }
        if (h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return true;
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        String field = new String(h, 148, 8, StandardCharsets.US_ASCII).replace("\0", " ").trim();
        if (field.isEmpty() || !field.matches("[0-7]+")) {
            return false;
        }
        return Long.parseLong(field, 8) == sum;
    }

    private static boolean wrappedTar(Path file, Format f) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = f == Format.TAR_GZIP ? new GzipCompressorInputStream(raw)
                     : new BZip2CompressorInputStream(raw)) {
            byte[] h = in.readNBytes(512);
            return isTarHeader(h);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel)
            throws CancelledException, IOException {
        CancelFlag flag = cancel == null ? new CancelFlag() : cancel;
        try {
            if (input.isFolder()) {
                List<FolderEntry> segments = ewfSet(input.entries());
                if (segments != null) {
                    return parseEwf(segments.stream().map(FolderEntry::blob).toList(), flag);
                }
                return parseDirectory(input.entries(), sink, flag);
            }
            if (Files.size(input.file()) == 0) {
                return ParseResult.plain(ItemKind.DEVICE, List.of(input.name() + " is empty: there is nothing to list"));
            }
            Format f = fileFormat(input.name(), input.file());
            if (f == null) {
                return ParseResult.plain(ItemKind.DEVICE, List.of(input.name()
                        + " is not a tar, zip, EWF or raw disk image; it is kept and hashed as is"));
            }
            return switch (f) {
                case E01 -> parseEwf(List.of(input.file()), flag);
                case NOT_EWF -> ParseResult.plain(ItemKind.DEVICE, List.of(input.name()
                        + " is named like an EWF segment but has no EVF signature (not an E01, or damaged); "
                        + "it is kept and hashed as is"));
                case RAW -> parseRaw(input, flag);
                case TAR, TAR_GZIP, TAR_BZIP2, ZIP -> parseArchive(input.file(), f, input, sink, flag);
            };
        } catch (MemberListing.SinkFailure e) {
            throw e.getCause();
        }
    }

    private ParseResult parseArchive(Path file, Format f, ParseInput input, RecordSink sink, CancelFlag cancel)
            throws IOException, CancelledException {
        MemberListing out = new MemberListing(sink, cancel);
        String format = f == Format.ZIP ? "zip" : "tar";
        try {
            if (f == Format.ZIP) {
                ArchiveListers.listZip(file, input.options(), out);
            } else {
                ArchiveListers.Compression c = f == Format.TAR ? ArchiveListers.Compression.NONE
                        : f == Format.TAR_GZIP ? ArchiveListers.Compression.GZIP : ArchiveListers.Compression.BZIP2;
                ArchiveListers.listTar(file, c, input.options(), out);
            }
        } catch (MemberListing.SinkFailure | java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A library choking on hostile bytes: keep what was listed, say where it stopped.
            LOG.warn("listing {} stopped", input.name(), e);
            out.warn("the " + format + " listing stopped after " + out.records() + " member(s) on damaged content ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Map<String, Object> summary = summary(format, out.files(), out.fileBytes(), null);
        if (f == Format.TAR_GZIP || f == Format.TAR_BZIP2) {
            summary.put("compression", f == Format.TAR_GZIP ? "gzip" : "bzip2");
        }
        return new ParseResult(ItemKind.DEVICE, "device", summary, out.records(), out.warnings(), List.of(), List.of());
    }

    private ParseResult parseDirectory(List<FolderEntry> entries, RecordSink sink, CancelFlag cancel)
            throws CancelledException {
        MemberListing out = new MemberListing(sink, cancel);
        for (FolderEntry e : entries) {
            out.member(e.path(), MemberListing.Type.FILE, e.size(), e.sha256(), null);
        }
        Map<String, Object> summary = summary("directory", out.files(), out.fileBytes(), null);
        return new ParseResult(ItemKind.DEVICE, "device", summary, out.records(), out.warnings(), List.of(), List.of());
    }

    private ParseResult parseRaw(ParseInput input, CancelFlag cancel) throws IOException, CancelledException {
        cancel.throwIfCancelled();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> summary = summary("raw", 0, 0, null);
        long size = Files.size(input.file());
        summary.put("media_size", size);
        if (size % 512 != 0) {
            warnings.add("the raw image is " + size + " bytes, not a whole number of 512-byte sectors");
        }
        summary.put("partition_table", RawImageInspector.inspect(input.file(), warnings));
        return new ParseResult(ItemKind.DEVICE, "device", summary, 0, warnings, List.of(), List.of());
    }

    private ParseResult parseEwf(List<Path> segments, CancelFlag cancel) throws IOException, CancelledException {
        EwfImage image;
        try {
            image = EwfImage.open(segments);
        } catch (EwfFormatException e) {
            return ParseResult.plain(ItemKind.DEVICE, List.of("not a readable EWF image: " + e.getMessage()
                    + "; it is kept and hashed as is"));
        }
        EwfVerification v = image.verify(cancel);
        List<String> warnings = new ArrayList<>(image.warnings());
        warnings.addAll(v.warnings());
        Map<String, Object> acq = new LinkedHashMap<>();
        acq.put("md5_stored", image.md5Stored());
        acq.put("sha1_stored", image.sha1Stored());
        acq.put("md5_computed", v.md5Computed());
        acq.put("sha1_computed", v.sha1Computed());
        acq.put("verified", v.verified());
        acq.put("case_number", image.headerValue("c"));
        acq.put("examiner", image.headerValue("e"));
        acq.put("evidence_number", image.headerValue("n"));
        acq.put("description", image.headerValue("a"));
        acq.put("notes", image.headerValue("t"));
        Instant acquired = image.acquired();
        acq.put("acquired", acquired == null ? null : acquired.toString());
        acq.put("acquisition_software_version", image.headerValue("av"));
        acq.put("acquisition_platform", image.headerValue("ov"));
        acq.put("media_model", image.headerValue("md"));
        acq.put("media_serial", image.headerValue("sn"));
        acq.put("bad_chunks", v.badChunks());
        Map<String, Object> summary = summary("e01", 0, 0, acq);
        summary.put("media_size", image.mediaSize());
        summary.put("bytes_per_sector", image.bytesPerSector());
        summary.put("sectors", image.sectorCount());
        summary.put("segments", image.segmentCount());
        return new ParseResult(ItemKind.DEVICE, "device", summary, 0, warnings, List.of(), List.of());
    }

    private static Map<String, Object> summary(String format, long members, long bytes, Map<String, Object> acq) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", format);
        s.put("members", members);
        s.put("total_member_bytes", bytes);
        s.put("acquisition", acq);
        return s;
    }

    /**
     * The segments of the one EWF set in a folder, or null when the folder is not (only) that: every
     * entry must be a segment of the same set or a text sidecar, and the .E01 must carry the EWF signature.
     */
    static List<FolderEntry> ewfSet(List<FolderEntry> entries) throws IOException {
        List<FolderEntry> segments = new ArrayList<>();
        String base = null;
        boolean first = false;
        for (FolderEntry e : entries) {
            String name = e.path();
            if (EWF_SEGMENT.matcher(name).matches() && extension(name).startsWith("e")) {
                String b = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
                if (base != null && !base.equals(b)) {
                    return null;
                }
                base = b;
                segments.add(e);
                if (extension(name).equals("e01")) {
                    first = EwfImage.hasSignature(head(e.blob(), 8));
                }
            } else if (!SIDECAR_EXT.contains(extension(name))) {
                return null;
            }
        }
        return first ? segments : null;
    }

    static String extension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }
}
