package org.sakshi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.ledger.EventCodec;

/**
 * Builds real linked ledgers for the audit tests: seq, prev and the JCS hash are filled in by the
 * engine's codec, so a bundle written from them passes the chain verification.
 * Every event is one minute after the previous one unless a test sets the time.
 */
public final class Ledger {
    public static final Instant T0 = Instant.parse("2026-07-28T08:00:00.000Z");
    public static final String RAO = "Insp. Rao";
    public static final String SEN = "SI Sen";
    public static final String LAB = "Dr. Iyer";

    private final UUID caseId = UUID.fromString("7f1c2b3a-0000-4000-8000-000000000001");
    private final List<CustodyEvent> events = new ArrayList<>();
    private final Map<String, String> sha = new HashMap<>();
    private Instant clock = T0;
    private String host = "ws-1";

    public Ledger() {
        add(RAO, "CASE_CREATED", null, Map.of());
    }

    /** Moves the workstation clock (the times events record) by {@code d}. */
    public Ledger skew(Duration d) {
        clock = clock.plus(d);
        return this;
    }

    public Ledger at(Instant t) {
        clock = t;
        return this;
    }

    public Ledger host(String h) {
        host = h;
        return this;
    }

    public Instant now() {
        return clock;
    }

    public static String sha(String itemId) {
        return digest("item " + itemId);
    }

    public Ledger imported(String who, String item) {
        sha.put(item, sha(item));
        return add(who, "ITEM_IMPORTED", item, Map.of("source_path", "/media/usb/" + item + ".png"));
    }

    /** ITEM_TIMESTAMPED carrying a token of the given genTime. */
    public Ledger stamped(String who, String item, Instant genTime) {
        return add(who, "ITEM_TIMESTAMPED", item, Map.of("tsa", "http://127.0.0.1/tsa", "time", genTime.toString(),
                "serial", "1"));
    }

    /** Stamped with a TSA whose time equals the workstation's. */
    public Ledger stamped(String who, String item) {
        return stamped(who, item, clock.plusSeconds(60));
    }

    public Ledger accessed(String who, String item) {
        return add(who, "ITEM_ACCESSED", item, Map.of("purpose", "review"));
    }

    public Ledger transferred(String who, String item, String to) {
        return add(who, "TRANSFERRED", item, Map.of("from", who, "to", to, "reason", "lab examination"));
    }

    public Ledger exportStarted(String who, String bundleId) {
        return add(who, "EXPORT_STARTED", null, Map.of("bundle_id", bundleId));
    }

    public Ledger exportSealed(String who, String bundleId) {
        return add(who, "EXPORT_SEALED", null, Map.of("bundle_id", bundleId, "sha256", digest(bundleId)));
    }

    public Ledger anchored(String who, Instant genTime) {
        return add(who, "LEDGER_ANCHORED", null, Map.of("head", last().hash(), "time", genTime.toString()));
    }

    public Ledger add(String who, String type, String item, Map<String, Object> details) {
        return addWithHash(who, type, item, item == null ? null : sha.get(item), details);
    }

    public Ledger addWithHash(String who, String type, String item, String itemSha, Map<String, Object> details) {
        clock = clock.plusSeconds(60);
        long seq = events.size() + 1;
        String prev = events.isEmpty() ? CustodyEvent.GENESIS_PREV : last().hash();
        events.add(EventCodec.seal(new CustodyEvent(seq, UUID.nameUUIDFromBytes(("e" + seq).getBytes(StandardCharsets.UTF_8)),
                caseId, clock, type, Actor.named(who), new Workstation(host, "officer", "sakshi test"), item, itemSha,
                new LinkedHashMap<>(details), prev, null, null)));
        return this;
    }

    public int size() {
        return events.size();
    }

    public CustodyEvent last() {
        return events.get(events.size() - 1);
    }

    public List<CustodyEvent> events() {
        return List.copyOf(events);
    }

    public AuditInput input() {
        return input(List.of(), List.of());
    }

    public AuditInput input(List<ItemFacts> items, List<TimeProof> proofs) {
        return new AuditInput(AuditScope.CASE, caseId.toString(), null, events(),
                LedgerSummary.intact(events.size(), last().hash()), null, null, items, proofs);
    }

    public AuditReport audit() {
        return AuditAnalyzer.analyze(input(), AuditOptions.DEFAULTS);
    }

    public static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
