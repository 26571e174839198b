package org.sakshi.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;

/**
 * Custody event &lt;-&gt; JSON, exactly as docs/custody-ledger.md defines it. Member names: seq, id,
 * case_id, at, type, actor {name, rank, id, agency, cert_sha256}, workstation {host, os_user,
 * tool_version}, item_id, item_sha256, details, prev, hash, sig.
 * <p>
 * Stored form (the ledger row, a line of custody-log.jsonl, an element of {@code custody --json}):
 * the RFC 8785 canonical JSON of the whole event including {@code hash}; {@code sig} is omitted
 * when the event is unsigned (it is optional and outside the hash), every other member is always
 * present, null when unknown.
 */
public final class EventCodec {
    /** RFC 3339 UTC with milliseconds and {@code Z}, e.g. {@code 2026-07-28T08:35:00.123Z}. */
    public static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Data binding, set up on the first line read back (writing events never needs it). */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
        static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    }

    private EventCodec() {
    }

    /** Formats an instant as the ledger's {@code at}. */
    public static String formatAt(Instant at) {
        return AT.format(at);
    }

    /** Truncates to the millisecond precision the ledger keeps, so that events round-trip exactly. */
    public static Instant ledgerTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The event as a JSON map; with {@code hashAndSig} false it is exactly what the hash covers. */
    public static Map<String, Object> toMap(CustodyEvent e, boolean hashAndSig) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("id", e.id().toString());
        m.put("case_id", e.caseId().toString());
        m.put("at", formatAt(e.at()));
        m.put("type", e.type());
        m.put("actor", actorMap(e.actor()));
        m.put("workstation", workstationMap(e.workstation()));
        m.put("item_id", e.itemId());
        m.put("item_sha256", e.itemSha256());
        m.put("details", e.details());
        m.put("prev", e.prev());
        if (hashAndSig) {
            m.put("hash", e.hash());
            if (e.sig() != null) {
                m.put("sig", e.sig());
            }
        }
        return m;
    }

    public static Map<String, Object> actorMap(Actor a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("rank", a.rank());
        m.put("id", a.id());
        m.put("agency", a.agency());
        m.put("cert_sha256", a.certSha256());
        return m;
    }

    public static Map<String, Object> workstationMap(Workstation w) {
        if (w == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", w.host());
        m.put("os_user", w.osUser());
        m.put("tool_version", w.toolVersion());
        return m;
    }

    /** Lower-case hex SHA-256 of the canonical JSON of the event without {@code hash} and {@code sig}. */
    public static String computeHash(CustodyEvent e) {
        return sha256Hex(Jcs.canonicalBytes(toMap(e, false)));
    }

    /** The event with its {@code hash} filled in. */
    public static CustodyEvent seal(CustodyEvent e) {
        return new CustodyEvent(e.seq(), e.id(), e.caseId(), e.at(), e.type(), e.actor(), e.workstation(),
                e.itemId(), e.itemSha256(), e.details(), e.prev(), computeHash(e), e.sig());
    }

    /** The stored form: canonical JSON with hash (and sig when present), one line, no newline. */
    public static String toJsonLine(CustodyEvent e) {
        return Jcs.canonicalize(toMap(e, true));
    }

    /** Parses one stored line back into an event. IllegalArgumentException when it is not an event. */
    public static CustodyEvent parseLine(String line) {
        Map<String, Object> m;
        try {
            m = Json.JSON.readValue(line, Json.MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        return parsedLine(m);
    }

    /**
     * The event a stored line holds, from the map data binding reads it to (as {@code LinkedHashMap<String,
     * Object>}) or a reader giving the same map: what {@link #parseLine} gives for that line, and the same
     * errors.
     */
    public static CustodyEvent parsedLine(Map<String, Object> m) {
        try {
            return fromMap(m);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // a member of the wrong type or an unreadable time (found by CustodyLogFuzzTest)
            throw new IllegalArgumentException("not a custody event: " + e.getMessage(), e);
        }
    }

    /** Builds an event from its JSON map. IllegalArgumentException naming the member that is wrong. */
    @SuppressWarnings("unchecked")
    public static CustodyEvent fromMap(Map<String, Object> m) {
        Object seq = m.get("seq");
        if (!(seq instanceof Number n)) {
            throw new IllegalArgumentException("seq is missing or not a number");
        }
        Map<String, Object> a = (Map<String, Object>) m.get("actor");
        Map<String, Object> w = (Map<String, Object>) m.get("workstation");
        Actor actor = a == null || a.get("name") == null ? null
                : new Actor(str(a, "name"), str(a, "rank"), str(a, "id"), str(a, "agency"), str(a, "cert_sha256"));
        Workstation ws = w == null ? null : new Workstation(str(w, "host"), str(w, "os_user"), str(w, "tool_version"));
        Object details = m.get("details");
        return new CustodyEvent(n.longValue(), UUID.fromString(req(m, "id")), UUID.fromString(req(m, "case_id")),
                Instant.parse(req(m, "at")), req(m, "type"), actor, ws, str(m, "item_id"), str(m, "item_sha256"),
                details instanceof Map<?, ?> dm ? (Map<String, Object>) dm : Map.of(), req(m, "prev"),
                str(m, "hash"), str(m, "sig"));
    }

    private static String req(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(k + " is missing or not a string");
        }
        return s;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
