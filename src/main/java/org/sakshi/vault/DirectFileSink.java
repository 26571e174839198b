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
 */
public final class DirectFileSink implements ByteSink {
    private static final Logger LOG = LoggerFactory.getLogger(DirectFileSink.class);

    private final Path file;
    private final int block;
    private FileChannel direct;
    private FileChannel buffered;
    private long position;

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
                LOG.debug("O_DIRECT refused for {} ({}); using buffered writes", file, e.toString());
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
                        LOG.debug("O_DIRECT write refused for {} ({}); using buffered writes", file, e.toString());
                        direct.close();
                        direct = null;
                        writeBuffered(buf);
                        return;
                    }
                    throw e;
                }
                buf.position(buf.position() + aligned);
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
                LOG.debug("O_DIRECT write refused for {} ({}); using buffered writes", file, e.toString());
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

    @Override
    public void finish() throws IOException {
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
        closeQuietly(direct);
        closeQuietly(buffered);
        direct = null;
        buffered = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished vault file {}", file, e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("close failed", e);
            }
        }
    }

    static OpenOption[] readOnly() {
        return new OpenOption[] {StandardOpenOption.READ};
    }
}
