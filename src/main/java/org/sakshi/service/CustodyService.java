package org.sakshi.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.core.ledger.Jcs;
import org.sakshi.core.ledger.LedgerVerdict;
import org.sakshi.core.ledger.LedgerVerifier;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.EventDraft;
import org.sakshi.storage.StoredItem;
import org.sakshi.timestamp.TimestampVerifier;

/** The custody ledger of a case (docs/custody-ledger.md). */
public final class CustodyService {
    private final CaseAccess access;

    public CustodyService(CaseAccess access) {
        this.access = access;
    }

    /** Every event in seq order, exactly as stored. */
    public List<CustodyEvent> events(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return s.events();
        }
    }

    /** Streams every event as stored (its canonical JSON line with hash), in seq order, in constant memory. */
    public void forEachStoredLine(Path caseDir, java.util.function.Consumer<String> sink) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            s.forEachEventLine(sink);
        }
    }

    /**
     * Checks the whole ledger (docs/custody-ledger.md#what-custody-verify-checks): every hash and
     * link, the signed-head file against the database, every head's signature with its enrolled key,
     * that every signing key is this workstation's, trusted in the profile, or vouched for by one,
     * that every event is covered, and every anchor's head and RFC 3161 token. Never throws for a
     * bad ledger: the status names the fault and the first bad seq.
     */
    public LedgerStatus verify(Path caseDir) throws SakshiException {
        return verify(caseDir, java.util.Set.of());
    }

    /** As {@link #verify(Path)}, also trusting the keys whose SHA-256 fingerprints are given ({@code --trust-key}). */
    public LedgerStatus verify(Path caseDir, java.util.Set<String> extraTrusted) throws SakshiException {
        return verify(caseDir, extraTrusted, List.of(), null);
    }

    /**
     * As {@link #verify(Path, java.util.Set)}, also handing every stored line that contains one of
     * {@code marks} (ASCII texts, as {@link String#contains}) to {@code marked}, in seq order, from the
     * same read of the ledger (what a second search of the whole ledger would find, without it).
     */
    public LedgerStatus verify(Path caseDir, java.util.Set<String> extraTrusted, List<String> marks,
                               java.util.function.Consumer<String> marked) throws SakshiException {
        java.util.Set<String> trusted = trusted(extraTrusted);
        try (CaseStore s = access.read(caseDir)) {
            return verify(s, trusted, marks, marked);
        }
    }

    private java.util.Set<String> trusted(java.util.Set<String> extraTrusted) throws SakshiException {
        java.util.Set<String> trusted = new java.util.HashSet<>(access.trustedKeys());
        for (String k : extraTrusted) {
            trusted.add(k.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return trusted;
    }

    private static LedgerStatus verify(CaseStore s, java.util.Set<String> trusted, List<String> marks,
                                       java.util.function.Consumer<String> marked) throws SakshiException {
        LedgerVerifier v = new LedgerVerifier(s.headLines(), trusted, CustodyService::tokenProblem);
        // the lines are read as stored bytes, parsed and hashed on every core; the checks still run
        // in seq order
        v.acceptAllUtf8(s::forEachEventLineUtf8, Math.min(4, Runtime.getRuntime().availableProcessors()), marks,
                marked);
        LedgerVerdict r = v.result();
        return new LedgerStatus(r.intact(), r.events(), r.head(), r.firstBadSeq(), r.message(),
                r.fault() == null ? null : r.fault().name(), r.signedHeads(), r.anchors());
    }

    /**
     * What {@link #compact} did: case.db's page size and size (bytes) before and after, the events
     * after it (the last one its CASE_COMPACTED) and the ledger's head.
     */
    public record Compacted(int pageSizeBefore, int pageSize, long sizeBefore, long size, long events, String head) { }

    /** Tests only: each step of a compaction ({@link CaseStore#compact}), where a test stands in for a crash. */
    static volatile CaseStore.Steps compactSteps = step -> { };

    /**
     * {@code sakshi case compact} (docs/cli.md#case-compact): rewrites a case folder's case.db with
     * {@link CaseStore#COMPACT_PAGE_SIZE}-byte pages, never on its own. Under the case's write lock:
     * the whole ledger must verify (else IntegrityException and nothing is changed); CASE_COMPACTED
     * is recorded for {@code actor} (default: the case's officer) and signed; the rewritten copy
     * must verify and end with that event before it replaces case.db; the new case.db must verify
     * again. A failure before the replacement leaves case.db as it was and records a NOTE saying so.
     */
    public Compacted compact(Path caseDir, Actor actor) throws SakshiException {
        CaseStore opened;
        try {
            opened = access.write(caseDir);
        } catch (org.sakshi.core.IntegrityException e) {
            throw notVerified(caseDir, e.getMessage(), e);
        }
        try (CaseStore s = opened) {
            if (s.server().isPresent()) {
                throw new InputException("the case " + caseDir + " is kept on the lab server " + s.server().get().name()
                        + ", whose database the server's owner maintains; 'sakshi case compact' rewrites a case"
                        + " folder's " + CaseStore.DB + " only");
            }
            java.util.Set<String> trusted = trusted(java.util.Set.of());
            LedgerStatus before = verify(caseDir);
            if (!before.intact()) {
                throw notVerified(caseDir, before.message(), null);
            }
            int pageBefore = s.pageSize();
            long sizeBefore;
            try {
                sizeBefore = java.nio.file.Files.size(caseDir.resolve(CaseStore.DB));
            } catch (IOException e) {
                throw new StorageException("cannot read the size of " + caseDir.resolve(CaseStore.DB) + " ("
                        + e.getMessage() + "); nothing was changed", e);
            }
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            CustodyEvent event = s.tx(() -> s.append(new EventDraft(EventType.CASE_COMPACTED.name(), who, null, null,
                    EventDetails.CaseCompacted.of(CaseStore.DB, pageBefore, CaseStore.COMPACT_PAGE_SIZE, sizeBefore,
                            before.events(), before.head()))));
            s.signHead(); // the copy is checked against the signed heads: they cover the event first
            CaseStore.Compaction done;
            String[] reached = {""};
            try {
                done = s.compact(CaseStore.COMPACT_PAGE_SIZE, copy -> {
                    LedgerStatus c = verify(copy, trusted, List.of(), null);
                    if (!c.intact() || c.events() != event.seq() || !event.hash().equals(c.head())) {
                        throw new org.sakshi.core.IntegrityException("the compacted copy of " + caseDir + " does not end"
                                + " with the same verified ledger (" + c.message() + "); nothing was changed. Run"
                                + " 'sakshi custody verify " + caseDir + "' and report it");
                    }
                }, step -> {
                    reached[0] = step;
                    compactSteps.at(step);
                });
            } catch (SakshiException | RuntimeException e) {
                if (reached[0].equals("renamed") || reached[0].equals("reopened")) {
                    throw e; // case.db was replaced: nothing to undo
                }
                try {
                    s.tx(() -> s.append(new EventDraft(EventType.NOTE.name(), who, null, null, EventDetails.Note.of(
                            "The compaction recorded at seq " + event.seq() + " did not finish (" + e.getMessage()
                                    + "); " + CaseStore.DB + " was not changed."))));
                } catch (SakshiException | RuntimeException ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            }
            LedgerStatus after = verify(caseDir);
            if (!after.intact() || after.events() != event.seq() || !event.hash().equals(after.head())) {
                throw new org.sakshi.core.IntegrityException("the compacted " + CaseStore.DB + " of " + caseDir
                        + " does not verify (" + after.message() + "). Run 'sakshi custody verify " + caseDir
                        + "', keep the case folder as it is and report it");
            }
            return new Compacted(done.pageSizeBefore(), done.pageSize(), done.sizeBefore(), done.size(),
                    after.events(), after.head());
        }
    }

    private static org.sakshi.core.IntegrityException notVerified(Path caseDir, String why, Throwable cause) {
        String m = "the ledger of " + caseDir + " does not verify (" + why + "); nothing was changed: run 'sakshi custody"
                + " verify " + caseDir + "', keep the case folder as it is and report it; a case is compacted only"
                + " with an intact ledger";
        return cause == null ? new org.sakshi.core.IntegrityException(m) : new org.sakshi.core.IntegrityException(m, cause);
    }

    /** An anchor token must be a granted RFC 3161 token over the head whose signature verifies (trust is not asked). */
    static String tokenProblem(byte[] token, byte[] sha256) {
        TimestampVerifier.Result r = new TimestampVerifier(List.of()).verify(token, sha256, "anchor token");
        if (r.valid()) {
            return null;
        }
        return r.checks().stream().filter(c -> c.result() == org.sakshi.core.CheckResult.FAILED)
                .map(org.sakshi.core.Check::message).findFirst().orElse("the token is not valid");
    }

    /**
     * The case's signed heads as lines, oldest first ({@code custody-heads.jsonl} of a folder case,
     * the heads table of a server case); null when there are none.
     */
    public List<String> headLines(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return s.headLines();
        }
    }

    /** The head hash (the last event's hash). */
    public String head(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            String[] last = {null};
            s.forEachEventLine(l -> last[0] = l);
            return last[0] == null ? null : EventCodec.parseLine(last[0]).hash();
        }
    }

    /**
     * Appends one event of any type (exporters record EXPORT_STARTED / EXPORT_SEALED, verifiers
     * BUNDLE_VERIFIED). {@code itemId} may be null for a case-level event; its SHA-256 is filled in.
     */
    public CustodyEvent record(Path caseDir, Actor actor, String type, String itemId, Map<String, Object> details)
            throws SakshiException {
        try (CaseStore s = access.write(caseDir)) {
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            String sha = itemId == null ? null : EvidenceService.find(s, itemId).item().digests().sha256();
            return s.tx(() -> s.append(new EventDraft(type, who, itemId, sha, details)));
        }
    }

    /**
     * Who holds each item now by the ledger (item id to name): the actor of its ITEM_IMPORTED (or of
     * the ITEM_DERIVED that made it), then the {@code to} of each TRANSFERRED naming it (a case-level
     * transfer names the items in {@code details.items}, else every item recorded before it).
     */
    public Map<String, String> holders(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return holders(s.events());
        }
    }

    /**
     * The one current holder of {@code items} (every item when empty), or empty when the case has
     * no items or they are held by different people.
     */
    public java.util.Optional<String> holder(Path caseDir, List<String> items) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return commonHolder(holders(s.events()), items);
        }
    }

    static Map<String, String> holders(List<CustodyEvent> events) {
        Map<String, String> held = new java.util.LinkedHashMap<>();
        for (CustodyEvent e : events) {
            String type = e.type();
            if ((EventType.ITEM_IMPORTED.name().equals(type) || EventType.ITEM_DERIVED.name().equals(type))
                    && e.itemId() != null && !held.containsKey(e.itemId()) && e.actor() != null) {
                held.put(e.itemId(), e.actor().name());
            } else if (EventType.TRANSFERRED.name().equals(type)) {
                String to = EventDetails.Transferred.to(e.details());
                if (to == null || to.isBlank()) {
                    continue;
                }
                List<String> targets = e.itemId() != null ? List.of(e.itemId())
                        : EventDetails.Transferred.items(e.details());
                if (targets.isEmpty()) {
                    targets = List.copyOf(held.keySet());
                }
                for (String id : targets) {
                    if (held.containsKey(id)) {
                        held.put(id, to);
                    }
                }
            }
        }
        return held;
    }

    private static java.util.Optional<String> commonHolder(Map<String, String> held, List<String> items) {
        List<String> ids = items == null || items.isEmpty() ? List.copyOf(held.keySet()) : items;
        String one = null;
        for (String id : ids) {
            String h = held.get(id);
            if (h == null) {
                continue;
            }
            if (one == null) {
                one = h;
            } else if (!samePerson(one, h)) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.ofNullable(one);
    }

    private static boolean samePerson(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }

    /**
     * Records a hand-over (TRANSFERRED, one event per item, or one case-level event when no items).
     * The sender is {@code request.from()}, else the items' current holder by the ledger; the officer
     * at the keyboard ({@code actor}) is the event's actor, who records it, not necessarily the sender.
     */
    public List<CustodyEvent> transfer(Path caseDir, Actor actor, TransferRequest request) throws SakshiException {
        if (request.to() == null || request.to().isBlank()) {
            throw new InputException("a transfer needs the receiving custodian (--to NAME)");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InputException("a transfer needs a reason (--reason TEXT)");
        }
        try (CaseStore s = access.write(caseDir)) {
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            List<StoredItem> items = new ArrayList<>();
            for (String id : request.items()) {
                items.add(EvidenceService.find(s, id));
            }
            String from = request.from() == null || request.from().isBlank() ? null : request.from().strip();
            if (from == null) {
                Map<String, String> held = holders(s.events());
                from = commonHolder(held, request.items()).orElse(null);
                if (from == null && !held.isEmpty()) {
                    throw new InputException("the items are held by different people ("
                            + String.join(", ", new java.util.LinkedHashSet<>(held.values()))
                            + "); name the sender with --from NAME or transfer each holder's items separately");
                }
                if (from == null) {
                    from = who.name();
                }
            }
            String sender = from;
            List<CustodyEvent> events = s.tx(() -> {
                List<CustodyEvent> out = new ArrayList<>();
                if (items.isEmpty()) {
                    Map<String, Object> d = transferDetails(sender, request);
                    List<String> all = new ArrayList<>();
                    for (StoredItem si : s.items()) {
                        all.add(si.item().id());
                    }
                    d.put(EventDetails.Transferred.ITEMS, all);
                    out.add(s.append(new EventDraft(EventType.TRANSFERRED.name(), who, null, null, d)));
                } else {
                    for (StoredItem si : items) {
                        out.add(s.append(new EventDraft(EventType.TRANSFERRED.name(), who, si.item().id(),
                                si.item().digests().sha256(), transferDetails(sender, request))));
                    }
                }
                return out;
            });
            List<CustodyEvent> all = new ArrayList<>(events);
            anchorQuietly(s, who, request.tsas()).ifPresent(all::add);
            return all;
        }
    }

    private static Map<String, Object> transferDetails(String from, TransferRequest r) {
        return EventDetails.Transferred.of(from, r.to().strip(), blank(r.receivedBy()), blank(r.handedOverBy()),
                r.reason(), r.location(), r.seal());
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * Records a NOTE: about the case when {@code items} is empty, about one item when it names one,
     * and one case-level event listing them ({@code details.items}) when it names several.
     */
    public CustodyEvent note(Path caseDir, Actor actor, String text, List<String> items) throws SakshiException {
        if (text == null || text.isBlank()) {
            throw new InputException("a note needs some text");
        }
        List<String> ids = items == null ? List.of() : items;
        try (CaseStore s = access.write(caseDir)) {
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            List<StoredItem> found = new ArrayList<>();
            for (String id : ids) {
                found.add(EvidenceService.find(s, id));
            }
            Map<String, Object> d = EventDetails.Note.of(text);
            if (found.size() == 1) {
                StoredItem si = found.get(0);
                return s.tx(() -> s.append(new EventDraft(EventType.NOTE.name(), who, si.item().id(),
                        si.item().digests().sha256(), d)));
            }
            if (!found.isEmpty()) {
                d.put(EventDetails.Note.ITEMS, found.stream().map(si -> si.item().id()).toList());
            }
            return s.tx(() -> s.append(new EventDraft(EventType.NOTE.name(), who, null, null, d)));
        }
    }

    /** Obtains a token over the head hash and records LEDGER_ANCHORED; TimestampException when no TSA answers. */
    public CustodyEvent anchor(Path caseDir, Actor actor, List<TimestampSource> tsas) throws SakshiException {
        try (CaseStore s = access.write(caseDir)) {
            return anchor(s, CaseAccess.actorOr(actor, s.caseInfo()), tsas);
        }
    }

    /**
     * Anchors the head unless the ledger already ends with an anchor (the pending head, once a TSA
     * is reachable); empty when there was nothing to anchor or no TSA answered (logged, never fatal).
     */
    public java.util.Optional<CustodyEvent> anchorIfPending(Path caseDir, Actor actor, List<TimestampSource> tsas)
            throws SakshiException {
        if (tsas == null || tsas.isEmpty()) {
            return java.util.Optional.empty();
        }
        try (CaseStore s = access.write(caseDir)) {
            return anchorQuietly(s, CaseAccess.actorOr(actor, s.caseInfo()), tsas);
        }
    }

    /** Inside an open operation: anchors the head unless it already is, logging when no TSA answers. */
    static java.util.Optional<CustodyEvent> anchorQuietly(CaseStore s, Actor who, List<TimestampSource> tsas)
            throws SakshiException {
        if (tsas == null || tsas.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<CustodyEvent> last = s.lastEvents(1);
        if (last.isEmpty() || EventType.LEDGER_ANCHORED.name().equals(last.get(0).type())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(anchor(s, who, tsas));
        } catch (TimestampException e) {
            org.slf4j.LoggerFactory.getLogger(CustodyService.class).warn("ledger head of {} not anchored yet: {}",
                    s.dir(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Obtains a token over the current head and appends LEDGER_ANCHORED {seq, head, tsa, time, serial, token}. */
    static CustodyEvent anchor(CaseStore s, Actor who, List<TimestampSource> tsas) throws SakshiException {
        List<CustodyEvent> last = s.lastEvents(1);
        if (last.isEmpty()) {
            throw new InputException("the case " + s.dir() + " has no custody event to anchor");
        }
        long seq = last.get(0).seq();
        String head = last.get(0).hash();
        List<String> errors = new ArrayList<>();
        for (TimestampSource tsa : tsas) {
            try {
                TimestampToken t = tsa.stamp(HexFormat.of().parseHex(head));
                Map<String, Object> d = EventDetails.LedgerAnchored.of(seq, head, ImportService.tsaName(t, tsa),
                        t.genTime(), t.serial(), t.response());
                return s.tx(() -> s.append(new EventDraft(EventType.LEDGER_ANCHORED.name(), who, null, null, d)));
            } catch (TimestampException e) {
                errors.add(tsa.name() + ": " + e.getMessage());
            }
        }
        throw new TimestampException("no time-stamp authority answered for the ledger head of " + s.dir()
                + (errors.isEmpty() ? " (none was given)" : " (" + String.join("; ", errors) + ")"));
    }

    /** Writes the ledger as JSONL, one event per line exactly as stored (with hash). */
    public void writeJsonl(Path caseDir, OutputStream out) throws SakshiException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (CaseStore s = access.read(caseDir)) {
            s.forEachEventLine(l -> {
                try {
                    w.write(l);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("could not write the ledger of " + caseDir + " (" + e.getMessage() + ")", e);
        }
    }

    /** CSV columns of {@link #writeCsv}. */
    public static final List<String> CSV_COLUMNS = List.of("seq", "id", "case_id", "at", "type", "actor_name",
            "actor_rank", "actor_id", "actor_agency", "actor_cert_sha256", "host", "os_user", "tool_version", "item_id",
            "item_sha256", "details", "prev", "hash", "sig");

    /**
     * Writes the ledger as CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, fields
     * quoted when they hold a comma, quote or line break; cells that a spreadsheet would run as a
     * formula are neutralised, see {@link Csv#cell}). {@code details} is its canonical JSON.
     */
    public void writeCsv(Path caseDir, OutputStream out) throws SakshiException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (CaseStore s = access.read(caseDir)) {
            w.write(String.join(",", CSV_COLUMNS));
            w.write("\r\n");
            s.forEachEventLine(l -> {
                CustodyEvent e = EventCodec.parseLine(l);
                List<Object> row = new ArrayList<>();
                row.add(e.seq());
                row.add(e.id());
                row.add(e.caseId());
                row.add(EventCodec.formatAt(e.at()));
                row.add(e.type());
                row.add(e.actor() == null ? null : e.actor().name());
                row.add(e.actor() == null ? null : e.actor().rank());
                row.add(e.actor() == null ? null : e.actor().id());
                row.add(e.actor() == null ? null : e.actor().agency());
                row.add(e.actor() == null ? null : e.actor().certSha256());
                row.add(e.workstation() == null ? null : e.workstation().host());
                row.add(e.workstation() == null ? null : e.workstation().osUser());
                row.add(e.workstation() == null ? null : e.workstation().toolVersion());
                row.add(e.itemId());
                row.add(e.itemSha256());
                row.add(Jcs.canonicalize(e.details()));
                row.add(e.prev());
                row.add(e.hash());
                row.add(e.sig());
                try {
                    for (int i = 0; i < row.size(); i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(csv(row.get(i)));
                    }
                    w.write("\r\n");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            w.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("could not write the ledger of " + caseDir + " (" + e.getMessage() + ")", e);
        }
    }

    /** RFC 4180 field with formula neutralisation: see {@link Csv#cell}. */
    static String csv(Object o) {
        return Csv.cell(o);
    }

    /** Page-at-a-time reads of the ledger, for views of ledgers too large to hold. */
    public LedgerPages pages() {
        return new LedgerPages(access);
    }
}
