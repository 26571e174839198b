package org.sakshi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.ReportJson;
import org.sakshi.core.SakshiException;
import org.sakshi.core.VerificationReport;
import org.sakshi.service.VerifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi verify BUNDLE.zip [--trust CA.pem]... [--tsa-trust ROOT.pem]... [--expect-signer CERT.pem|SHA256]
 * [--json] [--report OUT.pdf]}. Exit 0 PASSED, 1 FAILED, 3 INDETERMINATE, 2 when the file is not a bundle
 * or a trust file cannot be read.
 */
@Command(name = "verify", description = "Verify an evidence bundle.",
        footer = {"  sakshi verify FIR112.zip --trust agency-ca.pem --trust tsa-root.pem \\",
                "      --report check.pdf"})
final class VerifyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The bundle to verify.")
    Path bundle;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = {"A trusted root for signers (the agency CA); repeatable.",
                    "Without --tsa-trust it is trusted for time-stamp authorities too."})
    List<Path> trust = new ArrayList<>();

    @Option(names = "--tsa-trust", paramLabel = "ROOT.pem",
            description = {"A trusted root for time-stamp authorities only; repeatable.",
                    "When given, --trust roots are trusted for signers only."})
    List<Path> tsaTrust = new ArrayList<>();

    @Option(names = "--expect-signer", paramLabel = "CERT.pem|SHA256",
            description = {"The officer who must have signed: a certificate PEM file or its SHA-256.",
                    "Any other signer is FAILED (SIGNER_MISMATCH)."})
    String expectSigner;

    @Option(names = "--at", paramLabel = "TIME",
            description = {"Validate the signatures for the long term as of TIME (2031-05-01 or 2031-05-01T10:00:00Z)",
                    "instead of now: chains and revocation are judged at the times the time-stamps prove."})
    String at;

    @Option(names = "--online", description = {"Also fetch fresh revocation data (OCSP, CRL) and missing issuer",
            "certificates over the network; without it nothing is fetched."})
    boolean online;

    @Option(names = "--json", description = "Print the verification as JSON on stdout.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.pdf", description = "Also write a verification report PDF.")
    Path report;

    private final VerifyService verifier;

    VerifyCommand(VerifyService verifier) {
        this.verifier = verifier;
    }

    @Override
    public Integer call() throws SakshiException {
        VerifyService.Trust roots = new VerifyService.Trust(trust, tsaTrust.isEmpty() ? null : tsaTrust, expectSigner)
                .asOf(at == null ? null : CliSupport.instant(at, "--at"), online);
        if (online && !json) {
            err().println(text().get("verify.online"));
        }
        VerificationReport r = verifier.verify(bundle, roots,
                json ? org.sakshi.core.ProgressListener.NONE : CliSupport.progressBar(err()));
        if (report != null) {
            verifier.writeReportPdf(r, bundle, report);
        }
        if (json) {
            try {
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ReportJson.toMap(r)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SakshiException("cannot write the verification as JSON: " + e.getMessage(), e);
            }
        } else {
            CliText text = text();
            out().println(text.get("verify.headline", text.verdict(r.verdict()), bundle.getFileName(), r.bundleId(),
                    r.caseNumber()));
            Check deciding = r.decidingCheck();
            if (deciding != null) {
                out().println(text.get("verify.reason", deciding.message()));
            }
            for (Check c : r.checks()) {
                if (c.result() != CheckResult.PASSED || r.verdict() == org.sakshi.core.Verdict.PASSED) {
                    out().println("  [" + c.result() + "] " + c.code() + (c.target().isEmpty() ? "" : " " + c.target())
                            + ": " + c.message());
                }
            }
            if (report != null) {
                out().println(text.get("verify.reportWritten", report));
            }
        }
        return r.verdict().exitCode();
    }
}
