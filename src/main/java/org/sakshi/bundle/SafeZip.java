package org.sakshi.bundle;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.InputException;

/**
 * Reads a bundle ZIP without trusting it (bundle-format-v1.md "Container"). Every entry name is
 * checked before anything is read: no absolute paths, no {@code ..}, no links or special files,
 * no duplicate names, everything inside one top-level folder, and caps on the number of entries,
 * their sizes and their compression ratio. Each violation is a FAILED {@code ZIP_ENTRY} check
 * naming the entry; unsafe entries are never read. Files are read straight from the ZIP (STORED
 * payload is hashed from the file channel at memory speed) and small files needed as files by
 * other tools are extracted into a private temporary folder, deleted on {@link #close()}.
 */
public final class SafeZip implements Closeable {
    /** Caps against ZIP bombs and hostile archives. */
    public record Limits(int maxEntries, long maxEntrySize, long maxTotalSize, long maxRatio) {
        public static final Limits DEFAULT = new Limits(200_000, 1L << 42, 1L << 43, 200);
    }

    private final Path zipPath;
    private final ZipFile zip;
    private final FileChannel channel;
    private final Limits limits;
    private final List<Check> violations = new ArrayList<>();
    /** bag-relative path -> entry, for safe regular files under the root folder. */
    private final Map<String, ZipArchiveEntry> files = new LinkedHashMap<>();
    private String root;
    private Path tempDir;

    private SafeZip(Path zipPath, ZipFile zip, FileChannel channel, Limits limits) {
        this.zipPath = zipPath;
        this.zip = zip;
        this.channel = channel;
        this.limits = limits;
    }

    /**
     * Opens and screens {@code zipPath}.
     *
     * @throws InputException when the file cannot be read or is not a ZIP at all
     */
    public static SafeZip open(Path zipPath, Limits limits) throws InputException {
        if (!Files.isRegularFile(zipPath)) {
            throw new InputException(zipPath + " does not exist or is not a file; give the path of a bundle .zip.");
        }
        ZipFile zf;
        FileChannel ch;
        try {
            zf = ZipFile.builder().setPath(zipPath).setCharset("UTF-8").setUseUnicodeExtraFields(false).get();
        } catch (IOException | RuntimeException e) {
            throw new InputException(zipPath + " is not a readable ZIP file (" + e.getMessage()
                    + "); a Sakshi bundle is a .zip file.", e);
        }
        try {
            ch = FileChannel.open(zipPath, StandardOpenOption.READ);
        } catch (IOException e) {
            try {
                zf.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new InputException("cannot read " + zipPath + ": " + e.getMessage(), e);
        }
        SafeZip z = new SafeZip(zipPath, zf, ch, limits);
        z.screen();
        return z;
    }

    private void screen() {
        List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
        if (all.size() > limits.maxEntries()) {
            violations.add(Check.failed(CheckCode.ZIP_ENTRY, zipPath.getFileName().toString(), "The ZIP holds " + all.size()
                    + " entries, more than the " + limits.maxEntries() + " a bundle may have; it was not unpacked."));
            return;
        }
        // the root is the folder that holds bagit.txt (or else the first entry's folder)
        Map<String, Integer> tops = new LinkedHashMap<>();
        for (ZipArchiveEntry e : all) {
            String n = e.getName();
            int slash = n.indexOf('/');
            String top = slash < 0 ? n : n.substring(0, slash + 1);
            tops.merge(top, 1, Integer::sum);
            if (slash > 0 && n.substring(slash + 1).equals("bagit.txt") && root == null) {
                root = top;
            }
        }
        if (root == null) {
            root = tops.keySet().stream().filter(t -> t.endsWith("/")).findFirst().orElse("");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        long total = 0;
        for (ZipArchiveEntry e : all) {
            String n = e.getName();
            int count = seen.merge(n, 1, Integer::sum);
            if (count == 2) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The name '" + n + "' appears more than once in the ZIP;"
                        + " a reader could see either copy, so the bundle cannot be trusted."));
            }
            if (count > 1) {
                continue;
            }
            String why = BagPath.unsafeReason(n);
            if (why != null) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + printable(n) + "' is unsafe: " + why
                        + "; it was not unpacked."));
                continue;
            }
            if (e.isUnixSymlink()) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' is a symbolic link; bundles hold"
                        + " no links, so it was not followed."));
                continue;
            }
            int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? (e.getUnixMode() & 0170000) : 0;
            if (!e.isDirectory() && type != 0 && type != 0100000) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' is not a regular file (a device,"
                        + " pipe or other special file); it was not unpacked."));
                continue;
            }
            if (!n.startsWith(root) || root.isEmpty()) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' lies outside the bundle's single"
                        + " top-level folder '" + root + "' (RFC 8493 §4.2 serialization: one folder)."));
                continue;
            }
            if (e.isDirectory()) {
                continue;
            }
            long size = e.getSize();
            long csize = e.getCompressedSize();
            if (size < 0 || size > limits.maxEntrySize()) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' declares an impossible size ("
                        + size + " bytes); it was not unpacked."));
                continue;
            }
            if (e.getMethod() != ZipEntry.STORED && csize > 0 && size > (1 << 20) && size / csize > limits.maxRatio()) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' expands " + (size / csize)
                        + " times, more than the " + limits.maxRatio() + " allowed (a ZIP bomb); it was not unpacked."));
                continue;
            }
            if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The entry '" + n + "' uses ZIP method " + e.getMethod()
                        + ", which bundles do not use; it was not read."));
                continue;
            }
            total += size;
            if (total > limits.maxTotalSize()) {
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The ZIP expands to more than " + limits.maxTotalSize()
                        + " bytes; the rest, from '" + n + "' on, was not unpacked."));
                break;
            }
            files.put(n.substring(root.length()), e);
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /** The top-level folder with its trailing '/', e.g. {@code 1b4e...-...-/}; empty when there is none. */
    public String root() {
        return root;
    }

    /** The bundle id: the root folder's name. */
    public String rootName() {
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** FAILED ZIP_ENTRY checks, one per unsafe entry. */
    public List<Check> violations() {
        return List.copyOf(violations);
    }

    /** Bag-relative paths of the safe regular files, in ZIP order. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public boolean has(String bagPath) {
        return files.containsKey(bagPath);
    }

    public long size(String bagPath) {
        return files.get(bagPath).getSize();
    }

    /** Opens a file of the bag; reading more bytes than the entry declares fails. */
    public InputStream open(String bagPath) throws IOException {
        ZipArchiveEntry e = files.get(bagPath);
        if (e == null) {
            throw new IOException(bagPath + " is not in the bundle");
        }
        return new Capped(zip.getInputStream(e), e.getSize(), bagPath);
    }

    /** Reads a small file whole; refuses files above {@code max} bytes. */
    public byte[] read(String bagPath, int max) throws IOException {
        ZipArchiveEntry e = files.get(bagPath);
        if (e == null) {
            throw new IOException(bagPath + " is not in the bundle");
        }
        if (e.getSize() > max) {
            throw new IOException(bagPath + " is " + e.getSize() + " bytes, more than the " + max + " expected");
        }
        try (InputStream in = open(bagPath)) {
            return in.readAllBytes();
        }
    }

    /**
     * SHA-256 of a file of the bag. STORED entries are hashed directly from the ZIP's file channel
     * (no inflater, no copy); DEFLATED ones through the inflater, capped at their declared size.
     */
    public String sha256(String bagPath) throws IOException {
        MessageDigest md = BundleZipWriter.sha256();
        if (!feed(bagPath, md::update)) {
            throw new IOException(bagPath + " is cut short in the ZIP");
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * True when the entry's bytes, re-read from the file, have the CRC-32 its ZIP headers record
     * (APPNOTE 4.4.7). For an exporter's re-read of what it just wrote and SHA-256-checked.
     */
    public boolean crcMatches(String bagPath) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        return feed(bagPath, crc::update) && crc.getValue() == entry(bagPath).getCrc();
    }

    private ZipArchiveEntry entry(String bagPath) throws IOException {
        ZipArchiveEntry e = files.get(bagPath);
        if (e == null) {
            throw new IOException(bagPath + " is not in the bundle");
        }
        return e;
    }

    /**
     * Hands an entry's bytes to {@code sink} in order: STORED entries straight from the ZIP's file
     * channel (no inflater, no copy), DEFLATED ones through the inflater, capped at their declared
     * size. False when a STORED entry is cut short in the file.
     */
    private boolean feed(String bagPath, java.util.function.Consumer<ByteBuffer> sink) throws IOException {
        ZipArchiveEntry e = entry(bagPath);
        long offset = e.getMethod() == ZipEntry.STORED ? e.getDataOffset() : -1;
        if (offset >= 0 && e.getCompressedSize() == e.getSize()) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long pos = offset;
            long end = offset + e.getSize();
            while (pos < end) {
                buf.clear();
                if (end - pos < buf.capacity()) {
                    buf.limit((int) (end - pos));
                }
                int n = channel.read(buf, pos);
                if (n < 0) {
                    return false;
                }
                buf.flip();
                sink.accept(buf);
                pos += n;
            }
        } else {
            try (InputStream in = open(bagPath)) {
                byte[] b = new byte[1 << 16];
                int n;
                while ((n = in.read(b)) > 0) {
                    sink.accept(ByteBuffer.wrap(b, 0, n));
                }
            }
        }
        return true;
    }

    /** Extracts one file of the bag into the private temporary folder and returns its path there. */
    public Path extract(String bagPath) throws IOException {
        Path dir = tempDir();
        Path target = dir.resolve(bagPath).normalize();
        if (!target.startsWith(dir)) {
            throw new IOException("refusing to extract " + bagPath + " outside the temporary folder");
        }
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = open(bagPath); OutputStream out = Files.newOutputStream(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
        return target;
    }

    /** Extracts every safe file of the bag; returns the bag folder in the private temporary folder. */
    public Path extractAll() throws IOException {
        for (String p : files.keySet()) {
            extract(p);
        }
        return tempDir();
    }

    private Path tempDir() throws IOException {
        if (tempDir == null) {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            tempDir = posix
                    ? Files.createTempDirectory("sakshi-verify-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("sakshi-verify-");
            tempDir = tempDir.toRealPath();
        }
        return tempDir;
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
            channel.close();
        } finally {
            if (tempDir != null) {
                try (Stream<Path> s = Files.walk(tempDir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Fails when an entry yields more bytes than its header declares (a lying or bombing entry). */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private final String name;
        private long count;

        Capped(InputStream in, long cap, String name) {
            super(in);
            this.cap = cap;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > cap) {
                throw new IOException(name + " yields more bytes than its ZIP header declares");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > cap) {
                    throw new IOException(name + " yields more bytes than its ZIP header declares");
                }
            }
            return n;
        }
    }
}
