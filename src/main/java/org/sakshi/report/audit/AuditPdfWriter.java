package org.sakshi.report.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.report.PdfAConformance;
import org.sakshi.report.ReportException;

/**
 * The audit report PDF a lab signs and files: scope (case or bundle, its id and
 * hash), the ledger verification result, the findings table, every item's custody timeline and the
 * tool version. A4, Noto Sans embedded as a subset so the text stays searchable ("Page x of y" in
 * every footer). Unsigned: sign it afterwards with {@link org.sakshi.report.PadesSigner}.
 */
public final class AuditPdfWriter {
    /** The Noto Sans faces shipped in the jar for every report (PDF/A: fonts embedded, never a standard 14 font). */
    private static final String FONT_DIR = "/org/sakshi/report/fonts/";
    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    public void write(AuditReport report, String toolVersion, Instant generatedAt, OutputStream out)
            throws ReportException {
        try (PDDocument doc = new PDDocument()) {
            Layout l = new Layout(doc);
            l.heading("Custody audit report", 16);
            if (report.label() != null) {
                l.line(report.label(), 11, true);
            }
            l.line("Scope: " + (report.scope().json().equals("case") ? "case " : "bundle ") + report.id(), BODY, false);
            if (report.hash() != null) {
                l.line("SHA-256 of the bundle file: " + report.hash(), BODY, false);
            }
            l.line("Generated: " + TIME.format(generatedAt.truncatedTo(ChronoUnit.SECONDS)) + " by " + toolVersion, BODY,
                    false);
            l.gap();
            l.heading("Ledger verification", 12);
            LedgerSummary led = report.ledger();
            l.line("Events: " + led.events() + "    Head: " + led.head(), BODY, false);
            l.line(led.intact() ? "Result: INTACT - every event's hash and link recomputed."
                    : "Result: BROKEN" + (led.firstBadSeq() == null ? "" : " at event " + led.firstBadSeq()) + " - "
                    + led.message(), BODY, true);
            l.gap();
            l.heading("Findings", 12);
            l.line(report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s), "
                    + report.count(Severity.INFO) + " for information. "
                    + (report.hasErrors() ? "Verdict: the custody record shows errors." : "Verdict: no custody error found."),
                    BODY, true);
            if (report.findings().isEmpty()) {
                l.line("No finding.", BODY, false);
            }
            for (Finding f : report.findings()) {
                l.gapSmall();
                l.line(f.severity() + "  " + f.code() + (f.items().isEmpty() ? "" : "   items " + String.join(", ", f.items()))
                        + (f.events().isEmpty() ? "" : "   events " + join(f.events())), BODY, true);
                l.wrapped(f.message(), BODY, 14);
            }
            Set<String> present = new LinkedHashSet<>();
            report.findings().forEach(f -> present.add(f.code()));
            if (!present.isEmpty()) {
                l.gapSmall();
                l.line("What the codes mean", BODY, true);
                for (FindingCode c : FindingCode.values()) {
                    if (present.contains(c.name())) {
                        l.wrapped(c.name() + " (" + c.severity() + "): " + c.meaning() + ".", 8.5f, 14);
                    }
                }
            }
            l.gap();
            l.heading("Custody timelines", 12);
            for (ItemHistory h : report.items()) {
                l.gapSmall();
                l.line("Item " + h.id(), 10.5f, true);
                for (TimelineEntry t : h.timeline()) {
                    l.wrapped(t.seq() + "  " + TIME.format(t.at().truncatedTo(ChronoUnit.MILLIS)) + "  " + t.type()
                            + "  by " + t.actor() + " on " + t.host() + "; custodian: " + t.custodian()
                            + (t.detail().isEmpty() ? "" : "  " + t.detail())
                            + (t.hashAfter() != null && t.hashBefore() != null && !t.hashAfter().equalsIgnoreCase(t.hashBefore())
                            ? "  SHA-256 before " + t.hashBefore() + ", after " + t.hashAfter() : ""), 8.5f, 14);
                }
                TimelineEntry first = h.timeline().isEmpty() ? null : h.timeline().get(0);
                if (first != null && first.hashAfter() != null) {
                    l.wrapped("SHA-256 at import: " + first.hashAfter(), 8.5f, 14);
                }
            }
            l.finish(report.id());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Custody audit report " + report.id());
            info.setCreator(toolVersion);
            info.setCreationDate(java.util.GregorianCalendar.from(generatedAt.atZone(java.time.ZoneOffset.UTC)));
            PdfAConformance.apply(doc);
            doc.save(out);
        } catch (IOException e) {
            throw new ReportException("the audit report PDF could not be written (" + e.getMessage() + ").", e);
        }
    }

    private static String join(List<Long> seqs) {
        return String.join(", ", seqs.stream().map(String::valueOf).toList());
    }

    /** A top-to-bottom text flow over A4 pages. */
    private static final class Layout {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private final boolean unicode;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;

        Layout(PDDocument doc) throws IOException {
            this.doc = doc;
            regular = PDType0Font.load(doc, new ByteArrayInputStream(withoutGsub(font("NotoSans-Regular.ttf"))), true);
            bold = PDType0Font.load(doc, new ByteArrayInputStream(withoutGsub(font("NotoSans-Bold.ttf"))), true);
            unicode = true;
            newPage();
        }

        private static byte[] font(String file) throws IOException {
            try (java.io.InputStream in = AuditPdfWriter.class.getResourceAsStream(FONT_DIR + file)) {
                if (in == null) {
                    throw new IOException("the font " + file + " is missing from the Sakshi jar; reinstall Sakshi");
                }
                return in.readAllBytes();
            }
        }

        /**
         * The font with its GSUB table hidden (its tag renamed in the sfnt table directory, OpenType
         * spec "Table Directory"): PDFBox would otherwise draw Latin ligatures (fi, ffi, ff) and text
         * extraction would return those instead of the letters, breaking search and copied hashes.
         * The subset embedded in the PDF carries only the tables PDFBox writes, so nothing else changes.
         */
        static byte[] withoutGsub(byte[] ttf) {
            int tables = ((ttf[4] & 0xFF) << 8) | (ttf[5] & 0xFF);
            for (int i = 0; i < tables; i++) {
                int at = 12 + 16 * i;
                if (at + 4 <= ttf.length && ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
                    ttf[at] = 'X';
                }
            }
            return ttf;
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void heading(String text, float size) throws IOException {
            line(text, size, true);
        }

        void gap() {
            y -= 8;
        }

        void gapSmall() {
            y -= 3;
        }

        void line(String text, float size, boolean strong) throws IOException {
            wrapped(text, size, 0, strong);
        }

        void wrapped(String text, float size, float indent) throws IOException {
            wrapped(text, size, indent, false);
        }

        private void wrapped(String text, float size, float indent, boolean strong) throws IOException {
            PDFont font = strong ? bold : regular;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            for (String l : wrap(clean(text), font, size, width)) {
                if (y - size * 1.3f < MARGIN + 20) {
                    newPage();
                }
                y -= size * 1.3f;
                show(cs, font, size, MARGIN + indent, y, l);
            }
        }

        private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = cur.isEmpty() ? word : cur + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    cur.setLength(0);
                    cur.append(candidate);
                    continue;
                }
                if (!cur.isEmpty()) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                // a word longer than the line (a hash): cut it
                String w = word;
                while (font.getStringWidth(w) / 1000 * size > width && w.length() > 1) {
                    int n = w.length();
                    while (n > 1 && font.getStringWidth(w.substring(0, n)) / 1000 * size > width) {
                        n--;
                    }
                    lines.add(w.substring(0, n));
                    w = w.substring(n);
                }
                cur.append(w);
            }
            if (!cur.isEmpty()) {
                lines.add(cur.toString());
            }
            return lines;
        }

        /** Text the font can show: control characters become spaces; without Noto, non-Latin-1 becomes '?'. */
        private String clean(String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else if (!unicode && cp > 0xFF) {
                    b.append('?');
                } else if (unicode && !hasGlyph(cp)) {
                    b.append('?');
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }

        private boolean hasGlyph(int cp) {
            try {
                return regular instanceof PDType0Font t && t.hasGlyph(cp) && bold instanceof PDType0Font tb && tb.hasGlyph(cp);
            } catch (IOException e) {
                return false;
            }
        }

        private static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
                throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        void finish(String id) throws IOException {
            cs.close();
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream f = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    show(f, regular, 8, MARGIN, MARGIN - 15, clean("Custody audit " + id + "  -  Page " + (i + 1) + " of " + n));
                }
            }
        }
    }
}
