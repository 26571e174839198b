package org.sakshi.bundle;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.VerificationReport;

/** The integrity checks of the verifier, on an unsigned bag (signature checks are tested with real keys elsewhere). */
class BundleVerifierIntegrityTest {
    @TempDir
    Path dir;

    private final BundleVerifier verifier = new BundleVerifier(null, null, null, null);

    private VerificationReport verifyRewritten(java.util.function.BiFunction<String, byte[], byte[]> change)
            throws Exception {
        Path zip = PlainBag.write(dir);
        Path t = dir.resolve("t.zip");
        ZipSurgery.rewrite(zip, t, change);
        return verifier.verify(t, null);
    }

    private static Check failed(VerificationReport r, String code) {
        return r.checks().stream().filter(c -> c.code().name().equals(code) && c.result() == CheckResult.FAILED).findFirst()
                .orElseThrow(() -> new AssertionError("no FAILED " + code + " in " + r.checks()));
    }

    @Test
    void anIntactBagPassesEveryIntegrityCheck() throws Exception {
        VerificationReport r = verifier.verify(PlainBag.write(dir), null);
        for (String code : new String[] {"ZIP_ENTRY", "BAGIT_DECLARATION", "BAG_INFO", "TAG_HASH", "PAYLOAD_HASH",
                "PAYLOAD_UNLISTED", "PAYLOAD_OXUM", "CASE_JSON"}) {
            assertTrue(r.checks().stream().anyMatch(c -> c.code().name().equals(code) && c.result() == CheckResult.PASSED),
                    code + " " + r.checks());
        }
        assertEquals(PlainBag.ID, r.bundleId());
        assertEquals("FIR 12/2026", r.caseNumber());
        assertEquals(CheckResult.PASSED, r.items().get(0).result());
    }

    @Test
    void oneFlippedEvidenceByteFailsPayloadHashNamingTheFile() throws Exception {
        VerificationReport r = verifyRewritten((p, b) -> p.endsWith("photo.jpg") ? ZipSurgery.flipMiddleByte(b) : b);
        assertEquals("data/evidence/E0001/photo.jpg", failed(r, "PAYLOAD_HASH").target());
        assertEquals(CheckResult.FAILED, r.items().get(0).result());
    }

    @Test
    void aDeletedPayloadFileIsReportedMissing() throws Exception {
        VerificationReport r = verifyRewritten((p, b) -> p.endsWith("note.txt") ? null : b);
        assertEquals("data/evidence/E0002/note.txt", failed(r, "PAYLOAD_MISSING").target());
        assertEquals("bag-info.txt", failed(r, "PAYLOAD_OXUM").target());
    }

    @Test
    void anAddedPayloadFileIsReportedUnlisted() throws Exception {
        Path zip = PlainBag.write(dir);
        Map<String, byte[]> m = ZipSurgery.read(zip);
        m.put(PlainBag.ID + "/data/evidence/E0009/planted.jpg", new byte[] {1, 2, 3});
        Path t = dir.resolve("t.zip");
        ZipSurgery.write(t, m);
        assertEquals("data/evidence/E0009/planted.jpg", failed(verifier.verify(t, null), "PAYLOAD_UNLISTED").target());
    }

    @Test
    void aChangedTagFileFailsTagHash() throws Exception {
        VerificationReport r = verifyRewritten((p, b) -> p.equals("VERIFY.txt") ? ZipSurgery.flipLastByte(b) : b);
        assertEquals("VERIFY.txt", failed(r, "TAG_HASH").target());
    }

    @Test
    void anUnlistedTagFileFailsTagHash() throws Exception {
        Path zip = PlainBag.write(dir);
        Map<String, byte[]> m = ZipSurgery.read(zip);
        m.put(PlainBag.ID + "/certs/extra.pem", "x".getBytes(StandardCharsets.UTF_8));
        Path t = dir.resolve("t.zip");
        ZipSurgery.write(t, m);
        assertEquals("certs/extra.pem", failed(verifier.verify(t, null), "TAG_HASH").target());
    }

    @Test
    void aChangedBagitDeclarationFails() throws Exception {
        VerificationReport r = verifyRewritten((p, b) -> p.equals("bagit.txt")
                ? "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8) : b);
        assertEquals("bagit.txt", failed(r, "BAGIT_DECLARATION").target());
    }

    @Test
    void aZipWithoutABagIsNotABundle() throws Exception {
        Path t = dir.resolve("t.zip");
        ZipSurgery.write(t, Map.of("folder/readme.txt", new byte[] {1}));
        assertThrows(InputException.class, () -> verifier.verify(t, null));
    }

    @Test
    void theExportersRecheckFailsWhenAWrittenByteChangesOnDisk() throws Exception {
        Path zip = PlainBag.write(dir);
        ZipSurgery.flipDataByte(zip, PlainBag.ID + "/data/evidence/E0001/photo.jpg", 1000);
        VerificationReport r = verifier.forRecheck().verify(zip, null);
        assertEquals("data/evidence/E0001/photo.jpg", failed(r, "PAYLOAD_HASH").target());
    }

    @Test
    void theExportersRecheckPassesAnIntactFile() throws Exception {
        VerificationReport r = verifier.forRecheck().verify(PlainBag.write(dir), null);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.PASSED),
                r.checks().toString());
    }

    static java.util.List<ZipSurgery.Attack> zipAttacks() {
        return ZipSurgery.attacks(PlainBag.ID, "data/evidence/E0001/photo.jpg", "data/evidence/E0002/note.txt");
    }

    @Test
    void aBagTakenApartAndReassembledByteForByteStillPassesTheZipScreen() throws Exception {
        Path t = dir.resolve("t.zip");
        ZipSurgery.Raw.read(PlainBag.write(dir)).write(t);
        VerificationReport r = verifier.verify(t, null);
        VerificationReport original = verifier.verify(PlainBag.write(java.nio.file.Files.createDirectories(dir.resolve("again"))), null);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.PASSED),
                r.checks().toString());
        assertEquals(original.checks().stream().map(c -> c.code() + " " + c.result()).toList(),
                r.checks().stream().map(c -> c.code() + " " + c.result()).toList());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("zipAttacks")
    void eachStructuralZipAttackFailsZipEntryNamingTheEntryAndWhatDisagrees(ZipSurgery.Attack attack) throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir));
        attack.apply().accept(raw);
        Path t = dir.resolve("attacked.zip");
        raw.write(t);
        VerificationReport r = verifier.verify(t, null);
        assertEquals(org.sakshi.core.Verdict.FAILED, r.verdict(), r.checks().toString());
        String target = attack.target().startsWith(PlainBag.ID + "/")
                ? attack.target().substring(PlainBag.ID.length() + 1) : attack.target();
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED
                        && (c.target().contains(target) || c.message().contains(target))
                        && c.message().contains(attack.word())),
                attack + ": " + r.checks().stream().filter(c -> c.code() == CheckCode.ZIP_ENTRY).toList());
    }

    @Test
    void aManifestWhoseBytesDisagreeWithItsCrcStillLetsTheTagChecksRunAndThenStopsTheRead() throws Exception {
        // the payload's hashing starts before the tag files are read: a manifest that cannot be read must
        // still be reported after the declaration, bag-info and tag-file checks, as before
        // both headers (the central record and the data descriptor) agree on a wrong CRC-32
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir)).wrongCrc("/manifest-sha256.txt");
        Path t = dir.resolve("t.zip");
        raw.write(t);
        VerificationReport r = verifier.verify(t, null);
        assertEquals(org.sakshi.core.Verdict.FAILED, r.verdict());
        for (String code : new String[] {"BAGIT_DECLARATION", "BAG_INFO"}) {
            assertTrue(r.checks().stream().anyMatch(c -> c.code().name().equals(code) && c.result() == CheckResult.PASSED),
                    code + " " + r.checks());
        }
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED
                && c.target().equals("manifest-sha256.txt") && c.message().contains("CRC-32")), r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED
                && c.message().startsWith("The bundle could not be read to the end")), r.checks().toString());
        assertTrue(r.checks().stream().noneMatch(c -> c.code() == CheckCode.PAYLOAD_HASH || c.code() == CheckCode.CASE_JSON),
                r.checks().toString());
    }

    @Test
    void aPayloadEntryCutShortWithHeadersToMatchFailsAsDamagedNamingItAndItsItem() throws Exception {
        ZipSurgery.Raw raw = ZipSurgery.Raw.read(PlainBag.write(dir)).cutShort("/data/evidence/E0001/photo.jpg", 1000);
        Path t = dir.resolve("t.zip");
        raw.write(t);
        VerificationReport r = verifier.verify(t, null);
        assertEquals(org.sakshi.core.Verdict.FAILED, r.verdict());
        Check damaged = r.checks().stream().filter(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED)
                .findFirst().orElseThrow(() -> new AssertionError(r.checks().toString()));
        assertEquals("data/evidence/E0001/photo.jpg", damaged.target());
        assertTrue(damaged.message().contains("CRC-32") && damaged.message().contains("damaged"), damaged.message());
        assertEquals(1, r.checks().stream().filter(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED)
                .count(), r.checks().toString());
        assertEquals("bag-info.txt", failed(r, "PAYLOAD_OXUM").target());
        assertTrue(r.checks().stream().noneMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.PASSED),
                r.checks().toString());
        assertEquals(CheckResult.FAILED, r.items().get(0).result());
    }

    @Test
    void aManifestLineOutsideDataIsFailedAsAnEditWithoutStoppingTheRead() throws Exception {
        VerificationReport r = verifyRewritten((p, b) -> {
            if (!p.equals("manifest-sha256.txt")) {
                return b;
            }
            String line = java.util.HexFormat.of().formatHex(PlainBag.sha256(BundleVerifier.BAGIT_TXT.getBytes(
                    StandardCharsets.UTF_8))) + "  bagit.txt\n";
            return (new String(b, StandardCharsets.UTF_8) + line).getBytes(StandardCharsets.UTF_8);
        });
        Check manifest = failed(r, "MANIFEST");
        assertEquals("bagit.txt", manifest.target());
        assertEquals("manifest-sha256.txt lists 'bagit.txt' twice or outside data/; the manifest was edited.",
                manifest.message());
        assertTrue(r.checks().stream().noneMatch(c -> c.message().startsWith("The bundle could not be read to the end")),
                r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.PASSED),
                r.checks().toString());
    }
}
