package org.sakshi.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;

import org.sakshi.hashing.ByteSink;
import org.sakshi.vault.SinkFactory;

/** Vault sinks that misbehave on purpose: the real {@code O_DIRECT} sink with its writes intercepted. */
public final class Sinks {
    private Sinks() {
    }

    /** A sink that behaves like a full disk after {@code limit} bytes. */
    public static SinkFactory diskFullAfter(long limit) {
        return file -> new Forwarding(SinkFactory.DIRECT.open(file)) {
            long n;

            @Override
            public void write(ByteBuffer buf) throws IOException {
                n += buf.remaining();
                if (n > limit) {
                    throw new IOException("No space left on device");
                }
                real.write(buf);
            }
        };
    }

    /** Sinks that hold every write until {@code go} opens (the copy stays half-way meanwhile). */
    public static SinkFactory heldUntil(CountDownLatch go) {
        return file -> new Forwarding(SinkFactory.DIRECT.open(file)) {
            @Override
            public void write(ByteBuffer buf) throws IOException {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                real.write(buf);
            }
        };
    }

    /** Passes everything on to the real sink; a test overrides {@link #write(ByteBuffer)}. */
    private abstract static class Forwarding implements ByteSink {
        final ByteSink real;

        Forwarding(ByteSink real) {
            this.real = real;
        }

        @Override
        public void finish() throws IOException {
            real.finish();
        }

        @Override
        public void abort() {
            real.abort();
        }

        @Override
        public int alignment() {
            return real.alignment();
        }
    }
}
