package org.sakshi.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the signatures of a PDF without a PDF library (ISO 32000-1 §12.8.1): each signature
 * dictionary's {@code /ByteRange [a b c d]} names the signed bytes and {@code /Contents <hex>}
 * fills the gap between them with the DER CMS. Enough to check a PAdES signature with a CMS
 * verifier: the signed bytes are the file minus the Contents gap, and the last signature covers the
 * whole document when {@code c + d} equals the file length.
 */
public final class PdfSignatures {
    private static final Pattern BYTE_RANGE = Pattern.compile(
            "/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");
    private static final Pattern SUB_FILTER = Pattern.compile("/SubFilter\\s*/([A-Za-z0-9.]+)");

    /** One signature: its byte range, the CMS DER, its SubFilter and whether it covers the whole file. */
    public record Signature(long[] byteRange, byte[] cms, String subFilter, boolean coversWholeFile) {
    }

    private PdfSignatures() {
    }

    /** The signatures in file order; empty when the PDF is unsigned. */
    public static List<Signature> find(Path pdf) throws IOException {
        byte[] b = Files.readAllBytes(pdf);
        String latin = new String(b, StandardCharsets.ISO_8859_1);
        List<Signature> out = new ArrayList<>();
        Matcher m = BYTE_RANGE.matcher(latin);
        while (m.find()) {
            long a = Long.parseLong(m.group(1));
            long len1 = Long.parseLong(m.group(2));
            long c = Long.parseLong(m.group(3));
            long len2 = Long.parseLong(m.group(4));
            if (a != 0 || len1 < 0 || c < a + len1 + 2 || c + len2 > b.length || c > b.length) {
                out.add(new Signature(new long[] {a, len1, c, len2}, new byte[0], null, false));
                continue;
            }
            int gapStart = (int) (a + len1);
            int gapEnd = (int) c;
            byte[] cms = new byte[0];
            if (b[gapStart] == '<' && b[gapEnd - 1] == '>') {
                String hex = latin.substring(gapStart + 1, gapEnd - 1).replaceAll("\\s", "");
                try {
                    cms = trimDer(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex + "0"));
                } catch (IllegalArgumentException e) {
                    cms = new byte[0];
                }
            }
            // the signature dictionary holds both /ByteRange and /Contents; look for /SubFilter around them
            int from = Math.max(0, Math.min(m.start(), gapStart) - 4096);
            int to = Math.min(latin.length(), Math.max(m.end(), gapEnd) + 4096);
            Matcher sf = SUB_FILTER.matcher(latin.substring(from, to));
            String subFilter = sf.find() ? sf.group(1) : null;
            out.add(new Signature(new long[] {a, len1, c, len2}, cms, subFilter, c + len2 == b.length));
        }
        return out;
    }

    /** The bytes a signature covers: the file without its Contents gap. */
    public static byte[] signedBytes(Path pdf, Signature s) throws IOException {
        byte[] b = Files.readAllBytes(pdf);
        long[] r = s.byteRange();
        byte[] out = new byte[(int) (r[1] + r[3])];
        System.arraycopy(b, (int) r[0], out, 0, (int) r[1]);
        System.arraycopy(b, (int) r[2], out, (int) r[1], (int) r[3]);
        return out;
    }

    /** The DER value without the zero padding that fills the rest of /Contents. */
    static byte[] trimDer(byte[] padded) {
        if (padded.length < 2 || padded[0] != 0x30) {
            return padded;
        }
        int lenByte = padded[1] & 0xff;
        long len;
        int header;
        if (lenByte < 0x80) {
            len = lenByte;
            header = 2;
        } else {
            int n = lenByte & 0x7f;
            if (n == 0 || n > 4 || padded.length < 2 + n) {
                return padded;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (padded[2 + i] & 0xff);
            }
            header = 2 + n;
        }
        long total = header + len;
        if (total > padded.length) {
            return padded;
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(padded, 0, out, 0, out.length);
        return out;
    }
}
