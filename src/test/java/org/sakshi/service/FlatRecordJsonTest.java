package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A records file (one JSON record per line) written through {@code ImportService.writeFlatRecord} has
 * the same bytes as one written with Jackson's data binding, as before: for every kind of value it
 * takes (texts with quotes, escapes, control characters and non-Latin letters, numbers at their
 * limits, booleans, nulls, lists of texts), several records one after the other on one generator;
 * and it writes nothing for a record it does not take.
 */
class FlatRecordJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter RECORD = JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private static List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>();
        String[] texts = {"", "a.txt", "dir/sub/f0001.bin", "quote \" backslash \\ slash /", "tab\tnew\nline\r\u0000\u001f",
                "देवनागरी फ़ाइल", "emoji \uD83D\uDCF1 and a lone surrogate \uD800", "\u2028\u2029", "<script>&amp;</script>",
                "x".repeat(70_000)};
        long[] numbers = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 4096, 9_007_199_254_740_993L};
        for (int i = 0; i < texts.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", texts[i]);
            m.put("size", numbers[i % numbers.length]);
            m.put("sha256", i % 3 == 0 ? null : "ab".repeat(32));
            m.put("type", "file");
            if (i % 2 == 0) {
                m.put("link_target", texts[(i + 3) % texts.length]);
            }
            if (i % 4 == 1) {
                m.put("flags", List.copyOf(List.of("absolute_path", "parent_traversal")));
            }
            m.put("count", i % 5 == 0 ? Integer.MIN_VALUE : Integer.valueOf(i));
            m.put("deleted", i % 2 == 0);
            m.put("names", Arrays.asList("one", null, texts[i]));
            m.put("none", new ArrayList<>());
            m.put(texts[i].isEmpty() ? "empty" : texts[i], "a key that needs escaping too");
            out.add(m);
        }
        out.add(new LinkedHashMap<>());
        Map<String, Object> h = new HashMap<>();
        h.put("b", 2L);
        h.put("a", "one");
        out.add(h);
        Map<String, Object> t = new TreeMap<>();
        t.put("z", true);
        t.put("m", null);
        out.add(t);
        return out;
    }

    private interface Writer {
        void write(JsonGenerator g, Map<String, Object> r) throws Exception;
    }

    private static byte[] file(List<Map<String, Object>> records, Writer w) throws Exception {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        JsonGenerator g = JSON.getFactory().createGenerator(os);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        for (Map<String, Object> r : records) {
            w.write(g, r);
            g.writeRaw('\n');
        }
        g.close();
        return os.toByteArray();
    }

    @Test
    void flatRecordsAreWrittenWithTheSameBytesAsDataBindingWroteThem() throws Exception {
        List<Map<String, Object>> records = records();
        byte[] before = file(records, RECORD::writeValue);
        byte[] now = file(records, (g, r) -> assertTrue(ImportService.writeFlatRecord(g, r), r.keySet().toString()));
        assertEquals(new String(before, java.nio.charset.StandardCharsets.UTF_8),
                new String(now, java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(before, now);
    }

    @Test
    void aRecordWithANestedMapADecimalOrAnotherListIsLeftToDataBindingWithNothingWritten() throws Exception {
        List<Map<String, Object>> others = new ArrayList<>();
        for (Object v : new Object[] {Map.of("k", "v"), 1.5d, List.of(1L, 2L), new java.util.LinkedList<>(List.of("a")),
                new byte[] {1}, java.math.BigInteger.TEN}) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", "a.txt");
            m.put("value", v);
            others.add(m);
        }
        others.add(Map.of("path", "an immutable map"));
        for (Map<String, Object> r : others) {
            ByteArrayOutputStream os = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.getFactory().createGenerator(os)) {
                assertFalse(ImportService.writeFlatRecord(g, r), r.toString());
            }
            assertEquals(0, os.size(), "nothing written for " + r);
        }
        // mixed with flat ones on one generator, each written its own way: still the same bytes as before
        List<Map<String, Object>> mixed = new ArrayList<>(records().subList(0, 3));
        mixed.addAll(others);
        mixed.addAll(records().subList(3, 6));
        byte[] before = file(mixed, RECORD::writeValue);
        byte[] now = file(mixed, (g, r) -> {
            if (!ImportService.writeFlatRecord(g, r)) {
                RECORD.writeValue(g, r);
            }
        });
        assertArrayEquals(before, now);
    }
}
