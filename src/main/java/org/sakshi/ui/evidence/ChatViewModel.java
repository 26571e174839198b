package org.sakshi.ui.evidence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a chat's message records (docs/cli.md#json-of-an-item {@code messages}) into what the chat viewer draws: a day
 * separator before the first message of each day, then message bubbles; each sender gets a stable
 * colour index in order of first appearance. Search finds the rows whose text or sender contains
 * the query.
 */
public final class ChatViewModel {
    /** One row of the viewer. */
    public sealed interface Row permits DayRow, MessageRow {
    }

    /** A day separator (the phone's local date). */
    public record DayRow(LocalDate day) implements Row {
    }

    /**
     * A message: index in the export, local time (null when unparsable), sender (null for a system
     * notice), text, attachment name (or null), flags, sender colour index (-1 for system).
     */
    public record MessageRow(long index, LocalDateTime time, String sender, String text, String attachment,
                             List<String> flags, int senderIndex) implements Row {
        public boolean system() {
            return sender == null;
        }
    }

    private final List<Row> rows;
    private final Map<String, Integer> senders;

    public ChatViewModel(List<Map<String, Object>> records) {
        this.senders = new LinkedHashMap<>();
        this.rows = build(records, senders);
    }

    private static List<Row> build(List<Map<String, Object>> records, Map<String, Integer> senders) {
        List<Row> out = new ArrayList<>(records.size() + records.size() / 20 + 1);
        LocalDate day = null;
        for (Map<String, Object> r : records) {
            LocalDateTime t = parse(r.get("time"));
            if (t != null && !t.toLocalDate().equals(day)) {
                day = t.toLocalDate();
                out.add(new DayRow(day));
            }
            String sender = r.get("sender") instanceof String s ? s : null;
            int si = sender == null ? -1 : senders.computeIfAbsent(sender, k -> senders.size());
            String attachment = null;
            if (r.get("attachment") instanceof Map<?, ?> a && a.get("name") instanceof String n) {
                attachment = n;
            }
            List<String> flags = new ArrayList<>();
            if (r.get("flags") instanceof List<?> fl) {
                fl.forEach(f -> flags.add(String.valueOf(f)));
            }
            long index = r.get("index") instanceof Number n ? n.longValue() : out.size();
            String text = r.get("text") instanceof String s ? s : "";
            out.add(new MessageRow(index, t, sender, text, attachment, List.copyOf(flags), si));
        }
        return out;
    }

    private static LocalDateTime parse(Object time) {
        if (!(time instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** Senders in order of first appearance. */
    public List<String> senders() {
        return List.copyOf(senders.keySet());
    }

    /** Positions in {@link #rows()} of the messages whose text, sender or attachment contains the query (case-insensitive). */
    public List<Integer> search(String query) {
        List<Integer> hits = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return hits;
        }
        String q = query.toLowerCase(Locale.ROOT).strip();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof MessageRow m && (m.text().toLowerCase(Locale.ROOT).contains(q)
                    || (m.sender() != null && m.sender().toLowerCase(Locale.ROOT).contains(q))
                    || (m.attachment() != null && m.attachment().toLowerCase(Locale.ROOT).contains(q)))) {
                hits.add(i);
            }
        }
        return hits;
    }
}
