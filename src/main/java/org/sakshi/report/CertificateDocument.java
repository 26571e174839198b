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

    /** The second languages a certificate can be given in. */
    static final Map<String, String> LANGUAGE_NAMES = new java.util.LinkedHashMap<>(Map.of());

    static {
        LANGUAGE_NAMES.put("hi", "Hindi");
        LANGUAGE_NAMES.put("bn", "Bengali");
        LANGUAGE_NAMES.put("ne", "Nepali");
    }

    private CertificateDocument() {
    }

    static void write(String templateId, Path templateOverrideDir, ReportData data, Map<String, String> extra,
                      OutputStream out) throws ReportException {
        write(templateId, templateOverrideDir, data, extra, List.of(), out);
    }

    /**
     * The certificate in English followed, each on a new page, by its translation into every one of
     * {@code languages} ({@code templates/<id>.<lang>.txt}), headed by a notice that the translation is a
     * draft and the English text is the certificate.
     */
    static void write(String templateId, Path templateOverrideDir, ReportData data, Map<String, String> extra,
                      List<String> languages, OutputStream out) throws ReportException {
        Map<String, String> values = extra == null ? Map.of() : extra;
        String template = Templates.load(templateId, templateOverrideDir);
        Map<String, String> translations = loadAll(templateId, templateOverrideDir, languages);
        try (PDDocument doc = new PDDocument()) {
            ZoneId zone = Templates.formZone(templateId, data, values);
            List<Templates.Line> lines = Templates.fill(template, data, values, zone);
            PdfDocs.describe(doc, "Certificate " + templateId + " — case " + data.caseInfo().number(), data);
            PdfLayout l = new PdfLayout(doc, "Bundle " + data.bundleId() + " · " + templateId);
            l.newPage();
            render(l, lines);
            for (Map.Entry<String, String> t : translations.entrySet()) {
                l.newPage();
                l.row(new float[] {PdfLayout.WIDTH}, List.of(new Cell("TRANSLATION (" + LANGUAGE_NAMES.get(t.getKey())
                        + ") — DRAFT: this translation has not been checked; the English text above is the"
                        + " certificate, and counsel must review the translation before it is relied on.", NOTICE)),
                        true);
                l.space(6);
                render(l, Templates.fill(t.getValue(), data, values, zone));
            }
            l.finish("Case " + data.caseInfo().number());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write certificate " + templateId + " for case "
                    + data.caseInfo().number() + ": " + e.getMessage(), e);
        }
    }

    /** The translations of {@code templateId} into {@code languages}, by language. */
    static Map<String, String> loadAll(String templateId, Path templateOverrideDir, List<String> languages)
            throws ReportException {
        Templates.load(templateId, templateOverrideDir);
        Map<String, String> translations = new java.util.LinkedHashMap<>();
        for (String lang : languages == null ? List.<String>of() : languages) {
            String name = LANGUAGE_NAMES.get(lang);
            if (name == null) {
                throw new ReportException("No certificate translation '" + lang + "'; use one of "
                        + String.join("|", LANGUAGE_NAMES.keySet()) + ".");
            }
            try {
                translations.put(lang, Templates.load(templateId + "." + lang, templateOverrideDir));
            } catch (ReportException e) {
                throw new ReportException("There is no " + name + " translation of certificate " + templateId
                        + ": add " + templateId + "." + lang + ".txt to the template override folder, or export"
                        + " without --certificate-lang " + lang + ".", e);
            }
        }
        return translations;
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
