package org.sakshi.report;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Item;
import org.sakshi.core.VerificationReport;

/**
 * Writes the unsigned PDFs of a bundle, one focused class per kind of document: the evidence
 * report ({@link EvidenceReport}), the certificates ({@link CertificateDocument}), chat transcripts
 * ({@link TranscriptDocument}) and the verification report ({@link VerificationDocument}), on the
 * shared layout ({@link PdfLayout}, {@link PdfDocs}, {@link Fmt}). Sign the report and certificates
 * afterwards with {@link PadesSigner}. Fonts (Noto Sans, Noto Sans Devanagari, Noto Sans Bengali)
 * are embedded as subsets; text stays searchable. Every page footer carries "Page x of y" and the
 * bundle id.
 */
public final class ReportWriter {
    /** Certificate template ids shipped in the jar (one file each under templates/). */
    public static final List<String> CERTIFICATE_IDS = CertificateKind.allTemplates();

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

    /** The human-readable report, unsigned. Streams records; never holds a whole chat. */
    public void writeReport(ReportData data, OutputStream out) throws ReportException {
        EvidenceReport.write(data, out);
    }

    /**
     * The report with its headings, labels and fixed sentences in English and in {@code language}
     * ({@code hi}, {@code bn}, {@code ne}; null or {@code en} for English alone), from
     * {@code templates/REPORT.txt} and {@code templates/REPORT.<lang>.txt} (the override folder's copies
     * replace single strings). The translation is marked a draft; the data is not translated.
     */
    public void writeReport(ReportData data, String language, OutputStream out) throws ReportException {
        EvidenceReport.write(data, ReportText.load(language, templateOverrideDir), out);
    }

    /** The second languages the report and certificates can be given in ({@code hi}, {@code bn}, {@code ne}). */
    public static List<String> languages() {
        return List.copyOf(CertificateDocument.LANGUAGE_NAMES.keySet());
    }

    /**
     * A certificate filled from its template ({@link #CERTIFICATE_IDS}); {@code extra} supplies or
     * overrides placeholders (e.g. {@code place}, {@code certifier.designation}); missing values
     * print as blank lines to fill by hand.
     */
    public void writeCertificate(String templateId, ReportData data, Map<String, String> extra, OutputStream out)
            throws ReportException {
        CertificateDocument.write(templateId, templateOverrideDir, data, extra, out);
    }

    /**
     * As {@link #writeCertificate(String, ReportData, Map, OutputStream)}, followed by the certificate's
     * draft translation into each of {@code languages} ({@code hi}, {@code bn}, {@code ne}) from
     * {@code templates/<id>.<lang>.txt}, each on a new page under a notice that it is a draft.
     */
    public void writeCertificate(String templateId, ReportData data, Map<String, String> extra,
                                 List<String> languages, OutputStream out) throws ReportException {
        CertificateDocument.write(templateId, templateOverrideDir, data, extra, languages, out);
    }

    /**
     * Checks before an export starts that every certificate template and every translation asked for
     * can be loaded, so a missing translation stops the export before anything is recorded.
     *
     * @throws ReportException the first template or translation that is missing, in one sentence
     */
    public void checkTemplates(List<String> templateIds, List<String> languages) throws ReportException {
        for (String id : templateIds) {
            CertificateDocument.loadAll(id, templateOverrideDir, languages);
        }
    }

    /**
     * As {@link #checkTemplates(List, List)}, and that the report's strings in {@code reportLanguage}
     * (null for English alone) can be read.
     */
    public void checkTemplates(List<String> templateIds, List<String> languages, String reportLanguage)
            throws ReportException {
        checkTemplates(templateIds, languages);
        ReportText.load(reportLanguage, templateOverrideDir);
    }

    /**
     * The mutual legal assistance transmittal letter of a sealed bundle, unsigned, from
     * {@code templates/MLA-TRANSMITTAL.txt} (or the override folder's copy); sign it with {@link PadesSigner}.
     */
    public void writeTransmittal(TransmittalLetter letter, OutputStream out) throws ReportException {
        TransmittalDocument.write(letter, templateOverrideDir, out);
    }

    /** The verification report a court clerk reads (sakshi verify --report). */
    public void writeVerificationReport(VerificationReport report, String bundleFileName, String bundleSha256,
                                        OutputStream out) throws ReportException {
        VerificationDocument.write(report, bundleFileName, bundleSha256, out);
    }

    /** A chat transcript PDF (data/derived/ITEM/transcript.pdf): every message, time, sender, text, attachment hash. */
    public void writeTranscript(Item chat, RecordSource records, OutputStream out) throws ReportException {
        TranscriptDocument.write(chat, records, out);
    }
}
