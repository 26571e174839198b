package org.sakshi.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work that must be known finished, whatever interrupts the waiting thread. */
public final class Waits {
    private Waits() {
    }

    /**
     * The result of {@code f}, waiting for it however often this thread is interrupted meanwhile (the
     * work ends by itself: a file read, a key derivation, a flush); the interrupt is kept for the caller.
     *
     * @throws ExecutionException the work's failure
     */
    public static <T> T uninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
