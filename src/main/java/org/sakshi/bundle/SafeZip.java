package org.sakshi.bundle;

import java.io.Closeable;
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
 * Reads a bundle ZIP without trusting it (docs/bundle-format.md#container). Every entry name is
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
    /** bag-relative path -> entry, for safe regular files under the root folder whose two directories agree. */
    private final Map<String, ZipLayout.Entry> files = new LinkedHashMap<>();
    private ZipLayout layout;
    /** Bag paths whose data has been read to the end with the length and CRC-32 their headers record. */
    private final java.util.Set<String> sound = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String root;
    private Path tempDir;
    /**
     * Hashes of STORED payload entries begun from the ZIP's own layout before the rest of the screening
     * ({@link #openEarly}), by entry (the very {@link ZipLayout.Entry} object the screening admits);
     * empty for a ZIP opened with {@link #open}. Never modified after opening.
     */
    private final Map<ZipLayout.Entry, Prehash> prehashed = new java.util.IdentityHashMap<>();

    /** One hash begun by {@link #openEarly}: its result, whether a verification claimed it, its state. */
    private static final class Prehash {
        final java.util.concurrent.CompletableFuture<String> result = new java.util.concurrent.CompletableFuture<>();
        /** 0 waiting for a thread, 1 reading, 2 dropped before it began. */
        final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean stop;
        boolean claimed;
    }

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
        try {
            z.layout = ZipLayout.read(ch, zipPath.getFileName().toString(), limits.maxEntries());
        } catch (IOException e) {
            try {
                z.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new InputException("cannot read " + zipPath + ": " + e.getMessage(), e);
        }
        for (String[] p : z.layout.problems()) {
            z.violations.add(Check.failed(CheckCode.ZIP_ENTRY, p[0], p[1]));
        }
        z.screen();
        return z;
    }

    /**
     * As {@link #open}, for a verification that is about to begin (docs/performance.md, ninth round): the
     * ZIP's structure is read with {@link ZipLayout} first, and the SHA-256 of its {@code count} largest
     * STORED entries under a top folder's {@code data/} starts at once on {@code pool}, before Commons
     * Compress is loaded and the entries are screened. The screening is then exactly that of
     * {@link #open}, over the same layout and file channel. A hash begun so is used only through
     * {@link #claimStarted} for a file the screening admitted, whose entry is the very one hashed (so the
     * same offset, sizes and CRC-32); {@link #dropUnclaimed} stops the others. Fails with an
     * {@link InputException} where {@link #open} would, its sentence not necessarily the same: an early
     * start ignores it, and the verification then opens the file itself and says why.
     */
    static SafeZip openEarly(Path zipPath, Limits limits, java.util.concurrent.Executor pool, int count)
            throws InputException {
        if (!Files.isRegularFile(zipPath)) {
            throw new InputException(zipPath + " does not exist or is not a file; give the path of a bundle .zip.");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(zipPath, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new InputException("cannot read " + zipPath + ": " + e.getMessage(), e);
        }
        Map<ZipLayout.Entry, Prehash> pre = new java.util.IdentityHashMap<>();
        ZipLayout layout;
        ZipFile zf;
        try {
            layout = ZipLayout.read(ch, zipPath.getFileName().toString(), limits.maxEntries());
            prehash(layout, ch, pool, count, pre);
            zf = ZipFile.builder().setPath(zipPath).setCharset("UTF-8").setUseUnicodeExtraFields(false).get();
        } catch (IOException | RuntimeException e) {
            stopAll(pre.values());
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new InputException(zipPath + " could not be opened early (" + e.getMessage() + ").", e);
        }
        SafeZip z = new SafeZip(zipPath, zf, ch, limits);
        z.layout = layout;
        z.prehashed.putAll(pre);
        try {
            for (String[] p : z.layout.problems()) {
                z.violations.add(Check.failed(CheckCode.ZIP_ENTRY, p[0], p[1]));
            }
            z.screen();
        } catch (RuntimeException e) {
            try {
                z.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing
            }
            throw e;
        }
        return z;
    }

    /** Starts hashing the {@code count} largest STORED entries that lie under a top folder's data/. */
    private static void prehash(ZipLayout layout, FileChannel ch, java.util.concurrent.Executor pool, int count,
                                Map<ZipLayout.Entry, Prehash> into) {
        List<ZipLayout.Entry> candidates = new ArrayList<>();
        for (ZipLayout.Entry e : layout.entries()) {
            int slash = e.name().indexOf('/');
            if (e.method() == ZipEntry.STORED && !e.directory() && e.size() > 0 && slash > 0
                    && e.name().startsWith("data/", slash + 1)) {
                candidates.add(e);
            }
        }
        candidates.sort((a, b) -> Long.compare(b.size(), a.size()));
        for (ZipLayout.Entry e : candidates.subList(0, Math.min(count, candidates.size()))) {
            Prehash p = new Prehash();
            into.put(e, p);
            pool.execute(() -> {
                if (!p.state.compareAndSet(0, 1)) {
                    return; // dropped before it began
                }
                try {
                    MessageDigest md = BundleZipWriter.sha256();
                    stored(ch, e, md::update, p);
                    p.result.complete(HexFormat.of().formatHex(md.digest()));
                } catch (Throwable t) {
                    p.result.completeExceptionally(t);
                }
            });
        }
    }

    /** Tells every hash in {@code all} to stop; one that has not begun never reads. */
    private static void stopAll(java.util.Collection<Prehash> all) {
        for (Prehash p : all) {
            p.stop = true;
            p.state.compareAndSet(0, 2);
        }
    }

    /**
     * The SHA-256 of {@code bagPath} that {@link #openEarly} began, as a future that fails exactly as
     * {@link #sha256} would (a {@link ZipDataException} with the same sentence); null when none was begun
     * for this file. Once it completes, the file counts as read, as after {@link #sha256}. Each is
     * claimed once.
     */
    java.util.concurrent.Future<String> claimStarted(String bagPath) {
        ZipLayout.Entry e = files.get(bagPath);
        Prehash p = e == null ? null : prehashed.get(e);
        if (p == null || p.claimed) {
            return null;
        }
        p.claimed = true;
        return p.result.thenApply(h -> {
            sound.add(bagPath);
            return h;
        });
    }

    /**
     * Stops the hashes {@link #openEarly} began that no one claimed, and waits until none of them reads
     * any more (at most one buffer): after this only claimed hashes read the file channel.
     */
    void dropUnclaimed() {
        List<Prehash> left = new ArrayList<>();
        for (Prehash p : prehashed.values()) {
            if (!p.claimed) {
                left.add(p);
            }
        }
        stopAll(left);
        for (Prehash p : left) {
            if (p.state.get() == 1) {
                try {
                    p.result.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                    // stopped, as asked
                }
            }
        }
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
        List<String> folded = new ArrayList<>();
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
                folded.add(n);
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
            folded.add(n);
            ZipLayout.Entry le = layout.entry(n);
            if (le == null && !layout.complete() && dataOffset(e) >= 0) {
                // the structure is already FAILED; the entry is still read so that the report says what else is wrong
                le = new ZipLayout.Entry(n, null, 0, e.getMethod(), e.getCrc(), e.getCompressedSize(), size, -1,
                        dataOffset(e), 0, 0, false);
            }
            if (le != null) {
                files.put(n.substring(root.length()), le);
            }
        }
        for (String n : clashes(folded)) {
            files.remove(n.substring(root.length()));
        }
    }

    private static long dataOffset(ZipArchiveEntry e) {
        try {
            return e.getCompressedSize() < 0 ? -1 : e.getDataOffset();
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * Names that extractors could write to the same place (docs/bundle-format.md#container): a folder
     * entry named as a file ({@code a/} and {@code a}), a file used as a folder by another entry
     * ({@code a} and {@code a/b}), and names equal once Unicode-normalised (NFC) and case-folded, as
     * on macOS and Windows file systems. Each clash is a FAILED ZIP_ENTRY naming both entries;
     * returns the entries involved.
     */
    private List<String> clashes(List<String> names) {
        Map<String, String> byKey = new java.util.HashMap<>();
        Map<String, String> fileKeys = new java.util.HashMap<>();
        List<String> bad = new ArrayList<>();
        for (String n : names) {
            boolean dir = n.endsWith("/");
            String key = fold(dir ? n.substring(0, n.length() - 1) : n);
            String other = byKey.putIfAbsent(key, n);
            if (other != null) {
                boolean dirFile = other.endsWith("/") != dir;
                violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, dirFile
                        ? "The folder entry '" + (dir ? n : other) + "' has the name of the file '" + (dir ? other : n)
                        + "'; extractors would write one over the other."
                        : "The entries '" + other + "' and '" + n + "' have names that are the same once"
                        + " Unicode-normalised or case-folded; on some systems one would overwrite the other."));
                bad.add(n);
                bad.add(other);
            }
            if (!dir) {
                fileKeys.putIfAbsent(key, n);
            }
        }
        for (String n : names) {
            String trimmed = n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
            for (int i = trimmed.indexOf('/'); i > 0; i = trimmed.indexOf('/', i + 1)) {
                String file = fileKeys.get(fold(trimmed.substring(0, i)));
                if (file != null) {
                    violations.add(Check.failed(CheckCode.ZIP_ENTRY, n, "The file '" + file + "' is also used as a folder"
                            + " by the entry '" + n + "'; extractors would drop one of them."));
                    bad.add(n);
                    bad.add(file);
                    break;
                }
            }
        }
        return bad;
    }

    /**
     * The key under which two entry names clash: Unicode NFC, then full case folding (upper then lower
     * case, so that 'ß' meets 'SS'). An exporter that must keep names apart compares these keys.
     */
    public static String fold(String s) {
        return java.text.Normalizer.normalize(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC)
                .toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFC);
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
        return files.get(bagPath).size();
    }

    /**
     * Opens a file of the bag, read straight from the ZIP file. The stream fails with a
     * {@link ZipDataException} when the entry's data is not exactly what its headers record: more or
     * fewer bytes, a deflate stream that ends before or after its compressed size, or another CRC-32.
     */
    public InputStream open(String bagPath) throws IOException {
        return new EntryStream(entry(bagPath), bagPath);
    }

    /** Reads a small file whole; refuses files above {@code max} bytes. */
    public byte[] read(String bagPath, int max) throws IOException {
        ZipLayout.Entry e = entry(bagPath);
        if (e.size() > max) {
            throw new IOException(bagPath + " is " + e.size() + " bytes, more than the " + max + " expected");
        }
        try (InputStream in = open(bagPath)) {
            return in.readAllBytes();
        }
    }

    /**
     * SHA-256 of a file of the bag. STORED entries are hashed directly from the ZIP's file channel
     * (no inflater, no copy); DEFLATED ones through the inflater. Either way the CRC-32 and length
     * the ZIP headers record are checked too (a {@link ZipDataException} when they differ).
     */
    public String sha256(String bagPath) throws IOException {
        MessageDigest md = BundleZipWriter.sha256();
        feed(bagPath, md::update);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * True when the entry's bytes, re-read from the file, have the CRC-32 its ZIP headers record
     * (APPNOTE 4.4.7). For an exporter's re-read of what it just wrote and SHA-256-checked.
     */
    public boolean crcMatches(String bagPath) throws IOException {
        try {
            feed(bagPath, b -> { });
            return true;
        } catch (ZipDataException e) {
            return false;
        }
    }

    /**
     * For an exporter's re-check: true when the entry is STORED with its data at {@code dataOffset},
     * {@code size} bytes long and the CRC-32 {@code crc32} in its headers: the bytes the exporter read
     * back from this file and found sound (that SHA-256 and CRC-32); it then counts as read (no
     * {@link #damage} read).
     */
    boolean readBackAt(String bagPath, long dataOffset, long size, long crc32) throws IOException {
        ZipLayout.Entry e = entry(bagPath);
        if (e.method() != ZipEntry.STORED || e.dataOffset() != dataOffset || e.size() != size
                || e.compressedSize() != size || e.crc() != crc32) {
            return false;
        }
        sound.add(bagPath);
        return true;
    }

    /**
     * Null when the file's data reads to its end with the length, deflate end and CRC-32 its ZIP
     * headers record (reading it now unless that was already seen), else the sentence saying what
     * differs. The verifier asks this of every file it had no other reason to read, so that no
     * entry an extractor would report damaged passes unseen.
     */
    public String damage(String bagPath) throws IOException {
        if (sound.contains(bagPath)) {
            return null;
        }
        try {
            feed(bagPath, b -> { });
            return null;
        } catch (ZipDataException e) {
            return e.getMessage();
        }
    }

    private ZipLayout.Entry entry(String bagPath) throws IOException {
        ZipLayout.Entry e = files.get(bagPath);
        if (e == null) {
            throw new IOException(bagPath + " is not in the bundle");
        }
        return e;
    }

    /**
     * Hands an entry's bytes to {@code sink} in order: STORED entries straight from the ZIP's file
     * channel (no inflater, no copy), DEFLATED ones through the inflater; then checks length and CRC-32.
     */
    private void feed(String bagPath, java.util.function.Consumer<ByteBuffer> sink) throws IOException {
        ZipLayout.Entry e = entry(bagPath);
        if (e.method() == ZipEntry.STORED) {
            stored(channel, e, sink, null);
            sound.add(bagPath);
        } else {
            try (InputStream in = open(bagPath)) {
                byte[] b = new byte[1 << 16];
                int n;
                while ((n = in.read(b)) > 0) {
                    sink.accept(ByteBuffer.wrap(b, 0, n));
                }
            }
        }
    }

    /**
     * Hands a STORED entry's bytes to {@code sink} in order, straight from {@code channel}, then checks its
     * length and CRC-32. The entry's full name in the ZIP ({@code e.name()}) is the bundle's root folder
     * followed by its bag path. Stops with a {@link java.util.concurrent.CancellationException} when
     * {@code stop} (may be null) is told to.
     */
    private static void stored(FileChannel channel, ZipLayout.Entry e, java.util.function.Consumer<ByteBuffer> sink,
                               Prehash stop) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(1 << 20, Math.max(1, e.size())));
        long pos = e.dataOffset();
        long end = pos + e.size();
        if (e.size() < 0 || pos < 0 || end < pos) {
            throw new ZipDataException("The entry '" + e.name() + "' declares an impossible size.");
        }
        while (pos < end) {
            if (stop != null && stop.stop) {
                throw new java.util.concurrent.CancellationException("not claimed");
            }
            buf.clear();
            if (end - pos < buf.capacity()) {
                buf.limit((int) (end - pos));
            }
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new ZipDataException("The entry '" + e.name() + "' is cut short in the ZIP.");
            }
            buf.flip();
            crc.update(buf.duplicate());
            sink.accept(buf);
            pos += n;
        }
        if (crc.getValue() != e.crc()) {
            throw crcMismatchOf(e.name(), crc.getValue(), e.crc());
        }
    }

    private ZipDataException crcMismatch(String bagPath, long actual, long recorded) {
        return crcMismatchOf(root + bagPath, actual, recorded);
    }

    private static ZipDataException crcMismatchOf(String name, long actual, long recorded) {
        return new ZipDataException("The data of the entry '" + name + "' has CRC-32 "
                + String.format("%08x", actual) + " but its ZIP headers record " + String.format("%08x", recorded)
                + "; extractors would report it damaged.");
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
        stopAll(prehashed.values());
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

    /** An entry's data is not what its ZIP headers record (length, deflate stream or CRC-32). */
    public static final class ZipDataException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipDataException(String message) {
            super(message);
        }
    }

    /**
     * One entry's data read from the file channel (inflated when DEFLATED); at its end the length,
     * the end of the deflate stream and the CRC-32 must be exactly those the headers record.
     */
    private final class EntryStream extends InputStream {
        private final ZipLayout.Entry e;
        private final String name;
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private final java.util.zip.Inflater inflater;
        private final byte[] raw;
        private final long rawEnd;
        private long rawPos;
        private long out;
        private boolean done;

        EntryStream(ZipLayout.Entry e, String bagPath) {
            this.e = e;
            this.name = root + bagPath;
            this.rawPos = e.dataOffset();
            this.rawEnd = e.dataOffset() + e.compressedSize();
            this.inflater = e.method() == ZipEntry.DEFLATED ? new java.util.zip.Inflater(true) : null;
            this.raw = inflater == null ? null : new byte[1 << 16];
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            while ((n = read(one, 0, 1)) == 0) {
                // loop until a byte or the end
            }
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            out += n;
            if (out > e.size()) {
                throw new ZipDataException("The entry '" + name + "' yields more bytes than the " + e.size()
                        + " its ZIP headers declare.");
            }
            crc.update(b, off, n);
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            if (rawEnd < rawPos) {
                throw new ZipDataException("The entry '" + name + "' declares an impossible size.");
            }
            int want = (int) Math.min(len, rawEnd - rawPos);
            if (want == 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, want), rawPos);
            if (n < 0) {
                throw new ZipDataException("The entry '" + name + "' is cut short in the ZIP.");
            }
            rawPos += n;
            return n;
        }

        private int readDeflated(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    if (inflater.finished()) {
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw new ZipDataException("The deflate data of the entry '" + name + "' asks for a preset"
                                + " dictionary, which ZIP does not use.");
                    }
                    if (inflater.needsInput()) {
                        if (rawEnd < rawPos) {
                            throw new ZipDataException("The entry '" + name + "' declares an impossible size.");
                        }
                        int want = (int) Math.min(raw.length, rawEnd - rawPos);
                        if (want == 0) {
                            throw new ZipDataException("The deflate data of the entry '" + name + "' does not end"
                                    + " within the " + e.compressedSize() + " bytes its ZIP headers declare.");
                        }
                        int n = channel.read(ByteBuffer.wrap(raw, 0, want), rawPos);
                        if (n < 0) {
                            throw new ZipDataException("The entry '" + name + "' is cut short in the ZIP.");
                        }
                        rawPos += n;
                        inflater.setInput(raw, 0, n);
                    }
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                }
            } catch (java.util.zip.DataFormatException x) {
                throw new ZipDataException("The deflate data of the entry '" + name + "' is damaged ("
                        + x.getMessage() + ").");
            }
        }

        private void finish() throws IOException {
            done = true;
            long unused = inflater == null ? 0 : inflater.getRemaining() + (rawEnd - rawPos);
            if (unused != 0) {
                throw new ZipDataException("The deflate data of the entry '" + name + "' ends " + unused
                        + " bytes before the compressed size its ZIP headers declare; streaming extractors would"
                        + " look for the next entry there.");
            }
            if (out != e.size()) {
                throw new ZipDataException("The entry '" + name + "' yields " + out + " bytes but its ZIP headers"
                        + " declare " + e.size() + ".");
            }
            if (crc.getValue() != e.crc()) {
                throw crcMismatch(name.substring(root.length()), crc.getValue(), e.crc());
            }
            sound.add(name.substring(root.length()));
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
