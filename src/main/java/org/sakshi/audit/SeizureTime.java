package org.sakshi.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a seizure time from an item's free-text source details (docs/cli.md#json-of-an-item "source"): the first ISO 8601
 * date and time in the text, e.g. "Vivo Y20 seized 2026-07-25 21:00 at Howrah station" or
 * "2026-07-25T15:30:00Z". A time without an offset is read in the case's zone. Null when the text
 * holds no date with a time of day (a date alone is too coarse to measure a gap).
 */
public final class SeizureTime {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s?(Z|[+-]\\d{2}:?\\d{2})?");

    private SeizureTime() {
    }

    public static Instant find(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            String local = m.group(1) + "T" + (m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2));
            try {
                if (m.group(3) != null) {
                    String off = m.group(3);
                    if (!"Z".equals(off) && off.length() == 5) {
                        off = off.substring(0, 3) + ":" + off.substring(3);
                    }
                    return OffsetDateTime.parse(local + off).toInstant();
                }
                return LocalDateTime.parse(local).atZone(zone == null ? ZoneId.of("UTC") : zone).toInstant();
            } catch (DateTimeParseException e) {
                // not a real date (2026-13-45 ...): look further
            }
        }
        return null;
    }
}
