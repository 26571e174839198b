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
