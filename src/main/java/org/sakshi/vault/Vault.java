package org.sakshi.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.sakshi.core.Digests;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.ProgressListener;
import org.sakshi.hashing.ByteSink;
import org.sakshi.hashing.HashPipeline;
import org.sakshi.hashing.HashResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence vault of a case: content-addressed by SHA-256 ({@code vault/ab/abcd...}), each blob
 * written to {@code vault/.tmp/*.part}, fsynced, atomically renamed into place, then made
 * read-only. Unfinished temp files (a crash, a kill) are removed by {@link #cleanTemp()}, which
 * the case store runs whenever it takes the case's write lock. Sources are only ever opened for
 * reading. A {@link Batch} on a vault that is not shared writes its small files under their final
 * names instead (created read-only, made durable together before the commit that refers to them):
 * there the next writer removes every blob no committed item refers to, so a blob a crash or a kill
 * cut short never outlives it.
 */
public final class Vault {
    /**
     * Its logger, made at its first use: an import's head start (app's {@code Main}) uses this class
     * before logging is set up, which must not be set up on that path (docs/performance.md, ninth round).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    }

    /** Files up to this size are copied without the pipeline's threads. */
    static final int SMALL = 256 * 1024;

    /**
     * {@code sync -f DIR} (coreutils, util-linux era {@code syncfs(2)}): flushes every dirty file and
     * directory of the file system holding DIR in one go; null where there is no such command.
     */
    private static final String SYNC_COMMAND = syncCommand();

    private final Path root;
    private final Path tmp;
    private final SinkFactory sinks;
    private final HashPipeline pipeline;
    /** Whether a batch may sync the whole file system at once; otherwise it fsyncs each new file (tests turn it off). */
    boolean syncWholeFileSystem = SYNC_COMMAND != null;
    /**
     * A vault on a lab's shared storage, written by several workstations at once: a finished blob is
     * never deleted (another workstation's import may have just stored the same content and recorded
     * it), so undoing an import leaves at most an unreferenced blob.
     */
    private boolean shared;

    public Vault(Path root, SinkFactory sinks, HashPipeline pipeline) {
        this.root = root;
        this.tmp = root.resolve(".tmp");
        this.sinks = sinks;
        this.pipeline = pipeline;
    }

    public Vault(Path root) {
        this(root, SinkFactory.DIRECT, new HashPipeline());
    }

    /** This vault as one shared by several workstations (a lab server's case): blobs are never deleted. */
    public Vault shared() {
        Vault v = new Vault(root, sinks, pipeline);
        v.syncWholeFileSystem = syncWholeFileSystem;
        v.shared = true;
        return v;
    }

    public Path root() {
        return root;
    }

    /** The read-only file of a blob, from its path relative to the vault root. */
    public Path resolve(String relPath) {
        return root.resolve(relPath);
    }

    public static String relPathOf(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256;
    }

    /**
     * Copies {@code source} into the vault, hashing while copying (one read of the source).
     * Throws on I/O failure (disk full) or cancellation, leaving no temp file behind.
     */
    public StoredBlob store(Path source, ProgressListener progress, String what, CancelFlag cancel)
            throws IOException, CancelledException {
        return store(source, null, progress, what, cancel);
    }

    /**
     * Thrown when a file listed for import is no longer the regular file that was listed when it is
     * opened (replaced by a symbolic link or by another file): nothing of it is stored.
     */
    public static final class SwappedFileException extends IOException {
        public SwappedFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Like {@link #store(Path, ProgressListener, String, CancelFlag)} for a file found by listing a
     * folder: it is opened without following a symbolic link, and must still be the regular file
     * with the file key ({@code listedKey}, the inode on POSIX) it had when listed; otherwise
     * {@link SwappedFileException}. A null key checks only that it is a regular file, not a link.
     */
    public StoredBlob store(Path source, Object listedKey, ProgressListener progress, String what, CancelFlag cancel)
            throws IOException, CancelledException {
        org.sakshi.core.OwnerOnly.dir(tmp);
        Path part = tmp.resolve(UUID.randomUUID() + ".part");
        HashResult h;
        try (FileChannel in = openListed(source, listedKey)) {
            if (in.size() <= SMALL && sinks == SinkFactory.DIRECT) {
                // Small files (most of a folder) skip the threads: read once into memory, hash, write, fsync.
                java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate((int) in.size() + 1);
                while (all.hasRemaining() && in.read(all) >= 0) {
                    if (cancel != null) {
                        cancel.throwIfCancelled();
                    }
                }
                if (all.hasRemaining()) { // reached the end: these are all the bytes
                    in.close();
                    byte[] data = java.util.Arrays.copyOf(all.array(), all.position());
                    StoredBlob b = storeBytes(data);
                    if (progress != null) {
                        progress.progress(data.length, data.length, what);
                    }
                    return b;
                }
                in.position(0); // it grew while we read: take the streaming path
            }
            ByteSink sink = sinks.open(part);
            h = pipeline.run(in, in.size(), sink, progress, what, cancel);
        } catch (IOException | CancelledException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return commit(part, h);
    }

    /**
     * Names of temp files ({@code vault/.tmp/*.part}) of copies this process started before it held the
     * case's write lock ({@link #begin}); {@link #cleanTemp()} leaves them alone. The names are random
     * UUIDs, so one set serves every vault of the process.
     */
    private static final Set<String> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Starts copying {@code source} into this vault's temp folder with the three digests on a thread
     * of its own, before the caller holds the case's write lock (so hashing overlaps opening the case).
     * The source is opened exactly as by {@link #store(Path, ProgressListener, String, CancelFlag)} (not
     * following a symbolic link). Nothing is in the vault until {@link Started#commit} renames the copy
     * into place, which the caller does only under the write lock; {@link Started#close()} without a
     * commit stops the copy and removes its temp file.
     */
    public Started begin(Path source, String what) throws IOException {
        org.sakshi.core.OwnerOnly.dir(tmp);
        return new Started(source, tmp.resolve(UUID.randomUUID() + ".part"), what);
    }

    /** A copy into the vault started by {@link #begin}; see there. */
    public final class Started implements AutoCloseable {
        private final Path source;
        private final Path part;
        private final String what;
        private final CancelFlag stop = new CancelFlag();
        private final java.util.concurrent.CompletableFuture<HashResult> result =
                new java.util.concurrent.CompletableFuture<>();
        private final Thread thread;
        private volatile ProgressListener progress = ProgressListener.NONE;
        private boolean done;

        private Started(Path source, Path part, String what) {
            this.source = source;
            this.part = part;
            this.what = what;
            IN_FLIGHT.add(part.getFileName().toString());
            thread = new Thread(this::copy, "sakshi-vault-copy");
            thread.setDaemon(true);
            thread.start();
        }

        private void copy() {
            try (FileChannel in = openListed(source, null)) {
                ByteSink sink = sinks.open(part);
                result.complete(pipeline.run(in, in.size(), sink, (d, t, w) -> progress.progress(d, t, w), what,
                        stop));
            } catch (Throwable t) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    t.addSuppressed(e);
                }
                result.completeExceptionally(t);
            }
        }

        /** The file being copied, as given. */
        public Path source() {
            return source;
        }

        /** The vault this copy goes to. */
        public Path vaultRoot() {
            return root;
        }

        /**
         * Waits for the copy (its bytes and temp file durable) and renames it into place; call only
         * while holding the case's write lock. Progress from now on goes to {@code progress}.
         * Cancelling {@code cancel} stops the copy. Throws what the copy threw (the source
         * unreadable or replaced by a link, the disk full...).
         */
        public StoredBlob commit(ProgressListener progress, CancelFlag cancel) throws IOException, CancelledException {
            if (done) {
                throw new IllegalStateException("this copy was already committed or closed");
            }
            this.progress = progress == null ? ProgressListener.NONE : progress;
            HashResult h;
            try {
                while (true) {
                    if (cancel != null && cancel.isCancelled()) {
                        stop.cancel();
                    }
                    try {
                        h = result.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        // check for cancellation again
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.cancel();
                throw new CancelledException("interrupted while copying " + what, e);
            } catch (ExecutionException e) {
                HashPipeline.rethrow(e.getCause());
                throw new IOException(e);
            }
            done = true;
            try {
                return Vault.this.commit(part, h);
            } finally {
                IN_FLIGHT.remove(part.getFileName().toString());
            }
        }

        /** Stops the copy unless it was committed and removes its temp file; waits for its thread. */
        @Override
        public void close() {
            if (!done) {
                done = true;
                stop.cancel();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    Log.LOG.warn("could not remove the unfinished vault file {}", part, e);
                }
            }
            IN_FLIGHT.remove(part.getFileName().toString());
        }
    }

    /**
     * Opens a file listed in a folder for reading and checks that it is still the file listed (not a
     * symbolic link, not another file), or throws {@link SwappedFileException}; puts its size as found
     * after opening in {@code sizeOut[0]}, or -1 when it was not looked at.
     */
    @FunctionalInterface
    public interface Opener {
        java.nio.channels.SeekableByteChannel open(long[] sizeOut) throws IOException;
    }

    /** Opens a listed file for reading, refusing a link in its place or another file than the one listed. */
    private static FileChannel openListed(Path source, Object listedKey) throws IOException {
        return openListed(source, listedKey, null);
    }

    /**
     * As {@link #openListed(Path, Object)}; when the file's attributes were read after opening it
     * (a listed key given), its size then goes to {@code sizeOut[0]}, otherwise -1.
     */
    private static FileChannel openListed(Path source, Object listedKey, long[] sizeOut) throws IOException {
        if (sizeOut != null) {
            sizeOut[0] = -1;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) { // ELOOP: "Too many levels of symbolic links"
            if (Files.isSymbolicLink(source)) {
                throw new SwappedFileException(source + " was replaced by a symbolic link after it was listed", e);
            }
            throw e;
        }
        if (listedKey == null && !Files.isSymbolicLink(source)) {
            return ch;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!now.isRegularFile()) {
                throw new SwappedFileException(source + " is no longer a regular file (it was replaced after it was"
                        + " listed)", null);
            }
            if (listedKey != null && now.fileKey() != null && !listedKey.equals(now.fileKey())) {
                throw new SwappedFileException(source + " was replaced by another file after it was listed", null);
            }
            if (sizeOut != null) {
                sizeOut[0] = now.size();
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Stores small content given in memory (folder manifests). */
    public StoredBlob storeBytes(byte[] data) throws IOException {
        org.sakshi.core.OwnerOnly.dir(tmp);
        Path part = tmp.resolve(UUID.randomUUID() + ".part");
        HashResult h = HashPipeline.hashBytes(data);
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return commit(part, h);
    }

    private static final Set<StandardOpenOption> CREATE_WRITE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final java.nio.file.attribute.FileAttribute<?> READ_ONLY_ATTR =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(org.sakshi.core.OwnerOnly.READ_ONLY);

    /**
     * Starts a batch: small files stored through it are not fsynced one by one (one fsync per file
     * costs milliseconds on a real disk, which dominates a folder of 100,000 small files).
     * {@link Batch#sync()} then makes every blob the batch wrote durable at once, files and
     * directories; it must return before any ledger entry that refers to them is committed. A crash
     * before that leaves blobs no item refers to, which the next writer removes. Every blob gets its
     * three digests and CRC-32.
     */
    public Batch batch() throws IOException {
        return new Batch(true);
    }

    /**
     * A batch for the members of a folder: as {@link #batch()}, but a small file submitted to it
     * gets its SHA-256 only (its name in the vault, its line in the folder's manifest and member
     * list), and its blob no {@link StoredBlob#hash()}: a member's SHA-1, MD5 and CRC-32 were
     * never kept, and taking them cost a third of a folder import's CPU (docs/performance.md, twelfth
     * round). Bytes stored with {@link Batch#storeBytes} (the folder's manifest, whose digests are
     * the item's) and large files get all of them.
     */
    public Batch memberBatch() throws IOException {
        return new Batch(false);
    }

    /**
     * Blobs stored together and made durable together; see {@link #batch()}. One thread at a time
     * calls it (the thread walking a folder). Small files are read on that thread and hashed and
     * written on the batch's writer threads (two where there are two cores), so reading the next
     * files overlaps hashing and writing the ones before, and one file's digests overlap another's
     * file creation in the kernel. {@link #sync()} or {@link #close()} stops those threads.
     */
    public final class Batch implements AutoCloseable {
        /**
         * Small files are handed to the writer threads in groups, not one by one: one queue hand-off
         * (and at most one thread wake-up) per group instead of per file, about three {@code futex}
         * calls per file before (docs/performance.md, eighth round). A group holds up to
         * {@link #GROUP_FILES} files read one after the other into one buffer of {@link #GROUP_BYTES};
         * a file is read into a group only while {@link #SMALL} + 1 bytes are free in it, so a file
         * that grew past {@link #SMALL} since it was listed still shows as large.
         */
        static final int GROUP_FILES = 64;
        static final int GROUP_BYTES = 1 << 20;
        /** At most this many groups are filled or waiting for the writer threads (one buffer each). */
        private static final int GROUPS = 4;
        private static final int WRITERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        private final List<String> unsynced = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Blob directories created (each created once, the others wait for it); read after the writers stopped. */
        private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> dirs =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.BlockingQueue<Group> free =
                new java.util.concurrent.ArrayBlockingQueue<>(GROUPS);
        private final java.util.concurrent.BlockingQueue<Job> jobs = new java.util.concurrent.LinkedBlockingQueue<>();
        private final String prefix = UUID.randomUUID().toString();
        private final java.util.concurrent.atomic.AtomicLong parts = new java.util.concurrent.atomic.AtomicLong();
        private final boolean posix;
        /**
         * Small files are written under their final names ({@link #writeInPlace}), not through a temp
         * file and a rename: POSIX modes (created 0400) and a vault that is not {@link #shared()} (a lab
         * server's vault is never tidied, so it keeps the temp file and the rename).
         */
        private final boolean direct;
        private int groups;
        /** The group the walking thread is filling (only that thread touches it until it is queued). */
        private Group current;
        private final List<Thread> writers = new ArrayList<>();
        /** Jobs queued and jobs done, under {@link #progress}; {@link #drain()} waits for them to meet. */
        private final Object progress = new Object();
        private long queued;
        private long finished;
        /**
         * The blob folders (by their two-character names) this batch has listed: the first 64 bits
         * of every blob name found went into {@link #known}, read with one listing of the folder the
         * first time this batch needs it, instead of one {@code access(2)} per blob. Only where this
         * process is the vault's only writer (the case's write lock is held), never for a
         * {@link #shared()} vault, where another workstation may add a blob at any time and each
         * blob is looked up.
         */
        private final java.util.concurrent.ConcurrentHashMap<String, Boolean> listed =
                new java.util.concurrent.ConcurrentHashMap<>();
        /**
         * The first 64 bits of the name of every blob in the listed folders, of every blob this
         * batch wrote and of every blob this process stored aside (large files) while the batch runs
         * (8 bytes a blob, not a name): a blob whose prefix is not here is not in the vault; one
         * whose prefix is here is looked up ({@code access(2)}), so a prefix shared by two contents
         * never makes a blob look stored.
         */
        private final PrefixSet known = new PrefixSet();
        /** Hands blobs on one at a time (the callers' lists need no lock of their own). */
        private final Object handOn = new Object();
        /** The first write that failed: every later call of the batch throws it, nothing more is written. */
        private volatile IOException failed;

        /**
         * Work for a writer thread: a group of small files to hash and write ({@code group}, its
         * buffer back to the pool afterwards), bytes to hash and write ({@code data}), or a blob
         * already stored ({@code stored}, a large file), each blob handed to its {@code then}.
         */
        private record Job(Group group, byte[] data, StoredBlob stored,
                           java.util.function.Consumer<StoredBlob> then) {
        }

        private static final Job STOP = new Job(null, null, null, null);

        /** Small files read one after the other into one buffer: file {@code i} is {@code data[off[i], off[i] + len[i])}. */
        private static final class Group {
            final byte[] data = new byte[GROUP_BYTES];
            final int[] off = new int[GROUP_FILES];
            final int[] len = new int[GROUP_FILES];
            @SuppressWarnings("unchecked")
            final java.util.function.Consumer<StoredBlob>[] then = new java.util.function.Consumer[GROUP_FILES];
            int used;
            int count;

            boolean hasRoom() {
                return count < GROUP_FILES && GROUP_BYTES - used >= SMALL + 1;
            }

            void clear() {
                java.util.Arrays.fill(then, 0, count, null);
                used = 0;
                count = 0;
            }
        }

        /** One writer thread's digests. */
        private static final class Hashers {
            final MessageDigest sha256;
            final MessageDigest sha1;
            final MessageDigest md5;
            final CRC32 crc = new CRC32();

            Hashers() {
                try {
                    sha256 = MessageDigest.getInstance("SHA-256");
                    sha1 = MessageDigest.getInstance("SHA-1");
                    md5 = MessageDigest.getInstance("MD5");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("a standard digest is missing from this JDK", e);
                }
            }
        }

        /** Whether the small files of groups get SHA-1, MD5 and CRC-32 besides their SHA-256. */
        private final boolean allDigests;

        private Batch(boolean allDigests) throws IOException {
            this.allDigests = allDigests;
            org.sakshi.core.OwnerOnly.dir(tmp);
            posix = Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null;
            direct = posix && !shared;
        }

        /**
         * Like {@link Vault#store(Path, Object, ProgressListener, String, CancelFlag)}. A file up to
         * {@link #SMALL} bytes is hashed and written to the vault without its own fsync (left for
         * {@link #sync()}); a larger file takes the streaming path and is fsynced on its own, as
         * outside a batch. Returns once the blob is in the vault.
         */
        public StoredBlob store(Path source, Object listedKey, ProgressListener progress, String what,
                                CancelFlag cancel) throws IOException, CancelledException {
            StoredBlob[] out = new StoredBlob[1];
            submit(source, listedKey, progress, what, cancel, b -> out[0] = b);
            drain();
            return out[0];
        }

        /**
         * Like {@link #store}, but returns once the file is read (its checks made: opened without
         * following a link, still the file listed): its hashing and writing run on a writer thread,
         * which then hands the blob to {@code then}, not necessarily in the order of the calls.
         * {@code then} runs on a writer thread, one call at a time (also for a large file, stored
         * before this returns); it has run for every blob written once {@link #sync()} or
         * {@link #close()} has returned, also after a failure, so a caller can remove what was
         * written. A write that fails is thrown by the next call of this batch; nothing is written
         * after it. The same content submitted twice is written once where blobs are written under
         * their final names (the other says it existed); through temp files (a shared vault, no POSIX
         * modes) it may be written twice (the second rename replaces identical bytes), and then both
         * blobs say they are new.
         */
        public void submit(Path source, Object listedKey, ProgressListener progress, String what, CancelFlag cancel,
                           java.util.function.Consumer<StoredBlob> then) throws IOException, CancelledException {
            submit(source, listedKey, -1, progress, what, cancel, then);
        }

        /**
         * As {@link #submit(Path, Object, ProgressListener, String, CancelFlag, java.util.function.Consumer)}
         * with the size the file had when listed ({@code -1}: unknown), which spares asking the opened
         * file its size; a file that grew past {@link #SMALL} since is still taken whole, by the streaming path.
         */
        public void submit(Path source, Object listedKey, long listedSize, ProgressListener progress, String what,
                           CancelFlag cancel, java.util.function.Consumer<StoredBlob> then)
                throws IOException, CancelledException {
            submit(source, sizeOut -> openListed(source, listedKey, sizeOut), listedKey, listedSize, progress, what,
                    cancel, then);
        }

        /**
         * As {@link #submit(Path, Object, long, ProgressListener, String, CancelFlag, java.util.function.Consumer)},
         * a small file being read through {@code opener}, which opens it and checks that it is still
         * the file listed (a folder walk that holds its folders open opens it relative to its folder);
         * a large file is stored from {@code source}, opened by its path and checked by {@code listedKey}.
         */
        public void submit(Path source, Opener opener, Object listedKey, long listedSize, ProgressListener progress,
                           String what, CancelFlag cancel, java.util.function.Consumer<StoredBlob> then)
                throws IOException, CancelledException {
            throwIfFailed();
            if (sinks != SinkFactory.DIRECT) {
                enqueue(new Job(null, null, Vault.this.store(source, listedKey, progress, what, cancel), then));
                return;
            }
            if (listedSize <= SMALL) { // listed as large: straight to the streaming path
                Group g = current;
                if (g == null || !g.hasRoom()) {
                    handOff();
                    g = current = takeGroup();
                }
                int start = g.used;
                int n = 0;
                long[] opened = new long[1];
                try (java.nio.channels.SeekableByteChannel in = opener.open(opened)) {
                    // with a listed size, no fstat: at most SMALL + 1 bytes are read, so growth shows
                    if (listedSize >= 0 || in.size() <= SMALL) {
                        java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(g.data, start, SMALL + 1);
                        int r;
                        while (all.hasRemaining() && (r = in.read(all)) >= 0) {
                            n += r;
                            // a read that came back short with the size the opened file had: its end, no
                            // further read to see it (a file that grows or shrinks meanwhile reads on to its end)
                            if (n == opened[0] && all.hasRemaining()) {
                                break;
                            }
                        }
                    } else {
                        n = SMALL + 1;
                    }
                }
                if (n <= SMALL) {
                    if (cancel != null) {
                        cancel.throwIfCancelled();
                    }
                    // the file joins the group (bytes past g.used are free until then)
                    g.off[g.count] = start;
                    g.len[g.count] = n;
                    g.then[g.count] = then;
                    g.count++;
                    g.used = start + n;
                    if (progress != null) {
                        progress.progress(n, n, what);
                    }
                    return;
                }
            }
            // a large file (or one that grew while read): the streaming path, on this thread
            StoredBlob large = Vault.this.store(source, listedKey, progress, what, cancel);
            known.add(prefix(large.sha256()));
            enqueue(new Job(null, null, large, then));
        }

        /** Stores {@code data} without its own fsync (left for {@link #sync()}). */
        public StoredBlob storeBytes(byte[] data) throws IOException {
            throwIfFailed();
            StoredBlob[] out = new StoredBlob[1];
            enqueue(new Job(null, data, null, b -> out[0] = b));
            drain();
            return out[0];
        }

        /** Queues the group being filled, if it holds a file. */
        private void handOff() {
            Group g = current;
            if (g != null && g.count > 0) {
                current = null;
                enqueue(new Job(g, null, null, null));
            }
        }

        private Group takeGroup() throws IOException {
            Group b = free.poll();
            if (b != null) {
                return b;
            }
            if (groups < GROUPS) {
                groups++;
                return new Group();
            }
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while copying into the vault");
            }
        }

        private void enqueue(Job j) {
            if (writers.isEmpty()) {
                for (int i = 0; i < WRITERS; i++) {
                    writers.add(Thread.ofPlatform().daemon().name("vault-batch-writer-" + i).start(this::writeLoop));
                }
            }
            synchronized (progress) {
                queued++;
            }
            jobs.add(j);
        }

        private void writeLoop() {
            Hashers hs = new Hashers();
            while (true) {
                Job j;
                try {
                    j = jobs.take();
                } catch (InterruptedException e) {
                    return; // never interrupted: stop() queues STOP
                }
                if (j == STOP) {
                    return;
                }
                Group g = j.group();
                try {
                    if (g != null) {
                        writeGroup(hs, g);
                    } else {
                        StoredBlob b = j.stored();
                        if (b == null && failed == null) {
                            b = write(hs, j.data(), 0, j.data().length, true);
                        }
                        if (b != null) { // a large file stored even after a failure: its caller must learn of it
                            synchronized (handOn) {
                                j.then().accept(b);
                            }
                        }
                    }
                } catch (IOException e) {
                    fail(e);
                } catch (RuntimeException | Error e) {
                    fail(new IOException("could not store a file in the vault: " + e, e));
                } finally {
                    if (g != null) {
                        g.clear();
                        free.offer(g);
                    }
                    synchronized (progress) {
                        if (++finished == queued) {
                            progress.notifyAll();
                        }
                    }
                }
            }
        }

        /**
         * Writes a group's files in order until one fails (nothing more is written after a failure,
         * also by the other writer), then hands on every blob written, the group's at once.
         */
        private void writeGroup(Hashers hs, Group g) throws IOException {
            StoredBlob[] out = new StoredBlob[g.count];
            Throwable error = null;
            for (int i = 0; i < g.count && failed == null; i++) {
                try {
                    out[i] = write(hs, g.data, g.off[i], g.len[i], allDigests);
                } catch (IOException | RuntimeException | Error e) {
                    error = e;
                    break;
                }
            }
            synchronized (handOn) { // blobs written before a failure too: the caller must learn of them
                for (int i = 0; i < g.count; i++) {
                    if (out[i] != null) {
                        g.then[i].accept(out[i]);
                    }
                }
            }
            if (error instanceof IOException io) {
                throw io;
            } else if (error instanceof RuntimeException re) {
                throw re;
            } else if (error instanceof Error er) {
                throw er;
            }
        }

        private synchronized void fail(IOException e) {
            if (failed == null) {
                failed = e;
            }
        }

        private void throwIfFailed() throws IOException {
            IOException e = failed;
            if (e != null) {
                throw e; // the writer thread's own exception: its kind and message say what went wrong
            }
        }

        /**
         * Waits until the writer threads have handed on every blob submitted so far (without making
         * them durable: that is {@link #sync()}); throws the first write that failed.
         */
        public void awaitWrites() throws IOException {
            drain();
        }

        /** Waits until the writer threads have done every job queued so far; throws their first failure. */
        private void drain() throws IOException {
            handOff();
            boolean interrupted = false;
            synchronized (progress) {
                while (finished != queued) {
                    try {
                        progress.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the jobs are short: finish waiting, keep the interrupt
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throwIfFailed();
        }

        /** Stops the writer threads once they have done every job queued so far. */
        private void stop() {
            handOff();
            if (writers.isEmpty()) {
                return;
            }
            for (int i = 0; i < writers.size(); i++) {
                jobs.add(STOP);
            }
            boolean interrupted = false;
            for (Thread w : writers) {
                while (true) {
                    try {
                        w.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            writers.clear();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Stops the writer thread after the jobs queued so far (their blobs handed on as usual); blobs
         * not made durable by {@link #sync()} stay in the vault for the caller (or the next writer) to
         * remove.
         */
        @Override
        public void close() {
            stop();
        }

        /** Hashes (SHA-256; with {@code all}, SHA-1, MD5 and CRC-32 too) and stores one blob. */
        private StoredBlob write(Hashers hs, byte[] data, int off, int len, boolean all) throws IOException {
            HexFormat hex = HexFormat.of();
            hs.sha256.update(data, off, len);
            String sha256 = hex.formatHex(hs.sha256.digest());
            HashResult h = null;
            if (all) {
                hs.sha1.update(data, off, len);
                hs.md5.update(data, off, len);
                hs.crc.reset();
                hs.crc.update(data, off, len);
                h = new HashResult(new Digests(sha256, hex.formatHex(hs.sha1.digest()), hex.formatHex(hs.md5.digest())),
                        len, hs.crc.getValue());
            }
            String rel = relPathOf(sha256);
            Path target = root.resolve(rel);
            if (exists(target, rel)) { // known content: nothing to write
                return new StoredBlob(rel, sha256, len, h, true);
            }
            Path dir = target.getParent();
            if (!dirs.containsKey(dir)) {
                try { // one writer creates it; another that needs it meanwhile waits for it
                    dirs.computeIfAbsent(dir, d -> {
                        try {
                            org.sakshi.core.OwnerOnly.dir(d);
                            return Boolean.TRUE;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            if (direct) {
                return writeInPlace(target, rel, sha256, h, data, off, len);
            }
            Path part = tmp.resolve(prefix + "-" + parts.getAndIncrement() + ".part");
            // created 0400 where the file system has POSIX modes: the creating descriptor may still write
            try (FileChannel ch = posix ? FileChannel.open(part, CREATE_WRITE, READ_ONLY_ATTR)
                    : FileChannel.open(part, CREATE_WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data, off, len);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            if (!posix) {
                makeReadOnly(part);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(part);
                return new StoredBlob(rel, sha256, len, h, true);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(part);
                throw new IOException("the vault's filesystem cannot rename atomically: " + root, e);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            unsynced.add(rel);
            known.add(prefix(sha256));
            return new StoredBlob(rel, sha256, len, h, false);
        }

        /**
         * Writes a blob under its final name, created 0400 with {@code O_EXCL} (one directory update;
         * no temp file, no rename): on a vault that is not {@link #shared()}, whose next writer removes
         * every blob no committed item refers to ({@code CaseAccess} tidies the case under the write
         * lock), so a blob cut short by a crash or a kill, like an unsynced renamed one, never outlives
         * the next writer; a name that is taken is content already there (or being written by the
         * other writer thread, before this batch's {@link #sync()}). A write that fails removes the
         * file it created.
         */
        private StoredBlob writeInPlace(Path target, String rel, String sha256, HashResult h, byte[] data, int off,
                                        int len) throws IOException {
            FileChannel ch;
            try {
                ch = FileChannel.open(target, CREATE_WRITE, READ_ONLY_ATTR);
            } catch (FileAlreadyExistsException e) {
                return new StoredBlob(rel, sha256, len, h, true);
            }
            try (ch) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data, off, len);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            } catch (IOException | RuntimeException | Error e) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException d) {
                    e.addSuppressed(d);
                }
                throw e;
            }
            unsynced.add(rel);
            known.add(prefix(sha256));
            return new StoredBlob(rel, sha256, len, h, false);
        }

        /**
         * Whether the blob {@code rel} is in the vault: on a shared vault one {@code access(2)};
         * otherwise no blob is there when its prefix is not in {@link #known} (its folder listed
         * once, the blobs written into it since recorded: nothing else writes the vault while the
         * case's write lock is held), and a known prefix is confirmed by one {@code access(2)}.
         */
        private boolean exists(Path target, String rel) throws IOException {
            if (shared) {
                return Files.exists(target); // access(2): no exception when absent
            }
            try {
                listed.computeIfAbsent(rel.substring(0, 2), d -> {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent())) {
                        for (Path f : ds) {
                            String n = f.getFileName().toString();
                            if (n.length() == 64) {
                                try {
                                    known.add(prefix(n));
                                } catch (NumberFormatException e) {
                                    // not a blob's name: never the name of a content
                                }
                            }
                        }
                    } catch (NoSuchFileException e) {
                        // no blob starts so yet
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            return known.contains(prefix(rel.substring(3))) && Files.exists(target);
        }

        /** How many blobs this batch wrote that are not durable yet. */
        public int pending() {
            return unsynced.size();
        }

        /**
         * Waits for the writer thread and stops it, then makes every blob this batch wrote durable,
         * with the directories naming them: one {@code syncfs(2)} of the vault's file system where the
         * system offers it, otherwise an fsync of each file and directory (several at a time, so the
         * disk can merge its flushes). Throws when a write failed or the data could not be made
         * durable; then nothing may be recorded for them.
         */
        public void sync() throws IOException {
            syncLater().await();
        }

        /**
         * As {@link #sync()}, with the flush itself on another thread: the writer threads are
         * stopped and their failure thrown here, then the returned handle's {@link Durable#await()}
         * waits for the flush and throws its failure. The caller may prepare what refers to the blobs
         * meanwhile (a folder import inserts its 100,000 rows while the disk flushes), and must not
         * make that durable itself (commit it) before {@code await} returned. The batch may be
         * closed before the flush ends; nothing more may be written through it.
         */
        public Durable syncLater() throws IOException {
            stop();
            throwIfFailed();
            if (unsynced.isEmpty()) {
                return Durable.DONE;
            }
            java.util.concurrent.FutureTask<Void> flush = new java.util.concurrent.FutureTask<>(() -> {
                if (!(syncWholeFileSystem && syncFileSystem(root))) {
                    fsyncEach();
                }
                unsynced.clear();
                return null;
            });
            Thread.ofPlatform().daemon().name("vault-sync").start(flush);
            return new Durable(flush);
        }

        private void fsyncEach() throws IOException {
            List<Path> files = new ArrayList<>(unsynced.size());
            for (String rel : unsynced) {
                files.add(root.resolve(rel));
            }
            int threads = Math.min(16, Math.max(1, files.size() / 64));
            ExecutorService ex = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "vault-fsync");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Void>> done = new ArrayList<>();
                int per = (files.size() + threads - 1) / threads;
                for (int i = 0; i < files.size(); i += per) {
                    List<Path> part = files.subList(i, Math.min(files.size(), i + per));
                    done.add(ex.submit(() -> {
                        for (Path f : part) {
                            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                                ch.force(true);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<Void> f : done) {
                    f.get();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("could not make the vault copies durable: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making the vault copies durable", e);
            } finally {
                ex.shutdownNow();
            }
            for (Path d : dirs.keySet()) {
                fsyncDir(d);
            }
            fsyncDir(root);
        }
    }

    /** A flush of a batch's blobs ({@link Batch#syncLater()}), running or done. */
    public static final class Durable {
        /** Nothing to flush. */
        public static final Durable DONE = new Durable(null);
        private final Future<Void> flush;

        private Durable(Future<Void> flush) {
            this.flush = flush;
        }

        /**
         * Waits for the flush (whatever interrupts this thread: the blobs must be known durable or
         * not) and throws its failure: then the blobs are not durable and nothing may refer to them.
         */
        public void await() throws IOException {
            if (flush == null) {
                return;
            }
            try {
                org.sakshi.core.Waits.uninterruptibly(flush);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("could not make the vault copies durable: " + e.getCause(), e.getCause());
            }
        }

        /** Waits for the flush and ignores its failure (before the blobs are removed after another failure). */
        public void awaitQuietly() {
            try {
                await();
            } catch (IOException e) {
                Log.LOG.debug("the flush of blobs about to be removed failed: {}", e.toString());
            }
        }
    }

    /** The first 64 bits of a blob's name (its SHA-256 in hex). */
    static long prefix(String sha256) {
        return Long.parseUnsignedLong(sha256, 0, 16, 16);
    }

    /** A set of longs (open addressing), one lock for its few callers. */
    static final class PrefixSet {
        private long[] slots = new long[1024];
        private boolean hasZero;
        private int size;

        synchronized void add(long v) {
            if (v == 0) {
                hasZero = true;
                return;
            }
            if (2 * (size + 1) > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        put(o);
                    }
                }
            }
            put(v);
        }

        private void put(long v) {
            int m = slots.length - 1;
            for (int i = mix(v) & m; ; i = (i + 1) & m) {
                if (slots[i] == v) {
                    return;
                }
                if (slots[i] == 0) {
                    slots[i] = v;
                    size++;
                    return;
                }
            }
        }

        synchronized boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int m = slots.length - 1;
            for (int i = mix(v) & m; ; i = (i + 1) & m) {
                if (slots[i] == v) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        private static int mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** Runs {@code sync -f dir}; true when it said the file system was flushed without error. */
    static boolean syncFileSystem(Path dir) {
        if (SYNC_COMMAND == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(SYNC_COMMAND, "-f", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int rc = p.waitFor();
            if (rc != 0) {
                Log.LOG.debug("'{} -f {}' exited with {}; syncing each file instead", SYNC_COMMAND, dir, rc);
            }
            return rc == 0;
        } catch (IOException e) {
            Log.LOG.debug("could not run '{} -f' ({}); syncing each file instead", SYNC_COMMAND, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String syncCommand() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return null;
        }
        for (String c : List.of("/usr/bin/sync", "/bin/sync")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    private StoredBlob commit(Path part, HashResult h) throws IOException {
        String rel = relPathOf(h.digests().sha256());
        Path target = root.resolve(rel);
        if (Files.exists(target)) {
            Files.deleteIfExists(part);
            return new StoredBlob(rel, h, true);
        }
        org.sakshi.core.OwnerOnly.dir(target.getParent());
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(part);
            return new StoredBlob(rel, h, true);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(part);
            throw new IOException("the vault's filesystem cannot rename atomically: " + root, e);
        }
        makeReadOnly(target);
        fsyncDir(target.getParent());
        return new StoredBlob(rel, h, false);
    }

    /** A finished blob is read-only for its owner only (0400): it holds a victim's evidence. */
    static void makeReadOnly(Path p) throws IOException {
        org.sakshi.core.OwnerOnly.readOnly(p);
    }

    /** Makes a directory entry (a rename) durable. */
    public static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            Log.LOG.debug("directory fsync not supported for {}", dir);
        }
    }

    /** Removes a blob (only used to undo a store whose item was not recorded). */
    public void delete(String relPath) throws IOException {
        if (shared) {
            Log.LOG.debug("shared vault {}: blob {} kept (another workstation may refer to it)", root, relPath);
            return;
        }
        try {
            Files.deleteIfExists(root.resolve(relPath));
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    /**
     * Removes unfinished temp files left by a crash or kill (not the copies this process has begun and
     * not yet committed or closed). Call only while holding the case's write lock.
     */
    public int cleanTemp() throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            for (Path p : ds) {
                if (IN_FLIGHT.contains(p.getFileName().toString())) {
                    continue; // a copy of this process still being written (begin), not a leftover
                }
                Files.deleteIfExists(p);
                n++;
            }
        }
        return n;
    }

    /** Relative paths of every blob in the vault (for removing blobs no item refers to). */
    public Set<String> blobs() throws IOException {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path d : ds) {
                String dn = d.getFileName().toString();
                if (dn.length() != 2 || !Files.isDirectory(d)) {
                    continue;
                }
                try (DirectoryStream<Path> fs = Files.newDirectoryStream(d)) {
                    for (Path f : fs) {
                        out.add(dn + "/" + f.getFileName());
                    }
                }
            }
        }
        return out;
    }
}
