package org.sakshi.vault;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sakshi.hashing.ByteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a new file with {@code O_DIRECT} (bypassing the page cache, so the kernel does not spend
 * CPU copying evidence through it while the digests run), block-aligned writes, the unaligned tail
 * through a normal channel, and {@code force(true)} at the end. Falls back to buffered writes where
 * the filesystem refuses {@code O_DIRECT} (tmpfs, some overlay filesystems).
 * <p>
 * A large file is also flushed on the side while it is written ({@code fdatasync} every
 * {@link #FLUSH_EVERY} bytes, on a thread of its own), so that the final {@code force(true)} has
 * little left to flush: {@code O_DIRECT} writes may still sit in the disk's volatile cache, and on
 * the benchmark VM the one fsync after 2 GiB of them took 0.65-1.4 s, after flushes every 256 MiB
 * 0.1-0.2 s. This only adds flushes; a failed side flush fails the copy (Linux may report a write-back
 * error to one fsync only, so it is never left for the final one to find).
 */
public final class DirectFileSink implements ByteSink {
    /**
     * Its logger, made at its first use: an import's head start (app's {@code Main}) uses this class
     * before logging is set up, which must not be set up on that path (docs/performance.md, ninth round).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(DirectFileSink.class);
    }

    private final Path file;
    private final int block;
    private FileChannel direct;
    private FileChannel buffered;
    private long position;
    /** Bytes between two side flushes of the direct channel. */
    static final long FLUSH_EVERY = 256L << 20;
    /** {@link #FLUSH_EVERY}; smaller in tests. */
    long flushEvery = FLUSH_EVERY;
    private long flushRequestedAt;
    private Flusher flusher;

    public DirectFileSink(Path file, boolean tryDirect) throws IOException {
        this.file = file;
        int b = 4096;
        FileChannel d = null;
        if (tryDirect) {
            try {
                long bs = Files.getFileStore(file.getParent()).getBlockSize();
                if (bs > 0 && bs <= (1 << 16) && Long.bitCount(bs) == 1) {
                    b = (int) bs;
                }
                d = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        ExtendedOpenOption.DIRECT);
            } catch (IOException | UnsupportedOperationException e) {
                Log.LOG.debug("O_DIRECT refused for {} ({}); using buffered writes", file, e.toString());
                Files.deleteIfExists(file);
                d = null;
            }
        }
        this.block = b;
        this.direct = d;
        if (d == null) {
            buffered = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    @Override
    public int alignment() {
        return block;
    }

    @Override
    public void write(ByteBuffer buf) throws IOException {
        if (direct != null) {
            int rem = buf.remaining();
            int aligned = rem - rem % block;
            if (aligned > 0) {
                ByteBuffer head = buf.duplicate();
                head.limit(head.position() + aligned);
                try {
                    while (head.hasRemaining()) {
                        position += direct.write(head);
                    }
                } catch (IOException e) {
                    if (position == 0 && head.position() == buf.position()) {
                        // Some filesystems accept the open flag but refuse the first aligned write.
                        Log.LOG.debug("O_DIRECT write refused for {} ({}); using buffered writes", file, e.toString());
                        direct.close();
                        direct = null;
                        writeBuffered(buf);
                        return;
                    }
                    throw e;
                }
                buf.position(buf.position() + aligned);
                maybeFlush();
            }
            if (buf.hasRemaining()) {
                writeBuffered(buf); // the unaligned tail: only ever the last buffer
            }
        } else {
            writeBuffered(buf);
        }
    }

    /**
     * Writes the buffers with one gathering call where {@code O_DIRECT} is on (every buffer but the
     * stream's last is a whole number of blocks), so the disk gets one large request instead of one
     * per buffer; the unaligned tail of the last buffer goes through the buffered channel.
     */
    @Override
    public void write(ByteBuffer[] bufs) throws IOException {
        if (direct == null || bufs.length == 1) {
            for (ByteBuffer b : bufs) {
                write(b);
            }
            return;
        }
        ByteBuffer last = bufs[bufs.length - 1];
        int tail = last.remaining() % block;
        ByteBuffer[] aligned = bufs.clone();
        for (int i = 0; i < bufs.length - 1; i++) {
            if (bufs[i].remaining() % block != 0) { // never in the pipeline: only the last buffer is short
                for (ByteBuffer b : bufs) {
                    write(b);
                }
                return;
            }
        }
        ByteBuffer head = last.duplicate();
        head.limit(head.limit() - tail);
        aligned[aligned.length - 1] = head;
        long total = 0;
        for (ByteBuffer b : aligned) {
            total += b.remaining();
        }
        long start = position;
        try {
            while (position - start < total) {
                position += direct.write(aligned);
            }
        } catch (IOException e) {
            if (start == 0 && position == 0) {
                // Some filesystems accept the open flag but refuse the first aligned write.
                Log.LOG.debug("O_DIRECT write refused for {} ({}); using buffered writes", file, e.toString());
                direct.close();
                direct = null;
                for (ByteBuffer b : bufs) {
                    writeBuffered(b);
                }
                return;
            }
            throw e;
        }
        for (int i = 0; i < bufs.length - 1; i++) {
            bufs[i].position(bufs[i].limit());
        }
        maybeFlush();
        last.position(head.position());
        if (last.hasRemaining()) {
            writeBuffered(last); // the unaligned tail: only ever in the last buffer of the stream
        }
    }

    private void writeBuffered(ByteBuffer buf) throws IOException {
        if (buffered == null) {
            buffered = FileChannel.open(file, StandardOpenOption.WRITE);
        }
        while (buf.hasRemaining()) {
            position += buffered.write(buf, position);
        }
    }

    /** Asks the side flusher for an fdatasync once another {@link #FLUSH_EVERY} bytes went out directly. */
    private void maybeFlush() throws IOException {
        if (direct == null || position - flushRequestedAt < flushEvery) {
            return;
        }
        flushRequestedAt = position;
        if (flusher == null) {
            flusher = new Flusher(direct);
        }
        flusher.request();
    }

    /** Stops the side flusher (waiting for a flush under way); throws what a side flush threw. */
    private void stopFlusher(boolean rethrow) throws IOException {
        if (flusher == null) {
            return;
        }
        Flusher f = flusher;
        flusher = null;
        IOException failed = f.stop();
        if (failed != null && rethrow) {
            throw failed;
        }
    }

    @Override
    public void finish() throws IOException {
        stopFlusher(true);
        if (direct != null) {
            direct.force(true);
            direct.close();
            direct = null;
        }
        if (buffered != null) {
            buffered.force(true);
            buffered.close();
            buffered = null;
        }
    }

    @Override
    public void abort() {
        try {
            stopFlusher(false);
        } catch (IOException e) {
            Log.LOG.debug("side flush", e); // not thrown when not rethrowing
        }
        closeQuietly(direct);
        closeQuietly(buffered);
        direct = null;
        buffered = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.LOG.warn("could not remove the unfinished vault file {}", file, e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                Log.LOG.debug("close failed", e);
            }
        }
    }

    /** One thread flushing (fdatasync) a channel whenever asked, one flush at a time. */
    private static final class Flusher implements Runnable {
        private final FileChannel ch;
        private final Thread thread;
        private boolean wanted;
        private boolean stopping;
        private IOException failure;

        Flusher(FileChannel ch) {
            this.ch = ch;
            this.thread = new Thread(this, "sakshi-vault-flush");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        synchronized void request() throws IOException {
            if (failure != null) {
                throw failure;
            }
            wanted = true;
            notifyAll();
        }

        /** Stops after the flush under way (a request not yet started is dropped); the first failure, if any. */
        IOException stop() {
            synchronized (this) {
                stopping = true;
                notifyAll();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new java.io.InterruptedIOException("interrupted while waiting for a flush of the vault copy");
            }
            synchronized (this) {
                return failure;
            }
        }

        @Override
        public void run() {
            while (true) {
                synchronized (this) {
                    while (!wanted && !stopping) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (stopping) {
                        return;
                    }
                    wanted = false;
                }
                try {
                    ch.force(false);
                } catch (IOException e) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                    return;
                }
            }
        }
    }

    static OpenOption[] readOnly() {
        return new OpenOption[] {StandardOpenOption.READ};
    }
}
