package org.sakshi.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.ProgressListener;

/**
 * Writes one bag into a ZIP (docs/bundle-format.md#container): every entry under the single
 * top-level folder {@code <bundle-id>/}, UTF-8 names with the language-encoding flag (APPNOTE 4.4.4
 * bit 11), ZIP64 only where needed, STORED or DEFLATED by {@link Compression}. The ZIP is written
 * strictly forward (no seeking back), so the SHA-256 of the whole bundle is taken as it is written;
 * a STORED entry therefore carries its CRC-32 and size in its local header: the CRC kept from
 * import when the caller has it, else computed in a first read (Commons Compress re-computes it
 * while writing and refuses a mismatch). DEFLATED entries use a data descriptor (APPNOTE 4.3.9).
 * Each file's SHA-256 is computed in the same pass, on a second thread, and recorded for the
 * manifests: paths under {@code data/} go to the payload manifest, the others to the tag manifest
 * (except {@code signature/}, which signs it).
 */
public final class BundleZipWriter implements Closeable {
    private static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 4;

    private final String root;
    private final FileChannel channel;
    private final ZipArchiveOutputStream zip;
    private final long time;
    private final List<ManifestFile.Line> payload = new ArrayList<>();
    private final List<ManifestFile.Line> tags = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final ExecutorService hasher;
    private long payloadBytes;
    private boolean finished;
    private final MessageDigest bundleDigest;
    private final ExecutorService bundleHasher;
    private final DigestingChannelStream sink;
    private final Syncer syncer;
    private String bundleSha256;
    private final java.util.Map<String, ReadBack> readBack = new java.util.LinkedHashMap<>();

    /**
     * A payload entry whose data, at {@code dataOffset} of the file and {@code size} bytes long, was
     * read back from the file after it was written and had the SHA-256 {@code sha256} and the CRC-32
     * {@code crc32} written in its ZIP headers (see {@link #putCopied}).
     */
    public record ReadBack(long dataOffset, long size, String sha256, long crc32) {
    }

    /**
     * @param file     the {@code .part} file to create (must not exist)
     * @param bundleId the bag's folder name
     * @param time     the modification time stamped on every entry
     */
    public BundleZipWriter(Path file, String bundleId, Instant time) throws IOException {
        this(file, bundleId, time, Syncer.SYNC_EVERY, FileChannel::force);
    }

    /** As above, flushing every {@code syncEvery} bytes with {@code force} (tests). */
    BundleZipWriter(Path file, String bundleId, Instant time, long syncEvery, Syncer.Force force) throws IOException {
        if (BagPath.unsafeReason(bundleId) != null || bundleId.contains("/")) {
            throw new IllegalArgumentException("bad bundle id " + bundleId);
        }
        this.root = bundleId + "/";
        this.time = time.toEpochMilli();
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        this.bundleDigest = sha256();
        this.bundleHasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bundle-zip-sha256");
            t.setDaemon(true);
            return t;
        });
        this.hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bundle-sha256");
            t.setDaemon(true);
            return t;
        });
        // the sink buffers small writes itself (a BufferedOutputStream would hide which bytes are which)
        this.syncer = new Syncer(channel, syncEvery, force);
        this.sink = new DigestingChannelStream(channel, bundleDigest, bundleHasher, hasher, syncer);
        this.zip = new ZipArchiveOutputStream(sink);
        zip.setEncoding("UTF-8");
        zip.setUseLanguageEncodingFlag(true);
        zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
        zip.setUseZip64(Zip64Mode.AsNeeded);
    }

    public String root() {
        return root;
    }

    /** Payload manifest lines written so far, in order. */
    public List<ManifestFile.Line> payloadLines() {
        return List.copyOf(payload);
    }

    /** Tag manifest lines written so far (tag files other than signature/), in order. */
    public List<ManifestFile.Line> tagLines() {
        return List.copyOf(tags);
    }

    /** The entries read back from the file after they were written, by bag path. */
    public java.util.Map<String, ReadBack> readBack() {
        return java.util.Map.copyOf(readBack);
    }

    /** Payload-Oxum of RFC 8493 §2.2.2: {@code octets.streamcount}. */
    public String payloadOxum() {
        return payloadBytes + "." + payload.size();
    }

    public long payloadBytes() {
        return payloadBytes;
    }

    /** Writes a small file from memory; returns its SHA-256. */
    public String putBytes(String bagPath, byte[] content) throws IOException {
        ZipArchiveEntry e = entry(bagPath, content.length);
        if (e.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
        }
        zip.putArchiveEntry(e);
        zip.write(content);
        zip.closeArchiveEntry();
        String sha = HexFormat.of().formatHex(sha256().digest(content));
        record(bagPath, sha, content.length);
        return sha;
    }

    /**
     * Streams a file into the bag, hashing it in the same pass. When {@code expectedSha256} is not
     * null and the bytes hash differently, throws IntegrityException naming {@code what}: the
     * caller must then abandon the whole bundle.
     */
    public String putFile(String bagPath, Path source, String expectedSha256, String what, ProgressListener progress,
                          CancelFlag cancel) throws IOException, IntegrityException, CancelledException {
        return putFile(bagPath, source, expectedSha256, null, what, progress, cancel);
    }

    /**
     * As {@link #putFile(String, Path, String, String, ProgressListener, CancelFlag)} with the CRC-32
     * of the file when known (kept from import); null computes it in a first read when the entry is
     * STORED.
     */
    public String putFile(String bagPath, Path source, String expectedSha256, Long crc32, String what,
                          ProgressListener progress, CancelFlag cancel)
            throws IOException, IntegrityException, CancelledException {
        long size = Files.size(source);
        if (expectedSha256 != null && crc32 != null && size > 0 && !Compression.deflate(bagPath)) {
            return putCopied(bagPath, source, size, expectedSha256, crc32, what, progress, cancel);
        }
        Long crc = crc32;
        if (crc == null && !Compression.deflate(bagPath)) {
            crc = crcOf(source);
        }
        try (InputStream in = Files.newInputStream(source)) {
            return putStream(bagPath, in, size, crc, expectedSha256, what, progress, cancel);
        }
    }

    /**
     * A file whose SHA-256 and CRC-32 are known (an evidence file, recorded at import), as a STORED
     * entry: the kernel copies its bytes into the bundle ({@link FileChannel#transferTo}, on Linux
     * {@code copy_file_range}, with no pass through this process), and each copied piece is read back
     * from the bundle file once, feeding both the entry's SHA-256 and CRC-32 (which must be the
     * recorded ones) and the bundle's SHA-256. The digests are thus of the bytes the bundle file holds,
     * not of what was meant to be written; a changed vault copy, a short copy or a wrong write is
     * refused with the same messages as the streamed path, before anything after this entry is written.
     */
    private String putCopied(String bagPath, Path source, long size, String expectedSha256, long crc32, String what,
                             ProgressListener progress, CancelFlag cancel)
            throws IOException, IntegrityException, CancelledException {
        ZipArchiveEntry e = entry(bagPath, size);
        e.setCrc(crc32);
        e.setCompressedSize(size);
        MessageDigest md = sha256();
        CRC32 crc = new CRC32();
        long now;
        long dataOffset;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            // the ZIP library writes the local header, then hands over `size` placeholder bytes, which the
            // sink replaces by the kernel's copy of the file; the library never sees the file's bytes
            CopiedBytes data = new CopiedBytes(sink, in, size, md, crc, what, progress, cancel);
            zip.addRawArchiveEntry(e, data);
            dataOffset = sink.endCopy();
            now = in.size();
        } catch (CopyCancelled cc) {
            throw cc.cancelled;
        } catch (ShortCopy sc) {
            throw changedSize(what, size, sc.copied);
        }
        if (now != size) {
            throw changedSize(what, size, now);
        }
        String sha = HexFormat.of().formatHex(md.digest());
        if (!expectedSha256.equals(sha)) {
            throw changedContent(what, expectedSha256, sha);
        }
        if (crc.getValue() != crc32) {
            throw changedCrc(what, "Bad CRC checksum for entry " + root + bagPath + ": "
                    + Long.toHexString(crc.getValue()) + " instead of " + Long.toHexString(crc32), null);
        }
        record(bagPath, sha, size);
        readBack.put(bagPath, new ReadBack(dataOffset, size, sha, crc32));
        return sha;
    }

    /** The source ended before {@code copied} reached the entry's size. */
    private static final class ShortCopy extends IOException {
        final long copied;

        ShortCopy(long copied) {
            super("the file ended after " + copied + " bytes");
            this.copied = copied;
        }
    }

    /** A cancel seen inside the ZIP library's copy loop, carried out of it. */
    private static final class CopyCancelled extends IOException {
        final CancelledException cancelled;

        CopyCancelled(CancelledException cancelled) {
            super(cancelled.getMessage(), cancelled);
            this.cancelled = cancelled;
        }
    }

    /**
     * The placeholder data the ZIP library copies for a {@link #putCopied} entry: {@code size} bytes
     * whose content is never read (the sink drops it); the first read opens the copy region in the
     * sink at the current end of the file, right after the local header.
     */
    private static final class CopiedBytes extends InputStream {
        private final DigestingChannelStream sink;
        private final FileChannel source;
        private final long size;
        private final MessageDigest sha;
        private final CRC32 crc;
        private final String what;
        private final ProgressListener progress;
        private final CancelFlag cancel;
        private long handed;
        private boolean opened;

        CopiedBytes(DigestingChannelStream sink, FileChannel source, long size, MessageDigest sha, CRC32 crc,
                    String what, ProgressListener progress, CancelFlag cancel) {
            this.sink = sink;
            this.source = source;
            this.size = size;
            this.sha = sha;
            this.crc = crc;
            this.what = what;
            this.progress = progress;
            this.cancel = cancel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : 0; // never called by the library; content is irrelevant
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!opened) {
                opened = true;
                sink.beginCopy(source, size, sha, crc, (d, t, ignored) -> {
                    if (cancel != null && cancel.isCancelled()) {
                        try {
                            cancel.throwIfCancelled();
                        } catch (CancelledException ce) {
                            throw new CopyCancelled(ce);
                        }
                    }
                    if (progress != null) {
                        progress.progress(d, t, what);
                    }
                });
            }
            if (handed >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - handed);
            handed += n;
            return n;
        }
    }

    /** Progress of a kernel copy; may throw to stop it. */
    private interface CopyProgress {
        void copied(long done, long total, String what) throws IOException;
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return crc.getValue();
    }

    /** As {@link #putFile} for a stream of known length; {@code crc32} is required for a STORED entry. */
    public String putStream(String bagPath, InputStream in, long size, Long crc32, String expectedSha256, String what,
                            ProgressListener progress, CancelFlag cancel)
            throws IOException, IntegrityException, CancelledException {
        ZipArchiveEntry e = entry(bagPath, size);
        if (e.getMethod() == ZipEntry.STORED) {
            if (crc32 == null) {
                throw new IllegalArgumentException("a STORED entry needs its CRC-32: " + bagPath);
            }
            e.setCrc(crc32);
        }
        zip.putArchiveEntry(e);
        MessageDigest md = sha256();
        ArrayDeque<byte[]> free = new ArrayDeque<>();
        ArrayDeque<Object[]> pending = new ArrayDeque<>();
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK]);
        }
        long done = 0;
        try {
            while (true) {
                if (cancel != null) {
                    cancel.throwIfCancelled();
                }
                if (free.isEmpty()) {
                    Object[] p = pending.poll();
                    await((Future<?>) p[0]);
                    await((Future<?>) p[2]);
                    free.add((byte[]) p[1]);
                }
                byte[] buf = free.poll();
                int n = in.readNBytes(buf, 0, CHUNK);
                if (n <= 0) {
                    free.add(buf);
                    break;
                }
                final int len = n;
                Future<?> f = hasher.submit(() -> md.update(buf, 0, len));
                // the buffer is lent to the bundle digest (no copy) and reused only once both digests have it
                sink.lend(buf);
                try {
                    zip.write(buf, 0, n);
                } finally {
                    sink.lend(null);
                }
                pending.add(new Object[] {f, buf, sink.last()});
                done += n;
                if (progress != null) {
                    progress.progress(done, size, what);
                }
            }
            while (!pending.isEmpty()) {
                Object[] p = pending.poll();
                await((Future<?>) p[0]);
                await((Future<?>) p[2]);
            }
        } finally {
            for (Object[] p : pending) {
                ((Future<?>) p[0]).cancel(false);
            }
            // a lent buffer may still be read by the bundle digest; it is never reused after a failure
        }
        if (done != size) {
            throw changedSize(what, size, done);
        }
        String sha = HexFormat.of().formatHex(md.digest());
        if (expectedSha256 != null && !expectedSha256.equals(sha)) {
            throw changedContent(what, expectedSha256, sha);
        }
        try {
            zip.closeArchiveEntry();
        } catch (java.util.zip.ZipException ze) {
            throw changedCrc(what, ze.getMessage(), ze);
        }
        record(bagPath, sha, size);
        return sha;
    }

    /** The vault copy of {@code what} had another size than recorded while it was exported. */
    private static IntegrityException changedSize(String what, long expected, long read) {
        return new IntegrityException(what + " changed size while it was exported (" + expected + " bytes expected, "
                + read + " read); the bundle was not written. Check the vault with the custody audit (Audit in the case window, 'sakshi audit' on the command line).");
    }

    /** The vault copy of {@code what} no longer has the SHA-256 recorded at import. */
    private static IntegrityException changedContent(String what, String expected, String now) {
        return new IntegrityException(what + ": the vault copy no longer matches its recorded SHA-256 (" + expected
                + ", now " + now + "); the bundle was not written. Do not export this item;"
                + " report the vault damage and run the custody audit on the case (Audit in the case window, 'sakshi audit' on the command line).");
    }

    /** The bytes of {@code what} no longer have the CRC-32 recorded at import ({@code detail} says how). */
    private static IntegrityException changedCrc(String what, String detail, Exception cause) {
        return new IntegrityException(what + ": its bytes no longer have the CRC-32 recorded at import (" + detail
                + "); the bundle was not written. Run the custody audit on the case (Audit in the case window, 'sakshi audit' on the command line).", cause);
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", ie);
        } catch (ExecutionException ee) {
            throw new IOException("hashing failed", ee.getCause());
        }
    }

    /** Two payload files were given the same bag path. */
    static final class DuplicatePathException extends IOException {
        DuplicatePathException(String bagPath) {
            super("two files were given the same bag path " + bagPath);
        }
    }

    private ZipArchiveEntry entry(String bagPath, long size) throws IOException {
        if (finished) {
            throw new IllegalStateException("bundle already finished");
        }
        if (BagPath.unsafeReason(bagPath) != null || bagPath.endsWith("/")) {
            throw new IllegalArgumentException("unsafe bag path " + bagPath + ": " + BagPath.unsafeReason(bagPath));
        }
        String name = root + bagPath;
        if (!names.add(name)) {
            throw new DuplicatePathException(bagPath);
        }
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(Compression.deflate(bagPath) ? ZipEntry.DEFLATED : ZipEntry.STORED);
        e.setSize(size);
        e.setTime(time);
        e.setUnixMode(0100644);
        return e;
    }

    private void record(String bagPath, String sha, long size) {
        if (bagPath.startsWith("data/")) {
            payload.add(new ManifestFile.Line(sha, bagPath));
            payloadBytes += size;
        } else if (!bagPath.startsWith("signature/") && !bagPath.equals("tagmanifest-sha256.txt")) {
            tags.add(new ManifestFile.Line(sha, bagPath));
        }
    }

    /**
     * Writes the tag files after the payload (RFC 8493 §2.1, §2.2): {@code bagit.txt},
     * {@code manifest-sha256.txt} from the payload written so far, {@code bag-info.txt} completed
     * with {@code Payload-Oxum} and {@code Bag-Size}, the {@code extra} tag files (VERIFY.txt,
     * certs/...), and last {@code tagmanifest-sha256.txt} over all of them.
     *
     * @return the bytes of tagmanifest-sha256.txt, which the caller signs into signature/
     */
    public byte[] writeTagFiles(BagInfo info, java.util.Map<String, byte[]> extra) throws IOException {
        putBytes("bagit.txt", BundleVerifier.BAGIT_TXT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        putBytes("manifest-sha256.txt", ManifestFile.format(payload));
        info.add("Payload-Oxum", payloadOxum());
        info.add("Bag-Size", BagInfo.humanSize(payloadBytes));
        putBytes("bag-info.txt", info.toBytes());
        for (var e : extra.entrySet()) {
            putBytes(e.getKey(), e.getValue());
        }
        byte[] tagmanifest = ManifestFile.format(tags);
        putBytes("tagmanifest-sha256.txt", tagmanifest);
        return tagmanifest;
    }

    /** Writes the central directory and forces every byte to the device. */
    public void finish() throws IOException {
        finishSyncing();
        awaitSynced();
    }

    /**
     * Writes the central directory, waits until every byte is in the bundle's SHA-256, and starts forcing
     * the file to the device on a thread of its own: the caller may read the file meanwhile (its
     * re-check) and must then call {@link #awaitSynced()} before the file is taken for durable.
     */
    public void finishSyncing() throws IOException {
        if (!finished) {
            finished = true;
            zip.finish();
            zip.flush();
            syncer.startFinal();
            await(sink.last());
            bundleSha256 = HexFormat.of().formatHex(bundleDigest.digest());
        }
    }

    /**
     * Waits for the final {@code fsync} started by {@link #finishSyncing()}; throws what it, or any flush
     * made on the side while the file was written, threw.
     */
    public void awaitSynced() throws IOException {
        if (!finished) {
            throw new IllegalStateException("the bundle is not finished");
        }
        syncer.awaitFinal();
    }

    /**
     * Flushes the bundle file to the device on a thread of its own: {@code fdatasync} every
     * {@link #SYNC_EVERY} bytes while evidence is copied into it, and the final {@code fsync} while the
     * caller re-reads the finished file. Without the side flushes the final fsync found all 2 GiB of a
     * large export still in the page cache and took 1-2 s on the benchmark VM, serial time after the last
     * byte was hashed (docs/performance.md, eighth round). This only adds flushes; a failed side flush
     * fails the bundle (Linux may report a write-back error to one fsync only, so it is never left for the
     * final one to find). The thread is never interrupted: an interrupted {@code force} would close the
     * writer's channel.
     */
    static final class Syncer {
        /** Bytes written between two side flushes. */
        static final long SYNC_EVERY = 256L << 20;

        /** {@link FileChannel#force}, or a stand-in in tests. */
        interface Force {
            void force(FileChannel channel, boolean metaData) throws IOException;
        }

        private final FileChannel channel;
        private final long every;
        private final Force force;
        private final ExecutorService thread;
        private volatile IOException failure;
        private Future<?> side;
        private Future<?> last;
        private long requestedAt;

        Syncer(FileChannel channel, long every, Force force) {
            this.channel = channel;
            this.every = every;
            this.force = force;
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bundle-sync");
                t.setDaemon(true);
                return t;
            });
        }

        /** Asks for a side flush once another {@link #every} bytes were written (none while one is under way). */
        void written(long total) throws IOException {
            IOException f = failure;
            if (f != null) {
                throw f;
            }
            if (total - requestedAt < every || (side != null && !side.isDone())) {
                return;
            }
            requestedAt = total;
            side = thread.submit(() -> {
                try {
                    force.force(channel, false);
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            });
        }

        /** Queues the final {@code fsync} behind any side flush. */
        void startFinal() {
            last = thread.submit(() -> {
                force.force(channel, true);
                return null;
            });
        }

        void awaitFinal() throws IOException {
            if (last == null) {
                throw new IllegalStateException("no final sync was started");
            }
            try {
                last.get();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while the bundle was synced to the disk");
            } catch (ExecutionException ee) {
                throw ee.getCause() instanceof IOException io ? io : new IOException("syncing the bundle failed",
                        ee.getCause());
            }
            IOException f = failure;
            if (f != null) {
                throw f;
            }
        }

        /** Lets a flush under way end (it is not interrupted) before the channel is closed. */
        void stop() {
            thread.shutdown();
            try {
                thread.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SHA-256 of every byte written, i.e. of the finished ZIP file; null before {@link #finish()}. */
    public String bundleSha256() {
        return bundleSha256;
    }

    /**
     * Writes to the channel, strictly forward, while a second thread digests every byte in the same
     * order (a single-thread executor is FIFO). Small writes are gathered in a buffer; bytes are
     * copied for the digest unless they come from the array {@link #lend lent} by the caller, which
     * then keeps it unchanged until {@link #last()} (taken after the write) has completed. Between
     * {@link #beginCopy} and the end of its region, the bytes handed in are placeholders: the region
     * is filled by the kernel from the source file, and read back from this file for the digests.
     */
    private static final class DigestingChannelStream extends java.io.OutputStream {
        private static final int SMALL = 1 << 16;
        /** Bytes copied by the kernel per call, then read back while the next piece is copied. */
        private static final long COPY_PIECE = 16L << 20;
        private static final int READ_BACK = 4 << 20;
        private static final int READ_BUFFERS = 6;

        private final FileChannel channel;
        private final Syncer syncer;
        private final MessageDigest digest;
        private final ExecutorService executor;
        private final ExecutorService entryExecutor;
        private final byte[] small = new byte[SMALL];
        private int smallLen;
        private byte[] lent;
        private Future<?> last = java.util.concurrent.CompletableFuture.completedFuture(null);
        /** Bytes accepted so far: the file offset of the next byte. */
        private long accepted;
        // the copy region [copyStart, copyEnd), its source, how much of it is copied and how much waits
        private FileChannel source;
        private long copyStart;
        private long copyEnd;
        private long copied;
        private long waiting;
        private MessageDigest entrySha;
        private CRC32 entryCrc;
        private CopyProgress copyProgress;
        private final ArrayDeque<java.nio.ByteBuffer> free = new ArrayDeque<>();
        private final ArrayDeque<Object[]> reading = new ArrayDeque<>();

        DigestingChannelStream(FileChannel channel, MessageDigest digest, ExecutorService executor,
                               ExecutorService entryExecutor, Syncer syncer) {
            this.syncer = syncer;
            this.channel = channel;
            this.digest = digest;
            this.executor = executor;
            this.entryExecutor = entryExecutor;
        }

        void lend(byte[] array) {
            this.lent = array;
        }

        /** Completes when every byte written so far has been digested. */
        Future<?> last() {
            return last;
        }

        /**
         * The next {@code size} bytes handed in are placeholders for {@code source}'s bytes 0 to
         * {@code size}, which are copied by the kernel and read back into {@code sha} and {@code crc}.
         */
        void beginCopy(FileChannel source, long size, MessageDigest sha, CRC32 crc, CopyProgress progress)
                throws IOException {
            if (this.source != null) {
                throw new IllegalStateException("a copy is already open");
            }
            drainSmall();
            this.source = source;
            this.copyStart = accepted;
            this.copyEnd = accepted + size;
            this.copied = 0;
            this.waiting = 0;
            this.entrySha = sha;
            this.entryCrc = crc;
            this.copyProgress = progress;
        }

        /**
         * After the library handed every placeholder byte: the copy is complete and fully digested;
         * returns the file offset where the copied bytes start.
         */
        long endCopy() throws IOException {
            if (source != null || copyEnd == 0) {
                throw new IOException("the ZIP library handed " + (accepted - copyStart) + " of "
                        + (copyEnd - copyStart) + " bytes of a copied entry");
            }
            long start = copyStart;
            copyStart = 0;
            copyEnd = 0;
            return start;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (source != null) {
                    int n = (int) Math.min(len, copyEnd - accepted);
                    accepted += n;
                    waiting += n;
                    off += n;
                    len -= n;
                    if (accepted == copyEnd) {
                        copyWaiting();
                        finishCopy();
                    } else if (waiting >= COPY_PIECE) {
                        copyWaiting();
                    }
                    continue;
                }
                if (b == lent || len >= SMALL) {
                    drainSmall();
                    final byte[] src;
                    final int from;
                    if (b == lent) {
                        src = b;
                        from = off;
                    } else {
                        src = java.util.Arrays.copyOfRange(b, off, off + len);
                        from = 0;
                    }
                    final int n = len;
                    last = executor.submit(() -> digest.update(src, from, n));
                    writeFully(java.nio.ByteBuffer.wrap(b, off, len));
                    accepted += len;
                    syncer.written(accepted);
                    return;
                }
                int n = Math.min(len, SMALL - smallLen);
                System.arraycopy(b, off, small, smallLen, n);
                smallLen += n;
                accepted += n;
                off += n;
                len -= n;
                if (smallLen == SMALL) {
                    drainSmall();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            drainSmall();
        }

        private void drainSmall() throws IOException {
            if (smallLen == 0) {
                return;
            }
            final byte[] src = java.util.Arrays.copyOf(small, smallLen);
            smallLen = 0;
            last = executor.submit(() -> digest.update(src));
            writeFully(java.nio.ByteBuffer.wrap(src));
        }

        private void writeFully(java.nio.ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }

        /** Has the kernel copy the waiting bytes to the end of the file, then reads them back for the digests. */
        private void copyWaiting() throws IOException {
            long at = copyStart + copied;
            long n = waiting;
            long from = copied;
            while (n > 0) {
                long t = source.transferTo(from, n, channel);
                if (t <= 0) {
                    throw new ShortCopy(from);
                }
                from += t;
                n -= t;
            }
            readBack(at, waiting);
            copied += waiting;
            waiting = 0;
            syncer.written(copyStart + copied);
            copyProgress.copied(copied, copyEnd - copyStart, null);
        }

        /** Reads {@code len} bytes at {@code at} of this file, in order, into the bundle and the entry digests. */
        private void readBack(long at, long len) throws IOException {
            long end = at + len;
            while (at < end) {
                java.nio.ByteBuffer buf = free.poll();
                if (buf == null) {
                    if (reading.size() < READ_BUFFERS) {
                        buf = java.nio.ByteBuffer.allocateDirect(READ_BACK);
                    } else {
                        buf = awaitOldest();
                    }
                }
                buf.clear().limit((int) Math.min(READ_BACK, end - at));
                while (buf.hasRemaining()) {
                    int r = channel.read(buf, at + buf.position());
                    if (r < 0) {
                        throw new IOException("the bundle file ended while its copied entry was read back");
                    }
                }
                buf.flip();
                at += buf.limit();
                final java.nio.ByteBuffer forBundle = buf.duplicate();
                final java.nio.ByteBuffer forEntry = buf.duplicate();
                final MessageDigest sha = entrySha;
                final CRC32 crc = entryCrc;
                last = executor.submit(() -> digest.update(forBundle));
                Future<?> e = entryExecutor.submit(() -> {
                    crc.update(forEntry.duplicate());
                    sha.update(forEntry);
                });
                reading.add(new Object[] {buf, last, e});
            }
        }

        private java.nio.ByteBuffer awaitOldest() throws IOException {
            Object[] r = reading.poll();
            await((Future<?>) r[1]);
            await((Future<?>) r[2]);
            return (java.nio.ByteBuffer) r[0];
        }

        /** Waits until the entry digests have every copied byte, and closes the copy region. */
        private void finishCopy() throws IOException {
            while (!reading.isEmpty()) {
                free.add(awaitOldest());
            }
            source = null;
            entrySha = null;
            entryCrc = null;
            copyProgress = null;
        }
    }

    /** Closes the file; after a failure (not finished) the partial ZIP is left for the caller to delete. */
    @Override
    public void close() throws IOException {
        hasher.shutdownNow();
        syncer.stop(); // a flush under way ends before the channel closes
        try {
            if (finished) {
                try {
                    zip.close();
                } finally {
                    channel.close();
                }
                return;
            }
            try {
                channel.close();
            } finally {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // the channel is closed on purpose: the unfinished archive is abandoned
                }
            }
        } finally {
            bundleHasher.shutdownNow();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
