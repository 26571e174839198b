package org.sakshi.core;

/** Receives progress of long work. Called from the worker thread; implementations must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, what) -> { };

    /**
     * @param done  units done so far (bytes for I/O work)
     * @param total units in all, or -1 when unknown
     * @param what  what is being worked on (a file name, an item id), for display
     */
    void progress(long done, long total, String what);
}
