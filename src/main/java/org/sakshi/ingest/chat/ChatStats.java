package org.sakshi.ingest.chat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakshi.core.DateOrder;
import org.sakshi.ingest.RecordSink;

/**
 * Streams messages to the {@link RecordSink} and keeps only what the docs/cli.md#json-of-an-item {@code chat} summary
 * needs: counts, the participant set (capped) and the earliest and latest time. The message list is
 * never held, so memory stays flat for any export size.
 */
final class ChatStats {
    static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final int MAX_PARTICIPANTS = 10_000;

    private final RecordSink sink;
    private long messages;
    private long user;
    private long system;
    private final Set<String> participants = new LinkedHashSet<>();
    private boolean participantsCapped;
    private LocalDateTime first;
    private LocalDateTime last;

    ChatStats(RecordSink sink) {
        this.sink = sink;
    }

    /** Adds a participant named in the export's metadata even if they never wrote. */
    void participant(String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (participants.size() < MAX_PARTICIPANTS) {
            participants.add(name);
        } else if (!participants.contains(name)) {
            participantsCapped = true;
        }
    }

    /**
     * Emits one message in the docs/cli.md#json-of-an-item {@code messages} shape. {@code extra} keys (instant, reply_to,
     * chat) are appended when not null.
     */
    void emit(LocalDateTime time, String sender, String text, Map<String, Object> attachment, List<String> flags,
              Map<String, Object> extra) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("index", messages);
        r.put("time", time == null ? null : wall(time));
        r.put("sender", sender);
        r.put("text", text);
        r.put("attachment", attachment);
        r.put("flags", flags == null ? List.of() : List.copyOf(flags));
        if (extra != null) {
            r.putAll(extra);
        }
        sink.accept(r);
        messages++;
        if (sender == null) {
            system++;
        } else {
            user++;
            participant(sender);
        }
        if (time != null) {
            if (first == null || time.isBefore(first)) {
                first = time;
            }
            if (last == null || time.isAfter(last)) {
                last = time;
            }
        }
    }

    /** {@code uuuu-MM-dd'T'HH:mm:ss} for years 0..9999, without the cost of a DateTimeFormatter per message. */
    static String wall(LocalDateTime t) {
        int y = t.getYear();
        if (y < 0 || y > 9999) {
            return WALL.format(t);
        }
        char[] c = new char[19];
        put4(c, 0, y);
        c[4] = '-';
        put2(c, 5, t.getMonthValue());
        c[7] = '-';
        put2(c, 8, t.getDayOfMonth());
        c[10] = 'T';
        put2(c, 11, t.getHour());
        c[13] = ':';
        put2(c, 14, t.getMinute());
        c[16] = ':';
        put2(c, 17, t.getSecond());
        return new String(c);
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }

    long messages() {
        return messages;
    }

    /** The docs/cli.md#json-of-an-item {@code chat} summary. */
    Map<String, Object> summary(String platform, ZoneId zone, DateOrder order, AttachmentIndex attachments,
                                List<String> warnings) {
        if (participantsCapped) {
            warnings.add("more than " + MAX_PARTICIPANTS + " participants; the summary lists the first "
                    + MAX_PARTICIPANTS);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("platform", platform);
        s.put("messages", messages);
        s.put("user_messages", user);
        s.put("system_messages", system);
        s.put("participants", new ArrayList<>(participants));
        s.put("first_time", first == null ? null : WALL.format(first));
        s.put("last_time", last == null ? null : WALL.format(last));
        s.put("zone", zone == null ? null : zone.getId());
        s.put("date_order", order == null ? null : order.json());
        s.put("attachments", attachments.summary());
        return s;
    }
}
