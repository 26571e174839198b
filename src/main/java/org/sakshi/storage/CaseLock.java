package org.sakshi.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.StorageException;

/**
 * The case's write lock: an OS file lock on {@code case.lock}, held by the one process that
 * changes the case (import, note, transfer, show...). Another writer waits briefly, then gets
 * {@link CaseBusyException}. Readers never take it (SQLite WAL lets them read meanwhile). The OS
 * releases it when the process dies, so a {@code kill -9} never leaves a case locked.
 */
final class CaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CaseLock acquire(Path caseDir, Duration wait) throws StorageException {
        Path f = caseDir.resolve("case.lock");
        FileChannel ch;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("cannot open the lock file " + f + " (" + e.getMessage()
                    + "); check that the case folder is writable", e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this same process (another thread or store)
                }
                if (l != null) {
                    return new CaseLock(ch, l);
                }
                if (System.nanoTime() >= deadline) {
                    ch.close();
                    throw new CaseBusyException("case " + caseDir + " is busy: another Sakshi process is changing it;"
                            + " try again when that has finished");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StorageException("cannot lock the case " + caseDir + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(ch);
            throw new CaseBusyException("interrupted while waiting for the case " + caseDir, e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }
}
