package org.sakshi.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking service calls off the FX thread as {@link Task}s. View models expose plain blocking
 * methods (testable without a screen); controllers hand them to this runner.
 *
 * <p>End states of every task started here: SUCCEEDED calls {@code onSuccess} on the FX thread with
 * the result; FAILED calls {@code onError} on the FX thread with the exception (a
 * {@code CancelledException} counts as a failure the caller may ignore); CANCELLED calls neither.
 * {@link #busyProperty()} is true while any task runs, for the status bar.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    /** A blocking call that may throw anything. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    private final ExecutorService pool;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();

    public Background() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sakshi-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public <T> Task<T> run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return submit(task, onSuccess, onError);
    }

    /** Starts a prepared task (one that reports its own progress) with the same end-state contract. */
    public <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        task.setOnSucceeded(e -> {
            done();
            if (onSuccess != null) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            done();
            Throwable t = task.getException();
            LOG.warn("background work failed: {}", t == null ? "?" : t.toString());
            if (onError != null) {
                onError.accept(t);
            }
        });
        task.setOnCancelled(e -> done());
        busy.set(running.incrementAndGet() > 0);
        pool.execute(task);
        return task;
    }

    private void done() {
        busy.set(running.decrementAndGet() > 0);
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
