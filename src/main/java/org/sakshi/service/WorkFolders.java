package org.sakshi.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner-only folders that hold plain copies for a while: an encrypted export's
 * {@code CASE/exports/.staging-<id>/} and a receipt's {@code CASE/.decrypt-*}. The process working in
 * one holds an OS lock on its {@value #LOCK} file; a crash (kill, power loss) leaves the folder with a
 * lock nobody holds, and {@link #sweep} removes such leftovers at the next export or receipt.
 */
final class WorkFolders {
    private static final Logger LOG = LoggerFactory.getLogger(WorkFolders.class);

    /** The lock file inside each working folder. */
    static final String LOCK = ".lock";
    static final String STAGING_PREFIX = ".staging-";
    static final String DECRYPT_PREFIX = ".decrypt-";
    /**
     * A folder without a lock file is removed only when older than this: a folder left by an older
     * version, or by a crash before its lock was taken, never one another process has just made.
     */
    static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);

    /**
     * The folders this process holds. Sweeping never opens their lock files: on POSIX systems closing
     * any channel to a file drops every lock the process has on it.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WorkFolders() {
    }

    /** The lock of one working folder, held until closed (close it before deleting the folder). */
    static final class Held implements AutoCloseable {
        private final Path dir;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(Path dir, FileChannel channel, FileLock lock) {
            this.dir = dir;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            HELD.remove(dir);
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("could not close the lock file of a working folder: {}", e.getMessage());
            }
        }
    }

    /** Takes the lock of {@code dir} (made already) for this process; fails if another process holds it. */
    static Held hold(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new IOException("the working folder " + dir + " is in use by another process");
            }
            Path key = dir.toAbsolutePath().normalize();
            HELD.add(key);
            return new Held(key, ch, lock);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Removes the leftover working folders of {@code caseDir} ({@code exports/.staging-*} and
     * {@code .decrypt-*}) whose lock no process holds, logging each; folders in use are kept. Never
     * throws: a folder it cannot check or remove is logged and left. Returns the folders removed.
     */
    static List<Path> sweep(Path caseDir) {
        List<Path> removed = new java.util.ArrayList<>();
        sweep(caseDir.resolve("exports"), STAGING_PREFIX, removed);
        sweep(caseDir, DECRYPT_PREFIX, removed);
        return removed;
    }

    private static void sweep(Path parent, String prefix, List<Path> removed) {
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : ds) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && removeIfAbandoned(dir)) {
                    removed.add(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not look for leftover working folders in {}: {}", parent, e.getMessage());
        }
    }

    private static boolean removeIfAbandoned(Path dir) {
        if (HELD.contains(dir.toAbsolutePath().normalize())) {
            return false; // in use by this process
        }
        Path lockFile = dir.resolve(LOCK);
        try {
            if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                FileTime t = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
                if (t.toInstant().isAfter(Instant.now().minus(UNLOCKED_GRACE))) {
                    return false; // possibly just made by another process that has not locked it yet
                }
                deleteTree(dir);
                LOG.warn("removed the leftover working folder {} (no lock; left by an earlier run that stopped)", dir);
                return true;
            }
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    return false; // held in this process
                }
                if (lock == null) {
                    return false; // held by another process: in use
                }
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (!x.equals(lockFile) && !x.equals(dir)) {
                            Files.deleteIfExists(x);
                        }
                    }
                }
            }
            Files.deleteIfExists(lockFile);
            Files.deleteIfExists(dir);
            LOG.warn("removed the leftover working folder {} (its lock was not held; left by an earlier run that"
                    + " stopped)", dir);
            return true;
        } catch (IOException e) {
            LOG.warn("could not remove the leftover working folder {}: {}", dir, e.getMessage());
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
