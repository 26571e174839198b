package org.sakshi.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random access to an item's parsed records ({@code records/<ITEM>.jsonl}: one JSON object a line, in
 * the docs/cli.md#json-of-an-item shapes) without holding them: one pass finds where every record
 * starts (8 bytes a record) and shows each line's bytes to a visitor, so a viewer can build what it
 * needs to draw a million messages (days, senders) in the same pass; then records are read a range
 * at a time, or scanned as bytes (search). Blank lines are not records. Reads open the file anew
 * each time, so nothing stays open; instances are safe to use from several threads.
 */
public final class RecordFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final int CHUNK = 1 << 20;

    /** Sees one record's bytes {@code buf[start..end)} (no line end); returns false to stop the scan. */
    @FunctionalInterface
    public interface LineVisitor {
        boolean visit(int record, byte[] buf, int start, int end) throws IOException;
    }

    private final Path file;
    private final byte[] bytes;
    private final long[] starts;
    private final long[] ends;

    private RecordFile(Path file, byte[] bytes, long[] starts, long[] ends) {
        this.file = file;
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
    }

    /** Indexes a records file (a missing file has no records), showing every record to {@code visitor} (may be null). */
    public static RecordFile index(Path file, LineVisitor visitor) throws IOException {
        if (!Files.exists(file)) {
            return new RecordFile(null, new byte[0], new long[0], new long[0]);
        }
        Index ix = new Index(visitor);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            lines(ch, 0, ch.size(), ix);
        }
        return new RecordFile(file, null, ix.starts.toArray(), ix.ends.toArray());
    }

    /** Indexes records held in memory (JSON lines in UTF-8). */
    public static RecordFile index(byte[] jsonl, LineVisitor visitor) throws IOException {
        Index ix = new Index(visitor);
        lines(jsonl, 0, jsonl.length, ix);
        return new RecordFile(null, jsonl, ix.starts.toArray(), ix.ends.toArray());
    }

    /** Indexes records given as maps (they are written as the import writes them). */
    public static RecordFile of(List<Map<String, Object>> records, LineVisitor visitor) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map<String, Object> r : records) {
            out.write(JSON.writeValueAsBytes(r));
            out.write('\n');
        }
        return index(out.toByteArray(), visitor);
    }

    public int count() {
        return starts.length;
    }

    /** Shows records {@code from .. to - 1} to the visitor in order, until it returns false. */
    public void scan(int from, int to, LineVisitor visitor) throws IOException {
        check(from, to);
        if (from == to) {
            return;
        }
        int[] next = {from};
        LineSink sink = (buf, s, e, pos) -> {
            if (s == e || blank(buf, s, e)) {
                return true;
            }
            return visitor.visit(next[0]++, buf, s, e) && next[0] < to;
        };
        if (bytes != null) {
            lines(bytes, (int) starts[from], (int) ends[to - 1], sink);
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                lines(ch, starts[from], ends[to - 1], sink);
            }
        }
    }

    /** Records {@code from .. to - 1} as maps. */
    public List<Map<String, Object>> read(int from, int to) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>(to - from);
        scan(from, to, (i, buf, s, e) -> {
            out.add(parse(buf, s, e));
            return true;
        });
        return out;
    }

    /** One record's bytes as a map. */
    public static Map<String, Object> parse(byte[] buf, int start, int end) throws IOException {
        return JSON.readValue(buf, start, end - start, MAP);
    }

    private void check(int from, int to) {
        if (from < 0 || to > starts.length || from > to) {
            throw new IndexOutOfBoundsException("records " + from + ".." + to + " of " + starts.length);
        }
    }

    /** Sees one line {@code buf[start..end)} that starts at byte {@code pos} of the file. */
    private interface LineSink {
        boolean line(byte[] buf, int start, int end, long pos) throws IOException;
    }

    private static void lines(byte[] b, int from, int to, LineSink sink) throws IOException {
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                if (!sink.line(b, s, i, s)) {
                    return;
                }
                s = i + 1;
            }
        }
        if (s < to) {
            sink.line(b, s, to, s);
        }
    }

    private static void lines(FileChannel ch, long from, long to, LineSink sink) throws IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(16, to - from))];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long pos = from; // file position of buf[0]
        int filled = 0;
        while (true) {
            long want = Math.min(buf.length - filled, to - (pos + filled));
            if (want > 0) {
                bb.clear().position(filled).limit(filled + (int) want);
                int n = ch.read(bb, pos + filled);
                if (n < 0) {
                    throw new IOException("the records file ended early (at byte " + (pos + filled) + ")");
                }
                filled += n;
            }
            boolean atEnd = pos + filled >= to;
            int s = 0;
            for (int i = 0; i < filled; i++) {
                if (buf[i] == '\n') {
                    if (!sink.line(buf, s, i, pos + s)) {
                        return;
                    }
                    s = i + 1;
                }
            }
            if (atEnd) {
                if (s < filled) {
                    sink.line(buf, s, filled, pos + s);
                }
                return;
            }
            if (s == 0 && filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
                bb = ByteBuffer.wrap(buf);
                continue;
            }
            System.arraycopy(buf, s, buf, 0, filled - s);
            pos += s;
            filled -= s;
        }
    }

    private static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if ((b[i] & 0xff) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** The first pass: where each record starts and ends. */
    private static final class Index implements LineSink {
        private final LineVisitor visitor;
        private final LongList starts = new LongList();
        private final LongList ends = new LongList();

        Index(LineVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public boolean line(byte[] buf, int start, int end, long pos) throws IOException {
            if (start == end || blank(buf, start, end)) {
                return true;
            }
            if (visitor != null) {
                visitor.visit(starts.n, buf, start, end);
            }
            starts.add(pos);
            ends.add(pos + (end - start));
            return true;
        }
    }

    private static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
