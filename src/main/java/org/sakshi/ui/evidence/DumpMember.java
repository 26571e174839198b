package org.sakshi.ui.evidence;

import java.util.Locale;
import java.util.Map;

/** One member of a device dump or folder item in docs/cli.md#json-of-an-item {@code members} shape. */
public record DumpMember(String path, long size, String sha256, String type) {
    static DumpMember of(Map<String, Object> r) {
        return new DumpMember(String.valueOf(r.get("path")), r.get("size") instanceof Number n ? n.longValue() : 0,
                r.get("sha256") == null ? "" : String.valueOf(r.get("sha256")),
                r.get("type") == null ? "file" : String.valueOf(r.get("type")));
    }

    /** True when the path contains the query or the SHA-256 starts with it (case-insensitive). */
    public static boolean matches(DumpMember m, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String s = q.strip().toLowerCase(Locale.ROOT);
        return m.path().toLowerCase(Locale.ROOT).contains(s) || m.sha256().startsWith(s);
    }
}
