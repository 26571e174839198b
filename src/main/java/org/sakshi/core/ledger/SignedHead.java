package org.sakshi.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode n;
        try {
            n = JSON.readTree(line);
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
