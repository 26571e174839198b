package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

/** {@code sakshi receive} and {@code sakshi custody verify} on the receiving case, through picocli (docs/cli.md). */
class ReceiveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static AppContext ctx;
    static LocalTsa tsa;
    static Path bundle;

    static Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    @BeforeAll
    static void agencyAExports() throws Exception {
        ctx = CliRun.context(tmp);
        tsa = LocalTsa.start(tmp.resolve("pki"));
        bundle = CliRun.memoBundle(ctx, tmp.resolve("case-a"), tmp, tsa, tmp.resolve("bundle.zip"));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static Path newCase(String name) {
        Path c = tmp.resolve(name);
        Run r = run("case", "init", c.toString(), "--number", "CIB-12/2083", "--title", "Border", "--officer",
                "SI Thapa", "--agency", "Nepal Police CIB", "--jurisdiction", "NP", "--zone", "Asia/Kathmandu");
        assertEquals(0, r.code(), r.err());
        return c;
    }

    @Test
    void receivePrintsTheVerdictRecordsTheReceiptAndCustodyVerifyCoversTheHop() throws Exception {
        Path c = newCase("case-b");
        Run r = run("receive", c.toString(), bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(),
                "--tsa-trust", tsa.pki().tsaRootPem().toString(), "--from", "PS Sadar / SI Rao", "--via", "by hand",
                "--seal", "S-1", "--seal", "S-2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("PASSED", j.path("verification").path("verdict").asText());
        assertEquals("BUNDLE_RECEIVED", j.path("event").path("type").asText());
        assertEquals("by hand", j.path("event").path("details").path("via").asText());
        assertEquals("S-2", j.path("event").path("details").path("seals").get(1).asText());
        assertEquals("E0001", j.path("items").get(0).path("sender_id").asText());

        Run v = run("custody", "verify", c.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("received bundle [PASSED] received/" + j.path("bundle_id").asText() + "/"),
                v.out());

        Run again = run("receive", c.toString(), bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString());
        assertEquals(SakshiCommand.INPUT_ERROR, again.code());
        assertTrue(again.err().contains("already received"), again.err());
    }

    @Test
    void anIndeterminateBundleExitsThreeWithoutAReasonAndZeroWithOne() {
        Path c = newCase("case-c");
        Run r = run("receive", c.toString(), bundle.toString());
        assertEquals(SakshiCommand.INDETERMINATE, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("INDETERMINATE"), r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--accept-indeterminate"), r.err());
        Run ok = run("receive", c.toString(), bundle.toString(), "--accept-indeterminate", "CA certificate by post");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("accepted INDETERMINATE: CA certificate by post"), ok.out());
    }

    @Test
    void aFailedBundleExitsOneAndTheCaseStaysAsItWas() throws Exception {
        Path c = newCase("case-d");
        Path bad = tmp.resolve("bad.zip");
        Files.copy(bundle, bad);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            f.seek(60); // inside the first entry's data
            int x = f.read();
            f.seek(60);
            f.write(x ^ 0x55);
        }
        Run before = run("custody", c.toString(), "--json");
        Run r = run("receive", c.toString(), bad.toString(), "--trust", tsa.pki().agencyCaPem().toString());
        assertEquals(SakshiCommand.VERIFY_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("FAILED"), r.out());
        assertTrue(r.err().contains("nothing was recorded"), r.err());
        assertEquals(before.out(), run("custody", c.toString(), "--json").out());
        assertFalse(Files.exists(c.resolve("received").resolve("x")));
    }

    @Test
    void anEncryptedBundleIsOpenedWithTheReceiversKeyReceivedAndNoPlainCopyIsLeftInTheCase() throws Exception {
        // the sender encrypts its bundle to the receiving officer's certificate
        TestPki.Identity thapa = tsa.pki().issueOfficer(TestPki.OfficerSpec.valid("SI Thapa"));
        Path p12 = tsa.pki().writeP12(tmp.resolve("thapa.p12"), thapa, "pw-thapa".toCharArray());
        Path pw = Files.writeString(tmp.resolve("thapa.pass"), "pw-thapa\n");
        Path cert = tmp.resolve("thapa.pem");
        org.sakshi.signing.Pem.writeCertificates(cert, java.util.List.of(thapa.cert()));
        Path p7m = tmp.resolve("to-thapa.zip.p7m");
        Run enc = run("encrypt", bundle.toString(), "--to", cert.toString(), "--out", p7m.toString());
        assertEquals(0, enc.code(), enc.err());

        Path c = newCase("case-encrypted");
        Run noKey = run("receive", c.toString(), p7m.toString(), "--trust", tsa.trustAnchorPem().toString());
        assertEquals(2, noKey.code(), noKey.out());
        assertTrue(noKey.err().contains("is encrypted; give the key"), noKey.err());

        Run r = run("receive", c.toString(), p7m.toString(), "--keystore", p12.toString(), "--storepass-file",
                pw.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.trustAnchorPem().toString(), "--via", "e-mail", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode got = JSON.readTree(r.out());
        assertEquals("PASSED", got.path("verification").path("verdict").asText());
        String how = got.path("event").path("details").path("via").asText();
        assertTrue(how.startsWith("e-mail; encrypted file to-thapa.zip.p7m (SHA-256 "), how);
        try (var files = Files.walk(c)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".decrypt-")),
                    "the plain copy opened inside the case is gone");
        }
    }
}
