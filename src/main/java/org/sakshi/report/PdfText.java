package org.sakshi.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text of a PDF the way a person reads it. Honours /ActualText spans (ISO 32000-1
 * §14.9.4) as {@code pdftotext} does, so shaped Devanagari and Bengali (reordered matras,
 * conjunct glyphs) come back as the logical Unicode text that was written. Used by the verifier to
 * compare the hashes a report lists with the bundle's manifest.
 */
public final class PdfText {
    private static final Pattern SHA256 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

    private PdfText() {
    }

    /** All text of the PDF, page by page. */
    public static String extract(Path pdf) throws ReportException {
        return extract(pdf, null);
    }

    /**
     * The text of the PDF page by page, as {@link #extract(Path)}, until {@code enough} (when not null) accepts
     * the text so far after a page: the pages after that one are not read. What is returned is then the start
     * of what {@link #extract(Path)} returns.
     */
    public static String extract(Path pdf, Predicate<String> enough) throws ReportException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            ActualTextStripper stripper = new ActualTextStripper(enough);
            StringWriter out = new StringWriter();
            stripper.writeText(doc, out);
            return out.toString();
        } catch (IOException e) {
            throw new ReportException("Cannot read the text of " + pdf.getFileName() + ": " + e.getMessage()
                    + ". The file is damaged or not a PDF.", e);
        }
    }

    /** Every 64-digit lower-case hex string (SHA-256 value) in the PDF's text, in order of appearance. */
    public static Set<String> sha256Values(Path pdf) throws ReportException {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SHA256.matcher(extract(pdf));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * PDFTextStripper that replaces the glyphs of an /ActualText span by the span's text: glyphs
     * inside the span are collected, and at its end one text position carrying the ActualText and
     * spanning the glyphs' extent is handed to the normal layout analysis.
     */
    private static final class ActualTextStripper extends PDFTextStripper {
        private static final String NONE = "\u0000";
        private final Deque<String> open = new ArrayDeque<>();
        private int withText;
        private TextPosition first;
        private TextPosition last;
        private final Predicate<String> enough;
        private boolean stopped;

        ActualTextStripper(Predicate<String> enough) {
            this.enough = enough;
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            if (stopped) {
                return; // the text so far was enough: the remaining pages are not read
            }
            super.processPage(page);
            if (enough != null && enough.test(output.toString())) {
                stopped = true;
            }
        }

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            super.beginMarkedContentSequence(tag, properties);
            String text = properties == null ? null : properties.getString(COSName.ACTUAL_TEXT);
            if (text == null) {
                open.push(NONE);
            } else {
                open.push(text);
                if (withText++ == 0) {
                    first = null;
                    last = null;
                }
            }
        }

        @Override
        public void endMarkedContentSequence() {
            if (!open.isEmpty()) {
                String text = open.pop();
                if (!NONE.equals(text) && --withText == 0) {
                    emit(text);
                }
            }
            super.endMarkedContentSequence();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (withText == 0) {
                super.processTextPosition(text);
                return;
            }
            if (first == null) {
                first = text;
            }
            last = text;
        }

        private void emit(String text) {
            if (first == null) {
                return;
            }
            float width = last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj();
            TextPosition merged = new TextPosition(first.getRotation(), first.getPageWidth(), first.getPageHeight(),
                    first.getTextMatrix(), last.getEndX(), last.getEndY(), first.getHeight(), width,
                    first.getWidthOfSpace(), text, first.getCharacterCodes(), first.getFont(), first.getFontSize(),
                    (int) first.getFontSizeInPt());
            first = null;
            last = null;
            super.processTextPosition(merged);
        }
    }
}
