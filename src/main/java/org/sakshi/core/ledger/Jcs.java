package org.sakshi.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). Written here because no maintained Java library
 * fits (the reference Java code is an unmaintained sample); tested against the RFC's examples.
 * <ul>
 *   <li>§3.2.2.2 strings: only {@code "}, {@code \} and controls below U+0020 are escaped, with the
 *   short forms {@code \b \t \n \f \r} and otherwise {@code \}{@code u00xx} in lower-case hex;
 *   everything else is written as is. Lone surrogates are refused (§3.2.2.2, I-JSON).</li>
 *   <li>§3.2.2.3 numbers: the ECMAScript {@code Number.prototype.toString} form of the IEEE 754
 *   double; integers within ±2^53 are written exactly. NaN and infinities are refused.</li>
 *   <li>§3.2.3 object members sorted by their names as arrays of UTF-16 code units.</li>
 * </ul>
 * Accepts Java values (Map, Collection, String, Number, Boolean, null) or Jackson trees.
 */
public final class Jcs {
    private static final long MAX_SAFE = 1L << 53;

    private Jcs() {
    }

    /** The canonical JSON text of {@code value}. */
    public static String canonicalize(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    /** Appends the canonical JSON text of {@code value} to {@code sb}. */
    public static void canonicalize(Object value, StringBuilder sb) {
        write(sb, value);
    }

    /** The UTF-8 bytes of the canonical JSON text (what RFC 8785 §3.2.4 hashes). */
    public static byte[] canonicalBytes(Object value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof JsonNode n) {
            writeNode(sb, n);
        } else if (v instanceof String s) {
            writeString(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Number num) {
            sb.append(number(num));
        } else if (v instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>(m.size());
            for (Object k : m.keySet()) {
                if (!(k instanceof String ks)) {
                    throw new IllegalArgumentException("JSON object names must be strings: " + k);
                }
                keys.add(ks);
            }
            keys.sort(null); // String.compareTo compares UTF-16 code units, as §3.2.3 requires
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, k);
                sb.append(':');
                write(sb, m.get(k));
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, e);
            }
            sb.append(']');
        } else if (v instanceof Object[] arr) {
            write(sb, List.of(arr));
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void writeNode(StringBuilder sb, JsonNode n) {
        JsonNodeType t = n.getNodeType();
        switch (t) {
            case NULL, MISSING -> sb.append("null");
            case BOOLEAN -> sb.append(n.booleanValue() ? "true" : "false");
            case STRING -> writeString(sb, n.textValue());
            case NUMBER -> sb.append(n.isIntegralNumber() ? number(n.bigIntegerValue()) : number(n.decimalValue()));
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    writeNode(sb, n.get(i));
                }
                sb.append(']');
            }
            case OBJECT -> {
                List<String> keys = new ArrayList<>(n.size());
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null);
                sb.append('{');
                boolean first = true;
                for (String k : keys) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    writeString(sb, k);
                    sb.append(':');
                    writeNode(sb, n.get(k));
                }
                sb.append('}');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + t);
        }
    }

    /** §3.2.2.2: JSON.stringify's string form. */
    static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate in JSON string at index " + i);
                        }
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate in JSON string at index " + i);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** §3.2.2.3: the ECMAScript form of a number. */
    static String number(Number num) {
        if (num instanceof Integer || num instanceof Long || num instanceof Short || num instanceof Byte) {
            long l = num.longValue();
            if (l >= -MAX_SAFE && l <= MAX_SAFE) {
                return Long.toString(l);
            }
            return es6((double) l);
        }
        if (num instanceof BigInteger bi) {
            if (bi.bitLength() <= 53) {
                return bi.toString();
            }
            return es6(bi.doubleValue());
        }
        if (num instanceof BigDecimal bd) {
            return es6(bd.doubleValue());
        }
        return es6(num.doubleValue());
    }

    /** ECMA-262 Number::toString(x) for a double, using the JDK's shortest round-trip digits. */
    public static String es6(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON numbers (RFC 8785 §3.2.2.3)");
        }
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + es6(-d);
        }
        // Since JDK 19, Double.toString gives the shortest decimal that rounds to d (the same digits
        // ECMAScript's algorithm selects, ties going to the value closest to d).
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (bd.precision() == 2) {
            // JDK 19+ may give two digits where one suffices (4.9E-324); ECMAScript wants the fewest
            // digits, the closest such decimal when several exist.
            BigDecimal one = new BigDecimal(d).round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (one.doubleValue() == d) {
                bd = one.stripTrailingZeros();
            }
        }
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int n = k - bd.scale();
        StringBuilder sb = new StringBuilder(32);
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }
}
