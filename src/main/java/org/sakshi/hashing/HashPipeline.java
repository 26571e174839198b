package org.sakshi.hashing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.Digests;
import org.sakshi.core.ProgressListener;

/**
 * Single-pass hashing and copying (docs/performance.md#hashing-facts-behind-the-design). One reader (the calling
 * thread) fills 1 MiB aligned direct buffers from a small pool; each filled buffer is handed to
 * every consumer through bounded queues without copying: MD5 on one thread (it cannot be split),
 * SHA-1 + SHA-256 + CRC-32 on a second, and the sink (the vault write) on a third. A buffer goes
 * back to the pool when all consumers are done with it. The source is read exactly once.
 * <p>
 * The sink takes every buffer waiting for it at once (up to {@link #SINK_GATHER}) and writes them
 * with one call: an {@code O_DIRECT} write is synchronous, so 1 MiB writes leave the disk one small
 * request at a time (2 GiB took 4.8 s that way on the benchmark machine's virtio disk, against
 * 1.9 s in 16 MiB writes), and the vault write, not MD5, set the pace of an import.
 * <p>
 * Digests come from the JDK's default providers (intrinsic SHA and MD5 instructions), never from
 * Bouncy Castle, which is several times slower.
 */
public final class HashPipeline {
    public static final int DEFAULT_BUFFER = 1 << 20;
    /**
     * Buffers in flight: enough for the sink to gather large writes while the digests keep reading.
     * 32 against 16: the 2 GiB import 0.13-0.44 s faster in 8 of 9 alternating pairs (sessions 9 and
     * 10, docs/performance.md), the same CPU, 17 MiB more peak RSS (127 MiB at -Xmx256m); the buffers
     * are made as the reader first needs them, so a small file never makes them all.
     */
    public static final int DEFAULT_POOL = 32;
    /** At most this many buffers go to the sink in one write. */
    static final int SINK_GATHER = 16;

    private static final int MAX_ALIGN = 1 << 16;

    private final int bufferSize;
    private final int poolSize;
    /** Buffers kept between runs (a folder of many files must not allocate 8 MiB of direct memory per file). */
    private final java.util.concurrent.ConcurrentLinkedQueue<ByteBuffer> spare =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public HashPipeline() {
        this(DEFAULT_BUFFER, DEFAULT_POOL);
    }

    public HashPipeline(int bufferSize, int poolSize) {
        if (bufferSize < 4096 || Integer.bitCount(bufferSize) != 1) {
            throw new IllegalArgumentException("buffer size must be a power of two of at least 4096: " + bufferSize);
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("pool needs at least 2 buffers");
        }
        this.bufferSize = bufferSize;
        this.poolSize = poolSize;
    }

    /** Hashes a file without copying it. */
    public HashResult hash(Path file, ProgressListener progress, CancelFlag cancel) throws IOException, CancelledException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return run(ch, ch.size(), null, progress, file.getFileName() == null ? "" : file.getFileName().toString(),
                    cancel);
        }
    }

    /** Hashes a byte array (small things: manifests, derived files). */
    public static HashResult hashBytes(byte[] data) {
        try {
            MessageDigest s256 = MessageDigest.getInstance("SHA-256");
            MessageDigest s1 = MessageDigest.getInstance("SHA-1");
            MessageDigest m5 = MessageDigest.getInstance("MD5");
            CRC32 crc = new CRC32();
            crc.update(data);
            HexFormat hex = HexFormat.of();
            return new HashResult(new Digests(hex.formatHex(s256.digest(data)), hex.formatHex(s1.digest(data)),
                    hex.formatHex(m5.digest(data))), data.length, crc.getValue());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("a standard digest is missing from this JDK", e);
        }
    }

    /**
     * Reads {@code in} to its end once, computing SHA-256, SHA-1, MD5 and CRC-32 and, when
     * {@code sink} is not null, copying every byte to it and finishing it (fsync). On any failure or
     * cancellation the sink is aborted before this method returns.
     *
     * @param total expected size for progress, or -1
     */
    public HashResult run(ReadableByteChannel in, long total, ByteSink sink, ProgressListener progress, String what,
                          CancelFlag cancel) throws IOException, CancelledException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        int align = Math.max(4096, sink == null ? 1 : sink.alignment());
        if (align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException("unsupported sink alignment " + align);
        }
        // The pool's buffers are made as the reader first needs them, not all before the first read: the
        // first pages of fresh memory cost the kernel much more than the copy into them (on the benchmark
        // VM 16 MiB took 0.15-0.5 s), and the digests can start after the first one.
        BlockingQueue<ByteBuffer> pool = new ArrayBlockingQueue<>(poolSize);
        List<ByteBuffer> owned = new ArrayList<>(poolSize);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        CRC32 crc = new CRC32();

        List<Consumer> consumers = new ArrayList<>();
        consumers.add(new Consumer("sakshi-md5", pool, failure, bs -> {
            for (ByteBuffer b : bs) {
                md5.update(b);
            }
        }, null, 1));
        consumers.add(new Consumer("sakshi-sha", pool, failure, bs -> {
            for (ByteBuffer b : bs) {
                sha256.update(b.duplicate());
                sha1.update(b.duplicate());
                crc.update(b);
            }
        }, null, 1));
        if (sink != null) {
            consumers.add(new Consumer("sakshi-vault-write", pool, failure, sink::write, sink::finish, SINK_GATHER));
        }
        for (Consumer con : consumers) {
            con.thread.start();
        }
        long done = 0;
        boolean ok = false;
        try {
            while (true) {
                c.throwIfCancelled();
                rethrow(failure.get());
                ByteBuffer buf = pool.poll();
                if (buf == null && owned.size() < poolSize) {
                    buf = spare.poll();
                    if (buf == null) {
                        // aligned to 64 KiB, which satisfies any O_DIRECT block size up to that
                        buf = ByteBuffer.allocateDirect(bufferSize + MAX_ALIGN).alignedSlice(MAX_ALIGN)
                                .limit(bufferSize).slice();
                    }
                    owned.add(buf);
                }
                if (buf == null) {
                    buf = pool.poll(200, TimeUnit.MILLISECONDS);
                    if (buf == null) {
                        continue;
                    }
                }
                buf.clear();
                // Fill the whole buffer (short reads happen on pipes and some filesystems) so that every
                // buffer but the last is full and the sink's file positions stay block-aligned.
                int n;
                while (buf.hasRemaining() && (n = in.read(buf)) >= 0) {
                    if (n == 0 && !(in instanceof FileChannel)) {
                        Thread.onSpinWait();
                    }
                }
                buf.flip();
                if (!buf.hasRemaining()) {
                    pool.add(buf);
                    break;
                }
                int len = buf.remaining();
                Chunk chunk = new Chunk(buf, new AtomicInteger(consumers.size()));
                for (Consumer con : consumers) {
                    con.queue.put(chunk);
                }
                done += len;
                p.progress(done, total, what);
                if (len < bufferSize) {
                    break; // the channel ended inside this buffer
                }
            }
            for (Consumer con : consumers) {
                con.queue.put(Chunk.END);
            }
            // The input is read; the digests and the sink may still be working. Wait for them, but keep
            // honouring a cancel and their failures: a sink stuck on a stalled disk or share must not hold
            // a cancelled copy for ever (the finally below interrupts the threads and aborts the sink).
            for (Consumer con : consumers) {
                while (true) {
                    con.thread.join(100);
                    if (!con.thread.isAlive()) {
                        break;
                    }
                    c.throwIfCancelled();
                    rethrow(failure.get());
                }
            }
            rethrow(failure.get());
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while reading " + what, e);
        } finally {
            if (!ok) {
                failure.compareAndSet(null, new CancelledException("stopped"));
                for (Consumer con : consumers) {
                    con.queue.offer(Chunk.END);
                    con.thread.interrupt();
                }
                for (Consumer con : consumers) {
                    try {
                        con.thread.join(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (sink != null) {
                    sink.abort();
                }
            } else {
                spare.addAll(owned); // every consumer has finished with every buffer
            }
        }
        HexFormat hex = HexFormat.of();
        return new HashResult(new Digests(hex.formatHex(sha256.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(md5.digest())), done, crc.getValue());
    }

    /**
     * Throws {@code t} as what it is (an I/O error, a cancellation, an unchecked exception or error),
     * anything else wrapped in an {@link IOException}; returns when {@code t} is null.
     */
    public static void rethrow(Throwable t) throws IOException, CancelledException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof CancelledException ce) {
            throw ce;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error er) {
            throw er;
        }
        throw new IOException(t);
    }

    private static MessageDigest digest(String alg) {
        try {
            return MessageDigest.getInstance(alg); // default (SUN) provider: intrinsics, never BC
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is missing from this JDK", e);
        }
    }

    private record Chunk(ByteBuffer buf, AtomicInteger refs) {
        static final Chunk END = new Chunk(null, null);
    }

    @FunctionalInterface
    private interface Work {
        /** Handles the buffers in order (one, or for a gathering consumer all that were waiting). */
        void accept(ByteBuffer[] bufs) throws IOException;
    }

    @FunctionalInterface
    private interface Finish {
        void run() throws IOException;
    }

    private static final class Consumer implements Runnable {
        final BlockingQueue<Chunk> queue;
        final Thread thread;
        private final BlockingQueue<ByteBuffer> pool;
        private final AtomicReference<Throwable> failure;
        private final Work work;
        private final Finish finish;
        /** Most chunks handed to {@link #work} at once. */
        private final int gather;

        Consumer(String name, BlockingQueue<ByteBuffer> pool, AtomicReference<Throwable> failure, Work work,
                 Finish finish, int gather) {
            this.queue = new ArrayBlockingQueue<>(pool.remainingCapacity() + pool.size() + 2);
            this.pool = pool;
            this.failure = failure;
            this.work = work;
            this.finish = finish;
            this.gather = gather;
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Chunk> batch = new ArrayList<>(gather);
            try {
                while (true) {
                    Chunk first = queue.take();
                    boolean end = first == Chunk.END;
                    batch.clear();
                    if (!end) {
                        batch.add(first);
                        // this thread is the queue's only taker: what it peeks stays at the head
                        Chunk next;
                        while (batch.size() < gather && (next = queue.peek()) != null) {
                            queue.poll();
                            if (next == Chunk.END) {
                                end = true;
                                break;
                            }
                            batch.add(next);
                        }
                    }
                    try {
                        if (!batch.isEmpty() && failure.get() == null) {
                            ByteBuffer[] bufs = new ByteBuffer[batch.size()];
                            for (int i = 0; i < bufs.length; i++) {
                                bufs[i] = batch.get(i).buf().duplicate();
                            }
                            work.accept(bufs);
                        }
                    } finally {
                        for (Chunk ch : batch) {
                            if (ch.refs().decrementAndGet() == 0) {
                                pool.offer(ch.buf());
                            }
                        }
                        batch.clear();
                    }
                    if (end) {
                        if (failure.get() == null && finish != null) {
                            finish.run();
                        }
                        return;
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new CancelledException("interrupted"));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                // keep releasing buffers so the reader is not stuck waiting for the pool
                drain();
            }
        }

        private void drain() {
            Chunk ch;
            while ((ch = queue.poll()) != null) {
                if (ch != Chunk.END && ch.refs().decrementAndGet() == 0) {
                    pool.offer(ch.buf());
                }
            }
        }
    }
}
