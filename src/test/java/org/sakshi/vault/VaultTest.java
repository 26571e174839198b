package org.sakshi.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.testsupport.Sinks;
import org.sakshi.hashing.HashPipeline;
import org.sakshi.hashing.HashResult;

class VaultTest {
    @TempDir
    Path tmp;

    private Path source(int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        Path f = tmp.resolve("src-" + size + ".bin");
        Files.write(f, b);
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_600_000_000_000L));
        return f;
    }

    @Test
    void storesAReadOnlyCopyNamedByItsSha256() throws Exception {
        Path src = source(3 * 1024 * 1024 + 123); // whole direct blocks plus an unaligned tail
        Vault v = new Vault(tmp.resolve("vault"));
        StoredBlob b = v.store(src, null, "src", null);
        byte[] data = Files.readAllBytes(src);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals(sha, b.sha256());
        assertEquals(sha.substring(0, 2) + "/" + sha, b.relPath());
        Path blob = v.resolve(b.relPath());
        assertArrayEquals(data, Files.readAllBytes(blob));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ), Files.getPosixFilePermissions(blob),
                "read-only, and for its owner only: it is a victim's evidence");
        try (Stream<Path> s = Files.list(tmp.resolve("vault/.tmp"))) {
            assertEquals(0, s.count(), "no temp file is left");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, Vault.SMALL, Vault.SMALL + 1})
    void smallAndEmptyFilesAreStoredByteForByteOnEitherPath(int size) throws Exception {
        Path src = source(size);
        Vault v = new Vault(tmp.resolve("vault"));
        StoredBlob b = v.store(src, null, "s", null);
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(v.resolve(b.relPath())));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(src))),
                b.hash().digests().md5());
    }

    @Test
    void leavesTheSourceBytesSizeAndMtimeUnchanged() throws Exception {
        Path src = source(1_500_000);
        byte[] before = Files.readAllBytes(src);
        FileTime mtime = Files.getLastModifiedTime(src);
        new Vault(tmp.resolve("vault")).store(src, null, "src", null);
        assertArrayEquals(before, Files.readAllBytes(src));
        assertEquals(before.length, Files.size(src));
        assertEquals(mtime, Files.getLastModifiedTime(src));
    }

    @Test
    void storingTheSameContentAgainReusesTheBlob() throws Exception {
        Path src = source(10_000);
        Vault v = new Vault(tmp.resolve("vault"));
        assertFalse(v.store(src, null, "a", null).existed());
        StoredBlob again = v.store(src, null, "b", null);
        assertTrue(again.existed());
        assertEquals(1, v.blobs().size());
    }

    @Test
    void aDiskFullDuringTheWriteLeavesNoTempFileAndNoBlob() throws Exception {
        Path src = source(2_000_000);
        SinkFactory full = Sinks.diskFullAfter(1_000_000);
        Vault v = new Vault(tmp.resolve("vault"), full, new HashPipeline());
        IOException e = assertThrows(IOException.class, () -> v.store(src, null, "src", null));
        assertTrue(e.getMessage().contains("No space"));
        assertTrue(v.blobs().isEmpty());
        try (Stream<Path> s = Files.list(tmp.resolve("vault/.tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void bufferedWritesGiveTheSameBlob() throws Exception {
        Path src = source(777_777);
        StoredBlob direct = new Vault(tmp.resolve("v1")).store(src, null, "s", null);
        StoredBlob buffered = new Vault(tmp.resolve("v2"), SinkFactory.BUFFERED, new HashPipeline())
                .store(src, null, "s", null);
        assertEquals(direct.hash(), buffered.hash());
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(tmp.resolve("v2").resolve(buffered.relPath())));
    }

    @Test
    void cleanTempRemovesUnfinishedFiles() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        Files.createDirectories(tmp.resolve("vault/.tmp"));
        Files.write(tmp.resolve("vault/.tmp/x.part"), new byte[10]);
        assertEquals(1, v.cleanTemp());
        try (Stream<Path> s = Files.list(tmp.resolve("vault/.tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aLargeCopyFlushedOnTheSideWhileWrittenKeepsEveryByteAndItsDigests() throws Exception {
        Path src = source(9 * 1024 * 1024 + 5); // whole blocks, then an unaligned tail
        java.util.List<DirectFileSink> opened = new java.util.ArrayList<>();
        SinkFactory flushing = file -> {
            DirectFileSink d = new DirectFileSink(file, true);
            d.flushEvery = 1 << 20; // a side flush after every MiB
            opened.add(d);
            return d;
        };
        Vault v = new Vault(tmp.resolve("vault"), flushing, new HashPipeline());
        StoredBlob b = v.store(src, null, "src", null);
        assertEquals(1, opened.size());
        assertEquals(new Vault(tmp.resolve("plain")).store(src, null, "src", null).hash(), b.hash());
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(v.resolve(b.relPath())));
        assertTrue(tempFiles(tmp.resolve("vault")).isEmpty());
    }

    private static java.util.List<Path> tempFiles(Path vault) throws IOException {
        try (Stream<Path> s = Files.list(vault.resolve(".tmp"))) {
            return s.toList();
        }
    }

    @Test
    void aCopyBegunBeforeTheWriteLockSurvivesTheTidyingOfLeftoversAndCommitsTheSameBlobAsAStore() throws Exception {
        Path src = source(5 * 1024 * 1024 + 77);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Vault v = new Vault(tmp.resolve("vault"), Sinks.heldUntil(go), new HashPipeline());
        try (Vault.Started started = v.begin(src, "src")) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (tempFiles(tmp.resolve("vault")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Path part = tempFiles(tmp.resolve("vault")).get(0);
            Files.write(tmp.resolve("vault/.tmp/left-by-a-crash.part"), new byte[10]);
            // the tidying a writer runs under the lock, from another Vault object of the same case
            assertEquals(1, new Vault(tmp.resolve("vault")).cleanTemp(), "only the crash's leftover is removed");
            assertTrue(Files.exists(part), "the copy being written is not a leftover");
            assertTrue(v.blobs().isEmpty(), "nothing is in the vault before the commit");
            go.countDown();
            StoredBlob b = started.commit(null, null);
            StoredBlob plain = new Vault(tmp.resolve("other")).store(src, null, "src", null);
            assertEquals(plain.hash(), b.hash());
            assertFalse(b.existed());
            assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(v.resolve(b.relPath())));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ), Files.getPosixFilePermissions(v.resolve(b.relPath())));
        }
        assertTrue(tempFiles(tmp.resolve("vault")).isEmpty());
        Files.write(tmp.resolve("vault/.tmp/later.part"), new byte[1]);
        assertEquals(1, v.cleanTemp(), "once committed, its name is no longer spared");
    }

    @Test
    void aBegunCopyClosedWithoutCommitLeavesNoTempFileAndNoBlob() throws Exception {
        Path src = source(4 * 1024 * 1024);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Vault v = new Vault(tmp.resolve("vault"), Sinks.heldUntil(go), new HashPipeline());
        Vault.Started started = v.begin(src, "src");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tempFiles(tmp.resolve("vault")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, tempFiles(tmp.resolve("vault")).size());
        started.close(); // stops the copy half-way
        go.countDown();
        assertTrue(tempFiles(tmp.resolve("vault")).isEmpty());
        assertTrue(v.blobs().isEmpty());
        assertThrows(IllegalStateException.class, () -> started.commit(null, null));
    }

    @Test
    void aBegunCopyOfASymbolicLinkIsRefusedAtCommitLikeAStore() throws Exception {
        Path src = source(100_000);
        Path link = Files.createSymbolicLink(tmp.resolve("link.bin"), src);
        Vault v = new Vault(tmp.resolve("vault"));
        try (Vault.Started started = v.begin(link, "link")) {
            assertThrows(Vault.SwappedFileException.class, () -> started.commit(null, null));
        }
        assertThrows(Vault.SwappedFileException.class, () -> v.store(link, null, "link", null));
        assertTrue(v.blobs().isEmpty());
        assertTrue(tempFiles(tmp.resolve("vault")).isEmpty());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "whole file system sync: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aBatchStoresEachFileByteForByteReadOnlyWithItsOwnDigestsAndLeavesNoTempFile(boolean wholeFs)
            throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        v.syncWholeFileSystem = wholeFs;
        Vault.Batch batch = v.batch();
        int[] sizes = {0, 1, 4096, 13_000, Vault.SMALL, Vault.SMALL + 1, 900_000};
        StoredBlob[] blobs = new StoredBlob[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            blobs[i] = batch.store(source(sizes[i]), null, null, "f" + i, null);
        }
        assertEquals(5, batch.pending(), "the five small files wait for the batch's sync; the large ones are durable");
        batch.sync();
        assertEquals(0, batch.pending());
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = Files.readAllBytes(tmp.resolve("src-" + sizes[i] + ".bin"));
            assertEquals(HashPipeline.hashBytes(data), blobs[i].hash(), "digests of the file of " + sizes[i] + " bytes");
            Path blob = v.resolve(blobs[i].relPath());
            assertArrayEquals(data, Files.readAllBytes(blob));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ), Files.getPosixFilePermissions(blob));
        }
        assertEquals(sizes.length, v.blobs().size());
        try (Stream<Path> s = Files.list(tmp.resolve("vault/.tmp"))) {
            assertEquals(0, s.count(), "no temp file is left");
        }
    }

    @Test
    void aMemberBatchNamesSmallFilesByTheirSha256AloneAndGivesTheManifestAndLargeFilesEveryDigest() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        int[] sizes = {0, 1, 13_000, Vault.SMALL, Vault.SMALL + 1};
        StoredBlob[] blobs = new StoredBlob[sizes.length];
        try (Vault.Batch batch = v.memberBatch()) {
            for (int i = 0; i < sizes.length; i++) {
                int k = i;
                batch.submit(source(sizes[i]), null, sizes[i], null, "m" + i, null, b -> blobs[k] = b);
            }
            byte[] manifest = "manifest\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            StoredBlob m = batch.storeBytes(manifest);
            assertEquals(HashPipeline.hashBytes(manifest), m.hash(), "the manifest's digests are the item's: all of them");
            batch.sync();
        }
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = Files.readAllBytes(tmp.resolve("src-" + sizes[i] + ".bin"));
            HashResult all = HashPipeline.hashBytes(data);
            assertEquals(all.digests().sha256(), blobs[i].sha256(), "SHA-256 of the file of " + sizes[i] + " bytes");
            assertEquals(sizes[i], blobs[i].size());
            assertEquals(Vault.relPathOf(all.digests().sha256()), blobs[i].relPath());
            assertArrayEquals(data, Files.readAllBytes(v.resolve(blobs[i].relPath())));
            if (sizes[i] <= Vault.SMALL) {
                assertEquals(null, blobs[i].hash(), "a small member gets its SHA-256 only");
            } else {
                assertEquals(all, blobs[i].hash(), "a large member takes the streaming path, with every digest");
            }
        }
    }

    @Test
    void aFlushOnItsOwnThreadReportsItsFailureToTheOneWhoWaitsForItAndOutlivesTheBatch() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        v.syncWholeFileSystem = false; // each file is fsynced by its name: a blob gone before the flush fails it
        Vault.Durable flush;
        StoredBlob gone;
        try (Vault.Batch batch = v.batch()) {
            batch.store(source(3000), null, null, "kept", null);
            gone = batch.store(source(4000), null, null, "gone", null);
            Files.delete(v.resolve(gone.relPath()));
            flush = batch.syncLater(); // the writers' own failures come here; the flush's come from await
        } // closed before the flush ended: the flush goes on
        IOException e = assertThrows(IOException.class, flush::await);
        assertTrue(String.valueOf(e.getMessage()).contains(gone.sha256()), e.toString());
        assertThrows(IOException.class, flush::await, "every wait learns of the failure");

        Vault w = new Vault(tmp.resolve("vault2"));
        w.syncWholeFileSystem = false;
        try (Vault.Batch batch = w.batch()) {
            StoredBlob b = batch.store(source(5000), null, null, "fine", null);
            Vault.Durable ok = batch.syncLater();
            ok.await();
            assertEquals(0, batch.pending(), "nothing is left to flush once the wait returned");
            assertArrayEquals(Files.readAllBytes(tmp.resolve("src-5000.bin")), Files.readAllBytes(w.resolve(b.relPath())));
        }
        try (Vault.Batch empty = w.batch()) {
            assertTrue(empty.syncLater() == Vault.Durable.DONE, "a batch that wrote nothing has nothing to flush");
        }
    }

    @Test
    void aBatchWritesKnownContentOnlyOnce() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        StoredBlob before = v.store(source(5000), null, "old", null);
        Vault.Batch batch = v.batch();
        assertTrue(batch.store(tmp.resolve("src-5000.bin"), null, null, "again", null).existed(),
                "content already in the vault");
        Path twin = Files.copy(source(6000), tmp.resolve("twin.bin"));
        assertFalse(batch.store(tmp.resolve("src-6000.bin"), null, null, "first", null).existed());
        StoredBlob second = batch.store(twin, null, null, "second", null);
        assertTrue(second.existed(), "the same content twice in one batch is one blob");
        assertEquals(1, batch.pending());
        batch.sync();
        assertEquals(2, v.blobs().size());
        assertEquals(before.relPath(), Vault.relPathOf(before.sha256()));
    }

    @Test
    void aBatchRefusesAListedFileSwappedForASymbolicLink() throws Exception {
        Path secret = source(300);
        Path listed = source(200);
        Object key = Files.readAttributes(listed, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.delete(listed);
        Files.createSymbolicLink(listed, secret);
        Vault v = new Vault(tmp.resolve("vault"));
        Vault.Batch batch = v.batch();
        assertThrows(Vault.SwappedFileException.class, () -> batch.store(listed, key, null, "swapped", null));
        assertEquals(0, batch.pending());
        assertTrue(v.blobs().isEmpty(), "the link's target is never copied");
    }

    @Test
    void submittedFilesAreEachHandedOnOnceWithTheirOwnDigestsAndDuplicatesNameOneBlob() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        java.util.Map<String, StoredBlob> handed = new java.util.HashMap<>();
        java.util.List<String> order = new java.util.ArrayList<>();
        try (Vault.Batch batch = v.batch()) {
            for (int i = 0; i < 300; i++) {
                int size = i % 3 == 0 ? 4096 : 100 + i * 37; // every third file has the same content
                Path f = tmp.resolve("many/f" + i);
                Files.createDirectories(f.getParent());
                Files.copy(source(size), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                String key = "f" + i;
                batch.submit(f, null, null, key, null, b -> {
                    order.add(key);
                    assertTrue(handed.put(key, b) == null, "handed on once: " + key);
                });
            }
            Path big = source(Vault.SMALL + 10);
            batch.submit(big, null, null, "big", null, b -> handed.put("big", b));
            batch.sync();
        }
        assertEquals(301, handed.size());
        for (int i = 0; i < 300; i++) {
            byte[] data = Files.readAllBytes(tmp.resolve("many/f" + i));
            StoredBlob b = handed.get("f" + i);
            assertEquals(HashPipeline.hashBytes(data), b.hash(), "f" + i);
            assertArrayEquals(data, Files.readAllBytes(v.resolve(b.relPath())));
        }
        assertEquals(200 + 1 + 1, v.blobs().size(), "200 distinct small files, one shared content, one large file");
        try (Stream<Path> s = Files.list(tmp.resolve("vault/.tmp"))) {
            assertEquals(0, s.count(), "no temp file is left");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "O_DIRECT tried: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aGatheredWriteOfWholeBlocksAndAShortLastBufferKeepsEveryByteInOrder(boolean tryDirect) throws Exception {
        byte[] data = new byte[3 * 65536 + 5000];
        new Random(7).nextBytes(data);
        Path f = tmp.resolve("gathered-" + tryDirect + ".bin");
        DirectFileSink sink = new DirectFileSink(f, tryDirect);
        ByteBuffer[] first = new ByteBuffer[2];
        ByteBuffer[] rest = new ByteBuffer[2];
        for (int i = 0; i < 4; i++) {
            // aligned memory, as the pipeline hands it over
            ByteBuffer b = ByteBuffer.allocateDirect(65536 + 65536).alignedSlice(65536).limit(65536).slice();
            int n = Math.min(65536, data.length - i * 65536);
            b.put(data, i * 65536, n).flip();
            (i < 2 ? first : rest)[i % 2] = b;
        }
        sink.write(first);
        sink.write(rest); // two whole buffers of blocks, then the stream's short last one
        sink.finish();
        for (ByteBuffer b : first) {
            assertFalse(b.hasRemaining());
        }
        assertFalse(rest[1].hasRemaining());
        assertArrayEquals(data, Files.readAllBytes(f));
    }

    /** Files of many sizes with repeated contents, written below {@code dir}; the same bytes every time. */
    private java.util.List<Path> mixedFolder(Path dir, int n) throws IOException {
        Random r = new Random(15);
        java.util.List<Path> out = new java.util.ArrayList<>();
        byte[] shared = new byte[3000];
        r.nextBytes(shared);
        for (int i = 0; i < n; i++) {
            byte[] b;
            if (i % 7 == 0) {
                b = shared; // the same content again and again, in different groups
            } else if (i % 97 == 0) {
                b = new byte[i % 2 == 0 ? Vault.SMALL : Vault.SMALL + 1 + i]; // at and past the small-file limit
                r.nextBytes(b);
            } else {
                b = new byte[r.nextInt(17_000)];
                r.nextBytes(b);
            }
            Path f = dir.resolve("d" + (i % 5) + "/f" + i);
            Files.createDirectories(f.getParent());
            Files.write(f, b);
            out.add(f);
        }
        return out;
    }

    @Test
    void filesHandedToTheWritersInGroupsGiveTheSameBlobsAndDigestsAsEachFileStoredAlone() throws Exception {
        java.util.List<Path> files = mixedFolder(tmp.resolve("folder"), 1000);
        Vault grouped = new Vault(tmp.resolve("grouped"));
        Vault alone = new Vault(tmp.resolve("alone"));
        java.util.Map<Path, StoredBlob> handed = new java.util.concurrent.ConcurrentHashMap<>();
        try (Vault.Batch batch = grouped.batch()) {
            for (Path f : files) {
                java.nio.file.attribute.BasicFileAttributes a =
                        Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                batch.submit(f, a.fileKey(), a.size(), null, f.toString(), null,
                        b -> assertTrue(handed.put(f, b) == null, "handed on once: " + f));
            }
            batch.sync();
        }
        assertEquals(files.size(), handed.size());
        for (Path f : files) {
            StoredBlob one = alone.store(f, null, f.toString(), null);
            StoredBlob b = handed.get(f);
            assertEquals(one.relPath(), b.relPath(), f.toString());
            assertEquals(one.hash(), b.hash(), f.toString());
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(grouped.resolve(b.relPath())));
        }
        assertEquals(alone.blobs(), grouped.blobs(), "the same blobs, each content once");
        assertTrue(tempFiles(tmp.resolve("grouped")).isEmpty());
    }

    @Test
    void aBatchFindsEveryBlobStoredBeforeItByListingItsFolderAndNeverWritesThemAgain() throws Exception {
        java.util.List<Path> files = mixedFolder(tmp.resolve("folder"), 400);
        Vault v = new Vault(tmp.resolve("vault"));
        java.util.Map<String, Object> keys = new java.util.HashMap<>();
        java.util.Set<String> old = new java.util.HashSet<>();
        for (int i = 0; i < files.size(); i += 2) { // every other file already in the vault
            StoredBlob b = v.store(files.get(i), null, "old", null);
            old.add(b.relPath());
        }
        for (String rel : v.blobs()) {
            keys.put(rel, Files.readAttributes(v.resolve(rel), java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey());
        }
        java.util.Map<Path, StoredBlob> handed = new java.util.concurrent.ConcurrentHashMap<>();
        try (Vault.Batch batch = v.batch()) {
            for (Path f : files) {
                batch.submit(f, null, null, f.toString(), null, b -> handed.put(f, b));
            }
            batch.awaitWrites();
            // the first copy of each content is now in the vault: submitted again, every one is known
            for (Path f : files) {
                StoredBlob again = batch.store(f, null, null, f.toString(), null);
                assertTrue(again.existed(), "stored already: " + f);
            }
            batch.sync();
        }
        for (Path f : files) {
            StoredBlob b = handed.get(f);
            if (old.contains(b.relPath())) {
                assertTrue(b.existed(), "in the vault before the batch: " + f);
            }
        }
        for (java.util.Map.Entry<String, Object> e : keys.entrySet()) {
            assertEquals(e.getValue(), Files.readAttributes(v.resolve(e.getKey()),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "not written again: " + e.getKey());
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (Path f : files) {
            expected.add(Vault.relPathOf(HashPipeline.hashBytes(Files.readAllBytes(f)).digests().sha256()));
        }
        assertEquals(expected, v.blobs());
    }

    @Test
    void aBatchOnASharedVaultSeesABlobAnotherWorkstationAddedAfterTheBatchLookedIntoItsFolder() throws Exception {
        // two contents whose blobs share a folder (the SHA-256's first byte)
        Random r = new Random(3);
        java.util.Map<String, byte[]> byFolder = new java.util.HashMap<>();
        byte[] first = null;
        byte[] second = null;
        while (second == null) {
            byte[] b = new byte[1000];
            r.nextBytes(b);
            String folder = HashPipeline.hashBytes(b).digests().sha256().substring(0, 2);
            byte[] seen = byFolder.putIfAbsent(folder, b);
            if (seen != null) {
                first = seen;
                second = b;
            }
        }
        Path a = Files.write(tmp.resolve("a.bin"), first);
        Path b = Files.write(tmp.resolve("b.bin"), second);
        Vault lab = new Vault(tmp.resolve("lab")).shared();
        Vault other = new Vault(tmp.resolve("lab")).shared(); // another workstation's view of the same vault
        try (Vault.Batch batch = lab.batch()) {
            assertFalse(batch.store(a, null, null, "a", null).existed());
            assertFalse(other.store(b, null, "b", null).existed(), "the other workstation stores it first");
            assertTrue(batch.store(b, null, null, "b", null).existed(), "looked up, not taken from an older listing");
            batch.sync();
        }
        assertEquals(2, lab.blobs().size());
    }

    @Test
    void aFileListedSmallThatGrewPastTheLimitIsStoredWholeAmongGroupedFiles() throws Exception {
        Vault v = new Vault(tmp.resolve("vault"));
        java.util.Map<String, StoredBlob> handed = new java.util.concurrent.ConcurrentHashMap<>();
        Path grown = source(Vault.SMALL + 4000);
        try (Vault.Batch batch = v.batch()) {
            for (int i = 0; i < 10; i++) {
                Path f = source(100 + i);
                batch.submit(f, null, 100 + i, null, "f" + i, null, x -> handed.put(f.toString(), x));
            }
            batch.submit(grown, null, 100, null, "grown", null, x -> handed.put("grown", x)); // listed at 100 bytes
            for (int i = 10; i < 20; i++) {
                Path f = source(100 + i);
                batch.submit(f, null, 100 + i, null, "f" + i, null, x -> handed.put(f.toString(), x));
            }
            batch.sync();
        }
        assertEquals(21, handed.size());
        byte[] whole = Files.readAllBytes(grown);
        assertEquals(HashPipeline.hashBytes(whole), handed.get("grown").hash(), "every byte, not the listed 100");
        assertArrayEquals(whole, Files.readAllBytes(v.resolve(handed.get("grown").relPath())));
        for (int i = 0; i < 20; i++) {
            Path f = tmp.resolve("src-" + (100 + i) + ".bin");
            assertEquals(HashPipeline.hashBytes(Files.readAllBytes(f)), handed.get(f.toString()).hash());
        }
    }

    @Test
    void aBlobWhoseNameSharesOnlyItsFirst64BitsWithAnotherContentDoesNotMakeThatContentLookStored() throws Exception {
        Path f = source(777);
        String sha = HashPipeline.hashBytes(Files.readAllBytes(f)).digests().sha256();
        Vault v = new Vault(tmp.resolve("vault"));
        String other = sha.substring(0, 16) + (sha.charAt(16) == '0' ? '1' : '0') + sha.substring(17);
        Path fake = v.resolve(Vault.relPathOf(other)); // the same prefix, another name
        Files.createDirectories(fake.getParent());
        Files.write(fake, new byte[] {1});
        try (Vault.Batch batch = v.batch()) {
            assertFalse(batch.store(f, null, null, "f", null).existed(), "a prefix seen in the listing is looked up");
            assertTrue(batch.store(f, null, null, "again", null).existed());
            batch.sync();
        }
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(v.resolve(Vault.relPathOf(sha))));
    }

    @Test
    void thePrefixSetHoldsEveryValueAddedAndNoOtherAcrossGrowthAndZero() {
        Vault.PrefixSet set = new Vault.PrefixSet();
        Random r = new Random(5);
        java.util.Set<Long> added = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long v = i % 1000 == 0 ? 0 : r.nextLong();
            set.add(v);
            added.add(v);
        }
        for (long v : added) {
            assertTrue(set.contains(v));
        }
        for (int i = 0; i < 20_000; i++) {
            long v = r.nextLong();
            assertEquals(added.contains(v), set.contains(v));
        }
        assertFalse(new Vault.PrefixSet().contains(0));
    }
}
