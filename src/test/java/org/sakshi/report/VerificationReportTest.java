package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.Verdicts;

class VerificationReportTest {
    @TempDir
    Path dir;

    static VerificationReport failedReport() {
        List<Check> checks = List.of(
                Check.passed(CheckCode.TAG_HASH, "tagmanifest-sha256.txt", "Every tag file matches tagmanifest-sha256.txt."),
                Check.failed(CheckCode.PAYLOAD_HASH, "data/evidence/E0002/WhatsApp Chat with Ravi.zip",
                        "This evidence file was changed after the bundle was sealed: its SHA-256 no longer matches "
                                + "the manifest."),
                Check.passed(CheckCode.SIGNATURE, "signature/tagmanifest-sha256.txt.p7s",
                        "The officer's signature over the tag manifest is valid."),
                Check.indeterminate(CheckCode.SIGNER_TRUST, "certs/signer-chain.pem",
                        "The signer's certificate does not chain to a trusted root; add the agency CA with --trust."));
        return new VerificationReport(Verdicts.of(checks), ReportFixtures.BUNDLE_ID, "FIR 123/2026",
                new VerificationReport.SignerInfo("CN=Inspector Asha Verma,O=Kolkata Police,C=IN",
                        ReportFixtures.hex("SHA-256", "cert"), false),
                List.of(new VerificationReport.TimestampInfo("signature/tagmanifest-sha256.txt.tsr",
                        Instant.parse("2026-11-20T10:15:31Z"), "CN=Test TSA", true, false)),
                checks,
                List.of(new VerificationReport.ItemResult("E0001", "data/evidence/E0001/Screenshot.png",
                                ReportFixtures.hex("SHA-256", "E0001"), CheckResult.PASSED),
                        new VerificationReport.ItemResult("E0002", "data/evidence/E0002/WhatsApp Chat with Ravi.zip",
                                ReportFixtures.hex("SHA-256", "E0002"), CheckResult.FAILED)));
    }

    @Test
    void verificationReportStatesVerdictReasonAndEveryCheck() throws Exception {
        VerificationReport r = failedReport();
        Path pdf = dir.resolve("verification.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportWriter().writeVerificationReport(r, "FIR-123-2026.zip", ReportFixtures.hex("SHA-256", "zip"), out);
        }
        String text = PdfText.extract(pdf);
        assertTrue(text.contains("Verdict: FAILED"), text);
        assertTrue(text.contains("Reason: This evidence file was changed"), text);
        for (Check c : r.checks()) {
            assertTrue(text.contains(c.code().name()), c.code().name());
        }
        assertTrue(text.contains(ReportFixtures.hex("SHA-256", "zip")), "bundle file hash");
        assertTrue(text.contains(ReportFixtures.hex("SHA-256", "E0002")), "item hash");
        assertTrue(text.contains("Page 1 of"), text);
    }
}
