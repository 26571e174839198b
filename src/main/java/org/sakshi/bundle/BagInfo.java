package org.sakshi.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bag-info.txt} (RFC 8493 §2.2.2): ordered {@code Label: value} lines; a line starting with
 * whitespace continues the previous value. Labels may repeat.
 */
public final class BagInfo {
    /** One metadata element. */
    public record Field(String label, String value) {
    }

    /** Fields docs/bundle-format.md requires in every Sakshi bag. */
    public static final List<String> REQUIRED = List.of("Source-Organization", "Contact-Name",
            "External-Identifier", "External-Description", "Bagging-Date", "Payload-Oxum", "Bag-Size",
            "Sakshi-Bundle-Version", "Sakshi-Bundle-Id", "Sakshi-Custody-Head");

    /**
     * The SHA-256 of the Sakshi jar that wrote the bag (core {@code ToolIdentity}); absent when the
     * writer did not run from a jar (development runs, tests). Optional: verifiers do not require it.
     */
    public static final String TOOL_SHA256 = "Sakshi-Tool-SHA256";

    private final List<Field> fields = new ArrayList<>();

    public BagInfo add(String label, String value) {
        if (label.isBlank() || label.contains(":") || !label.strip().equals(label)) {
            throw new IllegalArgumentException("bad bag-info label: " + label);
        }
        String v = value == null ? "" : value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
        fields.add(new Field(label, v));
        return this;
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    /** The first value of {@code label}, compared case-insensitively. */
    public Optional<String> get(String label) {
        return fields.stream().filter(f -> f.label().equalsIgnoreCase(label)).map(Field::value).findFirst();
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            sb.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static BagInfo parse(byte[] content) throws BagFormatException {
        BagInfo info = new BagInfo();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1);
        List<String[]> raw = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (raw.isEmpty()) {
                    throw new BagFormatException("bag-info.txt line " + (i + 1) + " continues nothing.");
                }
                String[] last = raw.get(raw.size() - 1);
                last[1] = last[1] + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BagFormatException("bag-info.txt line " + (i + 1) + " is not 'Label: value'.");
            }
            raw.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
        for (String[] r : raw) {
            info.fields.add(new Field(r[0], r[1]));
        }
        return info;
    }

    /** {@code Bag-Size} in a human unit (RFC 8493 §2.2.2), e.g. {@code 2.1 GB}. */
    public static String humanSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
