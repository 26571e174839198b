package org.sakshi.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Test helper: rewrites a ZIP entry by entry, as an attacker with a ZIP tool would. */
final class ZipSurgery {
    private ZipSurgery() {
    }

    /** Reads every entry (name -> bytes), in order. */
    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                try (InputStream in = zf.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes entries (name -> bytes) as a new ZIP, DEFLATED, with UTF-8 names. */
    /** Flips one bit of the byte at {@code at} in the stored data of {@code entry}, in place. */
    static void flipDataByte(Path zip, String entry, long at) throws IOException {
        long offset;
        try (var zf = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
            offset = zf.getEntry(entry).getDataOffset();
        }
        try (var raf = new java.io.RandomAccessFile(zip.toFile(), "rw")) {
            raf.seek(offset + at);
            int b = raf.read();
            raf.seek(offset + at);
            raf.write(b ^ 0x10);
        }
    }

    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        Files.deleteIfExists(zip);
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip)) {
            z.setEncoding("UTF-8");
            for (var e : entries.entrySet()) {
                ZipArchiveEntry ze = new ZipArchiveEntry(e.getKey());
                ze.setMethod(ZipEntry.DEFLATED);
                z.putArchiveEntry(ze);
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
    }

    /**
     * Copies {@code in} to {@code out} applying {@code change} to each (bag-relative path, bytes): the
     * result replaces the content; null drops the entry.
     */
    static void rewrite(Path in, Path out, BiFunction<String, byte[], byte[]> change) throws IOException {
        Map<String, byte[]> entries = read(in);
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            String name = e.getKey();
            String bagPath = name.substring(name.indexOf('/') + 1);
            byte[] v = change.apply(bagPath, e.getValue());
            if (v != null) {
                result.put(name, v);
            }
        }
        write(out, result);
    }

    static byte[] flipLastByte(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 0x01;
        return c;
    }

    static byte[] flipMiddleByte(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 0x01;
        return c;
    }

    /**
     * A ZIP taken apart record by record, byte for byte, so that a test can forge what a ZIP library
     * would not write: a local header that disagrees with its central record, a record the central
     * directory does not list, a prepended preamble, appended bytes, extra fields. {@link #write}
     * re-assembles it with consistent offsets. No ZIP64 (the test bundles are small).
     */
    static final class Raw {
        byte[] prefix = new byte[0];
        final java.util.List<Rec> recs = new java.util.ArrayList<>();
        /** Bytes between the last local record and the central directory. */
        byte[] hidden = new byte[0];
        byte[] comment = new byte[0];
        byte[] trailing = new byte[0];

        static Raw read(Path zip) throws IOException {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(zip))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int end = b.limit() - 22;
            while (b.getInt(end) != 0x06054b50) {
                end--;
            }
            Raw r = new Raw();
            r.comment = java.util.Arrays.copyOfRange(b.array(), end + 22, b.limit());
            int count = b.getShort(end + 10) & 0xFFFF;
            int cd = b.getInt(end + 16);
            int p = cd;
            for (int i = 0; i < count; i++) {
                Rec e = new Rec();
                e.madeBy = b.getShort(p + 4) & 0xFFFF;
                e.cFlags = b.getShort(p + 8) & 0xFFFF;
                e.cMethod = b.getShort(p + 10) & 0xFFFF;
                e.cCrc = b.getInt(p + 16) & 0xFFFFFFFFL;
                e.cCsize = b.getInt(p + 20) & 0xFFFFFFFFL;
                e.cUsize = b.getInt(p + 24) & 0xFFFFFFFFL;
                int n = b.getShort(p + 28) & 0xFFFF;
                int x = b.getShort(p + 30) & 0xFFFF;
                int c = b.getShort(p + 32) & 0xFFFF;
                e.external = b.getInt(p + 38) & 0xFFFFFFFFL;
                int local = b.getInt(p + 42);
                e.cName = java.util.Arrays.copyOfRange(b.array(), p + 46, p + 46 + n);
                e.cExtra = java.util.Arrays.copyOfRange(b.array(), p + 46 + n, p + 46 + n + x);
                p += 46 + n + x + c;
                e.version = b.getShort(local + 4) & 0xFFFF;
                e.flags = b.getShort(local + 6) & 0xFFFF;
                e.method = b.getShort(local + 8) & 0xFFFF;
                e.time = b.getInt(local + 10);
                e.crc = b.getInt(local + 14) & 0xFFFFFFFFL;
                e.csize = b.getInt(local + 18) & 0xFFFFFFFFL;
                e.usize = b.getInt(local + 22) & 0xFFFFFFFFL;
                int ln = b.getShort(local + 26) & 0xFFFF;
                int lx = b.getShort(local + 28) & 0xFFFF;
                e.name = java.util.Arrays.copyOfRange(b.array(), local + 30, local + 30 + ln);
                e.extra = java.util.Arrays.copyOfRange(b.array(), local + 30 + ln, local + 30 + ln + lx);
                int data = local + 30 + ln + lx;
                e.data = java.util.Arrays.copyOfRange(b.array(), data, data + (int) e.cCsize);
                if ((e.flags & 8) != 0) {
                    int d = data + (int) e.cCsize;
                    e.descriptor = java.util.Arrays.copyOfRange(b.array(), d, d + (b.getInt(d) == 0x08074b50 ? 16 : 12));
                }
                r.recs.add(e);
            }
            return r;
        }

        /** The record whose central name ends with {@code suffix}. */
        Rec rec(String suffix) {
            return recs.stream().filter(e -> new String(e.cName, java.nio.charset.StandardCharsets.UTF_8)
                    .endsWith(suffix)).findFirst().orElseThrow();
        }

        /**
         * Makes both headers of the record ending with {@code suffix} (the central record and the data
         * descriptor, or the local header) agree on a wrong CRC-32, so that reading that entry fails.
         */
        Raw wrongCrc(String suffix) {
            Rec m = rec(suffix);
            m.cCrc ^= 0x1000;
            if (m.descriptor.length > 0) {
                java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(m.descriptor = m.descriptor.clone())
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                int at = m.descriptor.length == 16 ? 4 : 0;
                d.putInt(at, d.getInt(at) ^ 0x1000);
            } else {
                m.crc ^= 0x1000;
            }
            return this;
        }

        /** Cuts {@code n} bytes off the end of the entry ending with {@code suffix}, its sizes made to match. */
        Raw cutShort(String suffix, int n) {
            Rec e = rec(suffix);
            e.data = java.util.Arrays.copyOf(e.data, e.data.length - n);
            e.csize = e.cCsize = e.usize = e.cUsize = e.data.length;
            return this;
        }

        void write(Path zip) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(prefix);
            java.util.List<Integer> offsets = new java.util.ArrayList<>();
            for (Rec e : recs) {
                offsets.add(out.size());
                java.nio.ByteBuffer h = le(30);
                h.putInt(0x04034b50).putShort((short) e.version).putShort((short) e.flags)
                        .putShort((short) e.method).putInt(e.time).putInt((int) e.crc).putInt((int) e.csize)
                        .putInt((int) e.usize).putShort((short) e.name.length).putShort((short) e.extra.length);
                out.write(h.array());
                out.write(e.name);
                out.write(e.extra);
                out.write(e.data);
                out.write(e.descriptor);
            }
            out.write(hidden);
            int cd = out.size();
            int listed = 0;
            for (int i = 0; i < recs.size(); i++) {
                Rec e = recs.get(i);
                if (!e.inCentral) {
                    continue;
                }
                listed++;
                java.nio.ByteBuffer h = le(46);
                h.putInt(0x02014b50).putShort((short) e.madeBy).putShort((short) e.version)
                        .putShort((short) e.cFlags).putShort((short) e.cMethod).putInt(e.time).putInt((int) e.cCrc)
                        .putInt((int) e.cCsize).putInt((int) e.cUsize).putShort((short) e.cName.length)
                        .putShort((short) e.cExtra.length).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putInt((int) e.external).putInt(offsets.get(i) + e.offsetShift);
                out.write(h.array());
                out.write(e.cName);
                out.write(e.cExtra);
            }
            int cdSize = out.size() - cd;
            java.nio.ByteBuffer end = le(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) listed)
                    .putShort((short) listed).putInt(cdSize).putInt(cd).putShort((short) comment.length);
            out.write(end.array());
            out.write(comment);
            out.write(trailing);
            Files.write(zip, out.toByteArray());
        }

        private static java.nio.ByteBuffer le(int n) {
            return java.nio.ByteBuffer.allocate(n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** One entry: its local record (header, data, descriptor) and its central record. */
    static final class Rec {
        int version = 20;
        int flags;
        int method;
        int time;
        long crc;
        long csize;
        long usize;
        byte[] name;
        byte[] extra = new byte[0];
        byte[] data;
        byte[] descriptor = new byte[0];
        int madeBy = 0x0314;
        int cFlags;
        int cMethod;
        long cCrc;
        long cCsize;
        long cUsize;
        byte[] cName;
        byte[] cExtra = new byte[0];
        long external;
        boolean inCentral = true;
        /** Added to the local header offset recorded in the central directory. */
        int offsetShift;

        /** A STORED file (or folder, when the name ends with '/') whose two records agree. */
        static Rec stored(String name, byte[] content) {
            Rec e = new Rec();
            e.name = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            e.cName = e.name;
            e.data = content;
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(content);
            e.crc = e.cCrc = c.getValue();
            e.csize = e.cCsize = e.usize = e.cUsize = content.length;
            e.flags = e.cFlags = 0x0800;
            e.external = name.endsWith("/") ? (040755L << 16) | 0x10 : 0100644L << 16;
            return e;
        }
    }

    /** An extra field: id, then its data. */
    static byte[] extraField(int id, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return b.putShort((short) id).putShort((short) data.length).put(data).array();
    }

    /** An Info-ZIP Unicode Path extra field (0x7075) giving {@code name} for an entry whose header name is {@code raw}. */
    static byte[] unicodePath(byte[] raw, String name) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(raw);
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(5 + n.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return extraField(0x7075, b.put((byte) 1).putInt((int) c.getValue()).put(n).array());
    }

    /** A forged change to a bundle's ZIP structure, the entry the refusal must name and a word of its sentence. */
    record Attack(String name, String target, String word, java.util.function.Consumer<Raw> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The structural attacks of issue 17 §1 on a bundle whose folder is {@code root} and which holds
     * {@code stored} (a STORED file) and {@code deflated} (a DEFLATED file written with a data
     * descriptor), both bag-relative. Each leaves every byte of the bag's files as sealed for at
     * least one extractor, so only the ZIP screen can refuse it.
     */
    static java.util.List<Attack> attacks(String root, String stored, String deflated) {
        String r = root + "/";
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        String dir = stored.substring(0, stored.lastIndexOf('/') + 1);
        return java.util.List.of(
                new Attack("local name differs from central name", r + stored, "local header", z -> {
                    Rec e = z.rec(stored);
                    e.name = (r + dir + "renamed.jpg").getBytes(utf8);
                }),
                new Attack("hidden local record before the central directory", "planted.jpg", "hidden", z -> {
                    Rec e = Rec.stored(r + dir + "planted.jpg", "planted".getBytes(utf8));
                    e.inCentral = false;
                    z.recs.add(e);
                }),
                new Attack("hidden local record between entries", "planted.jpg", "hidden", z -> {
                    Rec e = Rec.stored(r + stored, "planted".getBytes(utf8));
                    e.name = (r + dir + "planted.jpg").getBytes(utf8);
                    e.inCentral = false;
                    z.recs.add(1, e);
                }),
                new Attack("self-extracting preamble", "", "preamble", z -> {
                    z.prefix = "#!/bin/sh\necho 'self-extracting'\nexit 0\n".getBytes(utf8);
                }),
                new Attack("bytes appended after the end record", "", "follow", z -> {
                    z.trailing = "appended".getBytes(utf8);
                }),
                new Attack("Info-ZIP Unicode Path extra field renames an entry", r + stored, "Unicode Path", z -> {
                    Rec e = z.rec(stored);
                    e.cExtra = unicodePath(e.cName, r + dir + "renamed.jpg");
                }),
                new Attack("Info-ZIP Unicode Path in the local header", r + stored, "Unicode Path", z -> {
                    Rec e = z.rec(stored);
                    e.extra = unicodePath(e.name, r + dir + "renamed.jpg");
                }),
                new Attack("unknown extra field", r + stored, "unknown extra field", z -> {
                    z.rec(stored).cExtra = extraField(0x9901, new byte[] {1, 2, 3, 4});
                }),
                new Attack("folder entry with data", r + dir + "folder/", "folder", z -> {
                    z.recs.add(Rec.stored(r + dir + "folder/", "data in a folder".getBytes(utf8)));
                }),
                new Attack("folder entry named as a file", r + stored + "/", "folder", z -> {
                    z.recs.add(Rec.stored(r + stored + "/", new byte[0]));
                }),
                new Attack("file used as a folder", r + stored + "/x.txt", "used as a folder", z -> {
                    z.recs.add(Rec.stored(r + stored + "/x.txt", "x".getBytes(utf8)));
                }),
                new Attack("file marked as a folder in its attributes", r + stored, "attributes", z -> {
                    z.rec(stored).external = (040755L << 16) | 0x10;
                }),
                new Attack("names equal under case folding", r + stored.toUpperCase(java.util.Locale.ROOT),
                        "case-folded", z -> {
                    z.recs.add(Rec.stored(r + stored.toUpperCase(java.util.Locale.ROOT), "other".getBytes(utf8)));
                }),
                new Attack("names equal under Unicode NFC", "caf", "Unicode-normalised", z -> {
                    z.recs.add(Rec.stored(r + dir + "caf\u00e9.txt", "one".getBytes(utf8)));
                    z.recs.add(Rec.stored(r + dir + "cafe\u0301.txt", "two".getBytes(utf8)));
                }),
                new Attack("non-ASCII name without the UTF-8 flag", "\u0928", "UTF-8 flag", z -> {
                    Rec e = Rec.stored(r + dir + "\u0928.txt", "x".getBytes(utf8));
                    e.flags = e.cFlags = 0;
                    z.recs.add(e);
                }),
                new Attack("data descriptor disagrees with the central record", r + deflated, "data descriptor", z -> {
                    Rec e = z.rec(deflated);
                    e.descriptor = e.descriptor.clone();
                    e.descriptor[e.descriptor.length - 1] ^= 0x01;
                }),
                new Attack("local header records another CRC-32", r + stored, "local header", z -> {
                    z.rec(stored).crc ^= 0x1000;
                }),
                new Attack("local header declares another method", r + stored, "method", z -> {
                    z.rec(stored).method = 8;
                }),
                new Attack("both headers record another CRC-32", r + stored, "CRC-32", z -> {
                    Rec e = z.rec(stored);
                    e.crc ^= 0x1000;
                    e.cCrc ^= 0x1000;
                }),
                new Attack("deflate stream ends before its compressed size", r + deflated, "ends", z -> {
                    Rec e = z.rec(deflated);
                    byte[] more = java.util.Arrays.copyOf(e.data, e.data.length + 8);
                    System.arraycopy("PK\u0003\u0004wxyz".getBytes(utf8), 0, more, e.data.length, 8);
                    e.data = more;
                    e.cCsize += 8;
                    java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(e.descriptor = e.descriptor.clone())
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    int at = e.descriptor.length == 16 ? 8 : 4;
                    d.putInt(at, d.getInt(at) + 8);
                }),
                new Attack("encrypted flag", r + stored, "encrypted", z -> {
                    Rec e = z.rec(stored);
                    e.flags |= 1;
                    e.cFlags |= 1;
                }));
    }
}
