package org.sakshi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.bundle.ReportJson;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.SakshiException;
import org.sakshi.core.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi verify BUNDLE.zip [--trust CA.pem]... [--json] [--report OUT.pdf]}. Exit 0 PASSED,
 * 1 FAILED, 3 INDETERMINATE, 2 when the file is not a bundle.
 */
@Command(name = "verify", description = "Verify an evidence bundle.",
        footer = {"  sakshi verify FIR112.zip --trust agency-ca.pem --trust tsa-root.pem \\",
                "      --report check.pdf"})
final class VerifyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The bundle to verify.")
    Path bundle;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = "A trusted root certificate (agency CA, TSA root); repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "Print the verification as JSON on stdout.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.pdf", description = "Also write a verification report PDF.")
    Path report;

    @Override
    public Integer call() throws SakshiException {
        VerificationReport r = ctx().verifier().verify(bundle, trust, json ? org.sakshi.core.ProgressListener.NONE : CliSupport.progressBar(err()));
        if (report != null) {
            ctx().verifier().writeReportPdf(r, bundle, report);
        }
        if (json) {
            try {
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ReportJson.toMap(r)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SakshiException("cannot write the verification as JSON: " + e.getMessage(), e);
            }
        } else {
            out().println(r.verdict() + ": " + bundle.getFileName() + " (bundle " + r.bundleId() + ", case "
                    + r.caseNumber() + ")");
            Check deciding = r.decidingCheck();
            if (deciding != null) {
                out().println("Reason: " + deciding.message());
            }
            for (Check c : r.checks()) {
                if (c.result() != CheckResult.PASSED || r.verdict() == org.sakshi.core.Verdict.PASSED) {
                    out().println("  [" + c.result() + "] " + c.code() + (c.target().isEmpty() ? "" : " " + c.target())
                            + ": " + c.message());
                }
            }
            if (report != null) {
                out().println("Verification report written to " + report);
            }
        }
        return r.verdict().exitCode();
    }
}
