package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;

/**
 * Issue 17 §4: a 30 MB hostile data/case.json (deep nesting, a huge array), listed in the manifest or
 * swapped in after sealing, ends in FAILED in a JVM limited to 256 MB of heap, and is never parsed
 * when it does not match the manifest. Random whitespace keeps the entries from compressing so well
 * that the ZIP screen would refuse them first.
 */
class HostileCaseJsonTest {
    private static final int SIZE = 30 << 20;

    @TempDir
    Path dir;

    /** '[' repeated, each followed by one random whitespace byte: nesting far beyond any limit. */
    static byte[] deep() {
        Random rnd = new Random(17);
        byte[] ws = {' ', '\t', '\n', '\r'};
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 16);
        while (out.size() < SIZE) {
            out.write('[');
            out.write(ws[rnd.nextInt(4)]);
        }
        return out.toByteArray();
    }

    /** One array of millions of random numbers: well-formed, shallow, far too many tokens. */
    static byte[] wide() {
        Random rnd = new Random(23);
        StringBuilder b = new StringBuilder(SIZE + 64).append("{\"format\":\"sakshi-bundle\",\"items\":[");
        while (b.length() < SIZE) {
            b.append(rnd.nextInt(1_000_000)).append(',');
        }
        b.append("0]}");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String verifyInSmallHeap(Path bundle) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                VerifyInSmallHeap.class.getName(), bundle.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        pump.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        pump.join(5_000);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(done, "the verification did not finish: " + text);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @Test
    void aDeeplyNestedThirtyMegabyteCaseJsonListedInTheManifestFailsInASmallHeap() throws Exception {
        Path bag = PlainBag.write(dir, deep());
        String out = verifyInSmallHeap(bag);
        assertTrue(out.contains("verdict FAILED"), out);
        assertTrue(out.contains("CASE_JSON data/case.json: data/case.json cannot be read: it exceeds the verifier's"
                + " limits"), out);
        assertTrue(!out.contains("OutOfMemoryError") && !out.contains("StackOverflowError"), out);
    }

    @Test
    void aThirtyMegabyteArrayInCaseJsonListedInTheManifestFailsInASmallHeap() throws Exception {
        Path bag = PlainBag.write(dir, wide());
        String out = verifyInSmallHeap(bag);
        assertTrue(out.contains("verdict FAILED"), out);
        assertTrue(out.contains("exceeds the verifier's limits"), out);
    }

    @Test
    void aHostileCaseJsonSwappedInAfterSealingIsNotParsedAndFails() throws Exception {
        Path sealed = PlainBag.write(dir);
        Path swapped = dir.resolve("swapped.zip");
        byte[] hostile = deep();
        ZipSurgery.rewrite(sealed, swapped, (path, bytes) -> path.equals("data/case.json") ? hostile : bytes);
        String out = verifyInSmallHeap(swapped);
        assertTrue(out.contains("verdict FAILED"), out);
        assertTrue(out.contains("data/case.json does not match manifest-sha256.txt"), out);
        assertTrue(out.contains("was not read"), out);
    }

    @Test
    void aCaseJsonNestedDeeperThanTheLimitFailsInProcess() throws Exception {
        byte[] json = ("{\"items\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.US_ASCII);
        VerificationReport r = new BundleVerifier(null, null, null, null).verify(PlainBag.write(dir, json), null);
        assertEquals(Verdict.FAILED, r.verdict());
        Check c = r.checks().stream().filter(x -> x.code() == CheckCode.CASE_JSON).findFirst().orElseThrow();
        assertEquals(CheckResult.FAILED, c.result());
        assertTrue(c.message().contains("nesting depth"), c.message());
    }

    @Test
    void aCustodyLogChangedAfterSealingIsNotRead() throws Exception {
        Path sealed = PlainBag.write(dir);
        Path swapped = dir.resolve("log.zip");
        ZipSurgery.rewrite(sealed, swapped, (path, bytes) -> path.equals("data/custody/custody-log.jsonl")
                ? "{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8) : bytes);
        List<String> seen = new java.util.ArrayList<>();
        VerificationReport r = new BundleVerifier(null, in -> {
            seen.add("parsed");
            return new BundleChecks.ChainOutcome(true, 1, "a".repeat(64), null, "intact");
        }, null, null).verify(swapped, null);
        assertEquals(Verdict.FAILED, r.verdict());
        assertTrue(seen.isEmpty(), "the ledger parser must not see a log that does not match the manifest");
        Check c = r.checks().stream().filter(x -> x.code() == CheckCode.CUSTODY_CHAIN).findFirst().orElseThrow();
        assertEquals(CheckResult.FAILED, c.result());
        assertTrue(c.message().contains("does not match manifest-sha256.txt"), c.message());
    }

    @Test
    void aThirtyMegabyteCustodyLogLineListedInTheManifestFailsInASmallHeap() throws Exception {
        byte[] line = wide();
        Path bag = PlainBag.write(dir, null, line);
        String out = verifyInSmallHeap(bag);
        assertTrue(out.contains("verdict FAILED"), out);
        assertTrue(out.contains("CUSTODY_CHAIN data/custody/custody-log.jsonl: The custody log"
                + " data/custody/custody-log.jsonl cannot be read: line 1 of the custody log is longer than"), out);
    }
}
