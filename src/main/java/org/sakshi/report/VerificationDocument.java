package org.sakshi.report;

import static org.sakshi.report.PdfLayout.Cell;
import static org.sakshi.report.PdfLayout.Style;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.VerificationReport;

/**
 * The verification report a court clerk reads ({@code sakshi verify --report}): the verdict in
 * colour with its reason, the bundle's identity, signer and time-stamps, every check, every item.
 */
final class VerificationDocument {
    private VerificationDocument() {
    }

    static void write(VerificationReport report, String bundleFileName, String bundleSha256, OutputStream out)
            throws ReportException {
        try (PDDocument doc = new PDDocument()) {
            PdfDocs.describe(doc, "Verification report " + bundleFileName, Instant.now());
            String id = report.bundleId() == null ? "unknown" : report.bundleId();
            PdfLayout l = new PdfLayout(doc, "Verification of bundle " + id);
            l.newPage();
            l.paragraph("Bundle Verification Report", Style.H1.withSize(22));
            l.space(10);
            float[] rgb = switch (report.verdict()) {
                case PASSED -> new float[] {0.05f, 0.45f, 0.15f};
                case FAILED -> new float[] {0.75f, 0.05f, 0.05f};
                case INDETERMINATE -> new float[] {0.75f, 0.45f, 0.0f};
            };
            l.paragraph("Verdict: " + report.verdict().name(), Style.H1.withSize(20).colored(rgb[0], rgb[1], rgb[2]));
            l.paragraph(switch (report.verdict()) {
                case PASSED -> "Every check passed: the files are exactly as the officer sealed them, and the signer and "
                        + "the time-stamp authority chain to trusted roots.";
                case FAILED -> "At least one integrity check failed: the bundle is not as it was sealed. See the failed "
                        + "checks below.";
                case INDETERMINATE -> "The files are intact, but trust could not be established (unknown signer root, no "
                        + "time-stamp, or an untrusted time-stamp authority). See below.";
            }, Style.BODY);
            Check deciding = report.decidingCheck();
            if (deciding != null) {
                l.paragraph("Reason: " + deciding.message() + (deciding.target().isEmpty() ? ""
                        : " (" + deciding.target() + ")"), Style.BOLD);
            }
            l.space(8);
            float lw = 130;
            l.keyValue("Bundle file", bundleFileName, lw);
            l.keyValue("Bundle file SHA-256", bundleSha256, lw);
            l.keyValue("Bundle id", id, lw);
            l.keyValue("Case number", report.caseNumber(), lw);
            l.keyValue("Verified at", Fmt.utc(Instant.now()), lw);
            if (report.signer() != null) {
                l.keyValue("Signed by", report.signer().subject(), lw);
                l.keyValue("Signer certificate SHA-256", report.signer().certSha256(), lw);
                l.keyValue("Signer trusted", report.signer().trusted() ? "yes" : "no", lw);
            }
            for (VerificationReport.TimestampInfo t : report.timestamps()) {
                l.keyValue("Time-stamp " + t.file(), Fmt.utc(t.time()) + " by " + t.tsa() + " — "
                        + (t.valid() ? "valid" : "INVALID") + ", " + (t.trusted() ? "trusted" : "not trusted"), lw);
            }
            l.space(8);
            l.heading("Checks", Style.H2);
            float[] cols = {88, 96, 120, PdfLayout.WIDTH - 88 - 96 - 120};
            l.row(cols, List.of(new Cell("Result", Style.SMALL_BOLD), new Cell("Check", Style.SMALL_BOLD),
                    new Cell("Concerns", Style.SMALL_BOLD), new Cell("Explanation", Style.SMALL_BOLD)), true);
            for (Check c : report.checks()) {
                l.row(cols, List.of(new Cell(c.result().name(), resultStyle(c.result())),
                        new Cell(c.code().name(), Style.SMALL), new Cell(c.target(), Style.SMALL),
                        new Cell(c.message(), Style.BODY)), true);
            }
            if (!report.items().isEmpty()) {
                l.space(8);
                l.heading("Evidence items", Style.H2);
                float[] ic = {36, PdfLayout.WIDTH - 36 - 303 - 60, 303, 60};
                l.row(ic, List.of(new Cell("Item", Style.SMALL_BOLD), new Cell("Path", Style.SMALL_BOLD),
                        new Cell("SHA-256", Style.SMALL_BOLD), new Cell("Result", Style.SMALL_BOLD)), true);
                for (VerificationReport.ItemResult r : report.items()) {
                    l.row(ic, List.of(new Cell(r.id(), Style.BOLD), new Cell(r.path(), Style.SMALL),
                            new Cell(r.sha256(), Style.MONO), new Cell(r.result().name(), resultStyle(r.result()))),
                            true);
                }
            }
            l.finish("Verdict " + report.verdict().name());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the verification report for " + bundleFileName + ": "
                    + e.getMessage(), e);
        }
    }

    private static Style resultStyle(CheckResult r) {
        return switch (r) {
            case PASSED -> Style.BOLD.colored(0.05f, 0.45f, 0.15f);
            case FAILED -> Style.BOLD.colored(0.75f, 0.05f, 0.05f);
            case INDETERMINATE -> Style.BOLD.colored(0.75f, 0.45f, 0f);
            case WARNING -> Style.BOLD.colored(0.55f, 0.4f, 0f);
        };
    }
}
