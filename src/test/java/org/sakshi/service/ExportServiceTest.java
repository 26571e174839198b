package org.sakshi.service;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.bundle.BagInfo;
import org.sakshi.bundle.Hashes;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.testsupport.Tools;

/** The export of a case on each store ({@link Fixture.Store}): the same bundle, verified the same way. */
@ParameterizedClass(name = "{0} store")
@EnumSource(Fixture.Store.class)
class ExportServiceTest {
    @Parameter
    Fixture.Store store;
    static Path dir;
    static ExportFixture fx;
    static ExportResult result;
    static Path bag;

    @BeforeParameterizedClassInvocation
    static void export(Fixture.Store store) throws Exception {
        fx = ExportFixture.shared(store);
        dir = fx.dir;
        result = ExportFixture.sharedExport(store);
        Tools.Result r = Tools.run(dir, List.of("unzip", "-q", result.bundle().toString(), "-d", "unzipped"));
        assertEquals(0, r.exit(), r.all());
        bag = dir.resolve("unzipped").resolve(result.bundleId());
    }

    @Test
    void theExportVerifiesPassedWithTheAgencyAndTsaRoots() throws Exception {
        VerificationReport r = fx.verifier.verify(result.bundle(), fx.trust(), null);
        assertEquals(Verdict.PASSED, r.verdict(), r.checks().toString());
        assertEquals("FIR 77/2026", r.caseNumber());
        assertEquals(3, r.items().size());
    }

    @Test
    void theExportIsIndeterminateWithoutTrustAnchors() throws Exception {
        VerificationReport r = fx.verifier.verify(result.bundle(), List.of(), null);
        assertEquals(Verdict.INDETERMINATE, r.verdict(), r.checks().toString());
    }

    @Test
    void exportStartedIsInsideTheBundleAndExportSealedFollowsWithTheBundleHash() throws Exception {
        String log = Files.readString(bag.resolve("data/custody/custody-log.jsonl"));
        assertTrue(log.contains("\"EXPORT_STARTED\""), log);
        assertFalse(log.contains("\"EXPORT_SEALED\""));
        List<CustodyEvent> events = fx.custody.events(fx.caseDir);
        CustodyEvent sealed = events.stream().filter(e -> e.type().equals("EXPORT_SEALED")
                && result.bundleId().equals(e.details().get("bundle_id"))).findFirst().orElseThrow();
        assertEquals(Hashes.sha256(result.bundle()), sealed.details().get("sha256"));
        assertEquals(result.sha256(), sealed.details().get("sha256"));
    }

    @Test
    void caseJsonCustodyHeadEqualsTheLogsLastHashAndBagInfo() throws Exception {
        JsonNode cj = new ObjectMapper().readTree(bag.resolve("data/case.json").toFile());
        List<String> lines = Files.readAllLines(bag.resolve("data/custody/custody-log.jsonl"));
        String last = new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("hash").asText();
        assertEquals(last, cj.path("custody").path("head").asText());
        assertEquals(lines.size(), cj.path("custody").path("count").asInt());
        assertTrue(Files.readString(bag.resolve("bag-info.txt")).contains("Sakshi-Custody-Head: " + last + "\n"));
        for (JsonNode item : cj.path("items")) {
            assertTrue(Files.exists(bag.resolve(item.path("path").asText())), item.toString());
        }
    }

    @Test
    void independentToolsVerifyTheExportedBag() {
        assertEquals(0, Tools.run(bag, List.of("sha256sum", "-c", "manifest-sha256.txt")).exit());
        assertEquals(0, Tools.run(bag, List.of("sha256sum", "-c", "tagmanifest-sha256.txt")).exit());
        Tools.Result cms = Tools.run(bag, List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "signature/tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt", "-CAfile",
                fx.tsa.pki().agencyCaPem().toString(), "-purpose", "any", "-out", "/dev/null"));
        assertEquals(0, cms.exit(), cms.all());
        Tools.Result ts = Tools.run(bag, List.of("openssl", "ts", "-verify", "-data", "tagmanifest-sha256.txt", "-in",
                "signature/tagmanifest-sha256.txt.tsr", "-CAfile", fx.tsa.pki().tsaRootPem().toString()));
        assertEquals(0, ts.exit(), ts.all());
    }

    @Test
    void bagInfoCarriesNoToolIdentityWhenTheExporterRunsFromClassesNotAJar() throws Exception {
        // a jar-run export writes "Sakshi-Tool-SHA256: <sha256 of the jar>" (installer/test-deb.sh checks it)
        assertFalse(Files.readString(bag.resolve("bag-info.txt")).contains(BagInfo.TOOL_SHA256 + ":"));
    }

    @Test
    void aBagItValidatorAcceptsTheBagWhenInstalled() {
        // not a Tools.require: bagit.py (python3-bagit) is not packaged in Debian 12, so CI cannot install it
        assumeTrue(Tools.onPath("bagit.py"), "bagit.py is not installed (not packaged in Debian 12: pip install bagit)");
        Tools.Result r = Tools.run(bag.getParent(), List.of("bagit.py", "--validate", bag.toString()));
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void anUntouchedBundleReZippedByAnotherToolStillPasses() throws Exception {
        Path rezip = dir.resolve("rezipped.zip");
        Files.deleteIfExists(rezip);
        Tools.Result z = Tools.run(dir.resolve("unzipped"), List.of("zip", "-q", "-r", rezip.toString(),
                result.bundleId()));
        assertEquals(0, z.exit(), z.all());
        VerificationReport r = fx.verifier.verify(rezip, fx.trust(), null);
        assertEquals(Verdict.PASSED, r.verdict(), r.checks().toString());
    }

    @Test
    void itemsSubsetExportsOnlyTheChosenItems() throws Exception {
        ExportResult sub = fx.exports.export(fx.caseDir, fx.request(dir.resolve("subset.zip"), List.of("E0002")),
                null, null);
        VerificationReport r = fx.verifier.verify(sub.bundle(), fx.trust(), null);
        assertEquals(Verdict.PASSED, r.verdict(), r.checks().toString());
        assertEquals(List.of("E0002"), r.items().stream().map(VerificationReport.ItemResult::id).toList());
    }

    @Test
    void anUnknownItemIdIsAnInputErrorAndWritesNothing() {
        Path out = dir.resolve("none.zip");
        InputException e = assertThrows(InputException.class,
                () -> fx.exports.export(fx.caseDir, fx.request(out, List.of("E0999")), null, null));
        assertTrue(e.getMessage().contains("E0999"));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("none.zip.part")));
    }

    @Test
    void anExistingOutputIsRefused() {
        assertThrows(InputException.class,
                () -> fx.exports.export(fx.caseDir, fx.request(result.bundle(), List.of()), null, null));
    }

    @Test
    void theExportCommandWritesTheChosenCertificatesPadesSigned() throws Exception {
        Path out = dir.resolve("cli.zip");
        var o = new java.io.StringWriter();
        var e = new java.io.StringWriter();
        int code = org.sakshi.cli.SakshiCommand.run(new org.sakshi.app.AppContext(dir).cli(), new java.io.PrintWriter(o),
                new java.io.PrintWriter(e), "export", fx.caseDir.toString(), "--out", out.toString(), "--keystore",
                fx.tsa.pki().officerP12().toString(), "--storepass-file", fx.tsa.pki().officerPasswordFile().toString(),
                "--tsa", fx.tsa.url().toString(), "--certificate", "IN-BSA63", "--items", "E0001,E0003");
        assertEquals(0, code, e.toString());
        VerificationReport r = fx.verifier.verify(out, fx.trust(), null);
        assertEquals(Verdict.PASSED, r.verdict(), r.checks().toString());
        List<String> signedPdfs = r.checks().stream()
                .filter(c -> c.code() == CheckCode.REPORT_SIGNATURE && c.result() == org.sakshi.core.CheckResult.PASSED)
                .map(org.sakshi.core.Check::target).toList();
        assertEquals(List.of("data/report/report.pdf", "data/report/certificate-IN-BSA63-PartA.pdf",
                "data/report/certificate-IN-BSA63-PartB.pdf"), signedPdfs.stream().sorted(
                java.util.Comparator.comparing((String x) -> !x.endsWith("report.pdf")).thenComparing(x -> x)).toList());
    }
}
