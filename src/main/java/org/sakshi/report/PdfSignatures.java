package org.sakshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Finds the signatures of a PDF so that a verifier (which has the CMS code) can check them without
 * parsing PDF itself: each signature's /SubFilter, its CMS bytes (/Contents) and /ByteRange, and
 * whether that range covers the whole file except the /Contents hole (ISO 32000-1 §12.8.1; what
 * {@code pdfsig} calls "Total document signed").
 */
public final class PdfSignatures {
    /** One signature dictionary. {@code byteRange} is {offset1, length1, offset2, length2}. */
    public record Found(String filter, String subFilter, String name, byte[] cms, long[] byteRange,
                        boolean coversWholeFile) {
    }

    private PdfSignatures() {
    }

    /** The signatures in document order; empty when the PDF is unsigned. */
    public static List<Found> find(Path pdf) throws ReportException {
        List<Found> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            long size = Files.size(pdf);
            byte[] file = null;
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                int[] br = sig.getByteRange();
                if (br == null || br.length != 4) {
                    out.add(new Found(sig.getFilter(), sig.getSubFilter(), sig.getName(), new byte[0], new long[0],
                            false));
                    continue;
                }
                if (file == null) {
                    file = Files.readAllBytes(pdf);
                }
                long[] range = {br[0], br[1], br[2], br[3]};
                boolean whole = br[0] == 0 && br[2] > br[1] && (long) br[2] + br[3] == size;
                out.add(new Found(sig.getFilter(), sig.getSubFilter(), sig.getName(), sig.getContents(file), range,
                        whole));
            }
            return out;
        } catch (IOException e) {
            throw new ReportException("Cannot read the signatures of " + pdf.getFileName() + ": " + e.getMessage()
                    + ". The file is damaged or not a PDF.", e);
        }
    }

    /** The signed bytes of {@code pdf} for a byte range (the two parts, concatenated), streamed. */
    public static InputStream signedContent(Path pdf, long[] byteRange) throws IOException {
        FileChannel first = FileChannel.open(pdf, StandardOpenOption.READ).position(byteRange[0]);
        FileChannel second = FileChannel.open(pdf, StandardOpenOption.READ).position(byteRange[2]);
        InputStream a = limited(Channels.newInputStream(first), byteRange[1]);
        InputStream b = limited(Channels.newInputStream(second), byteRange[3]);
        return new SequenceInputStream(a, b);
    }

    private static InputStream limited(InputStream in, long limit) {
        return new InputStream() {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buf, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
