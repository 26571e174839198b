package org.sakshi.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BagIt manifest or tag manifest (RFC 8493 §2.1.3, §2.2.1): one line per file,
 * {@code <64 lower-case hex>  <encoded path>} with TWO spaces and LF, so that the file is also a
 * valid {@code sha256sum -c} input from the bag folder.
 */
public final class ManifestFile {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})[ \\t]+\\*?(.+)");

    /** One line: the digest and the decoded bag-relative path. */
    public record Line(String sha256, String path) {
    }

    private ManifestFile() {
    }

    /** The manifest's bytes, lines in the given order. */
    public static byte[] format(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.sha256()).append("  ").append(BagPath.encode(l.path())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a manifest. Accepts LF, CRLF or CR line ends (RFC 8493 §2.1.3). A line that is not
     * {@code hash whitespace path} makes the whole manifest invalid.
     *
     * @throws BagFormatException naming the line number
     */
    public static List<Line> parse(byte[] content, String fileName) throws BagFormatException {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Line> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (i == lines.length - 1) {
                    continue;
                }
                throw new BagFormatException(fileName + " line " + (i + 1) + " is empty.");
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new BagFormatException(fileName + " line " + (i + 1) + " is not '<sha256>  <path>'.");
            }
            out.add(new Line(m.group(1).toLowerCase(java.util.Locale.ROOT), BagPath.decode(m.group(2))));
        }
        return out;
    }
}
