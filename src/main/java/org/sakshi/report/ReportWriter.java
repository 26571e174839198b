package org.sakshi.report;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Item;
import org.sakshi.core.VerificationReport;

/**
 * Writes the unsigned PDFs of a bundle: the report, the certificates, chat transcripts, and the
 * verification report. Sign the report and certificates afterwards with {@link PadesSigner}.
 * Fonts (Noto Sans, Noto Sans Devanagari, Noto Sans Bengali) are embedded as subsets; text stays
 * searchable. Every page footer carries "Page x of y" and the bundle id.
 */
public final class ReportWriter {
    /** Certificate template ids shipped in the jar (one file each under templates/). */
    public static final List<String> CERTIFICATE_IDS =
            List.of("IN-BSA63-PartA", "IN-BSA63-PartB", "US-FRE902-14", "GENERIC");

    private final Path templateOverrideDir;

    /** Uses the templates shipped in the jar. */
    public ReportWriter() {
        this(null);
    }

    /**
     * @param templateOverrideDir a folder whose {@code <templateId>.txt} files replace the shipped
     *                            templates (editable without a rebuild); null for none
     */
    public ReportWriter(Path templateOverrideDir) {
        this.templateOverrideDir = templateOverrideDir;
    }

    /**
     * The certificate template ids for an export option of cli.md ({@code --certificate IN-BSA63|US-FRE902|GENERIC}):
     * IN-BSA63 gives Part A and Part B; a full template id is returned as is. Bundle file name:
     * {@code data/report/certificate-<templateId>.pdf}.
     */
    public static List<String> templatesFor(String certificateOption) throws ReportException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The human-readable report (issue 5 item 2), unsigned. Streams records; never holds a whole chat. */
    public void writeReport(ReportData data, OutputStream out) throws ReportException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * A certificate filled from its template ({@link #CERTIFICATE_IDS}); {@code extra} supplies or
     * overrides placeholders (e.g. {@code place}, {@code certifier.designation}); missing values
     * print as blank lines to fill by hand.
     */
    public void writeCertificate(String templateId, ReportData data, Map<String, String> extra, OutputStream out)
            throws ReportException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The verification report a court clerk reads (sakshi verify --report). */
    public void writeVerificationReport(VerificationReport report, String bundleFileName, String bundleSha256,
                                        OutputStream out) throws ReportException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A chat transcript PDF (data/derived/ITEM/transcript.pdf): every message, time, sender, text, attachment hash. */
    public void writeTranscript(Item chat, RecordSource records, OutputStream out) throws ReportException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
