package org.sakshi.ingest.device;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.sakshi.core.CancelledException;
import org.sakshi.ingest.ParseOptions;

/**
 * Tar and zip listing with Commons Compress, streaming every member through SHA-256 without
 * extracting anything. Tar: POSIX ustar, GNU (long names, sparse), PAX extended headers, plain
 * or inside gzip/bzip2. Zip: read through the central directory (ZIP64 included); when that is
 * missing or damaged, the local headers are streamed instead and a warning says so.
 *
 * <p>Bomb caps (ParseOptions): a member stops being hashed once it inflates beyond
 * {@code maxInflatedBytes}, or beyond {@code maxRatio} times its compressed size once past 1 MiB;
 * the whole archive stops hashing once it has inflated more than {@code maxInflatedBytes} and more
 * than {@code maxRatio} times its own size. Stopped members are still listed, with sha256 null.
 */
final class ArchiveListers {
    private static final long RATIO_FLOOR = 1L << 20;

    private ArchiveListers() {
    }

    enum Compression { NONE, GZIP, BZIP2 }

    static void listTar(Path file, Compression compression, ParseOptions opt, MemberListing out)
            throws IOException, CancelledException {
        long archiveSize = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream decompressed = switch (compression) {
                case NONE -> raw;
                case GZIP -> GzipCompressorInputStream.builder().setInputStream(raw)
                        .setDecompressConcatenated(true).get();
                case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            };
            long inflatedBudget = compression == Compression.NONE ? -1
                    : Math.max(opt.maxInflatedBytes(), safeMultiply(archiveSize, opt.maxRatio()));
            long inflated = 0;
            boolean budgetSpent = false;
            TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, StandardCharsets.UTF_8.name());
            int index = 0;
            TarArchiveEntry e;
            while (!out.full()) {
                try {
                    e = tar.getNextEntry();
                } catch (IOException ex) {
                    out.warn("the tar archive is damaged or truncated after " + index + " member(s): "
                            + ex.getMessage() + "; the members before it are listed");
                    break;
                }
                if (e == null) {
                    break;
                }
                index++;
                String name = e.getName();
                if (e.isDirectory()) {
                    out.member(name, MemberListing.Type.DIR, 0, null, null);
                } else if (e.isSymbolicLink()) {
                    out.member(name, MemberListing.Type.SYMLINK, 0, null, e.getLinkName());
                } else if (e.isLink()) {
                    // A hard link names an earlier member; it carries no data of its own.
                    out.member(name, MemberListing.Type.OTHER, 0, null, e.getLinkName());
                } else if (e.isFile()) {
                    long size = e.isSparse() ? e.getRealSize() : e.getSize();
                    if (budgetSpent) {
                        out.member(name, MemberListing.Type.FILE, size, null, null);
                        continue;
                    }
                    MemberListing.Hashed h;
                    try {
                        h = out.hash(tar, inflatedBudget < 0 ? -1 : inflatedBudget - inflated);
                    } catch (IOException ex) {
                        out.warn("member \"" + name + "\" is cut off (" + ex.getMessage()
                                + "): the tar archive is truncated; it is listed without a hash");
                        out.member(name, MemberListing.Type.FILE, size, null, null);
                        break;
                    }
                    inflated += h.bytes();
                    if (h.sha256() != null && h.bytes() != size) {
                        out.warn("member \"" + name + "\" declares " + size + " bytes but holds " + h.bytes());
                    }
                    out.member(name, MemberListing.Type.FILE, size, h.sha256(), null);
                    if (inflatedBudget >= 0 && inflated > inflatedBudget) {
                        budgetSpent = true;
                        out.warn("the archive inflated past " + inflatedBudget + " bytes (decompression bomb cap); "
                                + "later members are listed without hashes");
                    }
                } else {
                    out.member(name, MemberListing.Type.OTHER, 0, null, null);
                }
            }
        }
    }

    /** A central directory larger than this is not read into memory; the local headers are streamed instead. */
    static final long MAX_CENTRAL_DIRECTORY = 64L << 20;

    static void listZip(Path file, ParseOptions opt, MemberListing out) throws IOException, CancelledException {
        long archiveSize = Files.size(file);
        long[] cd = declaredCentralDirectory(file, archiveSize);
        if (cd != null && (cd[0] > out.maxMembers() || cd[1] > MAX_CENTRAL_DIRECTORY)) {
            // Commons Compress keeps every central record in memory: a hostile directory would cost it all
            out.warn("the zip declares " + cd[0] + " members in a central directory of " + cd[1]
                    + " bytes, more than Sakshi reads into memory; its members were listed from their local headers");
            listZipStreaming(file, archiveSize, opt, out);
            return;
        }
        ZipFile zf;
        try {
            zf = ZipFile.builder().setPath(file).setCharset(StandardCharsets.UTF_8).get();
        } catch (IOException e) {
            out.warn("the zip central directory is missing or damaged (" + e.getMessage()
                    + "); members were listed from their local headers, which a tampered zip can hide");
            listZipStreaming(file, archiveSize, opt, out);
            return;
        }
        try (zf) {
            long inflated = 0;
            long budget = Math.max(opt.maxInflatedBytes(), safeMultiply(archiveSize, opt.maxRatio()));
            boolean budgetSpent = false;
            for (ZipArchiveEntry e : Collections.list(zf.getEntriesInPhysicalOrder())) {
                if (out.full()) {
                    break;
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    out.member(name, MemberListing.Type.DIR, 0, null, null);
                    continue;
                }
                if (e.isUnixSymlink()) {
                    String target = null;
                    try {
                        target = e.getSize() <= 4096 && zf.canReadEntryData(e) ? zf.getUnixSymlink(e) : null;
                    } catch (IOException ex) {
                        out.warn("the target of symlink \"" + name + "\" cannot be read: " + ex.getMessage());
                    }
                    out.member(name, MemberListing.Type.SYMLINK, 0, null, target);
                    continue;
                }
                long declared = e.getSize();
                if (budgetSpent) {
                    out.member(name, MemberListing.Type.FILE, declared, null, null);
                    continue;
                }
                if (!zf.canReadEntryData(e)) {
                    out.warn("member \"" + name + "\" cannot be read (encrypted or unsupported compression method "
                            + e.getMethod() + "); it is listed without a hash");
                    out.member(name, MemberListing.Type.FILE, declared, null, null);
                    continue;
                }
                long limit = memberLimit(e.getCompressedSize(), opt);
                MemberListing.Hashed h;
                try (InputStream in = zf.getInputStream(e)) {
                    h = out.hash(in, limit);
                } catch (IOException ex) {
                    out.warn("member \"" + name + "\" cannot be read (" + ex.getMessage()
                            + "); it is listed without a hash");
                    out.member(name, MemberListing.Type.FILE, declared, null, null);
                    continue;
                }
                if (h.sha256() == null) {
                    out.warn("member \"" + name + "\" inflates beyond the decompression bomb caps (" + h.problem()
                            + "; declared " + declared + " bytes from " + e.getCompressedSize()
                            + " compressed); it is listed without a hash");
                    out.member(name, MemberListing.Type.FILE, declared, null, null);
                } else {
                    if (declared >= 0 && declared != h.bytes()) {
                        out.warn("member \"" + name + "\" declares " + declared + " bytes but holds " + h.bytes());
                    }
                    out.member(name, MemberListing.Type.FILE, h.bytes(), h.sha256(), null);
                }
                if (e.getMethod() != ZipArchiveEntry.STORED) {
                    inflated += h.bytes();
                    if (inflated > budget) {
                        budgetSpent = true;
                        out.warn("the archive inflated past " + budget + " bytes (decompression bomb cap); "
                                + "later members are listed without hashes");
                    }
                }
            }
        }
    }

    /**
     * The entry count and size the end-of-central-directory record declares ({@code [entries,
     * bytes]}, from the ZIP64 record when the classic one says 0xFFFF / 0xFFFFFFFF), or null when
     * no such record is found (the caller then lets the zip reader decide).
     */
    static long[] declaredCentralDirectory(Path file, long size) throws IOException {
        int tail = (int) Math.min(size, 22 + 65535 + 20);
        byte[] b = new byte[tail];
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
            ch.position(size - tail);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read the tail
            }
            for (int i = tail - 22; i >= 0; i--) {
                if (le32(b, i) != 0x06054b50L) {
                    continue;
                }
                long entries = le16(b, i + 10);
                long cdSize = le32(b, i + 12);
                if ((entries == 0xFFFF || cdSize == 0xFFFFFFFFL) && i >= 20 && le32(b, i - 20) == 0x07064b50L) {
                    long z64 = le64(b, i - 20 + 8);
                    if (z64 >= 0 && z64 + 56 <= size) {
                        java.nio.ByteBuffer r = java.nio.ByteBuffer.allocate(56).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        ch.position(z64);
                        while (r.hasRemaining() && ch.read(r) >= 0) {
                            // read the ZIP64 end record
                        }
                        if (r.getInt(0) == 0x06064b50) {
                            entries = r.getLong(32);
                            cdSize = r.getLong(40);
                        }
                    }
                }
                return new long[] {entries, cdSize};
            }
        }
        return null;
    }

    private static long le16(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8;
    }

    private static long le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }

    private static long le64(byte[] b, int i) {
        return le32(b, i) | le32(b, i + 4) << 32;
    }

    /** Fallback for zips without a usable central directory: local headers, in file order. */
    private static void listZipStreaming(Path file, long archiveSize, ParseOptions opt, MemberListing out)
            throws IOException, CancelledException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ZipArchiveInputStream zin = new ZipArchiveInputStream(raw, "UTF-8", true, true)) {
            int index = 0;
            while (!out.full()) {
                ZipArchiveEntry e;
                try {
                    e = zin.getNextEntry();
                } catch (IOException ex) {
                    out.warn("the zip archive is damaged after " + index + " member(s): " + ex.getMessage());
                    break;
                }
                if (e == null) {
                    break;
                }
                index++;
                String name = e.getName();
                if (e.isDirectory()) {
                    out.member(name, MemberListing.Type.DIR, 0, null, null);
                    continue;
                }
                if (!zin.canReadEntryData(e)) {
                    out.warn("member \"" + name + "\" cannot be read (encrypted or unsupported method)");
                    out.member(name, MemberListing.Type.FILE, e.getSize(), null, null);
                    continue;
                }
                MemberListing.Hashed h;
                try {
                    h = out.hash(zin, memberLimit(e.getCompressedSize(), opt));
                } catch (IOException | RuntimeException ex) {
                    out.warn("member \"" + name + "\" is cut off (" + ex.getMessage() + "); it is listed without a hash");
                    out.member(name, MemberListing.Type.FILE, e.getSize(), null, null);
                    break;
                }
                if (h.sha256() == null) {
                    out.warn("member \"" + name + "\" inflates beyond the decompression bomb caps (" + h.problem()
                            + "); it is listed without a hash");
                    out.member(name, MemberListing.Type.FILE, e.getSize(), null, null);
                    break;
                }
                out.member(name, MemberListing.Type.FILE, h.bytes(), h.sha256(), null);
            }
        } catch (EOFException ex) {
            out.warn("the zip archive ends early: " + ex.getMessage());
        }
    }

    /** The most bytes one member may inflate to; the ratio cap applies once past 1 MiB. */
    private static long memberLimit(long compressedSize, ParseOptions opt) {
        long limit = opt.maxInflatedBytes();
        if (compressedSize > 0) {
            limit = Math.min(limit, Math.max(RATIO_FLOOR, safeMultiply(compressedSize, opt.maxRatio())));
        }
        return limit;
    }

    private static long safeMultiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
