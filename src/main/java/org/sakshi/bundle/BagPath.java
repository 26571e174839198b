package org.sakshi.bundle;

/**
 * Paths inside a bag as manifests write them (RFC 8493 §2.1.3): '/' separators, and CR, LF and '%'
 * percent-encoded as {@code %0D}, {@code %0A} and {@code %25}. Also the safety rules of
 * docs/bundle-format.md#container for names read from a ZIP.
 */
public final class BagPath {
    private BagPath() {
    }

    /** Encodes a bag-relative path for a manifest line. */
    public static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Decodes a manifest path: only {@code %0D}, {@code %0A} and {@code %25} (any case) are decoded. */
    public static String decode(String encoded) {
        StringBuilder sb = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                String code = encoded.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT);
                switch (code) {
                    case "25" -> { sb.append('%'); i += 2; continue; }
                    case "0D" -> { sb.append('\r'); i += 2; continue; }
                    case "0A" -> { sb.append('\n'); i += 2; continue; }
                    default -> { }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A file name safe as the last segment of a bag path written by Sakshi: '/', '\\', '%', control
     * characters (CR, LF ...) become '_', so that every manifest line needs no percent-encoding
     * and stays a valid {@code sha256sum -c} input; "." and ".." become "_". The original name is
     * kept in case.json.
     */
    public static String safeFileName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp == '/' || cp == '\\' || cp == '%' || cp < 0x20 || cp == 0x7f) {
                sb.append('_');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString().strip();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return "_";
        }
        return s;
    }

    /**
     * Why a ZIP entry name is unsafe to unpack, or null when it is safe: absolute paths, drive
     * letters, backslashes, {@code ..} or {@code .} segments, empty segments and NUL are refused.
     */
    public static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "the entry has an empty name";
        }
        if (name.indexOf('\0') >= 0) {
            return "the name contains a NUL character";
        }
        if (name.indexOf('\\') >= 0) {
            return "the name contains a backslash, which some tools read as a folder separator";
        }
        if (name.startsWith("/")) {
            return "the name is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "the name starts with a drive letter";
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String seg : trimmed.split("/", -1)) {
            if (seg.equals("..")) {
                return "the name contains a '..' segment that would escape the folder";
            }
            if (seg.equals(".")) {
                return "the name contains a '.' segment";
            }
            if (seg.isEmpty()) {
                return "the name contains an empty segment ('//')";
            }
        }
        return null;
    }
}
