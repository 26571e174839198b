package org.sakshi.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.core.ledger.EventDetails;

/**
 * The custody audit (docs/cli.md#audit) as a pure function of the ledger's events, the items' facts and the
 * RFC 3161 tokens: no I/O, no clock, the same input always gives the same report.
 *
 * <p>Custody model: the actor of {@code ITEM_IMPORTED} holds the item; {@code TRANSFERRED} hands it
 * from {@code details.from} (else the actor) to {@code details.to}; a case-level transfer (no
 * {@code item_id}) hands over every item imported so far, or those in {@code details.items}. Acts on
 * evidence are {@code ITEM_ACCESSED}, {@code ITEM_DERIVED}, {@code EXPORT_STARTED} and
 * {@code EXPORT_SEALED}; notes, time-stamps, anchors and assumptions are not acts on the evidence.
 * People are compared by name, ignoring case and repeated spaces.
 *
 * <p>Time model: a token carried by an event (its genTime recorded in the event's details, or the
 * token file linked to it) proves every later event happened after genTime; a token over the ledger
 * head proves every event up to the anchored one existed at genTime. The event that carries a fresh
 * token measures its workstation's clock against the TSA.
 */
public final class AuditAnalyzer {
    private static final Set<String> ACTS = Set.of("ITEM_ACCESSED", "ITEM_DERIVED", "EXPORT_STARTED", "EXPORT_SEALED");
    private static final Duration SAME_TOKEN = Duration.ofSeconds(1);

    private AuditAnalyzer() {
    }

    public static AuditReport analyze(AuditInput input, AuditOptions options) {
        return new Run(input, options).run();
    }

    /** State of one analysis. */
    private static final class Run {
        private final AuditInput in;
        private final Duration tol;
        private final AuditOptions options;
        private final List<CustodyEvent> events;
        private final Map<Long, CustodyEvent> bySeq = new HashMap<>();
        private final Map<String, Long> seqOfHash = new HashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, ItemState> items = new LinkedHashMap<>();
        private final Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
        private final List<TimeProof> proofs = new ArrayList<>();
        private final Map<Long, List<String>> exportsByOthers = new HashMap<>();

        Run(AuditInput in, AuditOptions options) {
            this.in = in;
            this.options = options == null ? AuditOptions.DEFAULTS : options;
            this.tol = this.options.clockTolerance();
            this.events = in.events().stream().sorted(Comparator.comparingLong(CustodyEvent::seq)).toList();
            for (CustodyEvent e : events) {
                bySeq.putIfAbsent(e.seq(), e);
                if (e.hash() != null) {
                    seqOfHash.putIfAbsent(e.hash().toLowerCase(Locale.ROOT), e.seq());
                }
            }
        }

        AuditReport run() {
            checkLedger();
            walk();
            checkFacts();
            collectProofs();
            checkClocks();
            List<ItemHistory> histories = new ArrayList<>();
            timelines.forEach((id, t) -> histories.add(new ItemHistory(id, t)));
            List<Finding> sorted = new ArrayList<>(findings);
            sorted.sort(Comparator.comparingInt(f -> f.severity().ordinal()));
            return new AuditReport(in.scope(), in.id(), in.hash(), in.label(), in.ledger(), sorted, histories);
        }

        // ---- ledger --------------------------------------------------------------------------

        private void checkLedger() {
            LedgerSummary l = in.ledger();
            if (events.isEmpty()) {
                add(FindingCode.LEDGER_EMPTY, List.of(), List.of(), "The custody ledger holds no event: nothing "
                        + "shows who handled the evidence. Audit the case folder or bundle the evidence came from.");
            }
            if (!l.intact()) {
                add(FindingCode.LEDGER_BROKEN, List.of(), l.firstBadSeq() == null ? List.of() : List.of(l.firstBadSeq()),
                        "The custody chain is broken" + (l.firstBadSeq() == null ? "" : " at event " + l.firstBadSeq())
                                + ": " + l.message() + ". Events from there on cannot be relied on; the findings "
                                + "below describe the events as they now read.");
            } else {
                structuralLinks();
            }
            if (in.declaredHead() != null && !events.isEmpty()
                    && !in.declaredHead().equalsIgnoreCase(String.valueOf(events.get(events.size() - 1).hash()))) {
                add(FindingCode.LEDGER_HEAD_MISMATCH, List.of(), List.of(events.get(events.size() - 1).seq()),
                        "case.json names custody head " + in.declaredHead() + " but the log's last event (seq "
                                + events.get(events.size() - 1).seq() + ") has hash "
                                + events.get(events.size() - 1).hash() + ": events were added or removed after export.");
            }
            if (in.declaredCount() != null && in.declaredCount() != events.size()) {
                add(FindingCode.LEDGER_HEAD_MISMATCH, List.of(), List.of(), "case.json declares "
                        + in.declaredCount() + " custody events but the log holds " + events.size() + ".");
            }
        }

        /** seq 1, 2, 3 ... without gaps and each prev naming the previous hash (docs/custody-ledger.md#event). */
        private void structuralLinks() {
            String prevHash = CustodyEvent.GENESIS_PREV;
            long expected = 1;
            for (CustodyEvent e : events) {
                String why = null;
                if (e.seq() != expected) {
                    why = "seq " + e.seq() + " follows seq " + (expected - 1) + " (events are missing or repeated)";
                } else if (!e.prev().equalsIgnoreCase(prevHash)) {
                    why = "its prev does not name the hash of the event before it";
                }
                if (why != null) {
                    add(FindingCode.LEDGER_BROKEN, List.of(), List.of(e.seq()), "The custody chain is broken at event "
                            + e.seq() + ": " + why + ". Events from there on cannot be relied on.");
                    return;
                }
                prevHash = String.valueOf(e.hash());
                expected++;
            }
        }

        // ---- custody walk -------------------------------------------------------------------

        private void walk() {
            CustodyEvent previous = null;
            Deque<CustodyEvent> openExports = new ArrayDeque<>();
            for (CustodyEvent e : events) {
                if (previous != null && e.at().isBefore(previous.at())) {
                    add(FindingCode.CLOCK_BACKWARDS, itemsOf(e), List.of(previous.seq(), e.seq()),
                            "Event " + e.seq() + " (" + e.type() + ", " + e.at() + ") is dated "
                                    + human(Duration.between(e.at(), previous.at())) + " before event "
                                    + previous.seq() + " (" + previous.at() + ") that precedes it in the chain"
                                    + onHost(e) + ": the workstation clock went back or was changed.");
                }
                previous = e;
                switch (e.type()) {
                    case "ITEM_IMPORTED" -> imported(e);
                    case "TRANSFERRED" -> transferred(e);
                    case "ITEM_DERIVED" -> derived(e);
                    case "ITEM_ACCESSED" -> acted(e, targets(e, false));
                    case "EXPORT_STARTED" -> {
                        openExports.add(e);
                        acted(e, targets(e, true));
                    }
                    case "EXPORT_SEALED" -> acted(e, sealed(e, openExports));
                    case "ASSUMPTION_RECORDED" -> assumption(e);
                    case "LEDGER_ADOPTED" -> adopted(e);
                    case "CASE_MOVED" -> moved(e);
                    case "CASE_COMPACTED" -> compacted(e);
                    default -> other(e);
                }
            }
            for (CustodyEvent start : openExports) {
                if (isThisBundlesExport(start)) {
                    continue;
                }
                add(FindingCode.EXPORT_NOT_SEALED, itemsOf(start), List.of(start.seq()), "Export started at event "
                        + start.seq() + " (" + start.at() + ", by " + name(start.actor()) + ") has no EXPORT_SEALED "
                        + "after it: the export failed or its bundle was never recorded; find out what became of it.");
            }
        }

        /**
         * LEDGER_ADOPTED (docs/custody-ledger.md): events written after the last signed head were
         * adopted by a later key holder. From seq 1 that is a case older than signed heads (INFO);
         * otherwise someone appended events without a key, or an operation died before signing: an
         * examiner must look at those events (ERROR).
         */
        private void adopted(CustodyEvent e) {
            EventDetails.LedgerAdopted.Read d = EventDetails.LedgerAdopted.read(e.details());
            List<Long> seqs = new ArrayList<>();
            for (long s = Math.max(1, d.from()); s <= d.to() && seqs.size() < 1000; s++) {
                seqs.add(s);
            }
            seqs.add(e.seq());
            if (d.from() <= 1) {
                add(FindingCode.LEDGER_SIGNED_HEADS_START, List.of(), List.of(e.seq()), "Events 1 to " + d.to()
                        + " were written before this case had signed heads; event " + e.seq() + " (" + e.at() + ", "
                        + name(e.actor()) + onHost(e) + ") adopted them, and signed heads cover the ledger from then on.");
                return;
            }
            add(FindingCode.LEDGER_EVENTS_ADOPTED, itemsOfSeqs(seqs), seqs, "Events " + d.from() + " to " + d.to()
                    + " were in the ledger without any signed head when event " + e.seq() + " (" + e.at() + onHost(e)
                    + ") adopted them: they were written without the ledger key (an edited case folder) or by an"
                    + " operation that stopped before signing. Check who wrote them and why before relying on them.");
        }

        /** CASE_MOVED (docs/custody-ledger.md): where the case went, on the record for whoever reads its history. */
        private void moved(CustodyEvent e) {
            other(e);
            Object from = e.details().get(EventDetails.CaseMoved.FROM);
            Object to = e.details().get(EventDetails.CaseMoved.TO);
            add(FindingCode.CASE_MOVED, List.of(), List.of(e.seq()), "Event " + e.seq() + " (" + e.at() + ", "
                    + name(e.actor()) + onHost(e) + ") moved the case from " + from + " to " + to + " after verifying"
                    + " its ledger up to event " + e.details().get(EventDetails.CaseMoved.EVENTS) + ".");
        }

        /** CASE_COMPACTED (docs/custody-ledger.md): why case.db's file hash changed, and who did it. */
        private void compacted(CustodyEvent e) {
            other(e);
            add(FindingCode.CASE_COMPACTED, List.of(), List.of(e.seq()), "Event " + e.seq() + " (" + e.at() + ", "
                    + name(e.actor()) + onHost(e) + ") rewrote " + e.details().get(EventDetails.CaseCompacted.FILE)
                    + " with " + e.details().get(EventDetails.CaseCompacted.PAGE_SIZE) + "-byte pages (before: "
                    + e.details().get(EventDetails.CaseCompacted.PAGE_SIZE_BEFORE) + ") after verifying its ledger"
                    + " up to event " + e.details().get(EventDetails.CaseCompacted.EVENTS) + "; the file's hash changed,"
                    + " its events and rows did not.");
        }

        private void imported(CustodyEvent e) {
            if (e.itemId() == null || items.containsKey(e.itemId())) {
                other(e);
                return;
            }
            ItemState s = new ItemState(e.itemId(), e.seq(), e.at(), e.itemSha256(), name(e.actor()));
            items.put(e.itemId(), s);
            entry(e, s, null, "imported" + detailText(e, "source_path", "source"));
        }

        private void transferred(CustodyEvent e) {
            String from = person(e.details().get(EventDetails.Transferred.FROM));
            from = from == null ? name(e.actor()) : from;
            String to = person(e.details().get(EventDetails.Transferred.TO));
            List<String> notHeld = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String id : targets(e, true)) {
                ItemState s = items.get(id);
                if (s == null) {
                    unknown.add(id);
                    continue;
                }
                checkHash(e, s);
                if (!samePerson(from, s.custodian)) {
                    notHeld.add(id + " (held by " + s.custodian + ")");
                }
                String before = s.custodian;
                if (to != null) {
                    s.custodian = to;
                }
                s.used(e.seq());
                entry(e, s, null, "from " + before + " to " + s.custodian + detailText(e, "received_by", "handed_over_by",
                        "reason", "location", "seal"));
            }
            unknownItems(e, unknown);
            if (!notHeld.isEmpty()) {
                add(FindingCode.TRANSFER_BY_NON_HOLDER, ids(notHeld), List.of(e.seq()), "Event " + e.seq() + " hands "
                        + String.join(", ", notHeld) + " from " + from + " to " + to + ", but " + from
                        + " did not hold " + (notHeld.size() == 1 ? "it" : "them") + " then: a hand-over is missing "
                        + "from the ledger or the transfer was recorded by the wrong person.");
            }
        }

        private void derived(CustodyEvent e) {
            String parent = EventDetails.ItemDerived.parent(e.details());
            if (e.itemId() != null && !items.containsKey(e.itemId()) && parent != null) {
                // ITEM_DERIVED may create the derived item itself, from a parent held by the actor
                ItemState p = items.get(parent);
                if (p == null) {
                    add(FindingCode.DERIVED_PARENT_MISSING, List.of(e.itemId()), List.of(e.seq()), "Item "
                            + e.itemId() + " is derived (event " + e.seq() + ") from " + parent
                            + ", which the ledger has not imported at that point.");
                } else {
                    acted(e, List.of(parent));
                }
                ItemState s = new ItemState(e.itemId(), e.seq(), e.at(), e.itemSha256(), name(e.actor()));
                s.parent = parent;
                items.put(e.itemId(), s);
                entry(e, s, null, "derived from " + parent);
                return;
            }
            if (parent != null && !items.containsKey(parent)) {
                add(FindingCode.DERIVED_PARENT_MISSING, itemsOf(e), List.of(e.seq()), "Event " + e.seq()
                        + " derives from item " + parent + ", which the ledger has not imported at that point.");
            }
            acted(e, targets(e, false));
        }

        private void acted(CustodyEvent e, List<String> targets) {
            List<String> unknown = new ArrayList<>();
            for (String id : targets) {
                ItemState s = items.get(id);
                if (s == null) {
                    unknown.add(id);
                    continue;
                }
                checkHash(e, s);
                String actor = name(e.actor());
                boolean export = e.type().startsWith("EXPORT_");
                if (!samePerson(actor, s.custodian) && export) {
                    exportsByOthers.computeIfAbsent(e.seq(), k -> new ArrayList<>()).add(id + " (held by " + s.custodian + ")");
                } else if (!samePerson(actor, s.custodian)) {
                    add(FindingCode.ACT_BY_NON_CUSTODIAN, List.of(id), List.of(e.seq()), "Event " + e.seq() + " ("
                            + e.type() + ", " + e.at() + ") was done by " + actor + onHost(e) + ", but item " + id
                            + " was then in the custody of " + s.custodian
                            + (s.lastTransfer > 0 ? " (since the transfer at event " + s.lastTransfer + ")" : "")
                            + ": the act is outside the chain of custody.");
                }
                if (s.sealedAt > 0 && ("ITEM_ACCESSED".equals(e.type()) || "ITEM_DERIVED".equals(e.type()))) {
                    add(FindingCode.ACTED_AFTER_SEAL, List.of(id), List.of(s.sealedAt, e.seq()), "Item " + id
                            + " was " + ("ITEM_ACCESSED".equals(e.type()) ? "accessed" : "derived from") + " at event "
                            + e.seq() + " (" + e.at() + ", by " + actor + ") after the bundle containing it was sealed "
                            + "at event " + s.sealedAt + ": the sealed bundle does not reflect this act.");
                }
                s.used(e.seq());
                entry(e, s, null, detailText(e, "purpose", "reason", "bundle_id", "text"));
            }
            unknownItems(e, unknown);
            List<String> others = exportsByOthers.remove(e.seq());
            if (others != null) {
                add(FindingCode.EXPORT_BY_NON_CUSTODIAN, ids(others), List.of(e.seq()), "Event " + e.seq() + " ("
                        + e.type() + ", " + e.at() + ") was done by " + name(e.actor()) + onHost(e) + ", who did not "
                        + "hold " + String.join(", ", others) + " by the record: if the exporter acted for the "
                        + "custodian, say so with --officer or record a transfer first.");
            }
        }

        /** Closes the matching EXPORT_STARTED and marks its items sealed; returns the items the bundle holds. */
        private List<String> sealed(CustodyEvent e, Deque<CustodyEvent> open) {
            String bundle = EventDetails.ExportSealed.bundleId(e.details());
            CustodyEvent match = null;
            for (CustodyEvent s : open) {
                String b = EventDetails.ExportSealed.bundleId(s.details());
                if (bundle != null && bundle.equals(b)) {
                    match = s;
                    break;
                }
            }
            if (match == null && !open.isEmpty() && (bundle == null || EventDetails.ExportSealed.bundleId(open.peekFirst().details()) == null)) {
                match = open.peekFirst();
            }
            if (match != null) {
                open.remove(match);
            }
            // the sealed bundle holds the items its EXPORT_STARTED listed, unless the seal names its own
            List<String> held = e.itemId() != null || e.details().get("items") instanceof List<?>
                    ? targets(e, true) : match != null ? targets(match, true) : targets(e, true);
            for (String id : held) {
                ItemState s = items.get(id);
                if (s != null && s.sealedAt == 0) {
                    s.sealedAt = e.seq();
                }
            }
            return held;
        }

        private void assumption(CustodyEvent e) {
            for (String id : targets(e, false)) {
                ItemState s = items.get(id);
                if (s == null) {
                    unknownItems(e, List.of(id));
                    continue;
                }
                if (s.firstUse > 0) {
                    add(FindingCode.ASSUMPTION_LATE, List.of(id), List.of(s.firstUse, e.seq()), "The assumption at "
                            + "event " + e.seq() + detailText(e, "what", "value", "zone", "date_order", "text")
                            + " was recorded after item " + id + " had already been used (event " + s.firstUse
                            + "): what was read or exported before it rested on an unstated assumption.");
                }
                entry(e, s, null, "assumption" + detailText(e, "what", "value", "zone", "date_order", "text"));
            }
        }

        private void other(CustodyEvent e) {
            boolean lenient = "NOTE".equals(e.type()) || !e.type().startsWith("ITEM_");
            List<String> unknown = new ArrayList<>();
            for (String id : targets(e, false)) {
                ItemState s = items.get(id);
                if (s == null) {
                    unknown.add(id);
                    continue;
                }
                checkHash(e, s);
                if ("ITEM_TIMESTAMPED".equals(e.type())) {
                    s.stampEvent = s.stampEvent == 0 ? e.seq() : s.stampEvent;
                }
                entry(e, s, null, detailText(e, "text", "tsa", "time", "serial"));
            }
            if (!lenient) {
                unknownItems(e, unknown);
            }
        }

        private void checkHash(CustodyEvent e, ItemState s) {
            if (e.itemSha256() == null || s.sha256 == null || e.itemSha256().equalsIgnoreCase(s.sha256)
                    || !Objects.equals(e.itemId(), s.id)) {
                return;
            }
            add(FindingCode.ITEM_HASH_CHANGED, List.of(s.id), List.of(s.importSeq, e.seq()), "Event " + e.seq()
                    + " (" + e.type() + ") records SHA-256 " + e.itemSha256() + " for item " + s.id
                    + ", but it was imported (event " + s.importSeq + ") with " + s.sha256
                    + ": the item's bytes changed or another file took its place.");
        }

        private void unknownItems(CustodyEvent e, List<String> unknown) {
            if (!unknown.isEmpty()) {
                add(FindingCode.ITEM_UNKNOWN, unknown, List.of(e.seq()), "Event " + e.seq() + " (" + e.type()
                        + ") names item " + String.join(", ", unknown) + ", which the ledger had not imported at "
                        + "that point: the item's import is missing or the event is out of place.");
            }
        }

        private boolean isThisBundlesExport(CustodyEvent start) {
            if (in.scope() != AuditScope.BUNDLE) {
                return false;
            }
            String b = EventDetails.ExportSealed.bundleId(start.details());
            if (b != null) {
                return b.equalsIgnoreCase(in.id());
            }
            // without an id, the last EXPORT_STARTED of a bundle's log is the export that made it
            for (int i = events.size() - 1; i >= 0; i--) {
                if ("EXPORT_STARTED".equals(events.get(i).type())) {
                    return events.get(i) == start;
                }
            }
            return false;
        }

        // ---- facts beside the ledger ---------------------------------------------------------

        private void checkFacts() {
            for (ItemFacts f : in.items()) {
                ItemState s = items.get(f.id());
                if (s == null) {
                    add(FindingCode.ITEM_NOT_IN_LEDGER, List.of(f.id()), List.of(), "Item " + f.id()
                            + " is in the case but no ITEM_IMPORTED event records it: its origin is not in the chain "
                            + "of custody.");
                    continue;
                }
                if (f.sha256() != null && s.sha256 != null && !f.sha256().equalsIgnoreCase(s.sha256)) {
                    add(FindingCode.ITEM_HASH_CHANGED, List.of(f.id()), List.of(s.importSeq), "Item " + f.id()
                            + " is recorded with SHA-256 " + f.sha256() + " but was imported (event " + s.importSeq
                            + ") with " + s.sha256 + ".");
                }
                if (f.derivedFrom() != null) {
                    ItemState p = items.get(f.derivedFrom());
                    if (p == null || p.importSeq > s.importSeq) {
                        add(FindingCode.DERIVED_PARENT_MISSING, List.of(f.id()), List.of(s.importSeq), "Item " + f.id()
                                + " is derived from " + f.derivedFrom() + ", which "
                                + (p == null ? "is not in the ledger" : "was imported later (event " + p.importSeq + ")")
                                + ": the derivation cannot be traced to its source.");
                    }
                }
                if (f.seizedAt() != null) {
                    Duration gap = Duration.between(f.seizedAt(), s.importAt);
                    if (gap.compareTo(options.maxSeizureGap()) > 0) {
                        add(FindingCode.SEIZURE_IMPORT_GAP, List.of(f.id()), List.of(s.importSeq), "Item " + f.id()
                                + " was seized at " + f.seizedAt() + " and imported at " + s.importAt + " (event "
                                + s.importSeq + "), " + human(gap) + " later, with no custody event between: "
                                + "document who held it meanwhile (limit " + human(options.maxSeizureGap()) + ").");
                    } else if (gap.negated().compareTo(tol) > 0) {
                        add(FindingCode.SEIZURE_AFTER_IMPORT, List.of(f.id()), List.of(s.importSeq), "Item " + f.id()
                                + " is recorded as seized at " + f.seizedAt() + ", " + human(gap.negated())
                                + " after its import at " + s.importAt + " (event " + s.importSeq
                                + "): the seizure details or the workstation clock are wrong.");
                    }
                }
            }
        }

        // ---- clocks -------------------------------------------------------------------------

        private void collectProofs() {
            Map<String, TimeProof> fromEvents = new LinkedHashMap<>();
            for (CustodyEvent e : events) {
                Instant g = EventDetails.tokenTime(e.type(), e.details());
                if (g == null) {
                    continue;
                }
                switch (e.type()) {
                    case "ITEM_TIMESTAMPED" -> {
                        if (e.itemId() != null) {
                            TimeProof p = new TimeProof(TimeProof.Kind.ITEM, "the token recorded at event " + e.seq(),
                                    g, e.itemId(), 0, e.seq());
                            fromEvents.putIfAbsent(e.itemId(), p);
                            proofs.add(p);
                        }
                    }
                    case "LEDGER_ANCHORED" -> proofs.add(new TimeProof(TimeProof.Kind.ANCHOR,
                            "the ledger anchor at event " + e.seq(), g, null, anchoredSeq(e), e.seq()));
                    case "EXPORT_SEALED" -> proofs.add(new TimeProof(TimeProof.Kind.EXPORT,
                            "the export token recorded at event " + e.seq(), g, null, 0, e.seq()));
                    default -> {
                    }
                }
            }
            for (TimeProof p : in.proofs()) {
                if (p.kind() == TimeProof.Kind.ITEM && p.itemId() != null && p.recordedAtSeq() == 0) {
                    TimeProof recorded = fromEvents.get(p.itemId());
                    ItemState s = items.get(p.itemId());
                    long stampSeq = recorded != null ? recorded.recordedAtSeq() : s != null ? s.stampEvent : 0;
                    if (recorded != null && Duration.between(recorded.genTime(), p.genTime()).abs().compareTo(SAME_TOKEN) > 0) {
                        add(FindingCode.TOKEN_MISMATCH, List.of(p.itemId()), List.of(recorded.recordedAtSeq()),
                                p.source() + " says item " + p.itemId() + " was time-stamped at " + p.genTime()
                                        + ", but event " + recorded.recordedAtSeq() + " recorded a token of "
                                        + recorded.genTime() + ": the token file was replaced or the event is false.");
                    }
                    if (recorded != null) {
                        proofs.remove(recorded);
                    }
                    proofs.add(new TimeProof(TimeProof.Kind.ITEM, p.source(), p.genTime(), p.itemId(), 0, stampSeq));
                } else {
                    proofs.add(p);
                }
            }
            for (ItemState s : items.values()) {
                boolean stamped = s.stampEvent > 0
                        || proofs.stream().anyMatch(p -> p.kind() == TimeProof.Kind.ITEM && s.id.equals(p.itemId()));
                if (!stamped) {
                    add(FindingCode.ITEM_NOT_TIMESTAMPED, List.of(s.id), List.of(s.importSeq), "Item " + s.id
                            + " has no RFC 3161 time-stamp of its SHA-256: its existence at import (event "
                            + s.importSeq + ") rests on the workstation clock alone. Time-stamp it with Time-stamp pending items in the case window ('sakshi timestamp' on the command line).");
                } else if (s.stampEvent > 0 && bySeq.containsKey(s.stampEvent)) {
                    Duration delay = Duration.between(s.importAt, bySeq.get(s.stampEvent).at());
                    if (delay.compareTo(tol) > 0) {
                        add(FindingCode.TIMESTAMP_DELAYED, List.of(s.id), List.of(s.importSeq, s.stampEvent), "Item "
                                + s.id + " was time-stamped " + human(delay) + " after its import (events "
                                + s.importSeq + " and " + s.stampEvent + "); until then only the workstation clock "
                                + "dates it.");
                    }
                }
            }
            restampedItems();
            if (proofs.isEmpty() && !events.isEmpty()) {
                add(FindingCode.NO_TIME_REFERENCE, List.of(), List.of(), "No RFC 3161 token was found: the "
                        + "workstation clocks could not be checked against a time-stamp authority.");
            }
        }

        /**
         * An item's token whose genTime is later than its import by more than the tolerance, although
         * no ITEM_TIMESTAMPED event recorded a late stamp at about that time (the legitimate offline
         * case, TIMESTAMP_DELAYED): the file was swapped and re-stamped after the fact.
         */
        private void restampedItems() {
            Duration tol = options.clockTolerance();
            for (ItemState s : items.values()) {
                TimeProof latest = null;
                for (TimeProof p : proofs) {
                    if (p.kind() == TimeProof.Kind.ITEM && s.id.equals(p.itemId())
                            && (latest == null || p.genTime().isAfter(latest.genTime()))) {
                        latest = p;
                    }
                }
                if (latest == null || Duration.between(s.importAt, latest.genTime()).compareTo(tol) <= 0) {
                    continue;
                }
                CustodyEvent stamp = s.stampEvent > 0 ? bySeq.get(s.stampEvent) : null;
                if (stamp != null && Duration.between(stamp.at(), latest.genTime()).compareTo(tol) <= 0) {
                    continue; // recorded as a late stamp when it was obtained
                }
                List<Long> evs = stamp == null ? List.of(s.importSeq) : List.of(s.importSeq, stamp.seq());
                add(FindingCode.TIMESTAMP_AFTER_IMPORT, List.of(s.id), evs, "Item " + s.id + " was imported at "
                        + s.importAt + " (event " + s.importSeq + ") but " + latest.source() + " time-stamps it at "
                        + latest.genTime() + ", " + human(Duration.between(s.importAt, latest.genTime())) + " later"
                        + (stamp == null ? "" : ", although event " + stamp.seq() + " recorded the stamp at "
                        + stamp.at()) + ": the file was re-stamped after import, as a swapped file would be"
                        + " (tolerance " + human(tol) + ").");
            }
        }

        /** The seq whose hash an anchor stamped ({@code details.head}), else the event before the anchor. */
        private long anchoredSeq(CustodyEvent anchor) {
            String head = EventDetails.LedgerAnchored.head(anchor.details());
            Long seq = head == null ? null : seqOfHash.get(head.toLowerCase(Locale.ROOT));
            if (seq != null && seq < anchor.seq()) {
                return seq;
            }
            return anchor.seq() - 1;
        }

        private void checkClocks() {
            // 1. drift: the event that carries a fresh token was written when the token arrived
            Map<String, List<long[]>> drift = new LinkedHashMap<>();
            Map<String, Duration> worst = new HashMap<>();
            for (TimeProof p : proofs) {
                CustodyEvent carrier = p.recordedAtSeq() > 0 ? bySeq.get(p.recordedAtSeq()) : null;
                boolean oneSided = false;
                if (carrier == null && p.kind() == TimeProof.Kind.ITEM && items.containsKey(p.itemId())) {
                    // no event carries it: the import preceded the token, so it cannot be dated after it
                    carrier = bySeq.get(items.get(p.itemId()).importSeq);
                    oneSided = true;
                }
                if (carrier == null) {
                    continue;
                }
                Duration d = Duration.between(p.genTime(), carrier.at());
                if (d.abs().compareTo(tol) <= 0 || (oneSided && d.isNegative())) {
                    continue;
                }
                String key = host(carrier) + (d.isNegative() ? "\u0000behind" : "\u0000ahead");
                drift.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {carrier.seq()});
                worst.merge(key, d.abs(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            drift.forEach((key, seqs) -> {
                String[] parts = key.split("\u0000");
                List<Long> evs = seqs.stream().map(a -> a[0]).distinct().sorted().toList();
                add(FindingCode.CLOCK_DRIFT, itemsOfSeqs(evs), evs, "The clock of workstation " + parts[0] + " was up to "
                        + human(worst.get(key)) + " " + parts[1] + " of the time-stamp authority (events "
                        + join(evs) + "; tolerance " + human(tol) + "): times it recorded are off by that much.");
            });
            // 2. an event chained after a token cannot have happened before its genTime
            Map<TimeProof, List<Long>> before = new LinkedHashMap<>();
            TimeProof latest = null;
            List<TimeProof> carried = proofs.stream().filter(p -> p.recordedAtSeq() > 0)
                    .sorted(Comparator.comparingLong(TimeProof::recordedAtSeq)).toList();
            int next = 0;
            for (CustodyEvent e : events) {
                while (next < carried.size() && carried.get(next).recordedAtSeq() < e.seq()) {
                    TimeProof p = carried.get(next++);
                    if (latest == null || p.genTime().isAfter(latest.genTime())) {
                        latest = p;
                    }
                }
                if (latest != null && Duration.between(e.at(), latest.genTime()).compareTo(tol) > 0) {
                    before.computeIfAbsent(latest, k -> new ArrayList<>()).add(e.seq());
                }
            }
            before.forEach((p, seqs) -> add(FindingCode.EVENT_BEFORE_TOKEN, itemsOfSeqs(seqs), seqs, "Event"
                    + (seqs.size() == 1 ? " " : "s ") + join(seqs) + " " + (seqs.size() == 1 ? "is" : "are")
                    + " dated before " + p.genTime() + ", the genTime of " + p.source() + ", which "
                    + (seqs.size() == 1 ? "it follows" : "they follow") + " in the chain: "
                    + (seqs.size() == 1 ? "its" : "their") + " recorded time is provably too early (a slow clock "
                    + "or back-dating)" + onHosts(seqs) + "."));
            // 3. an event covered by a token over the ledger head cannot have happened after its genTime
            Map<TimeProof, List<Long>> after = new LinkedHashMap<>();
            List<TimeProof> covering = proofs.stream().filter(p -> p.coversUpToSeq() > 0)
                    .sorted(Comparator.comparingLong(TimeProof::coversUpToSeq).reversed()).toList();
            TimeProof earliest = null;
            int take = 0;
            for (int i = events.size() - 1; i >= 0; i--) {
                CustodyEvent e = events.get(i);
                while (take < covering.size() && covering.get(take).coversUpToSeq() >= e.seq()) {
                    TimeProof p = covering.get(take++);
                    if (earliest == null || p.genTime().isBefore(earliest.genTime())) {
                        earliest = p;
                    }
                }
                if (earliest != null && Duration.between(earliest.genTime(), e.at()).compareTo(tol) > 0) {
                    after.computeIfAbsent(earliest, k -> new ArrayList<>()).add(e.seq());
                }
            }
            after.values().forEach(java.util.Collections::reverse);
            after.forEach((p, seqs) -> add(FindingCode.EVENT_AFTER_TOKEN, itemsOfSeqs(seqs), seqs, "Event"
                    + (seqs.size() == 1 ? " " : "s ") + join(seqs) + " " + (seqs.size() == 1 ? "is" : "are")
                    + " dated after " + p.genTime() + ", although " + p.source() + " proves "
                    + (seqs.size() == 1 ? "it" : "they") + " already existed then: the recorded time is provably "
                    + "too late (a fast clock or forward-dating)" + onHosts(seqs) + "."));
        }

        // ---- helpers ------------------------------------------------------------------------

        private void add(FindingCode code, List<String> itemIds, List<Long> seqs, String message) {
            findings.add(Finding.of(code, itemIds, seqs, message));
        }

        private void entry(CustodyEvent e, ItemState s, String unused, String detail) {
            String before = s.lastHash;
            String after = e.itemSha256() != null && s.id.equals(e.itemId()) ? e.itemSha256() : before;
            timelines.computeIfAbsent(s.id, k -> new ArrayList<>()).add(new TimelineEntry(e.seq(), e.at(), e.type(),
                    name(e.actor()), s.custodian, host(e), before, after, detail == null ? "" : detail.strip()));
            s.lastHash = after;
            if ("TRANSFERRED".equals(e.type())) {
                s.lastTransfer = e.seq();
            }
        }

        /** The items an event concerns: its item, else {@code details.items}, else (when allowed) every item so far. */
        private List<String> targets(CustodyEvent e, boolean allWhenCaseLevel) {
            if (e.itemId() != null) {
                return List.of(e.itemId());
            }
            Object listed = e.details().get("items");
            if (listed instanceof List<?> l && !l.isEmpty()) {
                return l.stream().map(String::valueOf).toList();
            }
            return allWhenCaseLevel ? List.copyOf(items.keySet()) : List.of();
        }

        private List<String> itemsOf(CustodyEvent e) {
            if (e.itemId() != null) {
                return List.of(e.itemId());
            }
            Object listed = e.details().get("items");
            return listed instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }

        private List<String> itemsOfSeqs(List<Long> seqs) {
            Set<String> ids = new LinkedHashSet<>();
            for (Long s : seqs) {
                CustodyEvent e = bySeq.get(s);
                if (e != null) {
                    ids.addAll(itemsOf(e));
                }
            }
            return List.copyOf(ids);
        }

        private String onHosts(List<Long> seqs) {
            Set<String> hosts = new LinkedHashSet<>();
            for (Long s : seqs) {
                CustodyEvent e = bySeq.get(s);
                if (e != null && e.workstation() != null && e.workstation().host() != null) {
                    hosts.add(e.workstation().host());
                }
            }
            return hosts.isEmpty() ? "" : " on " + String.join(", ", hosts);
        }
    }

    /** Per-item custody state during the walk. */
    private static final class ItemState {
        final String id;
        final long importSeq;
        final Instant importAt;
        final String sha256;
        String custodian;
        String parent;
        String lastHash;
        long firstUse;
        long sealedAt;
        long stampEvent;
        long lastTransfer;

        ItemState(String id, long importSeq, Instant importAt, String sha256, String custodian) {
            this.id = id;
            this.importSeq = importSeq;
            this.importAt = importAt;
            this.sha256 = sha256;
            this.custodian = custodian;
            this.lastHash = sha256;
        }

        void used(long seq) {
            if (firstUse == 0) {
                firstUse = seq;
            }
        }
    }

    static String name(Actor a) {
        return a == null ? "(unknown)" : a.name().strip();
    }

    static String host(CustodyEvent e) {
        return e.workstation() == null || e.workstation().host() == null ? "(unknown host)" : e.workstation().host();
    }

    private static String onHost(CustodyEvent e) {
        return e.workstation() == null || e.workstation().host() == null ? "" : " on " + e.workstation().host();
    }

    private static final Map<String, String> NORMS = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean samePerson(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (NORMS.size() > 10_000) {
            NORMS.clear();
        }
        return NORMS.computeIfAbsent(a, AuditAnalyzer::norm).equals(NORMS.computeIfAbsent(b, AuditAnalyzer::norm));
    }

    /** Ranks and honorifics that officers put before their names in one place and not in another. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "shri", "sri", "smt", "kumari", "insp",
            "inspector", "si", "asi", "sub-inspector", "hc", "pc", "constable", "dsp", "sp", "acp", "dcp", "ci", "sho",
            "officer", "sgt", "sergeant", "det", "detective", "agent", "lt", "capt", "prof");

    /** A name compared without case, punctuation, repeated spaces or leading ranks ("Insp. A. Verma" = "A Verma"). */
    static String norm(String s) {
        List<String> words = new ArrayList<>(List.of(s.toLowerCase(Locale.ROOT).replaceAll("[.,]", " ").strip()
                .split("\\s+")));
        while (words.size() > 1 && TITLES.contains(words.get(0))) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** A person named in details: a string, or an object with a {@code name}. */
    private static String person(Object v) {
        if (v instanceof Map<?, ?> m) {
            Object n = m.get("name");
            return n == null ? null : n.toString();
        }
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static String str(Map<String, Object> details, String... keys) {
        for (String k : keys) {
            Object v = details.get(k);
            if (v != null && !(v instanceof Map) && !(v instanceof List) && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return null;
    }

    static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.toString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String detailText(CustodyEvent e, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            Object v = e.details().get(k);
            if (v == null || v instanceof Map || v instanceof List || v.toString().isBlank()) {
                continue;
            }
            b.append(b.isEmpty() ? " (" : ", ").append(k.replace('_', ' ')).append(": ").append(v);
        }
        return b.isEmpty() ? "" : b.append(')').toString();
    }

    private static List<String> ids(List<String> described) {
        return described.stream().map(s -> s.split(" ", 2)[0]).toList();
    }

    private static String join(List<Long> seqs) {
        return String.join(", ", seqs.stream().map(String::valueOf).toList());
    }

    /** A duration for people: "2 h 0 min", "7 min 30 s", "12 s". */
    static String human(Duration d) {
        long s = d.abs().getSeconds();
        if (s >= 86_400) {
            return (s / 86_400) + " d " + (s % 86_400) / 3600 + " h";
        }
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600) / 60 + " min";
        }
        if (s >= 60) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        if (s == 0) {
            return d.abs().toMillis() + " ms";
        }
        return s + " s";
    }
}
