package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.signing.Certificates;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

/** {@code sakshi verify --trust / --tsa-trust / --expect-signer} on a bundle exported through the CLI. */
class VerifyTrustOptionsTest {
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
    static void exportABundle() throws Exception {
        ctx = CliRun.context(tmp);
        tsa = LocalTsa.start(tmp.resolve("pki"));
        bundle = CliRun.memoBundle(ctx, tmp.resolve("case"), tmp, tsa, tmp.resolve("bundle.zip"));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static String pem(String name, java.security.cert.X509Certificate c) throws Exception {
        Path p = tmp.resolve(name);
        org.sakshi.signing.Pem.writeCertificates(p, List.of(c));
        return p.toString();
    }

    @Test
    void signerRootsAndTsaRootsGivenApartWithThePinnedOfficerPass() throws Exception {
        Run r = run("verify", bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString(), "--expect-signer", pem("officer.pem", tsa.pki().officerCert()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASSED"), r.out());
    }

    @Test
    void anotherExpectedSignerExitsOneWithSignerMismatchInTheJson() throws Exception {
        TestPki.Identity colleague = tsa.pki().issueOfficer(TestPki.OfficerSpec.valid("SI Other"));
        Run r = run("verify", bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString(), "--expect-signer", Certificates.sha256Hex(colleague.cert()), "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("FAILED", j.get("verdict").asText());
        boolean mismatch = false;
        for (JsonNode c : j.get("checks")) {
            mismatch |= c.get("code").asText().equals("SIGNER_MISMATCH") && c.get("result").asText().equals("FAILED");
        }
        assertTrue(mismatch, r.out());
    }

    @Test
    void theAgencyCaGivenOnlyAsTsaRootLeavesTheSignerUntrusted() {
        Run r = run("verify", bundle.toString(), "--tsa-trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString());
        assertEquals(3, r.code(), r.out());
        assertTrue(r.out().contains("SIGNER_TRUST"), r.out());
    }

    @Test
    void helpSaysTrustServesBothRolesOnlyWithoutTsaTrust() {
        String usage = new picocli.CommandLine(new VerifyCommand(null)).getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(usage.contains("--tsa-trust=ROOT.pem"), usage);
        assertTrue(usage.contains("--expect-signer=CERT.pem|SHA256"), usage);
        assertTrue(usage.contains("Without --tsa-trust it is trusted for time-stamp authorities too."), usage);
    }
}
