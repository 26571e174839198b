package org.sakshi.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the structure of a ZIP byte by byte, both of its directories, so that the verifier sees
 * exactly what every extractor sees (docs/bundle-format.md#container, APPNOTE 6.3.10):
 * <ul>
 * <li>the end of central directory record (and its ZIP64 record and locator) ends the file, followed
 * only by the archive comment it declares, which holds no ZIP record signature;</li>
 * <li>the central directory fills exactly the bytes its end record declares, up to the end records;</li>
 * <li>the local records tile the file from offset 0 up to the central directory: each entry's local
 * header, its data and its data descriptor, with no gap (a hidden record, a self-extracting
 * preamble), no overlap and nothing after the last one;</li>
 * <li>each local header has the same name bytes, flags, method, CRC-32 and sizes as its central
 * record (or zeros for CRC and sizes when a data descriptor follows, which must then match);</li>
 * <li>only the extra fields of {@link #ALLOWED_EXTRA} appear; Info-ZIP Unicode Path (0x7075) and
 * Unicode Comment (0x6375) fields, which make extractors show another name, are refused;</li>
 * <li>a non-ASCII name has the UTF-8 flag (APPNOTE 4.4.4 bit 11) and is valid UTF-8;</li>
 * <li>no encryption, patched data or masked headers; one disk only; STORED entries carry no data
 * descriptor (streaming extractors cannot find their end); folder entries carry no data.</li>
 * </ul>
 * Every disagreement is a sentence naming the entry. Reading stops at the first damage that makes
 * the rest unreadable. The CRC-32 and the exact length of each entry's data are checked when the
 * data is read ({@link SafeZip}).
 */
final class ZipLayout {
    static final int LOC = 0x04034b50;
    static final int CEN = 0x02014b50;
    static final int END = 0x06054b50;
    static final int Z64_END = 0x06064b50;
    static final int Z64_LOC = 0x07064b50;
    static final int DESC = 0x08074b50;
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int MAX16 = 0xFFFF;
    /** Flags bundles may carry: deflate options (bits 1, 2), data descriptor (bit 3), UTF-8 names (bit 11). */
    private static final int ALLOWED_FLAGS = 0x080E;
    private static final int MAX_PROBLEMS = 100;

    /**
     * Extra fields that do not change which name, bytes or kind of file an extractor produces, and
     * that Sakshi's writer or common ZIP tools (Info-ZIP zip, 7-Zip, Windows, Java, Commons Compress)
     * write: ZIP64 sizes (0x0001, checked), NTFS times (0x000a), extended timestamp (0x5455), Info-ZIP
     * Unix UID/GID (0x7875, 0x7855) and old Unix times (0x5855), Java's JAR marker (0xcafe). Any other
     * field is refused, since an extractor could read it as a name, a link or a different size.
     */
    static final Map<Integer, String> ALLOWED_EXTRA = Map.of(0x0001, "ZIP64", 0x000a, "NTFS times",
            0x5455, "extended timestamp", 0x7875, "Info-ZIP Unix owner", 0x7855, "Info-ZIP Unix owner (old)",
            0x5855, "Info-ZIP Unix times (old)", 0xcafe, "JAR marker");

    /** One entry as both directories describe it, once they agree. */
    record Entry(String name, byte[] rawName, int flags, int method, long crc, long compressedSize, long size,
                 long localOffset, long dataOffset, int versionMadeBy, long externalAttributes, boolean sound) {
        boolean directory() {
            return name.endsWith("/");
        }
    }

    private final FileChannel ch;
    private final long fileSize;
    private final String fileName;
    /** target -> sentence, in the order found. */
    private final List<String[]> problems = new ArrayList<>();
    /** name -> entry (the first one with that name), for entries whose local record agrees. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean complete;

    private ZipLayout(FileChannel ch, String fileName) throws IOException {
        this.ch = ch;
        this.fileSize = ch.size();
        this.fileName = fileName;
    }

    /** Reads the layout of the ZIP on {@code ch}; {@code fileName} names the whole file in problems. */
    static ZipLayout read(FileChannel ch, String fileName, int maxEntries) throws IOException {
        ZipLayout l = new ZipLayout(ch, fileName);
        l.walk(maxEntries);
        return l;
    }

    /** (target, sentence) pairs; empty when the ZIP reads the same to every extractor. */
    List<String[]> problems() {
        return problems;
    }

    /** True when both directories could be read to their ends (each disagreement is then in {@link #problems}). */
    boolean complete() {
        return complete;
    }

    /** The entries whose local record agrees with their central record, in central directory order. */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry named {@code name} whose local record agrees with its central record, or null. */
    Entry entry(String name) {
        return entries.get(name);
    }

    private void problem(String target, String sentence) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new String[] {target, sentence});
        }
    }

    private ByteBuffer readAt(long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                return null;
            }
        }
        return b.flip();
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & MAX32;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & MAX16;
    }

    private void walk(int maxEntries) throws IOException {
        if (fileSize < 22) {
            problem(fileName, "The file is too short to be a ZIP.");
            return;
        }
        int tailLen = (int) Math.min(fileSize, 22 + 65535);
        long tailStart = fileSize - tailLen;
        ByteBuffer tail = readAt(tailStart, tailLen);
        if (tail == null) {
            problem(fileName, "The file could not be read to its end.");
            return;
        }
        long end = -1;
        long anyEnd = -1;
        for (int i = tailLen - 22; i >= 0; i--) {
            if (tail.getInt(i) == END) {
                if (anyEnd < 0) {
                    anyEnd = tailStart + i;
                }
                if (tailStart + i + 22 + u16(tail, i + 20) == fileSize) {
                    end = tailStart + i;
                    break;
                }
            }
        }
        if (end < 0) {
            if (anyEnd < 0) {
                problem(fileName, "The ZIP has no end of central directory record.");
                return;
            }
            long extra = fileSize - anyEnd - 22 - u16(readAt(anyEnd, 22), 20);
            problem(fileName, (extra > 0 ? extra + " bytes follow the ZIP's end record that its comment does not"
                    + " account for; data appended to a bundle is not part of it."
                    : "The ZIP's end record declares a comment longer than the file."));
            end = anyEnd;
        }
        ByteBuffer eocd = readAt(end, 22);
        int commentLen = u16(eocd, 20);
        if (commentLen > 0 && end + 22 + commentLen == fileSize) {
            ByteBuffer comment = readAt(end + 22, commentLen);
            if (comment == null || containsSignature(comment)) {
                problem(fileName, "The ZIP's comment contains ZIP record signatures, so tools could read a different"
                        + " archive from it.");
                return;
            }
        }
        long disk = u16(eocd, 4);
        long cdDisk = u16(eocd, 6);
        long onDisk = u16(eocd, 8);
        long total = u16(eocd, 10);
        long cdSize = u32(eocd, 12);
        long cdOffset = u32(eocd, 16);
        long cdEnd = end;
        if (end >= 20) {
            ByteBuffer loc = readAt(end - 20, 20);
            if (loc.getInt(0) == Z64_LOC) {
                long z64 = loc.getLong(8);
                if (loc.getInt(4) != 0 || (loc.getInt(16) & MAX32) > 1 || z64 < 0 || z64 > end - 20 - 56) {
                    problem(fileName, "The ZIP's ZIP64 locator points outside the file or to another disk.");
                    return;
                }
                ByteBuffer rec = readAt(z64, 56);
                long recSize = rec.getLong(4);
                if (rec.getInt(0) != Z64_END || recSize < 44 || z64 + 12 + recSize != end - 20) {
                    problem(fileName, "The ZIP's ZIP64 end record is damaged or does not lie just before its"
                            + " locator.");
                    return;
                }
                long[] z = {rec.getInt(16) & MAX32, rec.getInt(20) & MAX32, rec.getLong(24), rec.getLong(32),
                        rec.getLong(40), rec.getLong(48)};
                long[] e = {disk, cdDisk, onDisk, total, cdSize, cdOffset};
                long[] sentinel = {MAX16, MAX16, MAX16, MAX16, MAX32, MAX32};
                for (int i = 0; i < z.length; i++) {
                    if (e[i] != sentinel[i] && e[i] != z[i]) {
                        problem(fileName, "The ZIP's end record and its ZIP64 end record disagree about the central"
                                + " directory; extractors would read different entries.");
                        return;
                    }
                }
                disk = z[0];
                cdDisk = z[1];
                onDisk = z[2];
                total = z[3];
                cdSize = z[4];
                cdOffset = z[5];
                cdEnd = z64;
            }
        }
        if (disk != 0 || cdDisk != 0 || onDisk != total) {
            problem(fileName, "The ZIP is split over several disks; a bundle is one file.");
            return;
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != cdEnd) {
            problem(fileName, cdOffset >= 0 && cdSize >= 0 && cdOffset + cdSize < cdEnd
                    ? (cdEnd - cdOffset - cdSize) + " bytes between the central directory and the end record are not"
                    + " part of the ZIP's structure."
                    : "The central directory the end record declares does not fit before the end record.");
            return;
        }
        if (total > maxEntries) {
            return; // SafeZip reports the count
        }
        List<Entry> central = central(cdOffset, cdSize, total);
        if (central == null) {
            return;
        }
        locals(central, cdOffset);
    }

    private static boolean containsSignature(ByteBuffer b) {
        for (int i = 0; i + 4 <= b.limit(); i++) {
            int s = b.getInt(i);
            if (s == END || s == CEN || s == LOC || s == Z64_END || s == Z64_LOC) {
                return true;
            }
        }
        return false;
    }

    /** Parses the central directory; null when it cannot be read on. */
    private List<Entry> central(long cdOffset, long cdSize, long total) throws IOException {
        List<Entry> out = new ArrayList<>();
        long pos = cdOffset;
        long cdEnd = cdOffset + cdSize;
        for (long i = 0; i < total; i++) {
            ByteBuffer h = pos + 46 <= cdEnd ? readAt(pos, 46) : null;
            if (h == null || h.getInt(0) != CEN) {
                problem(fileName, "The central directory declares " + total + " entries but record " + (i + 1)
                        + " is missing or damaged.");
                return null;
            }
            int nameLen = u16(h, 28);
            int extraLen = u16(h, 30);
            int commentLen = u16(h, 32);
            long next = pos + 46 + nameLen + extraLen + commentLen;
            if (next > cdEnd) {
                problem(fileName, "The central directory record " + (i + 1) + " runs past the central directory.");
                return null;
            }
            ByteBuffer var = readAt(pos + 46, nameLen + extraLen + commentLen);
            byte[] rawName = new byte[nameLen];
            var.get(0, rawName);
            int flags = u16(h, 8);
            String name = name(rawName, flags);
            long[] v = {u32(h, 24), u32(h, 20), u32(h, 42), u16(h, 34)};
            boolean sound = extras(name, var.slice(nameLen, extraLen).order(ByteOrder.LITTLE_ENDIAN), v, true);
            Entry e = new Entry(name, rawName, flags, u16(h, 10), u32(h, 16), v[1], v[0], v[2], -1, u16(h, 4),
                    u32(h, 38), sound);
            if (sound && v[3] != 0) {
                problem(name, "The entry '" + name + "' starts on another disk; a bundle is one file.");
                sound = false;
            }
            if (sound && !checkEntry(e)) {
                sound = false;
            }
            if (v[2] < 0 || v[2] >= cdOffset) {
                problem(name, "The central record of '" + name + "' points outside the entries' part of the file.");
                pos = next;
                continue;
            }
            out.add(sound ? e : new Entry(name, rawName, flags, e.method(), e.crc(), e.compressedSize(), e.size(),
                    v[2], -1, e.versionMadeBy(), e.externalAttributes(), false));
            pos = next;
        }
        if (pos != cdEnd) {
            problem(fileName, "The central directory holds " + (cdEnd - pos) + " bytes after its " + total
                    + " declared entries; a reader could find hidden entries there.");
            return null;
        }
        return out;
    }

    /** The name as extractors decode it; records a problem when they would not agree. */
    private String name(byte[] raw, int flags) {
        boolean ascii = true;
        for (byte b : raw) {
            ascii &= b >= 0;
        }
        if (ascii) {
            return new String(raw, StandardCharsets.US_ASCII);
        }
        String lossy = new String(raw, StandardCharsets.UTF_8);
        if ((flags & 0x0800) == 0) {
            problem(lossy, "The entry '" + lossy + "' has a non-ASCII name without the ZIP UTF-8 flag, so extractors"
                    + " would show it under different names.");
            return lossy;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            problem(lossy, "The entry '" + lossy + "' has a name that is not valid UTF-8 although its UTF-8 flag is"
                    + " set, so extractors would show it under different names.");
            return lossy;
        }
    }

    private boolean checkEntry(Entry e) {
        String n = e.name();
        int bad = e.flags() & ~ALLOWED_FLAGS;
        if ((e.flags() & 1) != 0) {
            problem(n, "The entry '" + n + "' is encrypted; bundles are never encrypted.");
            return false;
        }
        if (bad != 0) {
            problem(n, "The entry '" + n + "' sets ZIP flags 0x" + Integer.toHexString(bad) + " (strong encryption,"
                    + " patched data or masked headers) that bundles never use.");
            return false;
        }
        if (e.method() == 0 && (e.flags() & 8) != 0) {
            problem(n, "The STORED entry '" + n + "' is followed by a data descriptor, so streaming extractors cannot"
                    + " tell where its data ends.");
            return false;
        }
        if (e.method() == 0 && e.compressedSize() != e.size()) {
            problem(n, "The STORED entry '" + n + "' declares " + e.size() + " bytes but occupies "
                    + e.compressedSize() + " in the ZIP.");
            return false;
        }
        boolean dosDir = (e.externalAttributes() & 0x10) != 0;
        boolean unixDir = (e.versionMadeBy() >> 8) == 3 && ((e.externalAttributes() >>> 16) & 0170000) == 0040000;
        if (e.directory()) {
            // Java's ZipOutputStream writes a folder as an empty deflate stream (2 bytes, nothing inflated)
            boolean empty = e.size() == 0 && e.crc() == 0 && (e.compressedSize() == 0
                    || e.method() == 8 && e.compressedSize() == 2);
            if (!empty) {
                problem(n, "The folder entry '" + n + "' carries " + e.compressedSize() + " bytes of data; a folder"
                        + " holds none.");
                return false;
            }
        } else if (dosDir || unixDir) {
            problem(n, "The entry '" + n + "' is named as a file but marked as a folder in its attributes, so some"
                    + " extractors create a folder and others a file.");
            return false;
        }
        return true;
    }

    /**
     * Checks an extra-field block against the allow-list and resolves ZIP64 values into
     * {@code v} = {size, compressed size, local offset, disk} (central) or {size, compressed size}
     * (local). False when the entry must not be read.
     */
    private boolean extras(String name, ByteBuffer x, long[] v, boolean central) {
        String where = central ? "central directory record" : "local header";
        int p = 0;
        boolean zip64Seen = false;
        while (p < x.limit()) {
            if (p + 4 > x.limit()) {
                problem(name, "The " + where + " of '" + name + "' ends with a truncated extra field.");
                return false;
            }
            int id = u16(x, p);
            int len = u16(x, p + 2);
            if (p + 4 + len > x.limit()) {
                problem(name, "An extra field in the " + where + " of '" + name + "' runs past its end.");
                return false;
            }
            if (id == 0x7075 || id == 0x6375) {
                String what = id == 0x7075 ? "Unicode Path" : "Unicode Comment";
                problem(name, "The " + where + " of '" + name + "' carries an Info-ZIP " + what + " extra field (0x"
                        + String.format("%04x", id) + "), with which some extractors show another "
                        + (id == 0x7075 ? "name" : "comment") + "; bundles never carry it.");
                return false;
            }
            if (!ALLOWED_EXTRA.containsKey(id)) {
                problem(name, "The " + where + " of '" + name + "' carries an unknown extra field (0x"
                        + String.format("%04x", id) + ") that an extractor could read as another name, link or size.");
                return false;
            }
            if (id == 0x0001) {
                if (zip64Seen) {
                    problem(name, "The " + where + " of '" + name + "' carries two ZIP64 extra fields.");
                    return false;
                }
                zip64Seen = true;
                int q = p + 4;
                int stop = p + 4 + len;
                long[] sentinel = {MAX32, MAX32, MAX32, MAX16};
                int fields = central ? 4 : 2;
                for (int i = 0; i < fields; i++) {
                    if (v[i] != sentinel[i]) {
                        continue;
                    }
                    int w = i == 3 ? 4 : 8;
                    if (q + w > stop) {
                        problem(name, "The ZIP64 extra field in the " + where + " of '" + name + "' lacks a value its"
                                + " header defers to it.");
                        return false;
                    }
                    v[i] = w == 8 ? x.getLong(q) : x.getInt(q) & MAX32;
                    if (v[i] < 0) {
                        problem(name, "The ZIP64 extra field in the " + where + " of '" + name + "' declares an"
                                + " impossible size.");
                        return false;
                    }
                    q += w;
                }
            }
            if (id == 0xcafe && len != 0) {
                problem(name, "The JAR marker field of '" + name + "' carries data.");
                return false;
            }
            p += 4 + len;
        }
        for (int i = 0; i < (central ? 3 : 2); i++) {
            if (v[i] == MAX32 && !zip64Seen && central) {
                problem(name, "The " + where + " of '" + name + "' defers a size or offset to a ZIP64 field it does"
                        + " not have.");
                return false;
            }
        }
        return true;
    }

    /** Walks the local records in file order; they must tile [0, cdOffset). */
    private void locals(List<Entry> central, long cdOffset) throws IOException {
        List<Entry> byOffset = new ArrayList<>(central);
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        long pos = 0;
        for (Entry c : byOffset) {
            String n = c.name();
            long at = c.localOffset();
            if (at > pos) {
                String hidden = hiddenName(pos);
                problem(n, (at - pos) + " bytes before the entry '" + n + "' belong to no entry of the central"
                        + " directory (" + (pos == 0 && hidden == null ? "a self-extracting preamble or prepended data"
                        : "a hidden record" + (hidden == null ? "" : hidden))
                        + "); extractors that read the local headers would see them.");
            } else if (at < pos) {
                problem(n, "The entry '" + n + "' overlaps the entry before it in the file; two entries share bytes.");
                continue;
            }
            ByteBuffer h = at + 30 <= cdOffset ? readAt(at, 30) : null;
            if (h == null || h.getInt(0) != LOC) {
                problem(n, "The entry '" + n + "' has no local header where the central directory points.");
                return;
            }
            int nameLen = u16(h, 26);
            int extraLen = u16(h, 28);
            long dataOffset = at + 30 + nameLen + extraLen;
            if (dataOffset > cdOffset) {
                problem(n, "The local header of '" + n + "' runs into the central directory.");
                return;
            }
            ByteBuffer var = readAt(at + 30, nameLen + extraLen);
            byte[] rawName = new byte[nameLen];
            var.get(0, rawName);
            pos = dataOffset + c.compressedSize();
            if (c.compressedSize() > cdOffset - dataOffset) {
                problem(n, "The data of '" + n + "' runs into the central directory.");
                return;
            }
            String localName = new String(rawName, StandardCharsets.UTF_8);
            if (!java.util.Arrays.equals(rawName, c.rawName())) {
                problem(n, "The entry '" + n + "' is named '" + localName + "' in its local header; extractors that"
                        + " read local headers would write it under that name.");
                continue;
            }
            int flags = u16(h, 6);
            int method = u16(h, 8);
            if (flags != c.flags() || method != c.method()) {
                problem(n, "The local header of '" + n + "' declares "
                        + (method != c.method() ? "method " + method + " but its central record method " + c.method()
                        : "flags 0x" + Integer.toHexString(flags) + " but its central record flags 0x"
                        + Integer.toHexString(c.flags())) + "; extractors would decode it differently.");
                continue;
            }
            long[] v = {u32(h, 22), u32(h, 18)};
            if (!extras(n, var.slice(nameLen, extraLen).order(ByteOrder.LITTLE_ENDIAN), v, false)) {
                continue;
            }
            boolean localZip64 = hasZip64(var.slice(nameLen, extraLen).order(ByteOrder.LITTLE_ENDIAN));
            long crc = u32(h, 14);
            boolean descriptor = (flags & 8) != 0;
            boolean zeros = crc == 0 && v[0] == 0 && v[1] == 0;
            if (!(descriptor && zeros) && (crc != c.crc() || v[0] != c.size() || v[1] != c.compressedSize())) {
                problem(n, "The local header of '" + n + "' records CRC-32 " + hex(crc) + " and sizes " + v[0] + "/"
                        + v[1] + " but its central record " + hex(c.crc()) + " and " + c.size() + "/"
                        + c.compressedSize() + "; extractors would read different data.");
                continue;
            }
            if (descriptor) {
                long after = descriptor(c, pos, cdOffset, localZip64);
                if (after < 0) {
                    continue;
                }
                pos = after;
            }
            if (c.sound()) {
                entries.putIfAbsent(n, new Entry(n, c.rawName(), c.flags(), c.method(), c.crc(), c.compressedSize(),
                        c.size(), at, dataOffset, c.versionMadeBy(), c.externalAttributes(), true));
            }
        }
        complete = true;
        if (pos < cdOffset) {
            String hidden = hiddenName(pos);
            problem(hidden == null ? fileName : hidden.substring(8, hidden.length() - 1), (cdOffset - pos)
                    + " bytes between the last entry and the central directory belong to no entry (a hidden record"
                    + (hidden == null ? "" : hidden) + "); extractors that read the local headers would see them.");
        }
    }

    /** " named 'x'" when a local header starts at {@code pos}, else null. */
    private String hiddenName(long pos) throws IOException {
        ByteBuffer h = pos + 30 <= fileSize ? readAt(pos, 30) : null;
        if (h == null || h.getInt(0) != LOC) {
            return null;
        }
        int len = Math.min(u16(h, 26), 512);
        ByteBuffer n = pos + 30 + len <= fileSize ? readAt(pos + 30, len) : null;
        return n == null ? null : " named '" + StandardCharsets.UTF_8.decode(n) + "'";
    }

    private static String hex(long v) {
        return String.format("%08x", v);
    }

    private static boolean hasZip64(ByteBuffer x) {
        int p = 0;
        while (p + 4 <= x.limit()) {
            if (u16(x, p) == 0x0001) {
                return true;
            }
            p += 4 + u16(x, p + 2);
        }
        return false;
    }

    /** Checks the data descriptor after {@code c}'s data at {@code at}; returns where it ends, or -1. */
    private long descriptor(Entry c, long at, long cdOffset, boolean zip64) throws IOException {
        String n = c.name();
        int avail = (int) Math.min(24, cdOffset - at);
        ByteBuffer d = avail >= 12 ? readAt(at, avail) : null;
        int width = zip64 ? 8 : 4;
        int off = d != null && d.getInt(0) == DESC ? 4 : 0;
        int len = off + 4 + 2 * width;
        if (d == null || len > avail) {
            problem(n, "The data descriptor of '" + n + "' is missing.");
            return -1;
        }
        long crc = d.getInt(off) & MAX32;
        long csize = width == 8 ? d.getLong(off + 4) : d.getInt(off + 4) & MAX32;
        long size = width == 8 ? d.getLong(off + 4 + width) : d.getInt(off + 4 + width) & MAX32;
        if (crc != c.crc() || csize != c.compressedSize() || size != c.size()) {
            problem(n, "The data descriptor of '" + n + "' records CRC-32 " + hex(crc) + " and sizes " + size + "/"
                    + csize + " but its central record " + hex(c.crc()) + " and " + c.size() + "/"
                    + c.compressedSize() + "; extractors would read different data.");
            return -1;
        }
        return at + len;
    }

}
