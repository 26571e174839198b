package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.ProgressListener;

class BundleZipWriterTest {
    @TempDir
    Path dir;

    private String entryText(Path zip, String bagPath) throws Exception {
        return new String(ZipSurgery.read(zip).get(PlainBag.ID + "/" + bagPath), StandardCharsets.UTF_8);
    }

    @Test
    void bagitTxtHasTheExactBytesOfTheSpec() throws Exception {
        Path zip = PlainBag.write(dir);
        assertArrayEquals("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8),
                ZipSurgery.read(zip).get(PlainBag.ID + "/bagit.txt"));
    }

    @Test
    void manifestLinesUseTwoSpacesLfAndPercentEncoding() throws Exception {
        String m = entryText(PlainBag.write(dir), "manifest-sha256.txt");
        assertTrue(m.matches("(?s)([0-9a-f]{64}  data/[^\n]+\n)+"), m);
        assertTrue(m.contains("  data/evidence/E0002/note.txt\n"), m);
    }

    @Test
    void manifestPercentEncodesPercentCrAndLfInPaths() throws Exception {
        byte[] m = ManifestFile.format(List.of(new ManifestFile.Line("a".repeat(64), "data/x 100%\r\n.txt")));
        assertEquals("a".repeat(64) + "  data/x 100%25%0D%0A.txt\n", new String(m, StandardCharsets.UTF_8));
        assertEquals("data/x 100%\r\n.txt", ManifestFile.parse(m, "m").get(0).path());
    }

    @Test
    void tagManifestListsEveryTagFileButItself() throws Exception {
        String t = entryText(PlainBag.write(dir), "tagmanifest-sha256.txt");
        List<String> paths = t.lines().map(l -> l.substring(66)).toList();
        assertEquals(List.of("bagit.txt", "manifest-sha256.txt", "bag-info.txt", "VERIFY.txt"), paths);
    }

    @Test
    void bagInfoCarriesPayloadOxumAndBagSize() throws Exception {
        BagInfo info = BagInfo.parse(entryText(PlainBag.write(dir), "bag-info.txt").getBytes(StandardCharsets.UTF_8));
        String caseJson = entryText(dir.resolve("bag.zip"), "data/case.json");
        long bytes = 50_000 + 6 + 3 + caseJson.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(bytes + ".4", info.get("Payload-Oxum").orElseThrow());
        assertTrue(info.get("Bag-Size").orElseThrow().endsWith("KB"));
        for (String f : BagInfo.REQUIRED) {
            assertTrue(info.get(f).isPresent(), f);
        }
    }

    @Test
    void everyEntryLiesInOneTopFolderWithUtf8FlagAndMethodByType() throws Exception {
        Path zip = PlainBag.write(dir);
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                assertTrue(e.getName().startsWith(PlainBag.ID + "/"), e.getName());
                assertTrue(e.getGeneralPurposeBit().usesUTF8ForNames(), e.getName());
                boolean text = e.getName().endsWith(".txt") || e.getName().endsWith(".json")
                        || e.getName().endsWith(".jsonl");
                assertEquals(text ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod(), e.getName());
            }
        }
    }

    @Test
    void theUnzippedBagPassesSha256sumCheck() throws Exception {
        Path zip = PlainBag.write(dir);
        String unzip = PlainBag.run(dir, "unzip", "-q", zip.toString(), "-d", "x");
        assertTrue(unzip.startsWith("0\n"), unzip);
        Path bag = dir.resolve("x").resolve(PlainBag.ID);
        String out = PlainBag.run(bag, "sha256sum", "-c", "manifest-sha256.txt");
        assertTrue(out.startsWith("0\n"), out);
        String tags = PlainBag.run(bag, "sha256sum", "-c", "tagmanifest-sha256.txt");
        assertTrue(tags.startsWith("0\n"), tags);
    }

    @Test
    void exportAbortsNamingTheItemWhenTheVaultCopyNoLongerMatches() throws Exception {
        Path src = dir.resolve("e.bin");
        Files.write(src, new byte[3_000_000]);
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            IntegrityException e = assertThrows(IntegrityException.class, () -> w.putFile("data/evidence/E0007/e.bin",
                    src, "0".repeat(64), "E0007", ProgressListener.NONE, new CancelFlag()));
            assertTrue(e.getMessage().startsWith("E0007"), e.getMessage());
        }
    }

    @Test
    void exportAbortsNamingTheItemWhenItsBytesNoLongerHaveTheImportCrc() throws Exception {
        Path src = dir.resolve("e.jpg");
        Files.write(src, new byte[100_000]);
        String sha = java.util.HexFormat.of().formatHex(BundleZipWriter.sha256().digest(Files.readAllBytes(src)));
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            IntegrityException e = assertThrows(IntegrityException.class, () -> w.putFile("data/evidence/E0008/e.jpg",
                    src, sha, 12345L, "E0008", ProgressListener.NONE, new CancelFlag()));
            assertTrue(e.getMessage().startsWith("E0008"), e.getMessage());
        }
    }

    @Test
    void theBundleHashTakenWhileWritingIsTheFilesHash() throws Exception {
        Path out = dir.resolve("h.zip");
        String sha;
        try (BundleZipWriter w = new BundleZipWriter(out, PlainBag.ID, Instant.EPOCH)) {
            w.putBytes("data/a.jpg", new byte[5000]);
            w.putBytes("data/b.txt", "text".getBytes(StandardCharsets.UTF_8));
            w.finish();
            sha = w.bundleSha256();
        }
        assertEquals(Hashes.sha256(out), sha);
    }

    /** 40 MiB of fixed bytes: more than two of the pieces the kernel copies at a time. */
    private Path bigEvidence() throws Exception {
        Path src = dir.resolve("big.E01");
        byte[] b = new byte[40 << 20];
        new java.util.Random(15).nextBytes(b);
        Files.write(src, b);
        return src;
    }

    private static String sha(Path f) throws Exception {
        return Hashes.sha256(f);
    }

    private static long crc(Path f) throws Exception {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(Files.readAllBytes(f));
        return c.getValue();
    }

    @Test
    void anEvidenceFileCopiedByTheKernelArrivesWholeAndTheBundleHashIsTheFilesHash() throws Exception {
        Path src = bigEvidence();
        Path out = dir.resolve("k.zip");
        String bundleSha;
        long[] lastProgress = {0};
        try (BundleZipWriter w = new BundleZipWriter(out, PlainBag.ID, Instant.EPOCH)) {
            w.putBytes("data/a.txt", "before".getBytes(StandardCharsets.UTF_8));
            assertEquals(sha(src), w.putFile("data/evidence/E0001/big.E01", src, sha(src), crc(src), "E0001",
                    (d, t, x) -> lastProgress[0] = d, new CancelFlag()));
            w.putBytes("data/z.txt", "after".getBytes(StandardCharsets.UTF_8));
            w.writeTagFiles(new BagInfo(), new java.util.LinkedHashMap<>());
            w.finish();
            bundleSha = w.bundleSha256();
        }
        assertEquals(Files.size(src), lastProgress[0]);
        assertEquals(Hashes.sha256(out), bundleSha);
        var entries = ZipSurgery.read(out);
        assertArrayEquals(Files.readAllBytes(src), entries.get(PlainBag.ID + "/data/evidence/E0001/big.E01"));
        assertEquals("after", new String(entries.get(PlainBag.ID + "/data/z.txt"), StandardCharsets.UTF_8));
        try (ZipFile z = ZipFile.builder().setPath(out).get()) {
            ZipArchiveEntry e = z.getEntry(PlainBag.ID + "/data/evidence/E0001/big.E01");
            assertEquals(ZipEntry.STORED, e.getMethod());
            assertEquals(crc(src), e.getCrc());
        }
    }

    /** Writes a bag with the 40 MiB evidence between two small files; returns the bundle hash taken while writing. */
    private String writeWithEvidence(Path out, Path src, long syncEvery, BundleZipWriter.Syncer.Force force)
            throws Exception {
        try (BundleZipWriter w = new BundleZipWriter(out, PlainBag.ID, Instant.EPOCH, syncEvery, force)) {
            w.putBytes("data/a.txt", "before".getBytes(StandardCharsets.UTF_8));
            w.putFile("data/evidence/E0001/big.E01", src, sha(src), crc(src), "E0001", null, new CancelFlag());
            w.putBytes("data/z.txt", "after".getBytes(StandardCharsets.UTF_8));
            w.writeTagFiles(new BagInfo(), new java.util.LinkedHashMap<>());
            w.finish();
            return w.bundleSha256();
        }
    }

    @Test
    void flushingTheBundleToTheDiskWhileTheEvidenceIsCopiedChangesNoByteOfIt() throws Exception {
        Path src = bigEvidence();
        List<Boolean> calls = Collections.synchronizedList(new java.util.ArrayList<>());
        Path flushed = dir.resolve("flushed.zip");
        String sha = writeWithEvidence(flushed, src, 1 << 20, (ch, meta) -> {
            calls.add(meta);
            ch.force(meta);
        });
        Path once = dir.resolve("once.zip");
        String shaOnce = writeWithEvidence(once, src, Long.MAX_VALUE, java.nio.channels.FileChannel::force);
        assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(flushed));
        assertEquals(Hashes.sha256(flushed), sha);
        assertEquals(shaOnce, sha);
        assertTrue(calls.size() >= 2 && !calls.get(0), "data flushed on the side while copying: " + calls);
        assertEquals(List.of(true), calls.subList(calls.size() - 1, calls.size()), "the last is the full fsync: " + calls);
        assertFalse(calls.subList(0, calls.size() - 1).contains(true), calls.toString());
    }

    @Test
    void aFlushOnTheSideThatFailsFailsTheBundle() throws Exception {
        Path src = bigEvidence();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> writeWithEvidence(dir.resolve("f.zip"), src,
                1 << 20, (ch, meta) -> {
                    if (!meta) {
                        throw new java.io.IOException("Input/output error");
                    }
                    ch.force(true);
                }));
        assertEquals("Input/output error", e.getMessage(), "reported by the copy or at the latest by the final sync");
    }

    @Test
    void aFinalSyncThatFailsFailsTheBundle() throws Exception {
        Path src = bigEvidence();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> writeWithEvidence(dir.resolve("g.zip"), src,
                Long.MAX_VALUE, (ch, meta) -> {
                    throw new java.io.IOException("No space left on device");
                }));
        assertEquals("No space left on device", e.getMessage());
    }

    @Test
    void aVaultCopyChangedWhileTheKernelCopiesItIsRefusedAsChanged() throws Exception {
        Path src = bigEvidence();
        String sha = sha(src);
        long crc = crc(src);
        ProgressListener tamper = (d, t, x) -> {
            if (d < t) { // after the first piece: a byte near the end changes before it is copied
                try (var ch = java.nio.channels.FileChannel.open(src, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(new byte[] {42, 43}), (39L << 20) + 7);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            IntegrityException e = assertThrows(IntegrityException.class, () -> w.putFile("data/evidence/E0009/big.E01",
                    src, sha, crc, "E0009", tamper, new CancelFlag()));
            assertTrue(e.getMessage().startsWith("E0009: the vault copy no longer matches its recorded SHA-256 (" + sha
                    + ", now "), e.getMessage());
        }
    }

    @Test
    void aVaultCopyCutShortWhileTheKernelCopiesItIsRefusedAsChangedInSize() throws Exception {
        Path src = bigEvidence();
        String sha = sha(src);
        long crc = crc(src);
        ProgressListener cut = (d, t, x) -> {
            try (var ch = java.nio.channels.FileChannel.open(src, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(20 << 20);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            IntegrityException e = assertThrows(IntegrityException.class, () -> w.putFile("data/evidence/E0010/big.E01",
                    src, sha, crc, "E0010", cut, new CancelFlag()));
            assertTrue(e.getMessage().startsWith("E0010 changed size while it was exported (" + (40 << 20)
                    + " bytes expected, "), e.getMessage());
        }
    }

    @Test
    void aVaultCopyThatGrewWhileItWasCopiedIsRefusedAsChangedInSize() throws Exception {
        Path src = bigEvidence();
        String sha = sha(src);
        long crc = crc(src);
        ProgressListener grow = (d, t, x) -> {
            try (var ch = java.nio.channels.FileChannel.open(src, java.nio.file.StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            IntegrityException e = assertThrows(IntegrityException.class, () -> w.putFile("data/evidence/E0011/big.E01",
                    src, sha, crc, "E0011", grow, new CancelFlag()));
            assertTrue(e.getMessage().startsWith("E0011 changed size while it was exported"), e.getMessage());
        }
    }

    @Test
    void cancellingStopsAKernelCopy() throws Exception {
        Path src = bigEvidence();
        CancelFlag cancel = new CancelFlag();
        int[] pieces = {0};
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            assertThrows(CancelledException.class, () -> w.putFile("data/evidence/E0012/big.E01", src, sha(src),
                    crc(src), "E0012", (d, t, x) -> {
                        pieces[0]++;
                        cancel.cancel();
                    }, cancel));
        }
        assertEquals(1, pieces[0]); // stopped after the first piece
    }

    @Test
    void theRecheckReadsACopiedEntryAgainUnlessTheReadBackDescribesItExactly() throws Exception {
        Path src = dir.resolve("e.bin");
        byte[] b = new byte[300_000];
        new java.util.Random(7).nextBytes(b);
        Files.write(src, b);
        Path out = dir.resolve("r.zip");
        java.util.Map<String, BundleZipWriter.ReadBack> readBack;
        try (BundleZipWriter w = new BundleZipWriter(out, PlainBag.ID, Instant.EPOCH)) {
            w.putFile("data/evidence/E0001/e.bin", src, sha(src), crc(src), "E0001", ProgressListener.NONE,
                    new CancelFlag());
            w.writeTagFiles(new BagInfo(), new java.util.LinkedHashMap<>());
            w.finish();
            readBack = w.readBack();
        }
        BundleZipWriter.ReadBack rb = readBack.get("data/evidence/E0001/e.bin");
        assertEquals(b.length, rb.size());
        // the bytes at the recorded offset are the file's bytes
        byte[] zip = Files.readAllBytes(out);
        assertArrayEquals(b, java.util.Arrays.copyOfRange(zip, (int) rb.dataOffset(), (int) rb.dataOffset() + b.length));
        // a byte of the entry changes after the writer read it back
        zip[(int) rb.dataOffset() + 1000] ^= 1;
        Files.write(out, zip);
        BundleVerifier v = new BundleVerifier(null, null, null, null);
        for (BundleZipWriter.ReadBack other : List.of(
                new BundleZipWriter.ReadBack(rb.dataOffset() + 1, rb.size(), rb.sha256(), rb.crc32()),
                new BundleZipWriter.ReadBack(rb.dataOffset(), rb.size() - 1, rb.sha256(), rb.crc32()),
                new BundleZipWriter.ReadBack(rb.dataOffset(), rb.size(), "0".repeat(64), rb.crc32()),
                new BundleZipWriter.ReadBack(rb.dataOffset(), rb.size(), rb.sha256(), rb.crc32() ^ 1))) {
            var report = v.forRecheck(java.util.Map.of("data/evidence/E0001/e.bin", other)).verify(out, null);
            assertTrue(report.checks().stream().anyMatch(c -> c.code() == org.sakshi.core.CheckCode.PAYLOAD_HASH
                    && c.result() == org.sakshi.core.CheckResult.FAILED
                    && "data/evidence/E0001/e.bin".equals(c.target())), other + ": " + report.checks());
        }
    }

    @Test
    void cancellingStopsTheCopy() throws Exception {
        Path src = dir.resolve("e.bin");
        Files.write(src, new byte[3_000_000]);
        CancelFlag cancel = new CancelFlag();
        cancel.cancel();
        try (BundleZipWriter w = new BundleZipWriter(dir.resolve("b.zip"), PlainBag.ID, Instant.EPOCH)) {
            assertThrows(CancelledException.class, () -> w.putFile("data/evidence/E0007/e.bin", src, null, "E0007",
                    ProgressListener.NONE, cancel));
        }
    }

    @Test
    void aPartFileNotCommittedIsRemovedAndTheOutputNeverAppears() throws Exception {
        Path out = dir.resolve("bundle.zip");
        try (PartFile pf = PartFile.forOutput(out)) {
            Files.write(pf.part(), new byte[10]);
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("bundle.zip.part")));
    }

    @Test
    void aCommittedPartFileIsRenamedToTheOutput() throws Exception {
        Path out = dir.resolve("bundle.zip");
        try (PartFile pf = PartFile.forOutput(out)) {
            Files.write(pf.part(), new byte[10]);
            pf.commit();
        }
        assertEquals(10, Files.size(out));
        assertFalse(Files.exists(dir.resolve("bundle.zip.part")));
    }

    @Test
    void anExistingOutputIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("bundle.zip");
        Files.write(out, new byte[1]);
        assertThrows(org.sakshi.core.InputException.class, () -> PartFile.forOutput(out));
    }
}
