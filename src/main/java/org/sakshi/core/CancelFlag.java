package org.sakshi.core;

/** Cooperative cancellation: long work polls {@link #throwIfCancelled()} between chunks. */
public final class CancelFlag {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException("Cancelled by the user; nothing was recorded for the unfinished work.");
        }
    }
}
