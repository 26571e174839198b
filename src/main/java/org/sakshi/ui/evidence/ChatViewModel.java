package org.sakshi.ui.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sakshi.core.SakshiException;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.RecordFile;
import org.sakshi.ui.common.PagedList;

/**
 * Turns a chat's message records (docs/cli.md#json-of-an-item {@code messages}) into what the chat viewer draws: a day
 * separator before the first message of each day, then message bubbles; each sender gets a stable
 * colour index in order of first appearance. Search finds the rows whose text or sender contains
 * the query.
 * <p>A chat of a million messages is never held in memory: one pass over the records file
 * ({@link RecordFile}) finds where each message starts, where the days change and who the senders
 * are, reading only the first fields of each line; {@link #rows()} then reads the messages on screen
 * a page at a time, and search scans the file's bytes, parsing only lines that may match.
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

    /** Messages read at a time for the viewer. */
    public static final int PAGE = 256;

    private final RecordFile records;
    private final Map<String, Integer> senders;
    /** Day {@code d} starts before message {@code dayMsg[d]}; its row is {@code dayMsg[d] + d}. */
    private final int[] dayMsg;
    private final LocalDate[] days;
    private final PagedList<Row> rows;

    /** A chat from records held in memory. */
    public ChatViewModel(List<Map<String, Object>> records) {
        this(build(records));
    }

    /** A chat from an item's records file: one pass now, then pages as the viewer scrolls (worker thread). */
    public static ChatViewModel load(EvidenceService evidence, Path caseDir, String itemId) throws SakshiException {
        Indexer ix = new Indexer();
        RecordFile f = evidence.recordFile(caseDir, itemId, ix);
        return new ChatViewModel(f, ix);
    }

    private static Object[] build(List<Map<String, Object>> records) {
        Indexer ix = new Indexer();
        try {
            return new Object[] {RecordFile.of(records, ix), ix};
        } catch (IOException e) {
            throw new IllegalArgumentException("messages that are not JSON: " + e.getMessage(), e);
        }
    }

    private ChatViewModel(Object[] built) {
        this((RecordFile) built[0], (Indexer) built[1]);
    }

    private ChatViewModel(RecordFile records, Indexer ix) {
        this.records = records;
        this.senders = ix.senders;
        this.dayMsg = Arrays.copyOf(ix.dayMsg, ix.dayCount);
        this.days = ix.days.toArray(new LocalDate[0]);
        this.rows = new PagedList<>(records.count() + days.length, PAGE, this::readRows, null);
    }

    /** Rows {@code from .. from + count - 1}: day separators, and messages read from the file in one range. */
    private List<Row> readRows(int from, int count) throws IOException {
        List<Row> out = new ArrayList<>(count);
        int firstMsg = -1;
        int lastMsg = -1;
        for (int r = from; r < from + count; r++) {
            int d = Arrays.binarySearch(dayRows(), r);
            if (d < 0) {
                int m = r - (-d - 1);
                firstMsg = firstMsg < 0 ? m : firstMsg;
                lastMsg = m;
            }
        }
        List<Map<String, Object>> msgs = firstMsg < 0 ? List.of() : records.read(firstMsg, lastMsg + 1);
        for (int r = from; r < from + count; r++) {
            int d = Arrays.binarySearch(dayRows(), r);
            if (d >= 0) {
                out.add(new DayRow(days[d]));
            } else {
                int m = r - (-d - 1);
                out.add(message(msgs.get(m - firstMsg), m));
            }
        }
        return out;
    }

    private int[] dayRowCache;

    private int[] dayRows() {
        if (dayRowCache == null) {
            int[] a = new int[dayMsg.length];
            for (int d = 0; d < a.length; d++) {
                a[d] = dayMsg[d] + d;
            }
            dayRowCache = a;
        }
        return dayRowCache;
    }

    private MessageRow message(Map<String, Object> r, int position) {
        LocalDateTime t = parse(r.get("time"));
        String sender = r.get("sender") instanceof String s ? s : null;
        int si = sender == null ? -1 : senders.getOrDefault(sender, -1);
        String attachment = null;
        if (r.get("attachment") instanceof Map<?, ?> a && a.get("name") instanceof String n) {
            attachment = n;
        }
        List<String> flags = new ArrayList<>();
        if (r.get("flags") instanceof List<?> fl) {
            fl.forEach(f -> flags.add(String.valueOf(f)));
        }
        long index = r.get("index") instanceof Number n ? n.longValue() : rowOfMessage(position);
        String text = r.get("text") instanceof String s ? s : "";
        return new MessageRow(index, t, sender, text, attachment, List.copyOf(flags), si);
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

    /** Every row, read a page at a time as it is asked for (a virtualised list asks only for those on screen). */
    public PagedList<Row> rows() {
        return rows;
    }

    /** Messages in the chat. */
    public int messageCount() {
        return records.count();
    }

    /** The row of message {@code m} (0-based position in the file). */
    public int rowOfMessage(int m) {
        int d = upperBound(dayMsg, m);
        return m + d;
    }

    /** The message shown on row {@code row}, or -1 for a day separator. */
    public int messageOfRow(int row) {
        int d = Arrays.binarySearch(dayRows(), row);
        return d >= 0 ? -1 : row - (-d - 1);
    }

    private static int upperBound(int[] a, int v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Senders in order of first appearance. */
    public List<String> senders() {
        return List.copyOf(senders.keySet());
    }

    /** Positions in {@link #rows()} of the messages whose text, sender or attachment contains the query (case-insensitive). */
    public List<Integer> search(String query) {
        List<Integer> hits = new ArrayList<>();
        for (int m : searchMessages(query)) {
            hits.add(rowOfMessage(m));
        }
        return hits;
    }

    /** As {@link #search}, as message positions in file order; one pass over the bytes. */
    public int[] searchMessages(String query) {
        if (query == null || query.isBlank()) {
            return new int[0];
        }
        Matcher matcher = new Matcher(query);
        int[][] out = {new int[64]};
        int[] n = {0};
        try {
            records.scan(0, records.count(), (i, buf, s, e) -> {
                if (matcher.mayMatch(buf, s, e) && matcher.matches(buf, s, e)) {
                    if (n[0] == out[0].length) {
                        out[0] = Arrays.copyOf(out[0], n[0] * 2);
                    }
                    out[0][n[0]++] = i;
                }
                return !Thread.currentThread().isInterrupted();
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Arrays.copyOf(out[0], n[0]);
    }

    /**
     * The row of the next message after (dir 1) or before (dir -1) row {@code fromRow} that matches,
     * wrapping around the ends; -1 when none does. Reads from the current position on, so a hit near
     * it is found without scanning the whole chat.
     */
    public int nextHit(String query, int fromRow, int dir) {
        if (query == null || query.isBlank() || records.count() == 0) {
            return -1;
        }
        Matcher matcher = new Matcher(query);
        int n = records.count();
        int from = fromRow < 0 ? (dir > 0 ? -1 : n) : messageOfRowOrBefore(fromRow, dir);
        int[] found = {-1};
        try {
            if (dir > 0) {
                scanFor(matcher, from + 1, n, found, false);
                if (found[0] < 0) {
                    scanFor(matcher, 0, Math.min(n, from + 1), found, false);
                }
            } else {
                for (int end = from; end > 0 && found[0] < 0; end -= 4096) {
                    scanFor(matcher, Math.max(0, end - 4096), end, found, true);
                }
                for (int end = n; end > from && found[0] < 0; end -= 4096) {
                    scanFor(matcher, Math.max(from, end - 4096), end, found, true);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found[0] < 0 ? -1 : rowOfMessage(found[0]);
    }

    private int messageOfRowOrBefore(int row, int dir) {
        int m = messageOfRow(row);
        if (m >= 0) {
            return m;
        }
        // a day row: the message after it when going down counts as "after", so start just before it
        int d = Arrays.binarySearch(dayRows(), row);
        return dir > 0 ? dayMsg[d] - 1 : dayMsg[d];
    }

    private void scanFor(Matcher matcher, int from, int to, int[] found, boolean last) throws IOException {
        if (from >= to) {
            return;
        }
        records.scan(from, to, (i, buf, s, e) -> {
            if (matcher.mayMatch(buf, s, e) && matcher.matches(buf, s, e)) {
                found[0] = i;
                return last;
            }
            return true;
        });
    }

    /** The first pass: per message, whether a new day starts and who sent it (only the first fields are read). */
    private static final class Indexer implements RecordFile.LineVisitor {
        private final Map<String, Integer> senders = new LinkedHashMap<>();
        private int[] dayMsg = new int[256];
        private int dayCount;
        private final List<LocalDate> days = new ArrayList<>();
        private final byte[] lastDate = new byte[10];
        private boolean haveLast;
        private LocalDate day;

        @Override
        public boolean visit(int record, byte[] b, int s, int e) throws IOException {
            int[] time = null;
            int[] sender = null;
            int i = Json.skipSpace(b, s, e);
            if (i >= e || b[i] != '{') {
                return true;
            }
            i++;
            while (time == null || sender == null) {
                i = Json.skipSpace(b, i, e);
                if (i >= e || b[i] != '"') {
                    break;
                }
                int keyEnd = Json.skipString(b, i, e);
                int colon = Json.skipSpace(b, keyEnd, e);
                int vs = Json.skipSpace(b, colon + 1, e);
                int ve = Json.skipValue(b, vs, e);
                if (Json.keyIs(b, i, keyEnd, Json.TIME)) {
                    time = new int[] {vs, ve};
                } else if (Json.keyIs(b, i, keyEnd, Json.SENDER)) {
                    sender = new int[] {vs, ve};
                }
                i = Json.skipSpace(b, ve, e);
                if (i < e && b[i] == ',') {
                    i++;
                } else {
                    break;
                }
            }
            if (time != null) {
                LocalDate d = day(b, time[0], time[1]);
                if (d != null && !d.equals(day)) {
                    day = d;
                    if (dayCount == dayMsg.length) {
                        dayMsg = Arrays.copyOf(dayMsg, dayCount * 2);
                    }
                    dayMsg[dayCount++] = record;
                    days.add(d);
                }
            }
            if (sender != null && !recent(b, sender[0], sender[1])) {
                String name = Json.string(b, sender[0], sender[1]);
                if (name != null && !senders.containsKey(name)) {
                    senders.put(name, senders.size());
                }
                remember(b, sender[0], sender[1]);
            }
            return true;
        }

        /** Sender values (raw bytes) seen on recent lines: a chat mostly alternates between a few people. */
        private final byte[][] recent = new byte[8][];
        private int nextRecent;

        private boolean recent(byte[] b, int s, int e) {
            for (byte[] r : recent) {
                if (r != null && Arrays.equals(r, 0, r.length, b, s, e)) {
                    return true;
                }
            }
            return false;
        }

        private void remember(byte[] b, int s, int e) {
            recent[nextRecent] = Arrays.copyOfRange(b, s, e);
            nextRecent = (nextRecent + 1) % recent.length;
        }

        /** The date of a {@code "uuuu-MM-ddTHH:mm:ss"} value without parsing it when it is the previous message's day. */
        private LocalDate day(byte[] b, int vs, int ve) throws IOException {
            if (ve - vs == 21 && b[vs] == '"' && wallTime(b, vs + 1)) {
                if (haveLast && Arrays.equals(b, vs + 1, vs + 11, lastDate, 0, 10)) {
                    return day;
                }
                try {
                    LocalDate d = LocalDate.of(num(b, vs + 1, 4), num(b, vs + 6, 2), num(b, vs + 9, 2));
                    System.arraycopy(b, vs + 1, lastDate, 0, 10);
                    haveLast = true;
                    return d;
                } catch (DateTimeException x) {
                    return null;
                }
            }
            LocalDateTime t = parse(Json.string(b, vs, ve));
            if (t != null) {
                haveLast = false;
            }
            return t == null ? null : t.toLocalDate();
        }

        private static boolean wallTime(byte[] b, int p) {
            for (int k : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
                if (b[p + k] < '0' || b[p + k] > '9') {
                    return false;
                }
            }
            return b[p + 4] == '-' && b[p + 7] == '-' && b[p + 10] == 'T' && b[p + 13] == ':' && b[p + 16] == ':'
                    && num(b, p + 11, 2) < 24 && num(b, p + 14, 2) < 60 && num(b, p + 17, 2) < 60 && b[p + 19] == '"';
        }

        private static int num(byte[] b, int p, int len) {
            int v = 0;
            for (int k = 0; k < len; k++) {
                v = v * 10 + (b[p + k] - '0');
            }
            return v;
        }
    }

    /**
     * Whether one record's bytes match a query, exactly as "text, sender or attachment name contains
     * it, ignoring case" on the parsed message, but mostly without parsing: the three values are found
     * in the bytes; an ASCII query is compared byte by byte ignoring ASCII case (a non-ASCII letter
     * never lower-cases to ASCII except the few that {@link #FOLDS_TO_ASCII} lists, which send the
     * value the slow way); other values are decoded and lower-cased; values with escapes are unescaped.
     */
    static final class Matcher {
        private final String q;
        private final byte[] ascii;

        /** Bytes every matching line holds as they are (null: none known). */
        private final byte[] needle;
        /** The ASCII query's bytes for the case-blind line test (null: not ASCII, or holds what JSON escapes). */
        private final byte[] asciiNeedle;

        Matcher(String query) {
            this.q = query.toLowerCase(Locale.ROOT).strip();
            boolean isAscii = q.chars().allMatch(c -> c < 0x80);
            this.ascii = isAscii ? q.getBytes(StandardCharsets.US_ASCII) : null;
            boolean escaped = q.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20);
            this.asciiNeedle = isAscii && !escaped ? ascii : null;
            // the longest run of the query's characters that nothing else lower-cases to (digits, spaces,
            // Indic letters...): a matching value holds it byte for byte, and so does its line
            String best = "";
            int runStart = 0;
            for (int k = 0; k <= q.length(); ) {
                int cp = k < q.length() ? q.codePointAt(k) : -1;
                boolean anchor = cp >= 0x20 && cp != '"' && cp != '\\' && !TARGETS.get(cp);
                if (!anchor) {
                    if (k - runStart > best.length()) {
                        best = q.substring(runStart, k);
                    }
                    k += cp < 0 ? 1 : Character.charCount(cp);
                    runStart = k;
                } else {
                    k += Character.charCount(cp);
                }
            }
            this.needle = best.isEmpty() ? null : best.getBytes(StandardCharsets.UTF_8);
        }

        /**
         * A quick test on a whole line that never says no to a line {@link #matches} would accept: it
         * holds the query's anchor bytes, or (ASCII query) the query ignoring ASCII case, or a letter
         * that lower-cases to ASCII, or a {@code \\u} escape (whose character could be anything).
         */
        boolean mayMatch(byte[] b, int s, int e) {
            if (needle != null && (asciiNeedle == null || needle.length >= 3)) {
                byte f = needle[0];
                for (int i = s; i < e; i++) {
                    byte c = b[i];
                    if (c == f && regionEquals(b, i, e, needle)) {
                        return true;
                    }
                    if (c == '\\' && i + 1 < e && b[i + 1] == 'u') {
                        return true;
                    }
                }
                return false;
            }
            if (asciiNeedle != null) {
                byte lo = asciiNeedle[0];
                byte up = lo >= 'a' && lo <= 'z' ? (byte) (lo - 32) : lo;
                int n = asciiNeedle.length;
                for (int i = s; i < e; i++) {
                    byte c = b[i];
                    if (c == lo || c == up) {
                        if (i + n <= e && regionEqualsIgnoreAsciiCase(b, i, asciiNeedle)) {
                            return true;
                        }
                    } else if (c < 0) {
                        if (FOLD_LEADS[c & 0xff]) {
                            return true;
                        }
                    } else if (c == '\\' && i + 1 < e && b[i + 1] == 'u') {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        private static boolean regionEquals(byte[] b, int i, int e, byte[] w) {
            if (i + w.length > e) {
                return false;
            }
            for (int k = 1; k < w.length; k++) {
                if (b[i + k] != w[k]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean regionEqualsIgnoreAsciiCase(byte[] b, int i, byte[] w) {
            for (int k = 1; k < w.length; k++) {
                if (lower(b[i + k]) != w[k]) {
                    return false;
                }
            }
            return true;
        }

        boolean matches(byte[] b, int s, int e) throws IOException {
            int i = Json.skipSpace(b, s, e);
            if (i >= e || b[i] != '{') {
                return false;
            }
            i++;
            while (true) {
                i = Json.skipSpace(b, i, e);
                if (i >= e || b[i] != '"') {
                    return false;
                }
                int keyEnd = Json.skipString(b, i, e);
                int vs = Json.skipSpace(b, Json.skipSpace(b, keyEnd, e) + 1, e);
                int ve = Json.skipValue(b, vs, e);
                if (Json.keyIs(b, i, keyEnd, Json.TEXT) || Json.keyIs(b, i, keyEnd, Json.SENDER)) {
                    if (b[vs] == '"' && contains(b, vs, ve)) {
                        return true;
                    }
                } else if (Json.keyIs(b, i, keyEnd, Json.ATTACHMENT) && b[vs] == '{') {
                    int[] name = Json.field(b, vs, ve, Json.NAME);
                    if (name != null && b[name[0]] == '"' && contains(b, name[0], name[1])) {
                        return true;
                    }
                }
                i = Json.skipSpace(b, ve, e);
                if (i < e && b[i] == ',') {
                    i++;
                } else {
                    return false;
                }
            }
        }

        /** Whether the JSON string {@code b[vs..ve)} (quotes included) contains the query, ignoring case. */
        private boolean contains(byte[] b, int vs, int ve) throws IOException {
            int s = vs + 1;
            int e = ve - 1;
            boolean fast = ascii != null;
            for (int k = s; k < e && fast; k++) {
                int c = b[k] & 0xff;
                if (c == '\\' || FOLD_LEADS[c]) {
                    fast = false;
                }
            }
            if (fast) {
                return indexOfIgnoreAsciiCase(b, s, e, ascii);
            }
            String v = Json.string(b, vs, ve);
            return v != null && v.toLowerCase(Locale.ROOT).contains(q);
        }

        private static boolean indexOfIgnoreAsciiCase(byte[] b, int s, int e, byte[] q) {
            int n = q.length;
            if (n == 0) {
                return true;
            }
            byte first = q[0];
            outer:
            for (int i = s; i <= e - n; i++) {
                if (lower(b[i]) != first) {
                    continue;
                }
                for (int k = 1; k < n; k++) {
                    if (lower(b[i + k]) != q[k]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private static byte lower(byte c) {
            return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
        }
    }

    /** Non-ASCII code points whose lower case is ASCII (U+0130 and the Kelvin sign, by Unicode today). */
    static final int[] FOLDS_TO_ASCII;
    /** First UTF-8 bytes of those code points: a value holding one is compared the slow way. */
    private static final boolean[] FOLD_LEADS = new boolean[256];
    /**
     * Code points that some other code point lower-cases to ('a' from 'A', 'i' and U+0307 from U+0130,
     * final sigma from capital sigma...): a query character not among them appears in a matching text
     * exactly as it is.
     */
    private static final java.util.BitSet TARGETS = new java.util.BitSet();

    static {
        List<Integer> cps = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            // String.toLowerCase adds only U+0130's full mapping (i + dot above), which starts with the same 'i'
            if (Character.toLowerCase(cp) < 0x80) {
                cps.add(cp);
            }
        }
        FOLDS_TO_ASCII = cps.stream().mapToInt(Integer::intValue).toArray();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int lc = Character.toLowerCase(cp);
            if (lc != cp) {
                TARGETS.set(lc);
            }
        }
        TARGETS.set(0x0307); // U+0130 lower-cases to "i" + U+0307 (String.toLowerCase)
        TARGETS.set(0x03C2); // capital sigma lower-cases to final sigma at the end of a word
        for (int cp : FOLDS_TO_ASCII) {
            FOLD_LEADS[new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)[0] & 0xff] = true;
        }
    }

    /** Just enough JSON reading to find top-level values in one record's bytes. */
    static final class Json {
        static final byte[] TIME = key("time");
        static final byte[] SENDER = key("sender");
        static final byte[] TEXT = key("text");
        static final byte[] ATTACHMENT = key("attachment");
        static final byte[] NAME = key("name");
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();

        private Json() {
        }

        private static byte[] key(String k) {
            return ("\"" + k + "\"").getBytes(StandardCharsets.US_ASCII);
        }

        static int skipSpace(byte[] b, int i, int e) {
            while (i < e && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
                i++;
            }
            return i;
        }

        /** {@code b[i]} is a quote: the index after the closing quote. */
        static int skipString(byte[] b, int i, int e) {
            for (int k = i + 1; k < e; k++) {
                if (b[k] == '\\') {
                    k++;
                } else if (b[k] == '"') {
                    return k + 1;
                }
            }
            return e;
        }

        static int skipValue(byte[] b, int i, int e) {
            if (i >= e) {
                return e;
            }
            if (b[i] == '"') {
                return skipString(b, i, e);
            }
            if (b[i] == '{' || b[i] == '[') {
                int depth = 0;
                for (int k = i; k < e; k++) {
                    byte c = b[k];
                    if (c == '"') {
                        k = skipString(b, k, e) - 1;
                    } else if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        if (--depth == 0) {
                            return k + 1;
                        }
                    }
                }
                return e;
            }
            int k = i;
            while (k < e && b[k] != ',' && b[k] != '}' && b[k] != ']') {
                k++;
            }
            return k;
        }

        static boolean keyIs(byte[] b, int s, int e, byte[] key) {
            return e - s == key.length && Arrays.equals(b, s, e, key, 0, key.length);
        }

        /** The value range of {@code key} in the object {@code b[s..e)}, or null. */
        static int[] field(byte[] b, int s, int e, byte[] key) {
            int i = skipSpace(b, s + 1, e);
            while (i < e && b[i] == '"') {
                int keyEnd = skipString(b, i, e);
                int vs = skipSpace(b, skipSpace(b, keyEnd, e) + 1, e);
                int ve = skipValue(b, vs, e);
                if (keyIs(b, i, keyEnd, key)) {
                    return new int[] {vs, ve};
                }
                i = skipSpace(b, ve, e);
                if (i < e && b[i] == ',') {
                    i = skipSpace(b, i + 1, e);
                } else {
                    break;
                }
            }
            return null;
        }

        /** The JSON value {@code b[vs..ve)} as a string when it is one, else null; unescaped when needed. */
        static String string(byte[] b, int vs, int ve) throws IOException {
            if (ve - vs < 2 || b[vs] != '"') {
                return null;
            }
            for (int k = vs + 1; k < ve - 1; k++) {
                if (b[k] == '\\') {
                    return MAPPER.readValue(b, vs, ve - vs, String.class);
                }
            }
            return new String(b, vs + 1, ve - vs - 2, StandardCharsets.UTF_8);
        }
    }
}
