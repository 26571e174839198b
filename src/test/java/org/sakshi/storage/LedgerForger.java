package org.sakshi.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.HeadSigner;
import org.sakshi.core.ledger.Jcs;
import org.sakshi.core.ledger.SignedHead;

/**
 * Test helper: what an attacker who can write every file of a case folder does to its ledger with
 * plain JDBC, outside Sakshi: drop the append-only triggers, rewrite events and re-hash the chain
 * after them, fetch fresh anchor tokens from a public TSA, edit or re-sign the signed-head file.
 */
public final class LedgerForger implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final Path caseDir;
    private final Connection c;

    public LedgerForger(Path caseDir) throws Exception {
        this.caseDir = caseDir;
        this.c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve(CaseStore.DB).toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS events_no_update");
            st.executeUpdate("DROP TRIGGER IF EXISTS events_no_delete");
        }
    }

    /** Every event as a mutable JSON map, in seq order. */
    public List<Map<String, Object>> events() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT json FROM events ORDER BY seq")) {
            while (rs.next()) {
                out.add(JSON.readValue(rs.getString(1), MAP));
            }
        }
        return out;
    }

    /** The first event of {@code type} (about {@code itemId} when not null). */
    public Map<String, Object> first(String type, String itemId) throws Exception {
        for (Map<String, Object> e : events()) {
            if (type.equals(e.get("type")) && (itemId == null || itemId.equals(e.get("item_id")))) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    /**
     * Rewrites every event from {@code fromSeq} on with {@code edit}, then re-links and re-hashes the
     * chain; LEDGER_ANCHORED events get a fresh token over their new head from {@code reanchor}
     * (left as they were when it is null).
     */
    @SuppressWarnings("unchecked")
    public void rewriteFrom(long fromSeq, UnaryOperator<Map<String, Object>> edit, TimestampSource reanchor)
            throws Exception {
        String prev = org.sakshi.core.CustodyEvent.GENESIS_PREV;
        for (Map<String, Object> e : events()) {
            long seq = ((Number) e.get("seq")).longValue();
            if (seq < fromSeq) {
                prev = (String) e.get("hash");
                continue;
            }
            e.remove("hash");
            e.remove("sig");
            Map<String, Object> m = edit.apply(e);
            m.put("prev", prev);
            if ("LEDGER_ANCHORED".equals(m.get("type")) && reanchor != null) {
                TimestampToken t = reanchor.stamp(HexFormat.of().parseHex(prev));
                Map<String, Object> d = (Map<String, Object>) m.get("details");
                d.put("seq", seq - 1);
                d.put("head", prev);
                d.put("time", EventCodec.formatAt(t.genTime()));
                d.put("serial", t.serial());
                d.put("token", Base64.getEncoder().encodeToString(t.response()));
            }
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Jcs.canonicalBytes(m)));
            m.put("hash", hash);
            exec("UPDATE events SET json = ?, hash = ?, type = ?, item_id = ? WHERE seq = ?", Jcs.canonicalize(m), hash,
                    m.get("type"), m.get("item_id"), seq);
            prev = hash;
        }
    }

    /**
     * Appends a forged event after the last one, linked and hashed correctly (as anyone who can write
     * the case folder can), with the last event's actor and workstation; no signed head covers it.
     * Returns its seq.
     */
    public long append(String type, String itemId, Map<String, Object> details) throws Exception {
        List<Map<String, Object>> all = events();
        Map<String, Object> last = all.get(all.size() - 1);
        long seq = ((Number) last.get("seq")).longValue() + 1;
        Map<String, Object> m = new LinkedHashMap<>(last);
        m.remove("hash");
        m.remove("sig");
        m.put("seq", seq);
        m.put("id", java.util.UUID.randomUUID().toString());
        m.put("type", type);
        m.put("item_id", itemId);
        m.put("item_sha256", null);
        m.put("details", new LinkedHashMap<>(details));
        m.put("prev", last.get("hash"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Jcs.canonicalBytes(m)));
        m.put("hash", hash);
        exec("INSERT INTO events(seq, id, type, at, item_id, hash, json) VALUES (?,?,?,?,?,?,?)", seq, m.get("id"), type,
                m.get("at"), itemId, hash, Jcs.canonicalize(m));
        return seq;
    }

    /** The first column of the first row of a query. */
    public String value(String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Deletes every event from {@code seq} on. */
    public void deleteFrom(long seq) throws Exception {
        exec("DELETE FROM events WHERE seq >= ?", seq);
    }

    public void exec(String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** The stored hash at each seq. */
    public Map<Long, String> hashes() throws Exception {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, hash FROM events")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Without a key: points every signed head at the rewritten hash of its seq, keeping the old signatures. */
    public void repointHeads() throws Exception {
        Map<Long, String> h = hashes();
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(HeadFile.of(caseDir))) {
            SignedHead s = SignedHead.parse(l);
            out.add(new SignedHead(s.caseId(), s.seq(), h.getOrDefault(s.seq(), s.head()), s.at(), s.key(), s.alg(),
                    s.sig()).toLine());
        }
        Files.write(HeadFile.of(caseDir), out, StandardCharsets.UTF_8);
    }

    /** With a key (the stolen workstation key, or the forger's own): re-signs every head over the rewritten hashes. */
    public void resignHeads(HeadSigner key) throws Exception {
        Map<Long, String> h = hashes();
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(HeadFile.of(caseDir))) {
            SignedHead s = SignedHead.parse(l);
            out.add(SignedHead.sign(key, s.caseId(), s.seq(), h.getOrDefault(s.seq(), s.head()), s.at()).toLine());
        }
        Files.write(HeadFile.of(caseDir), out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        c.close();
    }
}
