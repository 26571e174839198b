package org.sakshi.core.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the signed-head file {@code custody-heads.jsonl} (docs/custody-ledger.md#signed-heads):
 * after every operation that appended events, the workstation (or officer) key signs the
 * ledger's head. A head at {@code seq} with hash {@code head} covers every event 1..seq through the
 * hash chain. The line is the RFC 8785 canonical JSON of
 * {@code {alg, at, case_id, head, key, seq, sig}}; {@code sig} is the base64 signature over the
 * canonical JSON of the same object without {@code sig}.
 */
public record SignedHead(String caseId, long seq, String head, String at, String key, String alg, String sig) {
    public static final String FILE = "custody-heads.jsonl";
    public static final String K_CASE_ID = "case_id";
    public static final String K_SEQ = "seq";
    public static final String K_HEAD = "head";
    public static final String K_AT = "at";
    public static final String K_KEY = "key";
    public static final String K_ALG = "alg";
    public static final String K_SIG = "sig";

    /** Data binding, set up only to say what is wrong with a line the plain reading does not accept. */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** The streaming parser alone (a tenth of the classes data binding loads). */
    private static final class Plain {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** The bytes the signature covers: the canonical JSON of the line without {@code sig}. */
    public byte[] signedBytes() {
        return Jcs.canonicalBytes(map(false));
    }

    /** The line as stored (canonical JSON, no newline). */
    public String toLine() {
        return Jcs.canonicalize(map(true));
    }

    private Map<String, Object> map(boolean withSig) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(K_ALG, alg);
        m.put(K_AT, at);
        m.put(K_CASE_ID, caseId);
        m.put(K_HEAD, head);
        m.put(K_KEY, key);
        m.put(K_SEQ, seq);
        if (withSig) {
            m.put(K_SIG, sig);
        }
        return m;
    }

    /** The signature bytes; IllegalArgumentException when {@code sig} is not base64. */
    public byte[] signature() {
        return Base64.getDecoder().decode(sig);
    }

    /** Signs a new head with {@code signer}. */
    public static SignedHead sign(HeadSigner signer, String caseId, long seq, String head, String at)
            throws org.sakshi.core.SigningException {
        SignedHead unsigned = new SignedHead(caseId, seq, head, at, signer.fingerprint(), signer.algorithm(), null);
        byte[] s = signer.sign(unsigned.signedBytes());
        return new SignedHead(caseId, seq, head, at, signer.fingerprint(), signer.algorithm(),
                Base64.getEncoder().encodeToString(s));
    }

    /** Parses one line; IllegalArgumentException naming what is wrong. */
    public static SignedHead parse(String line) {
        SignedHead plain = parsePlain(line);
        if (plain != null) {
            return plain;
        }
        JsonNode n;
        try {
            n = Json.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!n.path(K_SEQ).isIntegralNumber()) {
            throw new IllegalArgumentException("seq is missing or not an integer");
        }
        SignedHead h = new SignedHead(text(n, K_CASE_ID), n.get(K_SEQ).longValue(), text(n, K_HEAD), text(n, K_AT),
                text(n, K_KEY), text(n, K_ALG), text(n, K_SIG));
        if (!line.equals(h.toLine())) {
            throw new IllegalArgumentException("it is not in the canonical form Sakshi writes (extra, missing or"
                    + " reordered members)");
        }
        return h;
    }

    /**
     * The head a line in canonical form holds, read with the streaming parser; null for anything else
     * (then {@link #parse} reads it as before and says what is wrong). A line is accepted here only when
     * it is exactly the canonical line of the head read from it, which the tree reading would have read
     * to the same head.
     */
    private static SignedHead parsePlain(String line) {
        String caseId = null;
        String head = null;
        String at = null;
        String key = null;
        String alg = null;
        String sig = null;
        Long seq = null;
        try (JsonParser p = Plain.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(K_SEQ)) {
                    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || seq != null) {
                        return null;
                    }
                    seq = p.getLongValue();
                    continue;
                }
                if (v != JsonToken.VALUE_STRING) {
                    return null;
                }
                String text = p.getText();
                switch (name) {
                    case K_CASE_ID -> caseId = caseId == null ? text : null;
                    case K_HEAD -> head = head == null ? text : null;
                    case K_AT -> at = at == null ? text : null;
                    case K_KEY -> key = key == null ? text : null;
                    case K_ALG -> alg = alg == null ? text : null;
                    case K_SIG -> sig = sig == null ? text : null;
                    default -> {
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        if (caseId == null || head == null || at == null || key == null || alg == null || sig == null
                || seq == null) {
            return null;
        }
        SignedHead h = new SignedHead(caseId, seq, head, at, key, alg, sig);
        return line.equals(h.toLine()) ? h : null;
    }

    private static String text(JsonNode n, String k) {
        JsonNode v = n.get(k);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(k + " is missing or not a string");
        }
        return v.textValue();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
