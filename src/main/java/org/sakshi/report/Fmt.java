package org.sakshi.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.ByteSize;
import org.sakshi.core.Item;

/** Formatting shared by the report, certificates and transcripts. */
final class Fmt {
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    private Fmt() {
    }

    static String utc(Instant t) {
        return t == null ? "" : UTC.format(t);
    }

    /** "2026-11-28 18:20:00 UTC (2026-11-28 23:50:00 IST, Asia/Kolkata)". */
    static String utcAndZone(Instant t, ZoneId zone) {
        if (t == null) {
            return "";
        }
        if (zone == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return utc(t);
        }
        return utc(t) + " (" + LOCAL.format(t.atZone(zone)) + ", " + zone.getId() + ")";
    }

    private static final DateTimeFormatter YMD_HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter YMD_HMS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter HM_ONLY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HMS_ONLY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    /** The names the forms' laws use; the JDK's short names differ for some (Asia/Dhaka). */
    private static final Map<String, String> ABBREVIATION = Map.of("Asia/Kolkata", "IST", "Asia/Calcutta", "IST",
            "Asia/Kathmandu", "NPT", "Asia/Katmandu", "NPT", "Asia/Dhaka", "BST", "Asia/Dacca", "BST");

    /** The zone's abbreviation at {@code t}: IST, NPT, BST (Bangladesh), EST/EDT, UTC. */
    static String zoneAbbreviation(ZoneId zone, Instant t) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        String a = ABBREVIATION.get(zone.getId());
        return a != null ? a : SHORT_NAME.format(t.atZone(zone));
    }

    /** {@code UTC+05:45}: the zone's offset from UTC at {@code t}. */
    static String utcOffset(ZoneId zone, Instant t) {
        ZoneOffset o = zone.getRules().getOffset(t);
        return "UTC" + (o.getTotalSeconds() == 0 ? "+00:00" : o.getId());
    }

    /** {@code NPT (UTC+05:45, Asia/Kathmandu)}. */
    static String zoneLabel(ZoneId zone, Instant t) {
        return zoneAbbreviation(zone, t) + " (" + utcOffset(zone, t) + ", " + zone.getId() + ")";
    }

    /**
     * A time in a form's zone always beside UTC: {@code 2026-11-30 14:05 NPT (UTC+05:45) = 08:20 UTC};
     * the UTC side repeats the date when it differs. {@code seconds} adds seconds to both sides.
     */
    static String zoneAndUtc(Instant t, ZoneId zone, boolean seconds) {
        if (t == null) {
            return "";
        }
        var local = t.atZone(zone);
        var utc = t.atZone(ZoneOffset.UTC);
        String left = (seconds ? YMD_HMS : YMD_HM).format(local);
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return left + " UTC";
        }
        String right = local.toLocalDate().equals(utc.toLocalDate())
                ? (seconds ? HMS_ONLY : HM_ONLY).format(utc) : (seconds ? YMD_HMS : YMD_HM).format(utc);
        return left + " " + zoneAbbreviation(zone, t) + " (" + utcOffset(zone, t) + ") = " + right + " UTC";
    }

    static String actor(Actor a) {
        if (a == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (a.rank() != null && !a.rank().isBlank() && !a.name().startsWith(a.rank())) {
            b.append(a.rank()).append(' ');
        }
        b.append(a.name());
        if (a.id() != null && !a.id().isBlank()) {
            b.append(" (").append(a.id()).append(')');
        }
        if (a.agency() != null && !a.agency().isBlank()) {
            b.append(", ").append(a.agency());
        }
        return b.toString();
    }

    /** Name, rank and id without the agency, for narrow columns. */
    static String actorShort(Actor a) {
        if (a == null) {
            return "";
        }
        String rank = a.rank() != null && !a.rank().isBlank() && !a.name().startsWith(a.rank()) ? a.rank() + " " : "";
        return rank + a.name() + (a.id() != null && !a.id().isBlank() ? " (" + a.id() + ")" : "");
    }

    /** {@code 1,536 bytes (1.50 KiB)}. */
    static String size(long bytes) {
        return ByteSize.withExactBytes(bytes);
    }

    /** The item's evidence path inside the bag (docs/bundle-format.md#bag-layout). */
    static String bagPath(Item item) {
        return "data/evidence/" + item.id() + "/" + item.name();
    }

    /** A value of a JSON-compatible map as display text; "" when absent. */
    static String str(Map<String, Object> m, String key) {
        if (m == null) {
            return "";
        }
        Object v = m.get(key);
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object o : l) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(o);
            }
            return b.toString();
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The kind's summary: summary.chat / .image / .device, or the summary itself when flat. */
    static Map<String, Object> kindSummary(Item item, String kind) {
        Map<String, Object> nested = map(item.summary(), kind);
        return nested.isEmpty() ? item.summary() : nested;
    }

    /** Compact one-line rendering of custody event details (JSON-like, keys sorted as given). */
    static String details(Map<String, Object> d) {
        if (d == null || d.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(e.getKey()).append(": ").append(value(e.getValue()));
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(e.getKey()).append(": ").append(value(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : l) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(value(o));
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }
}
