package org.sakshi.ingest.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the partition table of a raw disk image (MBR, and GPT behind a protective MBR) or, when
 * there is none, names the file system that starts at byte 0. Only the first sectors are read.
 * Layouts: MBR partition entries at byte 446, signature 0x55AA at 510; GPT header "EFI PART" at
 * LBA 1 with the entry array location, count and entry size (UEFI 2.10 §5.3.2); 512-byte
 * logical sectors are assumed, then 4096 when no GPT header is found at 512.
 */
final class RawImageInspector {
    private static final int MAX_GPT_ENTRIES = 256;

    private RawImageInspector() {
    }

    static Map<String, Object> inspect(Path file, List<String> warnings) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer mbr = read(ch, 0, 512);
            List<Map<String, Object>> parts = new ArrayList<>();
            String scheme = "none";
            if (mbr.remaining() == 512 && (mbr.getShort(510) & 0xffff) == 0xaa55 && plausibleMbr(mbr)) {
                boolean protective = false;
                for (int i = 0; i < 4; i++) {
                    int e = 446 + i * 16;
                    int type = mbr.get(e + 4) & 0xff;
                    long start = Integer.toUnsignedLong(mbr.getInt(e + 8));
                    long count = Integer.toUnsignedLong(mbr.getInt(e + 12));
                    if (type == 0xee) {
                        protective = true;
                    }
                    if (type != 0 && count != 0) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("index", i + 1);
                        p.put("type", String.format(Locale.ROOT, "0x%02x", type));
                        p.put("bootable", (mbr.get(e) & 0x80) != 0);
                        p.put("start_lba", start);
                        p.put("sectors", count);
                        parts.add(p);
                    }
                }
                scheme = "mbr";
                if (protective) {
                    List<Map<String, Object>> gpt = readGpt(ch, 512, warnings);
                    if (gpt == null) {
                        gpt = readGpt(ch, 4096, warnings);
                    }
                    if (gpt != null) {
                        scheme = "gpt";
                        parts = gpt;
                    } else {
                        warnings.add("a protective MBR announces a GPT, but no valid GPT header was found");
                    }
                }
            }
            out.put("scheme", scheme);
            out.put("partitions", parts);
            if (scheme.equals("none")) {
                String fs = fileSystem(ch);
                out.put("filesystem", fs);
            }
        }
        return out;
    }

    /** Partition entries have status 0x00 or 0x80; a boot sector of a bare FAT volume usually fails this. */
    private static boolean plausibleMbr(ByteBuffer mbr) {
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            int status = mbr.get(446 + i * 16) & 0xff;
            if (status != 0 && status != 0x80) {
                return false;
            }
            any |= (mbr.get(446 + i * 16 + 4) & 0xff) != 0;
        }
        return any;
    }

    private static List<Map<String, Object>> readGpt(FileChannel ch, int sector, List<String> warnings)
            throws IOException {
        ByteBuffer h = read(ch, sector, 92);
        if (h.remaining() < 92) {
            return null;
        }
        byte[] sig = new byte[8];
        h.get(0, sig);
        if (!new String(sig, StandardCharsets.US_ASCII).equals("EFI PART")) {
            return null;
        }
        long entriesLba = h.getLong(72);
        long count = Integer.toUnsignedLong(h.getInt(80));
        long size = Integer.toUnsignedLong(h.getInt(84));
        if (size < 128 || size > 4096) {
            warnings.add("the GPT header gives an impossible partition entry size " + size);
            return List.of();
        }
        if (count > MAX_GPT_ENTRIES) {
            warnings.add("the GPT announces " + count + " partition entries; only the first " + MAX_GPT_ENTRIES
                    + " were read");
            count = MAX_GPT_ENTRIES;
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        ByteBuffer all = read(ch, entriesLba * sector, (int) (count * size));
        for (int i = 0; i < count && (i + 1) * size <= all.remaining(); i++) {
            int e = (int) (i * size);
            long hi = all.getLong(e);
            long lo = all.getLong(e + 8);
            if (hi == 0 && lo == 0) {
                continue;
            }
            long first = all.getLong(e + 32);
            long last = all.getLong(e + 40);
            byte[] nameBytes = new byte[72];
            all.get(e + 56, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_16LE);
            int nul = name.indexOf('\0');
            name = nul >= 0 ? name.substring(0, nul) : name;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("index", i + 1);
            p.put("type", guid(all, e));
            p.put("name", name);
            p.put("start_lba", first);
            p.put("sectors", last >= first ? last - first + 1 : 0);
            parts.add(p);
        }
        return parts;
    }

    /** A GUID in its mixed-endian on-disk form, printed the usual way. */
    private static String guid(ByteBuffer b, int off) {
        ByteBuffer be = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        be.putInt(b.getInt(off));
        be.putShort(b.getShort(off + 4));
        be.putShort(b.getShort(off + 6));
        for (int i = 8; i < 16; i++) {
            be.put(b.get(off + i));
        }
        be.flip();
        return new UUID(be.getLong(), be.getLong()).toString();
    }

    private static String fileSystem(FileChannel ch) throws IOException {
        ByteBuffer b = read(ch, 0, 0x10048);
        if (b.remaining() >= 512) {
            String oem = ascii(b, 3, 8);
            if (oem.equals("NTFS    ")) {
                return "ntfs";
            }
            if (oem.equals("EXFAT   ")) {
                return "exfat";
            }
            if (ascii(b, 82, 5).equals("FAT32") || ascii(b, 54, 3).equals("FAT")) {
                return "fat";
            }
        }
        if (b.remaining() >= 1082 && (b.getShort(1080) & 0xffff) == 0xef53) {
            return "ext";
        }
        if (b.remaining() >= 0x10048 && ascii(b, 0x10040, 8).equals("_BHRfS_M")) {
            return "btrfs";
        }
        ByteBuffer iso = read(ch, 0x8001, 5);
        if (iso.remaining() == 5 && ascii(iso, 0, 5).equals("CD001")) {
            return "iso9660";
        }
        return null;
    }

    private static String ascii(ByteBuffer b, int off, int len) {
        if (off + len > b.remaining()) {
            return "";
        }
        byte[] v = new byte[len];
        b.get(off, v);
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        if (pos < 0) {
            b.flip();
            return b;
        }
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }
}
