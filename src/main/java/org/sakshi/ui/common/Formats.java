package org.sakshi.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Display formats of instants shared by the views (sizes: {@link org.sakshi.core.ByteSize}). */
public final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
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
