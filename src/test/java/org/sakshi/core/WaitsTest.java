package org.sakshi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class WaitsTest {
    @Test
    void anInterruptedWaitStillWaitsForTheResultAndKeepsTheInterruptForTheCaller() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        FutureTask<String> work = new FutureTask<>(() -> {
            go.await();
            return "done";
        });
        Thread.ofPlatform().daemon().start(work);
        Thread waiter = Thread.currentThread();
        Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < 3; i++) {
                waiter.interrupt(); // interrupted again and again while it waits
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            go.countDown();
        });
        assertEquals("done", Waits.uninterruptibly(work));
        assertTrue(work.isDone(), "it returned only once the work had ended");
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here for the next test)");
    }

    @Test
    void theWorksFailureComesOutAsItsCause() {
        IOException cause = new IOException("disk gone");
        FutureTask<Void> work = new FutureTask<>(() -> {
            throw cause;
        });
        work.run();
        ExecutionException e = assertThrows(ExecutionException.class, () -> Waits.uninterruptibly(work));
        assertSame(cause, e.getCause());
    }
}
