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
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
 * reading.
 */
public final class Vault {
    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    /** Files up to this size are copied without the pipeline's threads. */
    static final int SMALL = 256 * 1024;

    private final Path root;
    private final Path tmp;
    private final SinkFactory sinks;
    private final HashPipeline pipeline;

    public Vault(Path root, SinkFactory sinks, HashPipeline pipeline) {
        this.root = root;
        this.tmp = root.resolve(".tmp");
        this.sinks = sinks;
        this.pipeline = pipeline;
    }

    public Vault(Path root) {
        this(root, SinkFactory.DIRECT, new HashPipeline());
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

    /** Opens a listed file for reading, refusing a link in its place or another file than the one listed. */
    private static FileChannel openListed(Path source, Object listedKey) throws IOException {
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
            LOG.debug("directory fsync not supported for {}", dir);
        }
    }

    /** Removes a blob (only used to undo a store whose item was not recorded). */
    public void delete(String relPath) throws IOException {
        try {
            Files.deleteIfExists(root.resolve(relPath));
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    /** Removes unfinished temp files left by a crash or kill. Call only while holding the case's write lock. */
    public int cleanTemp() throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            for (Path p : ds) {
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
