package org.sakshi.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sakshi.core.CustodyEvent;

/**
 * Checks a custody chain (docs/custody-ledger.md#rules), one event at a time so that a ledger of any
 * length is verified in constant memory. For each event: {@code seq} is the previous one plus 1
 * (starting at 1), {@code case_id} is the same throughout, {@code prev} equals the previous
 * event's {@code hash} (64 zeros for seq 1), and {@code hash} equals the SHA-256 of the RFC 8785
 * canonical JSON of the event without {@code hash} and {@code sig}. Unknown types are accepted.
 * Never throws for bad content: the result names the first bad seq.
 * <pre>
 *   ChainVerifier v = new ChainVerifier();
 *   lines.forEach(v::acceptLine);
 *   ChainResult r = v.result();
 * </pre>
 */
public final class ChainVerifier {
    /** Only a line not in canonical form needs Jackson: it is not set up before one comes. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final MessageDigest sha256;
    private final StringBuilder buf = new StringBuilder(1024);
    private final CanonicalLine fast;
    private long count;
    private long expectedSeq = 1;
    /** The last accepted hash as text; null while it is only known as {@link #prevLine}'s bytes. */
    private String prevHash = CustodyEvent.GENESIS_PREV;
    private byte[] prevLine;
    private int prevAt;
    private int prevLen;
    private String caseId;
    private Long firstBad;
    private String message;

    public ChainVerifier() {
        this(true);
    }

    /** With {@code fastPath} false every line takes the full path (for tests comparing the two). */
    ChainVerifier(boolean fastPath) {
        sha256 = newSha256();
        fast = fastPath ? new CanonicalLine(sha256) : null;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Verifies a whole JSONL text (custody-log.jsonl); blank lines are ignored. */
    public static ChainResult verifyJsonl(Reader in) throws IOException {
        ChainVerifier v = new ChainVerifier();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                v.acceptLine(line);
            }
        }
        return v.result();
    }

    /** Verifies events in seq order. */
    public static ChainResult verifyEvents(Iterable<CustodyEvent> events) {
        ChainVerifier v = new ChainVerifier();
        for (CustodyEvent e : events) {
            v.accept(e);
        }
        return v.result();
    }

    /** Checks the next event, given as one stored JSON line; the hash is recomputed from the line's own members. */
    public void acceptLine(String line) {
        if (firstBad != null) {
            count++;
            return;
        }
        accept(parse(line, fast, buf, sha256));
    }

    /**
     * What one stored line says and what its content hashes to, worked out without looking at the
     * events before it (so lines can be parsed and hashed on several threads); {@link #accept(Parsed)}
     * then checks them in seq order. {@code problem} is set when the line cannot be checked at all:
     * with {@code seq} null it is reported at the expected seq, else at {@code seq}.
     */
    public record Parsed(Long seq, String type, String caseId, String prev, String stored, String computed,
                         String problem) {
    }

    /** A parser for {@link #parse(String)} on one thread (it keeps its own buffer and digest). */
    public static final class LineParser {
        private final StringBuilder buf = new StringBuilder(1024);
        private final MessageDigest sha256 = newSha256();
        private final CanonicalLine fast = new CanonicalLine(sha256);

        public Parsed parse(String line) {
            return ChainVerifier.parse(line, fast, buf, sha256);
        }

        /**
         * The line {@code utf8} (not null) as a {@link Slim} when it is in canonical form, else null (then
         * {@link #parseUtf8} gives its result): {@link #parseUtf8} without making its texts.
         */
        public Slim slimUtf8(byte[] utf8) {
            return fast.slimUtf8(utf8);
        }

        /** {@link #parse(String)} of the line {@code new String(utf8, UTF_8)} (null for null), from its bytes. */
        public Parsed parseUtf8(byte[] utf8) {
            Parsed quick = fast.parseUtf8(utf8);
            return quick != null ? quick
                    : parseTree(utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8), buf, sha256);
        }
    }

    /**
     * A line already in canonical form (every line Sakshi writes) is checked and hashed from its
     * bytes by {@link CanonicalLine}; any other line takes the full path below, with the same result.
     */
    private static Parsed parse(String line, CanonicalLine fast, StringBuilder buf, MessageDigest sha256) {
        Parsed quick = fast == null ? null : fast.parse(line);
        return quick != null ? quick : parseTree(line, buf, sha256);
    }

    /** The full path: Jackson tree, RFC 8785 canonicalisation of the members without hash and sig. */
    static Parsed parseTree(String line, StringBuilder buf, MessageDigest sha256) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return new Parsed(null, null, null, null, null, null, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode obj)) {
            return new Parsed(null, null, null, null, null, null, "is not a JSON object");
        }
        JsonNode seqNode = obj.get("seq");
        JsonNode hashNode = obj.get("hash");
        if (seqNode == null || !seqNode.isIntegralNumber()) {
            return new Parsed(null, null, null, null, null, null, "has no integer seq");
        }
        long seq = seqNode.longValue();
        String stored = hashNode != null && hashNode.isTextual() ? hashNode.textValue() : null;
        obj.remove("hash"); // the node is ours: hash and sig are outside the hashed content
        obj.remove("sig");
        String computed;
        try {
            buf.setLength(0);
            Jcs.canonicalize(obj, buf);
            sha256.reset();
            computed = HexFormat.of().formatHex(sha256.digest(buf.toString().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return new Parsed(seq, null, null, null, null, null, "event seq " + seq + " cannot be canonicalised: "
                    + e.getMessage());
        }
        return new Parsed(seq, text(obj, "type"), text(obj, "case_id"), text(obj, "prev"), stored, computed, null);
    }

    /**
     * A stored line in canonical form, kept as its bytes with the places of its {@code prev} and
     * {@code hash} texts (length -1 when null or absent), and the digest of its content when that is
     * not the recorded hash (null when it is): {@link #parsed()} is what {@link LineParser#parseUtf8}
     * gives for it. An intact event is checked by comparing bytes, without making those texts.
     */
    public static final class Slim {
        private final long seq;
        private final String type;
        private final String caseId;
        private final byte[] line;
        private final int prevAt;
        private final int prevLen;
        private final int hashAt;
        private final int hashLen;
        private final byte[] wrongDigest;

        Slim(long seq, String type, String caseId, byte[] line, int prevAt, int prevLen, int hashAt, int hashLen,
             byte[] wrongDigest) {
            this.seq = seq;
            this.type = type;
            this.caseId = caseId;
            this.line = line;
            this.prevAt = prevAt;
            this.prevLen = prevLen;
            this.hashAt = hashAt;
            this.hashLen = hashLen;
            this.wrongDigest = wrongDigest;
        }

        /** What {@link LineParser#parseUtf8} gives for this line. */
        public Parsed parsed() {
            String prev = prevLen < 0 ? null : new String(line, prevAt, prevLen, java.nio.charset.StandardCharsets.UTF_8);
            String stored = hashLen < 0 ? null : new String(line, hashAt, hashLen, java.nio.charset.StandardCharsets.UTF_8);
            return new Parsed(seq, type, caseId, prev, stored, wrongDigest == null ? stored
                    : HexFormat.of().formatHex(wrongDigest), null);
        }
    }

    /** Checks the next event, given as a line taken by {@link LineParser#slimUtf8} (in seq order, like {@link #acceptLine}). */
    public void accept(Slim s) {
        if (firstBad != null) {
            count++;
            return;
        }
        if (s.seq == expectedSeq && s.caseId != null && (s.caseId.equals(caseId) || caseId == null) && s.prevLen >= 0
                && s.wrongDigest == null && s.hashLen >= 0 && linksToLast(s)) {
            // the usual case, as in check(): decided from the bytes, without making the texts
            count++;
            caseId = s.caseId;
            prevHash = null;
            prevLine = s.line;
            prevAt = s.hashAt;
            prevLen = s.hashLen;
            expectedSeq++;
            return;
        }
        accept(s.parsed());
    }

    /** Whether the prev text of {@code s} equals the last accepted hash (bytes of well-formed UTF-8 equal exactly when their texts do). */
    private boolean linksToLast(Slim s) {
        if (prevHash == null) {
            return java.util.Arrays.equals(s.line, s.prevAt, s.prevAt + s.prevLen, prevLine, prevAt, prevAt + prevLen);
        }
        return prevHash.equals(new String(s.line, s.prevAt, s.prevLen, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The last accepted hash as text (made from its bytes at first need). */
    private String prevHash() {
        if (prevHash == null) {
            prevHash = new String(prevLine, prevAt, prevLen, java.nio.charset.StandardCharsets.UTF_8);
            prevLine = null;
        }
        return prevHash;
    }

    /** Checks the next event, given as a line parsed by {@link LineParser} (in seq order, like {@link #acceptLine}). */
    public void accept(Parsed p) {
        count++;
        if (firstBad != null) {
            return;
        }
        if (p.problem() != null) {
            if (p.seq() == null) {
                fail(expectedSeq, "event " + count + " " + p.problem());
            } else {
                fail(p.seq(), p.problem());
            }
            return;
        }
        check(p.seq(), p.type(), p.caseId(), p.prev(), p.stored(), p.computed());
    }

    /** Checks the next event, given as a record. */
    public void accept(CustodyEvent e) {
        count++;
        if (firstBad != null) {
            return;
        }
        String computed = hex(Jcs.canonicalBytes(EventCodec.toMap(e, false)));
        check(e.seq(), e.type(), e.caseId().toString(), e.prev(), e.hash(), computed);
    }

    private void check(long seq, String type, String cid, String prev, String stored, String computed) {
        String prevHash = prevHash();
        if (seq == expectedSeq && cid != null && (cid.equals(caseId) || caseId == null) && prev != null
                && prev.equals(prevHash) && stored != null && stored.equals(computed)) {
            // the usual case, decided without building the messages below
            caseId = cid;
            this.prevHash = stored;
            expectedSeq++;
            return;
        }
        String name = "event seq " + seq + (type == null ? "" : " (" + type + ")");
        if (seq != expectedSeq) {
            fail(expectedSeq, "event seq " + expectedSeq + " is missing: found seq " + seq + " after seq "
                    + (expectedSeq - 1) + "; events were removed or reordered");
            return;
        }
        if (caseId == null) {
            caseId = cid;
        } else if (cid == null || !cid.equals(caseId)) {
            fail(seq, name + " belongs to case " + cid + ", not " + caseId);
            return;
        }
        if (prev == null || !prev.equals(prevHash)) {
            fail(seq, name + " does not link to the previous event: its prev is " + prev + " but the previous hash is "
                    + prevHash + "; an earlier event was changed, removed or inserted");
            return;
        }
        if (stored == null || !stored.equals(computed)) {
            fail(seq, name + " was changed after it was recorded: its content hashes to " + computed
                    + " but its recorded hash is " + stored);
            return;
        }
        this.prevHash = stored;
        expectedSeq++;
    }

    private void fail(long seq, String msg) {
        firstBad = seq;
        message = msg;
    }

    /** True once a fault was found. */
    public boolean broken() {
        return firstBad != null;
    }

    /** The seq of the last event accepted as intact (0 before the first). */
    public long lastSeq() {
        return expectedSeq - 1;
    }

    /** The hash of the last event accepted as intact (64 zeros before the first). */
    public String lastHash() {
        return prevHash();
    }

    /** The verdict so far. */
    public ChainResult result() {
        if (firstBad != null) {
            return new ChainResult(false, count, prevHash(), firstBad, message);
        }
        if (count == 0) {
            return new ChainResult(false, 0, null, null, "the ledger has no events; every case starts with CASE_CREATED");
        }
        return new ChainResult(true, count, prevHash(), null, "intact: " + count + " events, head " + prevHash());
    }

    private String hex(byte[] canonical) {
        sha256.reset();
        return HexFormat.of().formatHex(sha256.digest(canonical));
    }

    private static String text(ObjectNode o, String k) {
        JsonNode n = o.get(k);
        return n == null || n.isNull() ? null : n.asText();
    }
}
