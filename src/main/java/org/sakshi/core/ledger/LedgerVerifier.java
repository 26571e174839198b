package org.sakshi.core.ledger;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sakshi.core.CustodyEvent;

/**
 * Checks a custody ledger against its signed heads and anchors (docs/custody-ledger.md#what-custody-verify-checks),
 * streaming the events once in constant memory apart from the heads,
 * enrolled keys and anchors. One signature check per signed head, never per event.
 * <p>Checks, and the order in which a failure is reported: the hash chain ({@link LedgerFault#CHAIN_BROKEN});
 * the signed-head file is present and readable, its seqs increase and name this case
 * ({@code HEADS_MALFORMED}); no head lies beyond the last event ({@code HEADS_AHEAD}); every
 * LEDGER_ANCHORED head equals the hash of the event before it and its token is a valid RFC 3161
 * token over that head ({@code ANCHOR_MISMATCH}, {@code ANCHOR_TOKEN_INVALID}); every signed
 * head equals the ledger's hash at its seq ({@code HEAD_MISMATCH}); every enrolment is readable
 * ({@code KEY_MALFORMED}); every head is signed by a key enrolled at or before it
 * ({@code KEY_NOT_ENROLLED}) and its signature verifies ({@code SIGNATURE_INVALID}); when a trust
 * set is given, every signing key is trusted or vouched for by a trusted key ({@code KEY_NOT_TRUSTED});
 * the last head covers the last event ({@code NOT_COVERED}).
 */
public final class LedgerVerifier {
    /**
     * Checks an anchor's RFC 3161 token: null when it is a granted token over {@code sha256} whose
     * signature verifies, else one sentence saying why not. Whether its genTime fits the times the
     * events record is the audit's question (workstation clocks drift), not this check's.
     */
    @FunctionalInterface
    public interface TokenCheck {
        String problem(byte[] token, byte[] sha256);
    }

    private record Enrolled(long seq, String alg, PublicKey key, List<String> vouches) {
    }

    private record Fault(LedgerFault code, Long seq, String message) {
    }

    private final ChainVerifier chain = new ChainVerifier();
    private final TreeMap<Long, SignedHead> heads = new TreeMap<>();
    private final Set<String> trusted;
    private final TokenCheck tokens;
    private final Map<String, Enrolled> keys = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private Fault headsFault;
    private int anchors;
    private String caseId;

    /**
     * @param headLines the lines of the signed-head file, or null when there is none
     * @param trusted   fingerprints of keys this verifier trusts (its own, configured ones); null
     *                  to skip the trust check (a bundle, whose signer vouches for the whole log)
     * @param tokens    checks anchor tokens; null to check only the anchored hash
     */
    public LedgerVerifier(List<String> headLines, Set<String> trusted, TokenCheck tokens) {
        this.trusted = trusted;
        this.tokens = tokens;
        if (headLines == null) {
            headsFault = new Fault(LedgerFault.HEADS_MALFORMED, 1L, "there is no signed-head file ("
                    + SignedHead.FILE + "): no event is covered by a signature; the file was deleted, or the case"
                    + " was last written by a Sakshi older than signed heads");
            return;
        }
        long last = 0;
        int n = 0;
        for (String line : headLines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            SignedHead h;
            try {
                h = SignedHead.parse(line);
            } catch (IllegalArgumentException e) {
                headsFault = new Fault(LedgerFault.HEADS_MALFORMED, null, "line " + n + " of " + SignedHead.FILE
                        + " cannot be read (" + e.getMessage() + "): the file was edited");
                return;
            }
            if (h.seq() <= last) {
                headsFault = new Fault(LedgerFault.HEADS_MALFORMED, h.seq(), "line " + n + " of " + SignedHead.FILE
                        + " names seq " + h.seq() + " after seq " + last + ": the file was edited or reordered");
                return;
            }
            last = h.seq();
            heads.put(h.seq(), h);
        }
    }

    /** Checks the next stored event line, in seq order. */
    public void acceptLine(String line) {
        String before = chain.lastHash();
        chain.acceptLine(line);
        afterChain(special(line) ? line : null, before);
    }

    /** Where {@link #acceptAll} gets the stored event lines from, in seq order. */
    @FunctionalInterface
    public interface Lines<X extends Exception> {
        void forEach(java.util.function.Consumer<String> line) throws X;
    }

    /** Where {@link #acceptAllUtf8} gets the stored event lines from, as UTF-8 bytes, in seq order. */
    @FunctionalInterface
    public interface LinesUtf8<X extends Exception> {
        void forEach(java.util.function.Consumer<byte[]> line) throws X;
    }

    /** Lines per unit of work handed to a parsing thread. */
    private static final int BATCH = 512;

    /**
     * Checks every line {@code lines} gives, like {@link #acceptLine} for each in turn, with the
     * parsing, canonicalisation and hashing of the lines (nearly all the work) spread over
     * {@code threads} threads; the checks that depend on the events before (seq, links, heads,
     * keys, anchors) still run one line at a time in seq order, so the verdict is the same. At
     * most a few thousand lines are held at once.
     */
    public <X extends Exception> void acceptAll(Lines<X> lines, int threads) throws X {
        if (threads <= 1) {
            lines.forEach(this::acceptLine);
            return;
        }
        pipeline(lines::forEach, (p, line) -> new Checked(p.parse(line), special(line) ? line : null), threads, null);
    }

    /**
     * {@link #acceptAll} for lines given as their stored UTF-8 bytes (each line is
     * {@code new String(bytes, UTF_8)}): a line in canonical form is checked from its bytes and never
     * decoded on the reading thread; the same verdict, fault and message as {@link #acceptLine}.
     */
    public <X extends Exception> void acceptAllUtf8(LinesUtf8<X> lines, int threads) throws X {
        acceptAllUtf8(lines, threads, List.of(), null);
    }

    /**
     * As {@link #acceptAllUtf8(LinesUtf8, int)}, also handing every line that contains one of
     * {@code marks} (ASCII texts, case-sensitive, as {@link String#contains}) to {@code marked},
     * decoded, in seq order, on the calling thread: what a second query over the whole ledger
     * would find, from the same read. A null line contains nothing.
     */
    public <X extends Exception> void acceptAllUtf8(LinesUtf8<X> lines, int threads, List<String> marks,
            java.util.function.Consumer<String> marked) throws X {
        LineMarks find = new LineMarks(marks);
        java.util.function.BiFunction<ChainVerifier.LineParser, byte[], Checked> work = (p, utf8) -> {
            // one scan of the bytes for the enrolment and anchor lines (a handful, decoded to be read as
            // events) and for the lines the caller asked for
            int found = utf8 == null ? 0 : find.find(utf8);
            String text = found != 0 ? new String(utf8, java.nio.charset.StandardCharsets.UTF_8) : null;
            ChainVerifier.Slim slim = utf8 == null ? null : p.slimUtf8(utf8);
            return new Checked(slim == null ? p.parseUtf8(utf8) : null, slim,
                    (found & LineMarks.SPECIAL) != 0 ? text : null, (found & LineMarks.ASKED) != 0 ? text : null);
        };
        if (threads <= 1) {
            ChainVerifier.LineParser p = new ChainVerifier.LineParser();
            lines.forEach(utf8 -> check(work.apply(p, utf8), marked));
            return;
        }
        pipeline(lines::forEach, work, threads, marked);
    }

    /**
     * One line parsed off the checking thread, as {@code slim} when it is in canonical form, else as
     * {@code parsed}; {@code special} is the line when it may enrol a key or anchor the ledger.
     */
    private record Checked(ChainVerifier.Parsed parsed, ChainVerifier.Slim slim, String special, String marked) {
        Checked(ChainVerifier.Parsed parsed, String special) {
            this(parsed, null, special, null);
        }
    }

    @FunctionalInterface
    private interface Source<T, X extends Exception> {
        void forEach(java.util.function.Consumer<T> line) throws X;
    }

    private <T, X extends Exception> void pipeline(Source<T, X> lines,
            java.util.function.BiFunction<ChainVerifier.LineParser, T, Checked> work, int threads,
            java.util.function.Consumer<String> marked) throws X {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ledger-verify");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<ChainVerifier.LineParser> parsers = ThreadLocal.withInitial(ChainVerifier.LineParser::new);
        java.util.ArrayDeque<java.util.concurrent.Future<List<Checked>>> inFlight = new java.util.ArrayDeque<>();
        final class Filling {
            List<T> lines = new ArrayList<>(BATCH);
        }
        Filling batch = new Filling();
        try {
            lines.forEach(line -> {
                batch.lines.add(line);
                if (batch.lines.size() == BATCH) {
                    submit(pool, parsers, work, batch.lines, inFlight);
                    batch.lines = new ArrayList<>(BATCH);
                    while (inFlight.size() > 2 * threads) {
                        checkOldest(inFlight, marked);
                    }
                }
            });
            if (!batch.lines.isEmpty()) {
                submit(pool, parsers, work, batch.lines, inFlight);
            }
            while (!inFlight.isEmpty()) {
                checkOldest(inFlight, marked);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void submit(java.util.concurrent.ExecutorService pool,
                                   ThreadLocal<ChainVerifier.LineParser> parsers,
                                   java.util.function.BiFunction<ChainVerifier.LineParser, T, Checked> work,
                                   List<T> batch, java.util.ArrayDeque<java.util.concurrent.Future<List<Checked>>> inFlight) {
        inFlight.add(pool.submit(() -> {
            ChainVerifier.LineParser p = parsers.get();
            List<Checked> out = new ArrayList<>(batch.size());
            for (T l : batch) {
                out.add(work.apply(p, l));
            }
            return out;
        }));
    }

    private void checkOldest(java.util.ArrayDeque<java.util.concurrent.Future<List<Checked>>> inFlight,
                             java.util.function.Consumer<String> marked) {
        List<Checked> parsed;
        try {
            parsed = inFlight.poll().get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the ledger", ie);
        } catch (java.util.concurrent.ExecutionException ee) {
            // parse() reports bad content in its result; anything thrown is a fault of this program
            throw new IllegalStateException("verifying the ledger failed: " + ee.getCause(), ee.getCause());
        }
        for (Checked c : parsed) {
            check(c, marked);
        }
    }

    private void check(Checked c, java.util.function.Consumer<String> marked) {
        // the hash before this line matters only to an anchor (a special line)
        String before = c.special() != null ? chain.lastHash() : null;
        if (c.slim() != null) {
            chain.accept(c.slim());
        } else {
            chain.accept(c.parsed());
        }
        afterChain(c.special(), before);
        if (c.marked() != null && marked != null) {
            marked.accept(c.marked());
        }
    }

    /** Whether a stored line may be an enrolment (KEY_ENROLLED, CASE_CREATED) or an anchor, by its text. */
    private static boolean special(String line) {
        for (String t : LineMarks.SPECIAL_TEXTS) {
            if (line.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The checks after the chain accepted a line: heads, enrolments, anchors. {@code special} is the
     * line when {@link #special(String)} holds for it, else null.
     */
    private void afterChain(String special, String before) {
        if (chain.broken()) {
            return;
        }
        long seq = chain.lastSeq();
        SignedHead h = headAt(seq);
        String hash = h != null ? chain.lastHash() : null;
        if (h != null && !h.head().equals(hash)) {
            fault(LedgerFault.HEAD_MISMATCH, seq, "the signed head at seq " + seq + " is " + h.head()
                    + " but the ledger's event seq " + seq + " hashes to " + hash + ": the ledger or "
                    + SignedHead.FILE + " was rewritten after it was signed");
        }
        if (special == null) {
            return;
        }
        CustodyEvent e;
        try {
            e = EventCodec.parseLine(special);
        } catch (IllegalArgumentException ex) {
            return; // the chain accepted it, so only its typed content is odd; the audit reports that
        }
        if (caseId == null) {
            caseId = e.caseId().toString();
        }
        switch (e.type()) {
            case "CASE_CREATED" -> {
                if (e.details().get(EventDetails.CaseCreated.KEY) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked") Map<String, Object> km = (Map<String, Object>) m;
                    enrol(seq, km);
                }
            }
            case "KEY_ENROLLED" -> enrol(seq, e.details());
            case "LEDGER_ANCHORED" -> anchor(seq, before, e.details());
            default -> {
            }
        }
    }

    private java.util.Iterator<SignedHead> headsAhead;
    private SignedHead nextHead;

    /** The signed head at {@code seq}, or null; asked with seqs that only grow (one per accepted event). */
    private SignedHead headAt(long seq) {
        if (headsAhead == null) {
            headsAhead = heads.values().iterator();
            nextHead = headsAhead.hasNext() ? headsAhead.next() : null;
        }
        while (nextHead != null && nextHead.seq() < seq) {
            nextHead = headsAhead.hasNext() ? headsAhead.next() : null;
        }
        return nextHead != null && nextHead.seq() == seq ? nextHead : null;
    }

    private void enrol(long seq, Map<String, Object> d) {
        EventDetails.KeyEnrolled.Read r = EventDetails.KeyEnrolled.read(d);
        try {
            byte[] der = Base64.getDecoder().decode(r.cert() == null ? "" : r.cert());
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            String fp = sha256(der);
            if (!fp.equals(r.keySha256())) {
                fault(LedgerFault.KEY_MALFORMED, seq, "the key enrolled at seq " + seq + " names fingerprint "
                        + r.keySha256() + " but its certificate's SHA-256 is " + fp);
                return;
            }
            if (r.alg() == null) {
                fault(LedgerFault.KEY_MALFORMED, seq, "the key enrolled at seq " + seq + " names no algorithm");
                return;
            }
            keys.putIfAbsent(fp, new Enrolled(seq, r.alg(), c.getPublicKey(), r.vouches()));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
            fault(LedgerFault.KEY_MALFORMED, seq, "the key enrolled at seq " + seq + " has no readable certificate ("
                    + ex.getMessage() + ")");
        }
    }

    private void anchor(long seq, String before, Map<String, Object> d) {
        anchors++;
        EventDetails.LedgerAnchored.Read r = EventDetails.LedgerAnchored.read(d);
        long anchored = r.seq() == null ? seq - 1 : r.seq();
        String name = "the anchor at seq " + seq;
        if (anchored != seq - 1) {
            fault(LedgerFault.ANCHOR_MISMATCH, seq, name + " claims to anchor seq " + anchored + ", not the event"
                    + " before it; the ledger was rewritten before the anchor");
            return;
        }
        if (r.head() == null || !r.head().equals(before)) {
            fault(LedgerFault.ANCHOR_MISMATCH, seq, name + " time-stamped head " + r.head() + " for seq " + anchored
                    + ", but that event now hashes to " + before + ": the ledger was rewritten before the anchor");
            return;
        }
        if (tokens == null) {
            return;
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(r.token() == null ? "" : r.token());
        } catch (IllegalArgumentException ex) {
            token = new byte[0];
        }
        String problem = token.length == 0 ? "it carries no token" : tokens.problem(token, HexFormat.of().parseHex(before));
        if (problem != null) {
            fault(LedgerFault.ANCHOR_TOKEN_INVALID, seq, name + " has no valid RFC 3161 token over head " + before
                    + ": " + problem);
        }
    }

    private void fault(LedgerFault code, Long seq, String message) {
        faults.add(new Fault(code, seq, message));
    }

    /** The verdict: the first fault in the documented order, or intact. */
    public LedgerVerdict result() {
        ChainResult c = chain.result();
        if (!c.intact()) {
            return verdict(c, c.events() == 0 && c.firstBadSeq() == null ? LedgerFault.EMPTY : LedgerFault.CHAIN_BROKEN,
                    c.firstBadSeq(), c.message());
        }
        if (headsFault != null) {
            return verdict(c, headsFault.code(), headsFault.seq(), headsFault.message());
        }
        long lastSeq = c.events();
        for (SignedHead h : heads.values()) {
            if (caseId != null && !caseId.equals(h.caseId())) {
                return verdict(c, LedgerFault.HEADS_MALFORMED, h.seq(), "the signed head at seq " + h.seq()
                        + " belongs to case " + h.caseId() + ", not " + caseId + ": " + SignedHead.FILE
                        + " was copied from another case");
            }
        }
        if (!heads.isEmpty() && heads.lastKey() > lastSeq) {
            return verdict(c, LedgerFault.HEADS_AHEAD, lastSeq + 1, SignedHead.FILE + " has a signed head at seq "
                    + heads.lastKey() + " but the ledger ends at seq " + lastSeq + ": events from seq " + (lastSeq + 1)
                    + " on were deleted from the database");
        }
        for (LedgerFault order : List.of(LedgerFault.ANCHOR_MISMATCH, LedgerFault.ANCHOR_TOKEN_INVALID,
                LedgerFault.HEAD_MISMATCH, LedgerFault.KEY_MALFORMED)) {
            for (Fault f : faults) {
                if (f.code() == order) {
                    return verdict(c, f.code(), f.seq(), f.message());
                }
            }
        }
        long covered = 0;
        Map<String, Long> firstUse = new LinkedHashMap<>();
        for (SignedHead h : heads.values()) {
            long from = covered + 1;
            Enrolled k = keys.get(h.key());
            if (k == null || k.seq() > h.seq()) {
                return verdict(c, LedgerFault.KEY_NOT_ENROLLED, from, "the signed head at seq " + h.seq()
                        + " (covering seq " + from + " on) is signed by key " + h.key() + ", which is not enrolled in"
                        + " the ledger at or before that seq: the head was forged");
            }
            if (!k.alg().equals(h.alg()) || !valid(h, k)) {
                return verdict(c, LedgerFault.SIGNATURE_INVALID, from, "the signature of the head at seq " + h.seq()
                        + " (covering seq " + from + " on) does not verify with key " + h.key() + ": the ledger or "
                        + SignedHead.FILE + " was rewritten without that key");
            }
            firstUse.putIfAbsent(h.key(), from);
            covered = h.seq();
        }
        if (trusted != null) {
            Set<String> ok = trustedClosure();
            for (Map.Entry<String, Long> u : firstUse.entrySet()) {
                if (!ok.contains(u.getKey())) {
                    return verdict(c, LedgerFault.KEY_NOT_TRUSTED, u.getValue(), "events from seq " + u.getValue()
                            + " on are signed by key " + u.getKey() + ", which this workstation neither holds nor"
                            + " trusts; if it is a colleague's workstation key, add its fingerprint to the trusted"
                            + " ledger keys (or pass --trust-key), otherwise the ledger was rewritten with a new key");
                }
            }
        }
        if (covered < lastSeq) {
            return verdict(c, LedgerFault.NOT_COVERED, covered + 1, "events from seq " + (covered + 1) + " to "
                    + lastSeq + " are not covered by any signed head: they were written without the workstation key,"
                    + " or the last lines of " + SignedHead.FILE + " were removed");
        }
        return new LedgerVerdict(true, lastSeq, c.head(), heads.size(), anchors, new ArrayList<>(keys.keySet()), null, null,
                "intact: " + lastSeq + " events, head " + c.head() + ", " + heads.size() + " signed head(s) by "
                        + firstUse.size() + " key(s), " + anchors + " anchor(s)");
    }

    private Set<String> trustedClosure() {
        Set<String> ok = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String t : trusted) {
            if (ok.add(t)) {
                todo.add(t);
            }
        }
        while (!todo.isEmpty()) {
            Enrolled k = keys.get(todo.pop());
            if (k == null) {
                continue;
            }
            for (String v : k.vouches()) {
                if (ok.add(v)) {
                    todo.add(v);
                }
            }
        }
        return ok;
    }

    private LedgerVerdict verdict(ChainResult c, LedgerFault f, Long seq, String message) {
        return new LedgerVerdict(false, c.events(), c.head(), heads.size(), anchors, new ArrayList<>(keys.keySet()), f,
                seq, message);
    }

    /**
     * Signatures this process has already found valid, by the SHA-256 of (algorithm, key, signed bytes,
     * signature): an export checks the same signed heads three times (the opening check, the staged
     * log, the re-check), and a verification's answer for the same four inputs cannot change. Only
     * successes are kept, at most {@link #VALID_MEMO_MAX}; anything else is checked again.
     */
    private static final java.util.Set<String> VALID_MEMO = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int VALID_MEMO_MAX = 4096;

    private static boolean valid(SignedHead h, Enrolled k) {
        String memo = null;
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {k.alg().getBytes(java.nio.charset.StandardCharsets.UTF_8), k.key().getEncoded(),
                    h.signedBytes(), h.signature()}) {
                int n = part == null ? -1 : part.length;
                d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                if (part != null) {
                    d.update(part);
                }
            }
            memo = java.util.HexFormat.of().formatHex(d.digest());
            if (VALID_MEMO.contains(memo)) {
                return true;
            }
            Signature s = Signature.getInstance(k.alg());
            s.initVerify(k.key());
            s.update(h.signedBytes());
            boolean ok = s.verify(h.signature());
            if (ok) {
                if (VALID_MEMO.size() >= VALID_MEMO_MAX) {
                    VALID_MEMO.clear();
                }
                VALID_MEMO.add(memo);
            }
            return ok;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256(byte[] b) {
        return EventCodec.sha256Hex(b);
    }
}
