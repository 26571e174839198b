package org.sakshi.report;

import static org.sakshi.report.PdfLayout.Cell;
import static org.sakshi.report.PdfLayout.Style;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A jurisdiction certificate (data/report/certificate-TEMPLATE.pdf) filled from its template
 * ({@link Templates}); {@code extra} supplies or overrides placeholders (e.g. {@code place},
 * {@code certifier.designation}); missing values print as blank lines to fill by hand. The form's
 * times are in the zone its law expects ({@link Templates#formZone}), always beside UTC.
 */
final class CertificateDocument {
    /** A notice line ({@code !! text}): bold, dark red, on a shaded band. */
    static final Style NOTICE = Style.BOLD.colored(0.55f, 0.05f, 0.05f);

    private CertificateDocument() {
    }

    static void write(String templateId, Path templateOverrideDir, ReportData data, Map<String, String> extra,
                      OutputStream out) throws ReportException {
        Map<String, String> values = extra == null ? Map.of() : extra;
        String template = Templates.load(templateId, templateOverrideDir);
        try (PDDocument doc = new PDDocument()) {
            ZoneId zone = Templates.formZone(templateId, data, values);
            List<Templates.Line> lines = Templates.fill(template, data, values, zone);
            PdfDocs.describe(doc, "Certificate " + templateId + " — case " + data.caseInfo().number(), data);
            PdfLayout l = new PdfLayout(doc, "Bundle " + data.bundleId() + " · " + templateId);
            l.newPage();
            render(l, lines);
            l.finish("Case " + data.caseInfo().number());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write certificate " + templateId + " for case "
                    + data.caseInfo().number() + ": " + e.getMessage(), e);
        }
    }

    /** Draws filled template lines on the layout (certificates and the transmittal letter). */
    static void render(PdfLayout l, List<Templates.Line> lines) throws IOException {
        for (Templates.Line line : lines) {
            switch (line.kind()) {
                case TITLE -> {
                    l.paragraph(line.text(), Style.H1.withSize(15));
                    l.space(4);
                }
                case HEADING -> l.heading(line.text(), Style.H3.withSize(11));
                case RULE -> l.rule();
                case BLANK -> l.space(6);
                case PAGE -> l.newPage();
                case FIELD -> l.keyValue(line.label(), line.text(), 170);
                case MONO -> {
                    if (line.label().isEmpty()) {
                        l.paragraph(line.text(), Style.BODY, 12);
                    } else {
                        l.row(new float[] {12, 52, PdfLayout.WIDTH - 64}, List.of(new Cell("", Style.MONO),
                                new Cell(line.label(), Style.SMALL_BOLD), new Cell(line.text(), Style.MONO)), false);
                    }
                }
                case NOTICE -> {
                    l.row(new float[] {PdfLayout.WIDTH}, List.of(new Cell(line.text(), NOTICE)), true);
                    l.space(3);
                }
                case TEXT -> l.paragraph(line.text(), Style.BODY);
            }
        }
    }
}
