package org.sakshi.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ProgressListener;
import org.sakshi.hashing.HashPipeline;

/** A lab server's vault: several writers store the same content at once, and no finished blob is ever deleted. */
class SharedVaultTest {
    @TempDir
    Path tmp;

    @Test
    void writersStoringTheSameContentAtOnceAllSucceedAndTheBlobIsIntact() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(7).nextBytes(data);
        Path src = Files.write(tmp.resolve("photo.jpg"), data);
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<StoredBlob>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            // each writer its own Vault object, as each workstation has
            Vault v = new Vault(tmp.resolve("vault"), SinkFactory.BUFFERED, new HashPipeline()).shared();
            done.add(pool.submit(() -> {
                start.await();
                return v.store(src, ProgressListener.NONE, "photo", new CancelFlag());
            }));
        }
        String rel = null;
        for (Future<StoredBlob> f : done) {
            StoredBlob b = f.get();
            rel = rel == null ? b.relPath() : rel;
            assertEquals(rel, b.relPath());
        }
        pool.shutdown();
        Vault v = new Vault(tmp.resolve("vault"));
        assertArrayEquals(data, Files.readAllBytes(v.resolve(rel)));
        assertEquals(1, v.blobs().size());
        try (var s = Files.list(tmp.resolve("vault").resolve(".tmp"))) {
            assertEquals(0, s.count(), "no temp file is left");
        }
    }

    @Test
    void undoingAnImportInASharedVaultKeepsTheBlobAnotherWorkstationMayHaveRecorded() throws Exception {
        Vault v = new Vault(tmp.resolve("vault")).shared();
        StoredBlob b = v.storeBytes("evidence".getBytes());
        v.delete(b.relPath());
        assertTrue(Files.exists(v.resolve(b.relPath())));
        new Vault(tmp.resolve("vault")).delete(b.relPath());
        assertTrue(Files.notExists(v.resolve(b.relPath())), "a folder case's vault still undoes");
    }
}
