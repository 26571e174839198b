package org.sakshi.hashing;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the hashing pipeline copies the bytes it reads (the vault's temp file). Called from one
 * writer thread only, in order. Every buffer but the last is full, so positions stay aligned to
 * {@link #alignment()}.
 */
public interface ByteSink {
    /** Writes every remaining byte of {@code buf}; the buffer's memory is aligned to {@link #alignment()}. */
    void write(ByteBuffer buf) throws IOException;

    /**
     * Writes every remaining byte of {@code bufs}, in order, as if each were passed to
     * {@link #write(ByteBuffer)}: the pipeline hands over all the buffers that were waiting for the
     * sink at once, so a sink can write them with one system call (one larger request in flight).
     */
    default void write(ByteBuffer[] bufs) throws IOException {
        for (ByteBuffer b : bufs) {
            write(b);
        }
    }

    /** All bytes written: flush and force them to stable storage (fsync). */
    void finish() throws IOException;

    /** Gives up: closes and removes whatever was written. Never throws. */
    void abort();

    /** Memory and size alignment the sink wants for its buffers (e.g. the block size for O_DIRECT). */
    default int alignment() {
        return 1;
    }
}
