package org.sakshi.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new ActualTextStripper().getText(doc);
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

    /** PDFTextStripper that replaces the glyphs of an /ActualText span by the span's text. */
    private static final class ActualTextStripper extends PDFTextStripper {
        private final Deque<String> actual = new ArrayDeque<>();
        private TextPosition first;
        private TextPosition last;

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            super.beginMarkedContentSequence(tag, properties);
            String text = properties == null ? null : properties.getString(COSName.ACTUAL_TEXT);
            if (actual.isEmpty() || text != null) {
                flush();
            }
            actual.push(text == null ? "" : text);
            if (text == null) {
                actual.pop();
                actual.push("\u0000");
            }
        }

        @Override
        public void endMarkedContentSequence() {
            if (!actual.isEmpty()) {
                String t = actual.pop();
                if (!"\u0000".equals(t)) {
                    emit(t);
                }
            }
            super.endMarkedContentSequence();
        }

        private String innermostActual() {
            for (String s : actual) {
                if (!"\u0000".equals(s)) {
                    return s;
                }
            }
            return null;
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (innermostActual() == null) {
                super.processTextPosition(text);
                return;
            }
            if (first == null) {
                first = text;
            }
            last = text;
        }

        private void flush() {
            first = null;
            last = null;
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
            flush();
            super.processTextPosition(merged);
        }
    }
}
