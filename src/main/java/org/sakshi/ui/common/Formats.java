package org.sakshi.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Display formats of instants shared by the views (sizes: {@link org.sakshi.core.ByteSize}). English
 * shows {@code yyyy-MM-dd HH:mm:ss}; the other languages their locale's medium date and time, with
 * its digits. Either way to the second, in the workstation's zone unless a zone is given, and then
 * followed by the zone id.
 */
public final class Formats {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    /** The date-time format of the language in use ({@link Messages#locale()}). */
    static DateTimeFormatter dateTime() {
        return dateTime(Messages.locale());
    }

    static DateTimeFormatter dateTime(Locale l) {
        if (l.getLanguage().equals("en")) {
            return ISO;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(l)
                .withDecimalStyle(DecimalStyle.of(l));
    }

    /**
     * An instant in the workstation's zone, to the second, with the zone named (every time on screen says
     * which clock it is on); empty for null.
     */
    public static String instant(Instant t) {
        return instant(t, ZoneId.systemDefault());
    }

    /** An instant in the given zone with the zone id, e.g. {@code 2026-07-28 14:05:00 Asia/Kolkata}. */
    public static String instant(Instant t, ZoneId zone) {
        return t == null ? "" : dateTime().format(t.atZone(zone)) + " " + zone.getId();
    }
}
