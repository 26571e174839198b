package org.sakshi.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display formats shared by the views (sizes, instants). */
public final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    /** 1023 B, 1.0 KiB, 12.3 MiB, 4.00 GiB: binary units, as forensic tools print them. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, units[u]);
    }

    /** An instant in the workstation's zone, to the second; empty for null. */
    public static String instant(Instant t) {
        return t == null ? "" : LOCAL.format(t.atZone(ZoneId.systemDefault()));
    }

    /** An instant in the given zone with the zone id, e.g. {@code 2026-07-28 14:05:00 Asia/Kolkata}. */
    public static String instant(Instant t, ZoneId zone) {
        return t == null ? "" : LOCAL.format(t.atZone(zone)) + " " + zone.getId();
    }
}
