package org.sakshi.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small flowing-layout engine over PDFBox: A4 pages, a cursor, wrapped paragraphs, key/value rows,
 * tables whose rows may continue on the next page, images, and a footer on every page ("Page x of
 * y" and the bundle id) written when the page count is known.
 *
 * <p>Content streams are written as raw operators so that each shaped text run is wrapped in
 * {@code /Span <</ActualText ...>> BDC ... EMC} (ISO 32000-1 §14.9.4): viewers draw the shaped
 * glyphs and text extraction ({@code pdftotext}, {@link PdfText}) returns the logical Unicode text.
 * A finished page's content is compressed into its stream and dropped from memory; with a
 * temp-file stream cache a report of thousands of pages stays small on the heap.
 */
final class PdfLayout {
    static final float PAGE_W = PDRectangle.A4.getWidth();
    static final float PAGE_H = PDRectangle.A4.getHeight();
    static final float MARGIN = 48;
    static final float TOP = PAGE_H - 50;
    static final float BOTTOM = 58;
    static final float WIDTH = PAGE_W - 2 * MARGIN;

    /** Text style: size in points, weight, RGB colour (0..1). */
    record Style(float size, boolean bold, float r, float g, float b) {
        static final Style BODY = new Style(9, false, 0, 0, 0);
        static final Style BOLD = new Style(9, true, 0, 0, 0);
        static final Style SMALL = new Style(7.5f, false, 0.2f, 0.2f, 0.2f);
        static final Style SMALL_BOLD = new Style(7.5f, true, 0.1f, 0.1f, 0.1f);
        static final Style MONO = new Style(7.5f, false, 0, 0, 0);
        static final Style H1 = new Style(17, true, 0.05f, 0.15f, 0.35f);
        static final Style H2 = new Style(12.5f, true, 0.05f, 0.15f, 0.35f);
        static final Style H3 = new Style(10, true, 0.1f, 0.1f, 0.1f);
        static final Style MUTED = new Style(8.5f, false, 0.35f, 0.35f, 0.35f);

        float leading() {
            return size * 1.45f;
        }

        Style withSize(float s) {
            return new Style(s, bold, r, g, b);
        }

        Style colored(float nr, float ng, float nb) {
            return new Style(size, bold, nr, ng, nb);
        }
    }

    /** A table cell: text and style. */
    record Cell(String text, Style style) {
    }

    private final PDDocument doc;
    private final String footerLeft;
    /** The right-hand footer of page {@code i} of {@code n}: "Page i of n", or the report's words for it. */
    private java.util.function.BiFunction<Integer, Integer, String> pageLabel = (i, n) -> "Page " + i + " of " + n;
    private final Map<Fonts.Face, PDType0Font> pdfFonts = new HashMap<>();
    private final Map<PDType0Font, Set<Integer>> usedGlyphs = new HashMap<>();
    private final Map<PDType0Font, Map<Integer, Float>> widths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private final List<PDStream> bodies = new ArrayList<>();
    private PDPage page;
    private final Map<PDType0Font, COSName> pageFontNames = new HashMap<>();
    private StringBuilder ops;
    private float y;

    PdfLayout(PDDocument doc, String footerLeft) {
        this.doc = doc;
        this.footerLeft = footerLeft;
    }

    float y() {
        return y;
    }

    /** Words for the page number in the footer (a bilingual report gives both languages). */
    void pageLabel(java.util.function.BiFunction<Integer, Integer, String> label) {
        this.pageLabel = label;
    }

    int pageCount() {
        return pages.size();
    }

    void newPage() throws IOException {
        flushPage();
        page = new PDPage(PDRectangle.A4);
        pageFontNames.clear();
        page.setResources(new PDResources());
        doc.addPage(page);
        pages.add(page);
        ops = new StringBuilder(8192);
        y = TOP;
    }

    /** Starts a new page when less than {@code h} points remain. */
    void ensure(float h) throws IOException {
        if (page == null || y - h < BOTTOM) {
            newPage();
        }
    }

    void space(float h) {
        y -= h;
    }

    private void flushPage() throws IOException {
        if (page == null) {
            return;
        }
        PDStream body = new PDStream(doc);
        try (OutputStream os = body.createOutputStream(COSName.FLATE_DECODE)) {
            os.write(ops.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        page.setContents(body);
        bodies.add(body);
        ops = null;
    }

    /**
     * Ends the document: footers on every page, font subsets embedded, and the PDF/A-2b document
     * level ({@link PdfAConformance}: XMP from the information dictionary, sRGB output intent), so
     * set the information dictionary before calling this.
     */
    void finish(String footerTitle) throws IOException {
        if (page == null) {
            newPage();
        }
        flushPage();
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            PDPage p = pages.get(i);
            page = p;
            pageFontNames.clear();
            ops = new StringBuilder(512);
            String right = pageLabel.apply(i + 1, total);
            rect(MARGIN, BOTTOM - 14, WIDTH, 0.5f, 0.6f, 0.6f, 0.6f);
            drawText(MARGIN, BOTTOM - 26, footerLeft, Style.SMALL);
            if (footerTitle != null && !footerTitle.isEmpty()) {
                String t = fit(footerTitle, Style.SMALL, WIDTH * 0.38f);
                drawText(MARGIN, BOTTOM - 36, t, Style.SMALL);
            }
            drawText(MARGIN + WIDTH - Fonts.width(right, false, Style.SMALL.size()), BOTTOM - 26, right, Style.SMALL);
            PDStream footer = new PDStream(doc);
            try (OutputStream os = footer.createOutputStream(COSName.FLATE_DECODE)) {
                os.write(ops.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            p.setContents(List.of(bodies.get(i), footer));
        }
        ops = null;
        for (Map.Entry<PDType0Font, Set<Integer>> e : usedGlyphs.entrySet()) {
            e.getKey().addGlyphsToSubset(e.getValue());
            e.getKey().subset();
        }
        PdfAConformance.apply(doc);
    }

    private String fit(String text, Style st, float width) {
        if (Fonts.width(text, st.bold(), st.size()) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && Fonts.width(t + "…", st.bold(), st.size()) > width) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        }
        return t + "…";
    }

    // ----------------------------------------------------------------- text

    /** A wrapped paragraph across the full width (or from {@code indent}). */
    void paragraph(String text, Style st) throws IOException {
        paragraph(text, st, 0);
    }

    void paragraph(String text, Style st, float indent) throws IOException {
        for (String line : wrap(text, st, WIDTH - indent)) {
            ensure(st.leading());
            y -= st.leading();
            drawText(MARGIN + indent, y + st.leading() * 0.28f, line, st);
        }
    }

    void heading(String text, Style st) throws IOException {
        ensure(st.leading() * 2.2f + 30);
        y -= st.leading() * 0.6f;
        paragraph(text, st);
        if (st == Style.H2 || st == Style.H1) {
            rect(MARGIN, y, WIDTH, 0.8f, st.r(), st.g(), st.b());
            y -= 4;
        }
    }

    /** Label on the left, wrapped value on the right; a row continues on the next page when long. */
    void keyValue(String label, String value, float labelWidth) throws IOException {
        row(new float[] {labelWidth, WIDTH - labelWidth},
                List.of(new Cell(label, Style.BOLD), new Cell(value == null || value.isEmpty() ? "—" : value, Style.BODY)),
                false);
    }

    /**
     * A table row: each cell wrapped in its column; line by line so that a very long cell (a chat
     * message of thousands of characters) continues on the next page.
     */
    void row(float[] widthsOf, List<Cell> cells, boolean shaded) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        float lead = 0;
        int max = 0;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            List<String> l = wrap(cell.text() == null ? "" : cell.text(), cell.style(), widthsOf[c] - 6);
            lines.add(l);
            max = Math.max(max, l.size());
            lead = Math.max(lead, cell.style().leading());
        }
        ensure(Math.min(max, 3) * lead + 3);
        float top = y;
        float shadeFrom = y;
        for (int i = 0; i < max; i++) {
            if (y - lead < BOTTOM) {
                if (shaded) {
                    shade(shadeFrom, y);
                }
                newPage();
                shadeFrom = y;
            }
            y -= lead;
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                List<String> l = lines.get(c);
                if (i < l.size()) {
                    drawText(x + 3, y + lead * 0.28f, l.get(i), cells.get(c).style());
                }
                x += widthsOf[c];
            }
        }
        y -= shaded ? 3 : 1;
        if (shaded) {
            shade(shadeFrom, y);
        }
        if (top == y) {
            y -= lead;
        }
    }

    /** Closes a table band with a thin rule (a tint behind the text would need the band height in advance). */
    private void shade(float from, float to) {
        rect(MARGIN, to, WIDTH, 0.3f, 0.8f, 0.8f, 0.8f);
    }

    /** A thin horizontal rule at the cursor. */
    void rule() {
        rect(MARGIN, y - 2, WIDTH, 0.5f, 0.7f, 0.7f, 0.7f);
        y -= 5;
    }

    void box(float x, float yBottom, float w, float h, float r, float g, float b) {
        rect(x, yBottom, w, h, r, g, b);
    }

    private void rect(float x, float yy, float w, float h, float r, float g, float b) {
        ops.append("q ").append(f(r)).append(' ').append(f(g)).append(' ').append(f(b)).append(" rg ")
                .append(f(x)).append(' ').append(f(yy)).append(' ').append(f(w)).append(' ').append(f(h))
                .append(" re f Q\n");
    }

    /** Draws an image scaled to fit {@code maxW} x {@code maxH}, at the left margin plus {@code indent}. */
    float image(byte[] bytes, String name, float indent, float maxW, float maxH) throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, bytes, name);
        float scale = Math.min(1f, Math.min(maxW / img.getWidth(), maxH / img.getHeight()));
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        ensure(h + 4);
        COSName res = page.getResources().add(img);
        y -= h;
        ops.append("q ").append(f(w)).append(" 0 0 ").append(f(h)).append(' ').append(f(MARGIN + indent)).append(' ')
                .append(f(y)).append(" cm /").append(res.getName()).append(" Do Q\n");
        y -= 4;
        return h;
    }

    /** Checks that the bytes are an image PDFBox can embed (PNG, JPEG, GIF, BMP). */
    static boolean isImage(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Breaks text into lines that fit {@code width}: at spaces, and inside over-long words (hashes, URLs). */
    List<String> wrap(String text, Style st, float width) {
        List<String> out = new ArrayList<>();
        for (String para : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            para = para.replace('\t', ' ');
            StringBuilder line = new StringBuilder();
            float lineW = 0;
            float spaceW = Fonts.width(" ", st.bold(), st.size());
            for (String word : para.split(" ", -1)) {
                float w = Fonts.width(word, st.bold(), st.size());
                float need = line.isEmpty() ? w : lineW + spaceW + w;
                if (need <= width) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineW = need;
                    continue;
                }
                if (!line.isEmpty()) {
                    out.add(line.toString());
                    line.setLength(0);
                    lineW = 0;
                }
                if (w <= width) {
                    line.append(word);
                    lineW = w;
                } else {
                    // a word wider than the column: break between grapheme clusters
                    BreakIterator bi = BreakIterator.getCharacterInstance(Locale.ROOT);
                    bi.setText(word);
                    int start = 0;
                    for (int end = bi.next(); end != BreakIterator.DONE; end = bi.next()) {
                        String part = word.substring(start, end);
                        if (Fonts.width(part, st.bold(), st.size()) > width && end > start + 1) {
                            int prev = bi.previous();
                            bi.next();
                            if (prev <= start) {
                                prev = end;
                            }
                            out.add(word.substring(start, prev));
                            start = prev;
                        }
                    }
                    line.append(word.substring(start));
                    lineW = Fonts.width(line.toString(), st.bold(), st.size());
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Draws one line of text with its baseline at {@code (x, baseline)}. */
    void drawText(float x, float baseline, String text, Style st) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        float pen = x;
        for (Fonts.Run run : Fonts.runs(text, st.bold())) {
            Fonts.Shaped sh = Fonts.shape(run);
            PDType0Font font = pdfFont(run.face());
            COSName name = pageFontNames.computeIfAbsent(font, k -> page.getResources().add(k));
            Set<Integer> used = usedGlyphs.computeIfAbsent(font, k -> new HashSet<>());
            ops.append("/Span <</ActualText <").append(utf16Hex(run.actual())).append(">>> BDC\nBT ")
                    .append(f(st.r())).append(' ').append(f(st.g())).append(' ').append(f(st.b())).append(" rg /")
                    .append(name.getName()).append(' ').append(f(st.size())).append(" Tf ")
                    .append(f(pen)).append(' ').append(f(baseline)).append(" Td [");
            float rise = 0;
            for (int i = 0; i < sh.gids().length; i++) {
                int gid = sh.gids()[i];
                used.add(gid);
                float gy = sh.y()[i];
                if (gy != rise) {
                    ops.append("] TJ ").append(f(gy * st.size() / 1000f)).append(" Ts [");
                    rise = gy;
                }
                ops.append('<').append(hex(font.encodeGlyphId(gid))).append('>');
                float adj = (sh.x()[i + 1] - sh.x()[i]) - width(font, gid);
                if (Math.abs(adj) > 0.05f) {
                    ops.append(' ').append(f(-adj)).append(' ');
                }
            }
            ops.append("] TJ");
            if (rise != 0) {
                ops.append(" 0 Ts");
            }
            ops.append(" ET\nEMC\n");
            run.visual().codePoints().forEach(font::addToSubset);
            pen += sh.advance() * st.size() / 1000f;
        }
    }

    private float width(PDType0Font font, int gid) throws IOException {
        Map<Integer, Float> m = widths.computeIfAbsent(font, k -> new HashMap<>());
        Float w = m.get(gid);
        if (w == null) {
            w = font.getWidth(gid);
            m.put(gid, w);
        }
        return w;
    }

    private PDType0Font pdfFont(Fonts.Face face) throws IOException {
        PDType0Font font = pdfFonts.get(face);
        if (font == null) {
            Fonts.Loaded l = Fonts.load(face);
            font = PDType0Font.load(doc, new ByteArrayInputStream(l.bytes()), true);
            pdfFonts.put(face, font);
        }
        return font;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String utf16Hex(String s) {
        StringBuilder b = new StringBuilder(4 + s.length() * 4).append("FEFF");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
        return b.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return b.toString();
    }

    /** A number for a content stream: at most two decimals, no exponent. */
    static String f(float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        long frac = a % 100;
        String decimals = frac < 10 ? "0" + frac : frac % 10 == 0 ? Long.toString(frac / 10) : Long.toString(frac);
        return sign + (a / 100) + "." + decimals;
    }
}
