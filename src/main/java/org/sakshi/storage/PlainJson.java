package org.sakshi.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns of an item row (its summary object and its warnings), read with Jackson's
 * streaming parser: the same values Jackson's data binding gives for {@code LinkedHashMap<String,
 * Object>} and {@code List<String>} (objects as LinkedHashMap, arrays as ArrayList, whole numbers as
 * the smallest of Integer, Long and BigInteger, other numbers as Double), without setting up an
 * ObjectMapper, which {@code sakshi items} and the case window would otherwise do at every start for
 * the first row. Anything unexpected (malformed text, another shape, trailing content) gives null,
 * and the caller then reads the column with the ObjectMapper as before, for the same value or the
 * same error.
 */
final class PlainJson {
    private static final class Factory {
        static final JsonFactory JSON = new JsonFactory();
    }

    private PlainJson() {
    }

    /** The object {@code text} holds, or null when it holds anything else or is not plain JSON. */
    static LinkedHashMap<String, Object> object(String text) {
        try (JsonParser p = Factory.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            LinkedHashMap<String, Object> m = readObject(p);
            return m != null && p.nextToken() == null ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The array of strings {@code text} holds, or null when it holds anything else. */
    static List<String> strings(String text) {
        try (JsonParser p = Factory.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return null;
                }
                out.add(p.getText());
            }
            return p.nextToken() == null ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** After START_OBJECT: the members up to END_OBJECT; null for a repeated name (left to data binding). */
    private static LinkedHashMap<String, Object> readObject(JsonParser p) throws IOException {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                return null;
            }
            String name = p.currentName();
            Object v = value(p, p.nextToken());
            if (v == NOT_PLAIN || m.containsKey(name)) {
                return null;
            }
            m.put(name, v);
        }
        return m;
    }

    private static final Object NOT_PLAIN = new Object();

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return NOT_PLAIN;
        }
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Object> m = readObject(p);
                return m == null ? NOT_PLAIN : m;
            }
            case START_ARRAY: {
                List<Object> a = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    Object v = value(p, e);
                    if (v == NOT_PLAIN) {
                        return NOT_PLAIN;
                    }
                    a.add(v);
                }
                return a;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return NOT_PLAIN;
        }
    }

    /**
     * {@code value} as compact JSON, written with Jackson's streaming generator: the same text data
     * binding's {@code writeValueAsString} gives for plain values (null, strings, booleans, whole
     * numbers, finite doubles, {@link BigDecimal}, lists and maps with string keys, nested), so that
     * recording an item does not set up an ObjectMapper while the digests run. Null when {@code value}
     * holds anything else (then the caller writes it with the ObjectMapper as before).
     */
    static String write(Object value) {
        if (!plain(value, 0)) {
            return null;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Factory.JSON.createGenerator(w)) {
            write(g, value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return w.toString();
    }

    /** Nesting deeper than this is left to data binding (its own limits and errors). */
    private static final int MAX_DEPTH = 100;

    private static boolean plain(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            return true;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d);
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (v instanceof List<?> l) {
            for (Object e : l) {
                if (!plain(e, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object e : l) {
                write(g, e);
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        }
    }
}
