package org.sakshi.service;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.testsupport.TestPki;

/**
 * Tamper tests: each change to a sealed bundle fails (or is indeterminate) naming the file.
 * <p>Folder store only: each attack changes the ZIP and verifies it; the case store never takes part, and
 * ExportServiceTest shows a lab-server case exports a bundle that verifies PASSED the same way.
 */
class VerifyServiceTest {
    static ExportFixture fx;
    static Path bundle;
    static String root;
    static Map<String, byte[]> pristine;

    @TempDir
    Path dir;

    @BeforeAll
    static void export() throws Exception {
        fx = ExportFixture.shared();
        bundle = ExportFixture.sharedExport().bundle();
        root = ExportFixture.sharedExport().bundleId() + "/";
        pristine = read(bundle);
    }

    static Map<String, byte[]> read(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var zf = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
            for (var e : java.util.Collections.list(zf.getEntries())) {
                try (var in = zf.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    static void write(Path zip, Map<String, byte[]> entries) throws Exception {
        try (var z = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            for (var e : entries.entrySet()) {
                z.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(e.getKey()));
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
    }

    static byte[] flip(byte[] b) {
        return flipAt(b, b.length / 2);
    }

    static byte[] flipAt(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x04;
        return c;
    }

    static String evidencePath() {
        return pristine.keySet().stream().map(k -> k.substring(root.length()))
                .filter(p -> p.startsWith("data/evidence/E0001/")).findFirst().orElseThrow();
    }

    static UnaryOperator<Map<String, byte[]>> flipOne(String bagPath, String where) {
        return m -> {
            byte[] b = m.get(root + bagPath);
            int at = switch (where) {
                case "quarter" -> b.length / 4;
                case "last" -> b.length - 1;
                default -> b.length / 2;
            };
            m.put(root + bagPath, flipAt(b, at));
            return m;
        };
    }

    /**
     * Kind of file, file, where the byte is flipped. The CMS signature is flipped in its embedded
     * certificates (a quarter in) and in its signature-time-stamp's signature (last byte); its middle
     * lies in the embedded token's digestAlgorithms set, which nothing signs or uses, so no verifier
     * (openssl included) can see a change there.
     */
    static Stream<Arguments> byteFlips() {
        return Stream.of(
                Arguments.of("evidence", "EVIDENCE", "middle"),
                Arguments.of("custody log", "data/custody/custody-log.jsonl", "middle"),
                Arguments.of("report", "data/report/report.pdf", "middle"),
                Arguments.of("manifest", "manifest-sha256.txt", "middle"),
                Arguments.of("tagmanifest", "tagmanifest-sha256.txt", "middle"),
                Arguments.of("case.json", "data/case.json", "middle"),
                Arguments.of("signature", "signature/tagmanifest-sha256.txt.p7s", "quarter"),
                Arguments.of("signature", "signature/tagmanifest-sha256.txt.p7s", "last"),
                Arguments.of("bundle token", "signature/tagmanifest-sha256.txt.tsr", "middle"),
                Arguments.of("bundle token", "signature/tagmanifest-sha256.txt.tsr", "last"),
                Arguments.of("item token", "data/timestamps/E0001.tsr", "middle"),
                Arguments.of("bag-info", "bag-info.txt", "middle"),
                Arguments.of("signer chain", "certs/signer-chain.pem", "middle"));
    }

    private VerificationReport verifyChanged(UnaryOperator<Map<String, byte[]>> change) throws Exception {
        Path t = dir.resolve("tampered.zip");
        write(t, change.apply(new LinkedHashMap<>(pristine)));
        return fx.verifier.verify(t, fx.trust(), null);
    }

    private static void assertFailedNaming(VerificationReport r, String file) {
        assertEquals(Verdict.FAILED, r.verdict(), r.checks().toString());
        List<Check> failed = r.checks().stream().filter(c -> c.result() == CheckResult.FAILED).toList();
        assertTrue(failed.stream().anyMatch(c -> c.target().equals(file) || c.message().contains(file)),
                "no FAILED check names " + file + ": " + failed);
    }

    @ParameterizedTest(name = "flipping one byte ({2}) of the {0} fails naming it")
    @MethodSource("byteFlips")
    void oneFlippedByteFailsNamingTheFile(String kind, String file, String where) throws Exception {
        String f = file.equals("EVIDENCE") ? evidencePath() : file;
        assertFailedNaming(verifyChanged(flipOne(f, where)), f);
    }

    @Test
    void aDeletedPayloadFileFailsAsMissing() throws Exception {
        String f = evidencePath();
        VerificationReport r = verifyChanged(m -> {
            m.remove(root + f);
            return m;
        });
        assertFailedNaming(r, f);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_MISSING && c.target().equals(f)));
    }

    @Test
    void anAddedPayloadFileFailsAsUnlisted() throws Exception {
        VerificationReport r = verifyChanged(m -> {
            m.put(root + "data/evidence/E0001/planted.jpg", new byte[] {1, 2, 3});
            return m;
        });
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_UNLISTED
                && c.target().equals("data/evidence/E0001/planted.jpg")), r.checks().toString());
        assertEquals(Verdict.FAILED, r.verdict());
    }

    @Test
    void aRenamedPayloadFileFailsNamingBothNames() throws Exception {
        String f = evidencePath();
        VerificationReport r = verifyChanged(m -> {
            m.put(root + f + ".renamed", m.remove(root + f));
            return m;
        });
        assertFailedNaming(r, f);
        assertFailedNaming(r, f + ".renamed");
    }

    @Test
    void aConsistentlyReManifestedChangeFailsOnTheOldSignature() throws Exception {
        String f = evidencePath();
        VerificationReport r = verifyChanged(m -> {
            byte[] changed = flip(m.get(root + f));
            String oldSha = sha(m.get(root + f));
            m.put(root + f, changed);
            String manifest = new String(m.get(root + "manifest-sha256.txt"), StandardCharsets.UTF_8)
                    .replace(oldSha, sha(changed));
            String oldManifestSha = sha(m.get(root + "manifest-sha256.txt"));
            m.put(root + "manifest-sha256.txt", manifest.getBytes(StandardCharsets.UTF_8));
            String tags = new String(m.get(root + "tagmanifest-sha256.txt"), StandardCharsets.UTF_8)
                    .replace(oldManifestSha, sha(manifest.getBytes(StandardCharsets.UTF_8)));
            m.put(root + "tagmanifest-sha256.txt", tags.getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertTrue(r.checks().stream().noneMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.FAILED));
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.SIGNATURE && c.result() == CheckResult.FAILED),
                r.checks().toString());
        assertFailedNaming(r, "tagmanifest-sha256.txt");
    }

    @Test
    void theReportListsEveryItemsHashOnThePristineBundle() throws Exception {
        VerificationReport r = fx.verifier.verify(bundle, fx.trust(), null);
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.REPORT_HASHES
                && c.result() == CheckResult.PASSED), r.checks().toString());
    }

    @Test
    void aManifestHashTheReportDoesNotListFailsReportHashesNamingOnlyThatItem() throws Exception {
        // the report's text is read only until every wanted hash was seen: a hash it never lists must still fail
        String f = evidencePath();
        String other = "0123456789abcdef".repeat(4);
        VerificationReport r = verifyChanged(m -> {
            String manifest = new String(m.get(root + "manifest-sha256.txt"), StandardCharsets.UTF_8)
                    .replace(sha(m.get(root + f)), other);
            m.put(root + "manifest-sha256.txt", manifest.getBytes(StandardCharsets.UTF_8));
            return m;
        });
        List<Check> hashes = r.checks().stream().filter(c -> c.code() == CheckCode.REPORT_HASHES).toList();
        assertEquals(1, hashes.size(), r.checks().toString());
        assertEquals(CheckResult.FAILED, hashes.get(0).result());
        assertEquals("The report does not list the manifest's SHA-256 for item(s) E0001.", hashes.get(0).message());
    }

    @Test
    void anEvidenceFileChangedAndASignatureBrokenAreEachReportedByTheirOwnCheck() throws Exception {
        // the payload is hashed on its own thread while the signature is checked: both verdicts reach the report
        String f = evidencePath();
        String p7s = "signature/tagmanifest-sha256.txt.p7s";
        VerificationReport r = verifyChanged(m -> flipOne(p7s, "quarter").apply(flipOne(f, "middle").apply(m)));
        assertEquals(Verdict.FAILED, r.verdict(), r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.FAILED
                && c.target().equals(f)), r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.SIGNATURE && c.result() == CheckResult.FAILED
                && c.target().equals(p7s)), r.checks().toString());
        assertTrue(r.items().stream().anyMatch(i -> i.path().equals(f) && i.result() == CheckResult.FAILED), r.items().toString());
    }

    @Test
    void aSignatureReplacedByAnotherKeyFailsAsSignerMismatch() throws Exception {
        TestPki other = TestPki.create(Files.createDirectories(dir.resolve("other-pki")));
        byte[] tags = pristine.get(root + "tagmanifest-sha256.txt");
        byte[] p7s = other.officerSigner().signDetached(new ByteArrayInputStream(tags), null);
        VerificationReport r = verifyChanged(m -> {
            m.put(root + "signature/tagmanifest-sha256.txt.p7s", p7s);
            return m;
        });
        // docs/threat-model.md#who-signed-in-which-role: a valid signature by anyone but the exporting officer is not a warning but a failure
        assertEquals(Verdict.FAILED, r.verdict(), r.checks().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.SIGNER_MISMATCH
                && c.result() == CheckResult.FAILED), r.checks().toString());
        Check trust = r.checks().stream().filter(c -> c.code() == CheckCode.SIGNER_TRUST).findFirst().orElseThrow();
        assertEquals(CheckResult.INDETERMINATE, trust.result());
        assertEquals("signature/tagmanifest-sha256.txt.p7s", trust.target());
    }

    @Test
    void aZipWithAnEscapingEntryFailsNamingTheEntry() throws Exception {
        VerificationReport r = verifyChanged(m -> {
            m.put(root + "../../evil.sh", new byte[] {1});
            return m;
        });
        assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.FAILED
                && c.target().equals(root + "../../evil.sh")), r.checks().toString());
    }

    @Test
    void aFileThatIsNotABundleIsAnInputError() throws Exception {
        Path f = dir.resolve("x.zip");
        Files.writeString(f, "hello");
        assertThrows(InputException.class, () -> fx.verifier.verify(f, fx.trust(), null));
    }

    @Test
    void theVerificationReportPdfIsWritten() throws Exception {
        VerificationReport r = fx.verifier.verify(bundle, fx.trust(), null);
        Path pdf = dir.resolve("verification.pdf");
        fx.verifier.writeReportPdf(r, bundle, pdf);
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void verifyJsonHasTheShapeOfCliMdAndExitCodeZero() throws Exception {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        org.sakshi.app.AppContext ctx = new org.sakshi.app.AppContext(dir);
        List<String> args = new java.util.ArrayList<>(List.of("verify", bundle.toString(), "--json"));
        for (Path t : fx.trust()) {
            args.add("--trust");
            args.add(t.toString());
        }
        int code = org.sakshi.cli.SakshiCommand.run(ctx.cli(), new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("verdict", "bundle_id", "case_number", "signer", "timestamps", "checks", "items"),
                iterable(j.fieldNames()));
        assertEquals(List.of("subject", "cert_sha256", "trusted"), iterable(j.get("signer").fieldNames()));
        assertEquals(List.of("file", "time", "tsa", "valid", "trusted"), iterable(j.get("timestamps").get(0).fieldNames()));
        assertEquals(List.of("code", "result", "target", "message"), iterable(j.get("checks").get(0).fieldNames()));
        assertEquals(List.of("id", "path", "sha256", "result"), iterable(j.get("items").get(0).fieldNames()));
        assertEquals("PASSED", j.get("verdict").asText());
    }

    @Test
    void verifyExitsThreeWhenIndeterminateAndTwoForANonBundle() throws Exception {
        org.sakshi.app.AppContext ctx = new org.sakshi.app.AppContext(dir);
        var sink = new java.io.PrintWriter(new java.io.StringWriter());
        assertEquals(3, org.sakshi.cli.SakshiCommand.run(ctx.cli(), sink, sink, "verify", bundle.toString()));
        Path f = dir.resolve("x.zip");
        Files.writeString(f, "hello");
        assertEquals(2, org.sakshi.cli.SakshiCommand.run(ctx.cli(), sink, sink, "verify", f.toString()));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
