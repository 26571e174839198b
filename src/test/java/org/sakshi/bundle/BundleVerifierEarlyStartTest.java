package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;

/**
 * A verification whose bundle was opened and whose payload hashing began early
 * ({@link BundleVerifier#startEarly}, what {@code sakshi verify} does before it loads its command line)
 * reports exactly what a verification that opens the bundle itself reports: same verdict, checks (code,
 * result, target, message, order), items, signer and time-stamps, intact or attacked; an early start
 * for anything else is closed and never used.
 */
class BundleVerifierEarlyStartTest {
    @TempDir
    Path dir;

    private final BundleVerifier verifier = new BundleVerifier(null, null, null, null);

    @AfterEach
    void nothingLeftOpen() {
        BundleVerifier.dropEarly();
    }

    private VerificationReport early(BundleVerifier v, Path bundle) throws InputException {
        BundleVerifier.startEarly(bundle, SafeZip.Limits.DEFAULT);
        assertTrue(BundleVerifier.earlyPending());
        VerificationReport r = v.verify(bundle, null);
        assertFalse(BundleVerifier.earlyPending(), "the verification took the early start over");
        return r;
    }

    private static void assertSame(VerificationReport expected, VerificationReport actual) {
        assertEquals(expected.checks(), actual.checks());
        assertEquals(expected.verdict(), actual.verdict());
        assertEquals(expected.items(), actual.items());
        assertEquals(expected.bundleId(), actual.bundleId());
        assertEquals(expected.caseNumber(), actual.caseNumber());
        assertEquals(expected.signer(), actual.signer());
        assertEquals(expected.timestamps(), actual.timestamps());
    }

    @Test
    void anIntactBagStartedEarlyPassesWithTheSameChecksAsOneOpenedByTheVerifier() throws Exception {
        Path bag = PlainBag.write(dir);
        VerificationReport plain = verifier.verify(bag, null);
        VerificationReport early = early(verifier, bag);
        assertSame(plain, early);
        assertTrue(early.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH
                && c.result() == CheckResult.PASSED), early.checks().toString());
    }

    @Test
    void aFlippedEvidenceByteStartedEarlyFailsPayloadHashExactlyAsWithoutTheEarlyStart() throws Exception {
        Path t = dir.resolve("t.zip");
        ZipSurgery.rewrite(PlainBag.write(dir), t, (p, b) -> p.endsWith("photo.jpg") ? ZipSurgery.flipMiddleByte(b) : b);
        VerificationReport plain = verifier.verify(t, null);
        VerificationReport early = early(verifier, t);
        assertSame(plain, early);
        assertEquals(Verdict.FAILED, early.verdict());
        assertTrue(early.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH
                && c.result() == CheckResult.FAILED && c.target().equals("data/evidence/E0001/photo.jpg")),
                early.checks().toString());
    }

    @Test
    void anEditedManifestStartedEarlyIsReportedAsWithoutTheEarlyStart() throws Exception {
        Path t = dir.resolve("t.zip");
        ZipSurgery.rewrite(PlainBag.write(dir), t, (p, b) -> p.equals("manifest-sha256.txt")
                ? (new String(b, StandardCharsets.UTF_8) + "not a manifest line\n").getBytes(StandardCharsets.UTF_8) : b);
        VerificationReport plain = verifier.verify(t, null);
        assertSame(plain, early(verifier, t));
        assertEquals(Verdict.FAILED, plain.verdict());
    }

    @Test
    void aManifestThatCannotBeReadStartedEarlyIsReportedAfterTheTagChecksAsWithoutTheEarlyStart() throws Exception {
        // both headers agree on a wrong CRC-32: reading the manifest fails
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir)).wrongCrc("/manifest-sha256.txt");
        Path t = dir.resolve("t.zip");
        raw.write(t);
        VerificationReport plain = verifier.verify(t, null);
        assertTrue(plain.checks().stream().anyMatch(c -> c.message().startsWith("The bundle could not be read to the end")),
                plain.checks().toString());
        assertSame(plain, early(verifier, t));
    }

    @Test
    void aPayloadEntryCutShortStartedEarlyIsReportedDamagedAsWithoutTheEarlyStart() throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir)).cutShort("/data/evidence/E0001/photo.jpg", 1000);
        Path t = dir.resolve("t.zip");
        raw.write(t);
        VerificationReport plain = verifier.verify(t, null);
        assertEquals(Verdict.FAILED, plain.verdict());
        assertSame(plain, early(verifier, t));
    }

    static java.util.List<ZipSurgery.Attack> zipAttacks() {
        return BundleVerifierIntegrityTest.zipAttacks();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("zipAttacks")
    void eachStructuralZipAttackStartedEarlyGivesTheSameReportAsWithoutTheEarlyStart(ZipSurgery.Attack attack)
            throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir));
        attack.apply().accept(raw);
        Path t = dir.resolve("attacked.zip");
        raw.write(t);
        VerificationReport plain = verifier.verify(t, null);
        assertEquals(Verdict.FAILED, plain.verdict());
        assertSame(plain, early(verifier, t));
    }

    @Test
    void anEarlyStartForAnotherFileIsClosedAndTheVerifiedFileIsOpenedAsUsual() throws Exception {
        Path bag = PlainBag.write(dir);
        Path other = dir.resolve("other.zip");
        ZipSurgery.rewrite(bag, other, (p, b) -> p.endsWith("photo.jpg") ? ZipSurgery.flipMiddleByte(b) : b);
        BundleVerifier.startEarly(other, SafeZip.Limits.DEFAULT);
        VerificationReport r = verifier.verify(bag, null);
        assertFalse(BundleVerifier.earlyPending());
        assertSame(verifier.verify(bag, null), r);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH
                && c.result() == CheckResult.PASSED), r.checks().toString());
    }

    @Test
    void theExportersRecheckNeverTakesAnEarlyStartAndStillSeesAChangedByte() throws Exception {
        Path zip = PlainBag.write(dir);
        BundleVerifier.startEarly(zip, SafeZip.Limits.DEFAULT);
        ZipSurgery.flipDataByte(zip, PlainBag.ID + "/data/evidence/E0001/photo.jpg", 1000);
        VerificationReport r = verifier.forRecheck().verify(zip, null);
        assertFalse(BundleVerifier.earlyPending());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH
                && c.result() == CheckResult.FAILED && c.target().equals("data/evidence/E0001/photo.jpg")),
                r.checks().toString());
    }

    @Test
    void otherLimitsAreNotServedByAnEarlyStartMadeWithTheDefaults() throws Exception {
        Path bag = PlainBag.write(dir);
        BundleVerifier tight = new BundleVerifier(null, null, null, new SafeZip.Limits(200_000, 10_000, 1L << 43, 200));
        BundleVerifier.startEarly(bag, SafeZip.Limits.DEFAULT);
        VerificationReport r = tight.verify(bag, null);
        assertFalse(BundleVerifier.earlyPending());
        assertSame(tight.verify(bag, null), r);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED
                && c.message().contains("impossible size")), r.checks().toString());
    }

    @Test
    void aFileThatIsNoZipStartsNothingAndIsRefusedWithTheUsualSentence() throws Exception {
        Path junk = Files.write(dir.resolve("junk.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        BundleVerifier.startEarly(junk, SafeZip.Limits.DEFAULT);
        assertFalse(BundleVerifier.earlyPending());
        InputException e = assertThrows(InputException.class, () -> verifier.verify(junk, null));
        assertTrue(e.getMessage().contains("is not a readable ZIP file"), e.getMessage());
    }

    @Test
    void aZipWithoutABagStartedEarlyIsStillNotABundleAndLeavesNothingOpen() throws Exception {
        Path t = dir.resolve("t.zip");
        ZipSurgery.write(t, Map.of("folder/readme.txt", new byte[] {1}));
        String plain = assertThrows(InputException.class, () -> verifier.verify(t, null)).getMessage();
        BundleVerifier.startEarly(t, SafeZip.Limits.DEFAULT);
        assertTrue(BundleVerifier.earlyPending());
        assertEquals(plain, assertThrows(InputException.class, () -> verifier.verify(t, null)).getMessage());
        assertFalse(BundleVerifier.earlyPending());
    }

    // the early start hashes the largest STORED payload files from the ZIP's own layout before Commons
    // Compress and the screening (SafeZip.openEarly); the verification uses such a hash only for a file the
    // screening admitted, whose entry is the very one hashed

    private static final String PHOTO = "data/evidence/E0001/photo.jpg";

    @Test
    void aStoredEvidenceFileHashedBeforeTheScreeningIsClaimedOnceWithTheHashOfAPlainOpen() throws Exception {
        Path bag = PlainBag.write(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (SafeZip plain = SafeZip.open(bag, SafeZip.Limits.DEFAULT);
             SafeZip early = SafeZip.openEarly(bag, SafeZip.Limits.DEFAULT, pool, 2)) {
            java.util.concurrent.Future<String> started = early.claimStarted(PHOTO);
            assertTrue(started != null, "the photo is STORED under data/: its hash began before the screening");
            assertEquals(null, early.claimStarted(PHOTO), "claimed once");
            assertEquals(null, early.claimStarted("data/evidence/E0002/note.txt"), "a DEFLATED file is hashed as usual");
            early.dropUnclaimed();
            assertEquals(plain.sha256(PHOTO), started.get());
            assertEquals(plain.violations(), early.violations());
            assertEquals(plain.paths(), early.paths());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongCrcOnTheStoredEvidenceStartedEarlyFailsWithTheSameSentenceAsWithoutTheEarlyStart() throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir)).wrongCrc("/" + PHOTO);
        Path t = dir.resolve("t.zip");
        raw.write(t);
        VerificationReport plain = verifier.verify(t, null);
        assertEquals(Verdict.FAILED, plain.verdict());
        assertTrue(plain.checks().stream().anyMatch(c -> c.message().contains("photo.jpg' has CRC-32")),
                plain.checks().toString());
        assertSame(plain, early(verifier, t));
    }

    /** The bag with a STORED file, larger than the photo, under a second top folder's data/. */
    private Path withLargerFileOutsideTheRoot() throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir));
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        raw.recs.add(ZipSurgery.Rec.stored("other/data/big.bin", big));
        Path t = dir.resolve("outside.zip");
        raw.write(t);
        return t;
    }

    @Test
    void aLargerStoredFileOutsideTheBundleFolderIsHashedEarlyButNeverUsedAndTheReportIsTheSame() throws Exception {
        Path t = withLargerFileOutsideTheRoot();
        VerificationReport plain = verifier.verify(t, null);
        assertEquals(Verdict.FAILED, plain.verdict());
        assertTrue(plain.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY
                && c.target().equals("other/data/big.bin") && c.message().contains("lies outside")),
                plain.checks().toString());
        assertSame(plain, early(verifier, t));
    }

    @Test
    void anUnclaimedHashIsStoppedWhileTheClaimedOneWaitingForTheSingleThreadStillCompletes() throws Exception {
        Path t = withLargerFileOutsideTheRoot();
        java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (SafeZip plain = SafeZip.open(t, SafeZip.Limits.DEFAULT);
             SafeZip early = SafeZip.openEarly(t, SafeZip.Limits.DEFAULT, one, 2)) {
            // big.bin (outside the bundle folder, never admitted) takes the only thread; the photo waits
            java.util.concurrent.Future<String> photo = early.claimStarted(PHOTO);
            assertTrue(photo != null);
            early.dropUnclaimed();
            assertEquals(plain.sha256(PHOTO), photo.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(null, early.damage(PHOTO), "read to its end with its CRC-32: counts as read");
        } finally {
            one.shutdownNow();
        }
    }
}
