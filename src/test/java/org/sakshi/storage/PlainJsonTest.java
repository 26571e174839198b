package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming read of an item row's JSON columns gives what Jackson's data binding gave, or leaves it to it. */
class PlainJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private static void sameAsDataBinding(String json) throws Exception {
        LinkedHashMap<String, Object> expected = MAPPER.readValue(json, MAP);
        LinkedHashMap<String, Object> got = PlainJson.object(json);
        assertEquals(expected, got, json);
        assertEquals(String.valueOf(expected), String.valueOf(got), json); // order and number types too
        assertEquals(types(expected), types(got), json);
    }

    /** The class of every value, depth first: Integer is not Long is not BigInteger. */
    private static List<String> types(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            out.add("map");
            m.forEach((k, x) -> {
                out.add(String.valueOf(k));
                out.addAll(types(x));
            });
        } else if (v instanceof List<?> l) {
            out.add(l.getClass().getSimpleName());
            l.forEach(x -> out.addAll(types(x)));
        } else {
            out.add(v == null ? "null" : v.getClass().getName());
        }
        return out;
    }

    @Test
    void summariesAsTheImportersWriteThemReadTheSameAsWithDataBinding() throws Exception {
        sameAsDataBinding("{}");
        sameAsDataBinding("{\"messages\":1204,\"participants\":[\"Asha Travels\",\"+91 98xxxx\"],\"first\":"
                + "\"2024-01-02T03:04:05Z\",\"media\":{\"images\":3,\"audio\":0},\"gps\":null,\"edited\":false}");
        sameAsDataBinding("{\"small\":7,\"negative\":-2147483648,\"long\":2147483648,\"big\":123456789012345678901234567890,"
                + "\"ratio\":0.5,\"exp\":1e3,\"neg\":-1.25E-7,\"huge\":1e400,\"zero\":-0.0}");
        sameAsDataBinding("{\"text\":\"\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947 \\\"quoted\\\" \\\\ \\n tab\\t\","
                + "\"\u09ac\u09be\u0982\u09b2\u09be\":\"\uD83D\uDE00\",\"nested\":[[],[{}],[[1,[2,[3]]]],{\"a\":[null,true]}]}");
    }

    @Test
    void randomDocumentsReadTheSameAsWithDataBinding() throws Exception {
        Random r = new Random(15);
        for (int k = 0; k < 500; k++) {
            sameAsDataBinding(MAPPER.writeValueAsString(randomObject(r, 0)));
        }
    }

    private static Map<String, Object> randomObject(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            m.put("k" + r.nextInt(1000) + (char) ('a' + r.nextInt(26)), randomValue(r, depth + 1));
        }
        return m;
    }

    private static Object randomValue(Random r, int depth) {
        switch (r.nextInt(depth > 3 ? 6 : 8)) {
            case 0: return r.nextInt();
            case 1: return r.nextLong();
            case 2: return new java.math.BigInteger(100, r).negate();
            case 3: return r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 4: return r.nextBoolean() ? null : r.nextBoolean();
            case 5: return Long.toString(r.nextLong(), 36) + "\u0915\"\\";
            case 6: {
                List<Object> a = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(randomValue(r, depth + 1));
                }
                return a;
            }
            default: return randomObject(r, depth);
        }
    }

    @Test
    void anythingUnusualIsLeftToDataBindingWhichGivesItsOwnValueOrError() {
        for (String odd : new String[] {"", "[]", "\"text\"", "{\"a\":1}{", "{\"a\":1} x", "{\"a\":", "{\"a\":1,}",
                "{\"a\":NaN}", "{\"a\":1,\"a\":2}", "{'a':1}", "null"}) {
            assertNull(PlainJson.object(odd), odd);
        }
        assertNull(PlainJson.strings("[\"a\",1]"));
        assertNull(PlainJson.strings("{}"));
        assertNull(PlainJson.strings("[\"a\"] ["));
    }

    @Test
    void warningsAreTheSameListOfStrings() throws Exception {
        for (String json : new String[] {"[]", "[\"EXIF date later than the file's\"]",
                "[\"a\",\"\\u092c \\\"q\\\"\",\"\"]"}) {
            assertEquals(MAPPER.readValue(json, LIST), PlainJson.strings(json), json);
        }
    }

    private static void writesAsDataBinding(Object value) throws Exception {
        assertEquals(MAPPER.writeValueAsString(value), PlainJson.write(value), String.valueOf(value));
    }

    @Test
    void warningsAndSummariesAreWrittenAsDataBindingWritesThem() throws Exception {
        writesAsDataBinding(List.of());
        writesAsDataBinding(List.of("its content was not parsed", "a \"quoted\" \\ back\nslash\t\u0001 \u2028",
                "\u0928\u092e\u0938\u094d\u0924\u0947 \uD83D\uDE00 </script>"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("messages", 1204);
        summary.put("long", 2147483648L);
        summary.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        summary.put("decimal", new java.math.BigDecimal("1E+3"));
        summary.put("short", (short) 7);
        summary.put("byte", (byte) -3);
        summary.put("ratio", 0.1);
        summary.put("tiny", -1.25E-7);
        summary.put("large", 1e22);
        summary.put("zero", -0.0);
        summary.put("gps", null);
        summary.put("edited", false);
        summary.put("nested", List.of(List.of(), Map.of("a", List.of(true)), new ArrayList<>(java.util.Arrays.asList(
                null, "x"))));
        writesAsDataBinding(summary);
        writesAsDataBinding(new LinkedHashMap<>());
    }

    @Test
    void randomDocumentsAreWrittenAsDataBindingWritesThem() throws Exception {
        Random r = new Random(8);
        for (int k = 0; k < 500; k++) {
            writesAsDataBinding(randomObject(r, 0));
            writesAsDataBinding(randomValue(r, 0));
        }
    }

    @Test
    void anythingButPlainValuesIsLeftToDataBinding() {
        assertNull(PlainJson.write(java.time.Instant.EPOCH));
        assertNull(PlainJson.write(List.of(Double.NaN)));
        assertNull(PlainJson.write(Map.of("inf", Double.POSITIVE_INFINITY)));
        assertNull(PlainJson.write(Map.of(1, "a number as a name")));
        assertNull(PlainJson.write(List.of(1.5f)));
        assertNull(PlainJson.write(new Object()));
        assertNull(PlainJson.write(Map.of("set", java.util.Set.of("a"))));
        assertNull(PlainJson.write(new String[] {"an array"}));
        Object deep = "leaf";
        for (int i = 0; i < 200; i++) {
            deep = List.of(deep);
        }
        assertNull(PlainJson.write(deep));
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void anEventLineReadForTheEnrolmentCheckGivesWhatTheLedgerReaderGives() throws Exception {
        org.sakshi.core.CustodyEvent e = org.sakshi.core.ledger.EventCodec.seal(new org.sakshi.core.CustodyEvent(3,
                java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), java.time.Instant.parse("2026-11-30T20:00:00.123Z"),
                "KEY_ENROLLED", new org.sakshi.core.Actor("Insp. A \u0928", null, "42", "Cyber Cell", null),
                new org.sakshi.core.Workstation("host", "user", "0.1.0"), null, null,
                Map.of("key_sha256", "ab".repeat(32), "role", "workstation", "n", 5, "nested", List.of(Map.of("x", 1.5))),
                "0".repeat(64), null, null));
        String line = org.sakshi.core.ledger.EventCodec.toJsonLine(e);
        assertEquals(org.sakshi.core.ledger.EventCodec.parseLine(line), CaseStore.parseEvent(line));
        assertEquals(e, CaseStore.parseEvent(line));
        for (String odd : new String[] {line.replace("\"seq\":3", "\"seq\":\"3\""),
                line.replace("\"actor\":{", "\"actor\":[{").replace(",\"case_id\"", "],\"case_id\""),
                line.replace("\"at\":\"2026-11-30T20:00:00.123Z\"", "\"at\":\"yesterday\""),
                line.replace("\"id\":\"", "\"id\":\"x"), line.replace("\"prev\"", "\"prev_\""),
                line.replace("\"seq\":3", "\"seq\":3,\"seq\":4"), line + "}", "[]", "{\"seq\":NaN}"}) {
            String expected = message(() -> org.sakshi.core.ledger.EventCodec.parseLine(odd));
            assertEquals(expected == null ? null : expected, message(() -> CaseStore.parseEvent(odd)), odd);
            if (expected == null) {
                assertEquals(org.sakshi.core.ledger.EventCodec.parseLine(odd), CaseStore.parseEvent(odd), odd);
            }
        }
    }
}
