package org.sakshi.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Display formats of instants shared by the views (sizes: {@link org.sakshi.core.ByteSize}). Every time
 * on screen shows two clocks side by side, as the report does: the case's zone (or, where no case is
 * concerned, the workstation's), named by its id, and UTC, e.g. {@code 2026-07-28 14:20:00 Asia/Kathmandu
 * = 08:35:00 UTC}; the UTC side repeats the date when it differs, and a time whose zone is UTC is shown
 * once. English shows {@code yyyy-MM-dd HH:mm:ss}; the other languages their locale's medium date and
 * time, with its digits. Either way to the second.
 */
public final class Formats {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

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

    static DateTimeFormatter time(Locale l) {
        if (l.getLanguage().equals("en")) {
            return ISO_TIME;
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(l).withDecimalStyle(DecimalStyle.of(l));
    }

    /**
     * An instant in the workstation's zone beside UTC, for times that belong to no one case (the
     * case list's last activity); empty for null.
     */
    public static String instant(Instant t) {
        return instant(t, ZoneId.systemDefault());
    }

    /**
     * An instant in the given zone (the case zone; null: the workstation's) with the zone id, beside
     * UTC: {@code 2026-07-28 14:20:00 Asia/Kathmandu = 08:35:00 UTC}; empty for null.
     */
    public static String instant(Instant t, ZoneId zone) {
        if (t == null) {
            return "";
        }
        Locale l = Messages.locale();
        ZoneId z = zone == null ? ZoneId.systemDefault() : zone;
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        if (z.normalized().equals(ZoneOffset.UTC)) {
            return dateTime(l).format(utc) + " UTC";
        }
        ZonedDateTime local = t.atZone(z);
        String right = local.toLocalDate().equals(utc.toLocalDate()) ? time(l).format(utc) : dateTime(l).format(utc);
        return dateTime(l).format(local) + " " + z.getId() + " = " + right + " UTC";
    }
}
