package org.sakshi.ingest.device.ewf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;

/**
 * An EWF v1 image made of one or more segment files, opened for reading its metadata and
 * verifying its media. Opening walks the section descriptor chain of every segment (cheap: a few
 * reads per segment); {@link #verify} then inflates every chunk once, table by table, so memory
 * stays flat whatever the media size.
 *
 * <p>Layout (EWF specification, "Segment file" and "The sections"): a 13-byte file header
 * {@code "EVF\x09\x0d\x0a\xff\x00"}, 0x01, segment number (uint16 LE), 0x0000; then sections, each
 * starting with a 76-byte descriptor: type (16 bytes, NUL padded), next section offset (uint64,
 * from the start of the segment file), section size (uint64), 40 bytes padding, Adler-32 of the
 * preceding 72 bytes. The chain ends at a {@code next} (more segments follow) or {@code done}
 * section, whose next offset points to itself.
 */
public final class EwfImage {
    static final byte[] SIGNATURE = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};
    private static final int FILE_HEADER = 13;
    private static final int DESCRIPTOR = 76;
    private static final int TABLE_HEADER = 24;
    private static final long MAX_HEADER_BYTES = 16L << 20;

    /** One section as found in a segment file. */
    record Section(String type, long offset, long size, long next) {
        long dataOffset() {
            return offset + DESCRIPTOR;
        }
    }

    /** One table section with the bounds of the sectors section its chunks live in. */
    record Table(Segment segment, long offset, int entries, long baseOffset, long chunksEnd) {
    }

    /** One segment file. */
    record Segment(int number, Path path, long size) {
    }

    private final List<Segment> segments;
    private final Map<String, String> header;
    private final long bytesPerSector;
    private final long sectorCount;
    private final long sectorsPerChunk;
    private final long chunkCount;
    private final String md5Stored;
    private final String sha1Stored;
    private final boolean complete;
    private final List<Table> tables;
    private final List<String> warnings;

    private EwfImage(List<Segment> segments, Map<String, String> header, long bytesPerSector, long sectorCount,
                     long sectorsPerChunk, long chunkCount, String md5Stored, String sha1Stored, boolean complete,
                     List<Table> tables, List<String> warnings) {
        this.segments = List.copyOf(segments);
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.bytesPerSector = bytesPerSector;
        this.sectorCount = sectorCount;
        this.sectorsPerChunk = sectorsPerChunk;
        this.chunkCount = chunkCount;
        this.md5Stored = md5Stored;
        this.sha1Stored = sha1Stored;
        this.complete = complete;
        this.tables = List.copyOf(tables);
        this.warnings = List.copyOf(warnings);
    }

    /** True when the file starts with the EWF v1 (E01/S01) signature. */
    public static boolean hasSignature(byte[] head) {
        if (head.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the segment files of one image, in any order (they are ordered by the segment number
     * in their file header, not by name). Structural problems become {@link #warnings()}.
     *
     * @throws EwfFormatException when no file is an EWF v1 segment file
     * @throws IOException        when a file cannot be read at all
     */
    public static EwfImage open(List<Path> files) throws IOException, EwfFormatException {
        List<String> warnings = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (Path p : files) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ByteBuffer b = readAt(ch, 0, FILE_HEADER);
                byte[] head = new byte[b.remaining()];
                b.get(head);
                if (head.length < FILE_HEADER || !hasSignature(head)) {
                    warnings.add(p.getFileName() + " is not an EWF segment file (no EVF signature); it was ignored");
                    continue;
                }
                int number = ((head[10] & 0xff) << 8) | (head[9] & 0xff);
                segments.add(new Segment(number, p, ch.size()));
            }
        }
        if (segments.isEmpty()) {
            throw new EwfFormatException("no EWF v1 segment file found (the EVF signature is missing)");
        }
        segments.sort(Comparator.comparingInt(Segment::number));
        for (int i = 0; i < segments.size(); i++) {
            int expected = i + 1;
            if (segments.get(i).number() != expected) {
                warnings.add(i > 0 && segments.get(i).number() == segments.get(i - 1).number()
                        ? "two files claim segment number " + segments.get(i).number()
                        : "segment " + expected + " is missing (found segment " + segments.get(i).number() + ")");
                break;
            }
        }

        Map<String, String> header2 = null;
        Map<String, String> header1 = null;
        long bps = 0;
        long sectors = 0;
        long spc = 0;
        long chunks = 0;
        String md5 = null;
        String sha1 = null;
        boolean done = false;
        List<Table> tables = new ArrayList<>();
        for (Segment seg : segments) {
            boolean sawNext = false;
            try (FileChannel ch = FileChannel.open(seg.path(), StandardOpenOption.READ)) {
                List<Section> sections = walk(ch, seg, warnings);
                long sectorsEnd = -1;
                boolean lastTableUsable = false;
                for (Section s : sections) {
                    switch (s.type()) {
                        case "header2" -> {
                            if (header2 == null) {
                                header2 = parseHeader(inflateSection(ch, s, seg, warnings), true, seg, warnings);
                            }
                        }
                        case "header" -> {
                            if (header1 == null) {
                                header1 = parseHeader(inflateSection(ch, s, seg, warnings), false, seg, warnings);
                            }
                        }
                        case "volume", "disk", "data" -> {
                            if (bps == 0) {
                                ByteBuffer v = readAt(ch, s.dataOffset(), 24);
                                if (v.remaining() >= 24) {
                                    chunks = Integer.toUnsignedLong(v.getInt(4));
                                    spc = Integer.toUnsignedLong(v.getInt(8));
                                    bps = Integer.toUnsignedLong(v.getInt(12));
                                    // SMART (EWF-S01) volumes store a 32-bit sector count in a 94-byte section.
                                    sectors = s.size() - DESCRIPTOR < 1052 ? Integer.toUnsignedLong(v.getInt(16))
                                            : v.getLong(16);
                                }
                            }
                        }
                        case "sectors" -> sectorsEnd = Math.min(s.offset() + s.size(), seg.size());
                        case "table" -> {
                            Table t = readTable(ch, seg, s, sectorsEnd, warnings);
                            lastTableUsable = t != null;
                            if (t != null) {
                                tables.add(t);
                            }
                        }
                        case "table2" -> {
                            // A mirror of the preceding table (EWF spec, "Table2 section"); used only
                            // when that table is damaged.
                            if (!lastTableUsable) {
                                Table t = readTable(ch, seg, s, sectorsEnd, warnings);
                                if (t != null) {
                                    tables.add(t);
                                    warnings.add("the table in segment " + seg.number()
                                            + " is damaged; its table2 copy was used");
                                }
                            }
                            lastTableUsable = true;
                        }
                        case "hash" -> {
                            ByteBuffer h = readAt(ch, s.dataOffset(), 16);
                            if (h.remaining() == 16) {
                                md5 = nonZeroHex(h, 16);
                            }
                        }
                        case "digest" -> {
                            ByteBuffer h = readAt(ch, s.dataOffset(), 36);
                            if (h.remaining() == 36) {
                                String m = nonZeroHex(h.slice(0, 16), 16);
                                String s1 = nonZeroHex(h.slice(16, 20), 20);
                                if (m != null) {
                                    md5 = m;
                                }
                                if (s1 != null) {
                                    sha1 = s1;
                                }
                            }
                        }
                        case "done" -> done = true;
                        case "next" -> sawNext = true;
                        default -> {
                            // error2, session, ltree, ltypes, map, incomplete, xheader ...: not needed to verify.
                        }
                    }
                }
            }
            if (!done && !sawNext) {
                warnings.add("segment " + seg.number() + " (" + seg.path().getFileName()
                        + ") ends without a next or done section: it is truncated");
            }
        }
        if (!done) {
            warnings.add("no done section was found: the last segment present (" + segments.get(segments.size() - 1)
                    .number() + ") is not the end of the image; later segments are missing or it is truncated");
        }
        if (bps == 0 || spc == 0) {
            warnings.add("no volume section was found: the media size is unknown and the media cannot be verified");
        }
        Map<String, String> header = header2 != null ? header2 : header1 != null ? header1 : Map.of();
        long tableChunks = tables.stream().mapToLong(Table::entries).sum();
        boolean complete = bps > 0 && spc > 0 && tableChunks >= chunks && chunks > 0;
        if (bps > 0 && tableChunks < chunks) {
            warnings.add("the chunk tables found cover " + tableChunks + " of " + chunks
                    + " chunks: part of the media is missing");
        }
        if (tableChunks > chunks && chunks > 0) {
            warnings.add("the chunk tables list " + tableChunks + " chunks but the volume section says " + chunks
                    + "; only the first " + chunks + " are read");
        }
        return new EwfImage(segments, header, bps, sectors, spc, chunks, md5, sha1, complete, tables, warnings);
    }

    /** Walks the section descriptor chain of one segment, stopping at done/next or at damage. */
    private static List<Section> walk(FileChannel ch, Segment seg, List<String> warnings) throws IOException {
        List<Section> out = new ArrayList<>();
        long off = FILE_HEADER;
        long size = ch.size();
        Adler32 adler = new Adler32();
        while (true) {
            ByteBuffer d = readAt(ch, off, DESCRIPTOR);
            if (d.remaining() < DESCRIPTOR) {
                warnings.add("segment " + seg.number() + " (" + seg.path().getFileName() + ") is truncated at byte "
                        + off + " (a section descriptor is cut off)");
                return out;
            }
            byte[] raw = new byte[DESCRIPTOR];
            d.get(0, raw);
            adler.reset();
            adler.update(raw, 0, 72);
            if ((int) adler.getValue() != d.getInt(72)) {
                warnings.add("the section descriptor at byte " + off + " of segment " + seg.number()
                        + " fails its Adler-32 checksum; the rest of that segment was not read");
                return out;
            }
            int n = 0;
            while (n < 16 && raw[n] != 0) {
                n++;
            }
            String type = new String(raw, 0, n, StandardCharsets.US_ASCII);
            long next = d.getLong(16);
            long secSize = d.getLong(24);
            out.add(new Section(type, off, secSize, next));
            if (type.equals("done") || type.equals("next")) {
                return out;
            }
            if (next <= off || next > size) {
                if (next > size) {
                    warnings.add("segment " + seg.number() + " (" + seg.path().getFileName() + ") is truncated: the "
                            + type + " section at byte " + off + " points past the end of the file");
                } else {
                    warnings.add("the " + type + " section at byte " + off + " of segment " + seg.number()
                            + " has an impossible next offset; the rest of that segment was not read");
                }
                return out;
            }
            off = next;
        }
    }

    private static Table readTable(FileChannel ch, Segment seg, Section s, long sectorsEnd, List<String> warnings)
            throws IOException {
        ByteBuffer h = readAt(ch, s.dataOffset(), TABLE_HEADER);
        if (h.remaining() < TABLE_HEADER) {
            warnings.add("the table at byte " + s.offset() + " of segment " + seg.number() + " is cut off");
            return null;
        }
        Adler32 adler = new Adler32();
        byte[] raw = new byte[20];
        h.get(0, raw);
        adler.update(raw);
        if ((int) adler.getValue() != h.getInt(20)) {
            warnings.add("the table header at byte " + s.offset() + " of segment " + seg.number()
                    + " fails its Adler-32 checksum");
            return null;
        }
        long entries = Integer.toUnsignedLong(h.getInt(0));
        // EnCase 6 table header: entry count, 4 bytes padding, base offset (uint64), 4 bytes padding, checksum.
        long base = h.getLong(8);
        long entriesEnd = s.dataOffset() + TABLE_HEADER + entries * 4;
        if (entries == 0 || entriesEnd > ch.size()) {
            warnings.add("the table at byte " + s.offset() + " of segment " + seg.number()
                    + (entries == 0 ? " is empty" : " is cut off"));
            return null;
        }
        // Chunks live in the preceding sectors section (EnCase 2 and later); in EnCase 1 and SMART
        // files they follow the entries inside the table section itself.
        long end = sectorsEnd > 0 ? sectorsEnd : Math.min(s.offset() + s.size(), ch.size());
        if (seg.size() > (1L << 31) - 1) {
            warnings.add("segment " + seg.number() + " is larger than 2 GiB; chunk offsets beyond 2 GiB "
                    + "(EnCase 6.7 extension) are not supported and will fail verification");
        }
        return new Table(seg, s.offset(), (int) entries, base, end);
    }

    private static byte[] inflateSection(FileChannel ch, Section s, Segment seg, List<String> warnings)
            throws IOException {
        long len = Math.min(s.size() - DESCRIPTOR, MAX_HEADER_BYTES);
        if (len <= 0) {
            return new byte[0];
        }
        ByteBuffer b = readAt(ch, s.dataOffset(), (int) len);
        byte[] in = new byte[b.remaining()];
        b.get(in);
        Inflater inf = new Inflater();
        try {
            inf.setInput(in);
            byte[] out = new byte[Math.max(1024, in.length * 4)];
            int n = 0;
            while (!inf.finished()) {
                if (n == out.length) {
                    if (out.length >= MAX_HEADER_BYTES) {
                        break;
                    }
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                int r = inf.inflate(out, n, out.length - n);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += r;
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            warnings.add("the " + s.type() + " section of segment " + seg.number() + " cannot be inflated ("
                    + e.getMessage() + "); its case metadata is unavailable");
            return new byte[0];
        } finally {
            inf.end();
        }
    }

    /**
     * Parses the header text: category count, "main", a line of tab-separated identifiers and a
     * line of tab-separated values (EWF spec, "Header2 section"; header uses CR LF and a single-byte
     * code page, header2 UTF-16 with a byte order mark).
     */
    static Map<String, String> parseHeader(byte[] text, boolean utf16, Segment seg, List<String> warnings) {
        if (text.length == 0) {
            return null;
        }
        String s;
        if (utf16) {
            Charset cs = StandardCharsets.UTF_16LE;
            int skip = 0;
            if (text.length >= 2 && (text[0] & 0xff) == 0xfe && (text[1] & 0xff) == 0xff) {
                cs = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (text.length >= 2 && (text[0] & 0xff) == 0xff && (text[1] & 0xff) == 0xfe) {
                skip = 2;
            }
            s = new String(text, skip, text.length - skip, cs);
        } else {
            s = new String(text, Charset.forName("windows-1252"));
        }
        String[] lines = s.replace("\r", "").split("\n", -1);
        for (int i = 0; i + 2 < lines.length; i++) {
            if (lines[i].equals("main")) {
                String[] keys = lines[i + 1].split("\t", -1);
                String[] values = lines[i + 2].split("\t", -1);
                Map<String, String> m = new HashMap<>();
                for (int k = 0; k < keys.length; k++) {
                    m.put(keys[k], k < values.length ? values[k] : "");
                }
                return m;
            }
        }
        warnings.add("the " + (utf16 ? "header2" : "header") + " section of segment " + seg.number()
                + " has no main category; its case metadata is unavailable");
        return null;
    }

    private static String nonZeroHex(ByteBuffer b, int len) {
        byte[] v = new byte[len];
        b.get(0, v);
        for (byte x : v) {
            if (x != 0) {
                return HexFormat.of().formatHex(v);
            }
        }
        return null;
    }

    /** Reads up to len bytes at pos; fewer when the file ends first. Little-endian buffer. */
    static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }

    /** Header values by their EWF identifier (c, n, a, e, t, m, u, av, ov, md, sn ...). */
    public Map<String, String> headerValues() {
        return header;
    }

    /** A header value, or null when absent or empty. */
    public String headerValue(String id) {
        String v = header.get(id);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * The acquisition date: header2 stores it as Unix seconds; the older header section as
     * "yyyy M d H m s" in the acquiring machine's unknown local time, returned as null here.
     */
    public Instant acquired() {
        String m = headerValue("m");
        if (m != null && m.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(m));
        }
        return null;
    }

    public long bytesPerSector() {
        return bytesPerSector;
    }

    public long sectorCount() {
        return sectorCount;
    }

    public long sectorsPerChunk() {
        return sectorsPerChunk;
    }

    public long chunkCount() {
        return chunkCount;
    }

    public long mediaSize() {
        return bytesPerSector * sectorCount;
    }

    public int segmentCount() {
        return segments.size();
    }

    /** MD5 of the media stored at acquisition (digest or hash section), lower-case hex, or null. */
    public String md5Stored() {
        return md5Stored;
    }

    /** SHA-1 of the media stored at acquisition (digest section), or null. */
    public String sha1Stored() {
        return sha1Stored;
    }

    /** True when chunk tables for the whole media were found. */
    public boolean complete() {
        return complete;
    }

    /** Structural problems found while opening. */
    public List<String> warnings() {
        return warnings;
    }

    List<Table> tables() {
        return tables;
    }

    /**
     * Re-reads the whole media, inflating every chunk, and compares MD5 and SHA-1 with the stored
     * hashes. The two digests run on their own threads, fed in order by this thread.
     */
    public EwfVerification verify(CancelFlag cancel) throws IOException, CancelledException {
        return new EwfVerifier(this).run(cancel == null ? new CancelFlag() : cancel);
    }
}
