package org.sakshi.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Clock;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Digests;
import org.sakshi.core.EventType;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ItemTimestamp;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.core.ledger.HeadSigner;
import org.sakshi.core.ledger.SignedHead;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case's {@code case.db} (SQLite, WAL, foreign keys on, versioned migrations applied on open)
 * and the custody ledger in it. A store opened for writing holds the case's write lock until
 * closed; one opened for reading does not lock. Not thread-safe: one store per operation.
 * <p>A case kept on a lab server ({@link LabServer}, PostgreSQL) uses the same tables and SQL in
 * its own schema; its folder holds a {@link ServerLink} instead of {@code case.db}. There, several
 * workstations write at once: each write transaction takes the case's advisory lock, and the
 * signed head is written in the same transaction as the events (the {@code heads} table).
 */
public final class CaseStore implements AutoCloseable {
    public static final String DB = "case.db";
    private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final Path dir;
    /** Not final only because {@link #compact} closes it to replace case.db and opens the new file. */
    private Connection conn;
    private final CaseLock lock;
    private final Clock clock;
    private final Workstation workstation;
    private final HeadSigner signer;
    private CaseInfo info;
    private boolean enrolChecked;
    /** The lab server holding this case, or null for a folder case (case.db). */
    private final ServerConfig server;
    /** A server case opened for changing it (it has no file lock: appends are serialised in the database). */
    private final boolean serverWrite;
    /** Opened by a case move, which may write to a place that is closed because the move is half-way. */
    private boolean mover;
    /** The running transaction only signs the head of events already there. */
    private boolean signingOnly;

    private CaseStore(Path dir, Connection conn, CaseLock lock, Clock clock, Workstation workstation,
                      HeadSigner signer) {
        this(dir, conn, lock, clock, workstation, signer, null, false);
    }

    private CaseStore(Path dir, Connection conn, CaseLock lock, Clock clock, Workstation workstation,
                      HeadSigner signer, ServerConfig server, boolean serverWrite) {
        this.dir = dir;
        this.conn = conn;
        this.lock = lock;
        this.clock = clock;
        this.workstation = workstation;
        this.server = server;
        this.serverWrite = serverWrite;
        this.signer = lock == null && !serverWrite ? null : signer;
    }

    public Path dir() {
        return dir;
    }

    /** True when this store holds the write lock (or, for a server case, was opened for changing it). */
    public boolean writable() {
        return lock != null || serverWrite;
    }

    /** The lab server keeping this case, or empty for a folder case. */
    public Optional<ServerConfig> server() {
        return Optional.ofNullable(server);
    }

    // ------------------------------------------------------------------ open / create

    /** Creates a new case store in {@code dir} (which must not hold one) and records nothing yet. */
    public static CaseStore create(Path dir, CaseInfo info, Clock clock, Workstation ws, Duration lockWait)
            throws SakshiException {
        return create(dir, info, clock, ws, lockWait, null);
    }

    /**
     * As {@link #create(Path, CaseInfo, Clock, Workstation, Duration)}; {@code signer} (may be null)
     * is enrolled with CASE_CREATED and signs the head when the store is closed.
     */
    public static CaseStore create(Path dir, CaseInfo info, Clock clock, Workstation ws, Duration lockWait,
                                   HeadSigner signer) throws SakshiException {
        if (Files.exists(dir.resolve(DB)) || ServerLink.isLink(dir)) { // a case.db beside a link would be a second case
            throw new InputException(dir + " already holds a case; choose an empty or new folder");
        }
        try {
            org.sakshi.core.OwnerOnly.dir(dir); // evidence of victims: the owner only (0700)
        } catch (java.io.IOException e) {
            throw new InputException("cannot create the case folder " + dir + " (" + e.getMessage() + ")", e);
        }
        CaseLock lock = CaseLock.acquire(dir, lockWait);
        try {
            if (Files.exists(dir.resolve(DB))) {
                throw new InputException(dir + " already holds a case; choose an empty or new folder");
            }
            try {
                // created empty at 0600 before SQLite opens it; its journal and WAL files take the same mode
                org.sakshi.core.OwnerOnly.file(dir.resolve(DB));
            } catch (java.io.IOException e) {
                throw new InputException("cannot create the case database in " + dir + " (" + e.getMessage() + ")", e);
            }
            Connection c = connect(dir, NEW_CASE_PAGE_SIZE);
            CaseStore s = new CaseStore(dir, c, lock, clock, ws, signer);
            s.migrate(0);
            s.sqlTx(() -> {
                s.insertCaseInfo(info);
                return null;
            });
            s.info = info;
            return s;
        } catch (SakshiException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens a case for reading (no lock). InputException when {@code dir} is not a case. */
    public static CaseStore openRead(Path dir, Clock clock, Workstation ws) throws SakshiException {
        return openRead(dir, clock, ws, ServerDirectory.NONE);
    }

    /** As {@link #openRead(Path, Clock, Workstation)}; a server case's folder is resolved with {@code servers}. */
    public static CaseStore openRead(Path dir, Clock clock, Workstation ws, ServerDirectory servers)
            throws SakshiException {
        Optional<ServerLink> link = ServerLink.read(dir);
        if (link.isPresent()) {
            return openServer(dir, link.get(), servers, clock, ws, null, false, false);
        }
        checkIsCase(dir);
        Connection c = connect(dir);
        CaseStore s = new CaseStore(dir, c, null, clock, ws, null);
        try {
            int v = s.schemaVersion();
            if (v < Schema.CURRENT) {
                throw new StorageException("the case " + dir + " uses an older store (schema " + v
                        + "); run any changing command (e.g. 'sakshi note') once to upgrade it");
            }
            s.loadInfo();
            return s;
        } catch (SakshiException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Opens a case for changing it: takes the write lock (waiting up to {@code lockWait}) and migrates the schema. */
    public static CaseStore openWrite(Path dir, Clock clock, Workstation ws, Duration lockWait) throws SakshiException {
        return openWrite(dir, clock, ws, lockWait, null);
    }

    /**
     * As {@link #openWrite(Path, Clock, Workstation, Duration)} with a key that signs the ledger's
     * head when the store is closed (docs/custody-ledger.md#signed-heads). With a key, the store
     * first checks that the ledger still ends where its signed-head file says (IntegrityException
     * otherwise: nothing is written to a case whose ledger was cut or rewritten), enrols the key
     * with its first event, and records LEDGER_ADOPTED for events found after the last signed head.
     */
    public static CaseStore openWrite(Path dir, Clock clock, Workstation ws, Duration lockWait, HeadSigner signer)
            throws SakshiException {
        return openWrite(dir, clock, ws, lockWait, signer, ServerDirectory.NONE);
    }

    /** As {@link #openWrite(Path, Clock, Workstation, Duration, HeadSigner)}; a server case's folder is resolved with {@code servers}. */
    public static CaseStore openWrite(Path dir, Clock clock, Workstation ws, Duration lockWait, HeadSigner signer,
                                      ServerDirectory servers) throws SakshiException {
        return openWrite(dir, clock, ws, lockWait, signer, servers, false);
    }

    /**
     * As {@link #openWrite(Path, Clock, Workstation, Duration, HeadSigner, ServerDirectory)} for a case
     * move, which may also open a place closed because a move is half-way ({@link #closure()}
     * {@code moving} or {@code arriving}) to finish it; a place the case has moved away from stays closed.
     */
    public static CaseStore openForMove(Path dir, Clock clock, Workstation ws, Duration lockWait, HeadSigner signer,
                                        ServerDirectory servers) throws SakshiException {
        return openWrite(dir, clock, ws, lockWait, signer, servers, true);
    }

    private static CaseStore openWrite(Path dir, Clock clock, Workstation ws, Duration lockWait, HeadSigner signer,
                                       ServerDirectory servers, boolean mover) throws SakshiException {
        Optional<ServerLink> link = ServerLink.read(dir);
        if (link.isPresent()) {
            return openServer(dir, link.get(), servers, clock, ws, signer, true, mover);
        }
        checkIsCase(dir);
        CaseLock lock = CaseLock.acquire(dir, lockWait);
        CaseStore s = null;
        try {
            Connection c = connect(dir);
            s = new CaseStore(dir, c, lock, clock, ws, signer);
            s.mover = mover;
            s.migrate(s.schemaVersion());
            s.loadInfo();
            s.refuseIfMoved();
            if (signer != null) {
                s.checkHeads();
            }
            return s;
        } catch (SakshiException | RuntimeException e) {
            if (s != null) {
                s.close();
            } else {
                lock.close();
            }
            throw e;
        }
    }

    private static void checkIsCase(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + " is not a case folder (it does not exist); create a case with 'sakshi case init'");
        }
        if (!Files.isRegularFile(dir.resolve(DB))) {
            throw new InputException(dir + " is not a Sakshi case folder (no " + DB
                    + " in it); give the folder made by 'sakshi case init'");
        }
    }

    /**
     * The database page size of a new case (bytes). SQLite's default is 4 KiB; with 32 KiB a ledger of
     * 1,000,000 events (about 0.7 GB) is read in 8x fewer reads and B-tree pages, and {@code custody verify}
     * takes 2.8 instead of 3.3 s (docs/performance.md, eighth round). A case made earlier keeps its page
     * size (only a VACUUM could change it; Sakshi never rewrites a case's database behind the officer's back).
     */
    static final int NEW_CASE_PAGE_SIZE = 32768;

    private static Connection connect(Path dir) throws StorageException {
        return connect(dir, 0);
    }

    /** {@code pageSize} 0: the database's own; otherwise the page size of a database still empty. */
    private static Connection connect(Path dir, int pageSize) throws StorageException {
        SqliteLibrary.prepare();
        String url = "jdbc:sqlite:" + dir.resolve(DB).toAbsolutePath();
        if (pageSize > 0) {
            // the page size takes effect when the empty file gets its header, which switching it to WAL
            // writes: both on a plain connection first (the configured one would set WAL before the size)
            try (Connection first = org.sqlite.JDBC.createConnection(url, new java.util.Properties());
                    Statement st = first.createStatement()) {
                st.execute("PRAGMA page_size=" + pageSize);
                st.execute("PRAGMA journal_mode=WAL");
            } catch (SQLException e) {
                throw wrap(dir, "create", e);
            }
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(5000);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            // the driver itself, not DriverManager, which first loads every JDBC driver on the class path
            return org.sqlite.JDBC.createConnection(url, cfg.toProperties());
        } catch (SQLException e) {
            throw wrap(dir, "open", e);
        }
    }

    /** The schema version recorded in the store; 0 for an empty database. */
    public int schemaVersion() throws SakshiException {
        try (Statement st = conn.createStatement()) {
            if (server != null) { // the schema exists: sakshi.create_case made it
                try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'")) {
                if (!rs.next()) {
                    throw new InputException(dir.resolve(DB) + " is not a Sakshi case store (no schema_version table)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw wrap(dir, "read the schema version of", e);
        }
    }

    private void migrate(int from) throws SakshiException {
        if (from > Schema.CURRENT) {
            throw new StorageException("the case " + dir + " was written by a newer Sakshi (store schema " + from
                    + "; this version knows up to " + Schema.CURRENT + "); open it with that newer version");
        }
        if (server != null && from < Schema.CURRENT) {
            throw new StorageException("the case " + dir + " on the lab server " + server.name() + " uses an older"
                    + " store (schema " + from + "; this Sakshi needs " + Schema.CURRENT + "), so nothing was written;"
                    + " the server's database owner upgrades it with 'sakshi server upgrade " + server.name() + "'");
        }
        for (int v = from; v < Schema.CURRENT; v++) {
            List<String> steps = Schema.MIGRATIONS.get(v);
            int target = v + 1;
            sqlTx(() -> {
                try (Statement st = conn.createStatement()) {
                    for (String sql : steps) {
                        st.executeUpdate(sql);
                    }
                    st.executeUpdate("DELETE FROM schema_version");
                    st.executeUpdate("INSERT INTO schema_version(version) VALUES (" + target + ")");
                }
                return null;
            });
        }
    }

    private void loadInfo() throws SakshiException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, number, title, agency, jurisdiction, default_officer, zone,"
                     + " created_at FROM case_info")) {
            if (!rs.next()) {
                throw new StorageException("the case " + dir + " has no case record; the store is damaged");
            }
            info = new CaseInfo(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                    Jurisdiction.valueOf(rs.getString(5)), rs.getString(6), ZoneId.of(rs.getString(7)),
                    Instant.parse(rs.getString(8)));
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    public CaseInfo caseInfo() {
        return info;
    }

    // ------------------------------------------------------------------ transactions

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SakshiException;
    }

    /** Work on the connection itself, inside this class only. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, SakshiException;
    }

    /** Runs {@code work} in one IMMEDIATE transaction: all of it is committed, or none of it. */
    public <T> T tx(Work<T> work) throws SakshiException {
        return sqlTx(work::run);
    }

    private <T> T sqlTx(SqlWork<T> work) throws SakshiException {
        try {
            conn.setAutoCommit(false);
            try {
                lockServerCase();
                if (server != null && serverWrite && !mover && !signingOnly && info != null) {
                    refuseIfMoved(); // another workstation may have moved it since this store was opened
                }
                appendedInTx = false;
                T t = work.run();
                if (appendedInTx && server != null) {
                    signServerHeadInTx();
                }
                conn.commit();
                return t;
            } catch (SQLException | SakshiException | RuntimeException e) {
                try {
                    conn.rollback();
                } catch (SQLException ignored) {
                    // the original error matters more
                }
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    static StorageException wrap(Path dir, String what, SQLException e) {
        if (!(e instanceof SQLiteException) && e.getSQLState() != null) { // a lab server (PostgreSQL)
            String state = e.getSQLState();
            if ("55P03".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                return new CaseBusyException("case " + dir + " is busy on its lab server; try again in a moment", e);
            }
            if (state.startsWith("08")) {
                return new StorageException("the connection to the lab server of the case " + dir + " was lost ("
                        + e.getMessage() + "); nothing more was recorded. Check the network and try again", e);
            }
            return new StorageException("could not " + what + " the case " + dir + " on its lab server: "
                    + e.getMessage(), e);
        }
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY) {
                return new CaseBusyException("case " + dir + " is busy: another process is using its store;"
                        + " try again in a moment", e);
            }
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return new StorageException("the disk holding the case " + dir
                        + " is full; nothing was recorded. Free some space and try again", e);
            }
        }
        return new StorageException("could not " + what + " the case store " + dir.resolve(DB) + ": "
                + e.getMessage(), e);
    }

    // ------------------------------------------------------------------ ledger

    /**
     * Appends one event: seq is the last plus one, prev the last hash, at from the clock (millisecond
     * precision), the hash per docs/custody-ledger.md. Call inside {@link #tx}. The first event a store
     * with a key appends enrols that key when the case does not know it yet: in CASE_CREATED's
     * {@code key} for a new case, else with a KEY_ENROLLED event just before.
     */
    public CustodyEvent append(EventDraft d) throws StorageException {
        EventDraft draft = d;
        if (signer != null && !enrolChecked) {
            List<String> enrolled = enrolledKeys();
            if (!enrolled.contains(signer.fingerprint())) {
                if (EventType.CASE_CREATED.name().equals(d.type()) && enrolled.isEmpty()) {
                    Map<String, Object> details = new LinkedHashMap<>(d.details() == null ? Map.of() : d.details());
                    details.put(EventDetails.CaseCreated.KEY, EventDetails.KeyEnrolled.of(signer, signer.role(),
                            List.of()));
                    draft = new EventDraft(d.type(), d.actor(), d.itemId(), d.itemSha256(), details, d.at());
                } else {
                    appendRaw(new EventDraft(EventType.KEY_ENROLLED.name(), d.actor(), null, null,
                            EventDetails.KeyEnrolled.of(signer, signer.role(), enrolled)));
                }
            }
            enrolChecked = true;
        }
        return appendRaw(draft);
    }

    private CustodyEvent appendRaw(EventDraft d) throws StorageException {
        long seq = 1;
        String prev = CustodyEvent.GENESIS_PREV;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
        CustodyEvent e = EventCodec.seal(new CustodyEvent(seq, UUID.randomUUID(), info.id(),
                EventCodec.ledgerTime(d.at() != null ? d.at() : clock.now()), d.type(), d.actor(), workstation, d.itemId(), d.itemSha256(),
                d.details(), prev, null, null));
        insertEvent(e);
        appendedInTx = true;
        return e;
    }

    /**
     * {@link EventCodec#parseLine}, the line read with the streaming parser when it is plain JSON
     * ({@link PlainJson}: the same map): an append does not set up data binding for the enrolment check.
     */
    static CustodyEvent parseEvent(String line) {
        LinkedHashMap<String, Object> m = PlainJson.object(line);
        return m == null ? EventCodec.parseLine(line) : EventCodec.parsedLine(m);
    }

    /** Fingerprints of the keys enrolled in this ledger (CASE_CREATED key, KEY_ENROLLED), in seq order. */
    public List<String> enrolledKeys() throws StorageException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, json FROM events WHERE type IN ('CASE_CREATED', 'KEY_ENROLLED')"
                     + " ORDER BY seq")) {
            while (rs.next()) {
                Map<String, Object> d = parseEvent(rs.getString(2)).details();
                Object k = EventType.CASE_CREATED.name().equals(rs.getString(1)) ? d.get(EventDetails.CaseCreated.KEY) : d;
                if (k instanceof Map<?, ?> m && m.get(EventDetails.KeyEnrolled.KEY_SHA256) instanceof String fp
                        && !out.contains(fp)) {
                    out.add(fp);
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        } catch (IllegalArgumentException e) {
            throw new StorageException("an enrolment event in the ledger of " + dir + " cannot be read ("
                    + e.getMessage() + "); run 'sakshi custody verify " + dir + "'", e);
        }
    }

    /** The last {@code n} events, oldest first. */
    public List<CustodyEvent> lastEvents(int n) throws StorageException {
        List<CustodyEvent> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT json FROM events ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(0, EventCodec.parseLine(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        }
    }

    /** The last event's seq and hash, or null when the ledger is empty. */
    private Object[] lastEvent() throws StorageException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Object[] {rs.getLong(1), rs.getString(2)} : null;
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        }
    }

    private String hashAt(long seq) throws StorageException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM events WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        }
    }

    /**
     * Before writing: the ledger must still end where the signed-head file says. A cut or rewritten
     * ledger (or head file) is refused, never repaired; events after the last head are adopted with
     * a LEDGER_ADOPTED event so the adoption itself is on the record.
     */
    private void checkHeads() throws SakshiException {
        if (server != null) {
            checkServerHeads();
            return;
        }
        Object[] last = lastEvent();
        if (last == null) {
            return;
        }
        long dbSeq = (Long) last[0];
        SignedHead head;
        try {
            head = HeadFile.last(dir);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("the signed-head file " + HeadFile.of(dir) + " of the case is damaged ("
                    + e.getMessage() + "); nothing was changed. Run 'sakshi custody verify " + dir + "' and report it.", e);
        }
        String refuse = null;
        long adoptFrom;
        String reason;
        if (head == null) {
            if (!enrolledKeys().isEmpty()) {
                refuse = "its signed-head file " + HeadFile.of(dir) + " is missing or empty although keys are enrolled"
                        + " in its ledger";
            }
            adoptFrom = 1;
            reason = "the case was written before signed heads existed";
        } else if (head.seq() > dbSeq) {
            refuse = "its signed-head file has a head at seq " + head.seq() + " but the ledger ends at seq " + dbSeq
                    + " (events were deleted)";
            adoptFrom = 0;
            reason = null;
        } else if (!head.head().equals(hashAt(head.seq()))) {
            refuse = "the signed head at seq " + head.seq() + " differs from the ledger's hash at that seq (the ledger"
                    + " or the head file was rewritten)";
            adoptFrom = 0;
            reason = null;
        } else {
            adoptFrom = head.seq() + 1;
            reason = "an earlier operation ended before it signed its events";
        }
        if (refuse != null) {
            throw new IntegrityException("the case " + dir + " cannot be changed: " + refuse + "; nothing was written."
                    + " Run 'sakshi custody verify " + dir + "' and report it; do not export this case.");
        }
        if (adoptFrom <= dbSeq) {
            long from = adoptFrom;
            tx(() -> append(new EventDraft(EventType.LEDGER_ADOPTED.name(), null, null, null,
                    EventDetails.LedgerAdopted.of(from, dbSeq, reason))));
            LOG.warn("case {}: events {}..{} were not covered by a signed head ({}); recorded LEDGER_ADOPTED", dir,
                    from, dbSeq, reason);
        }
    }

    /**
     * Signs the ledger's head with this store's key and appends it to the signed-head file, unless
     * the file already ends at the head. Called when a writable store is closed, so that every
     * operation ends with one signed head covering every event before it.
     */
    public void signHead() throws SakshiException {
        if (signer == null || info == null) {
            return;
        }
        if (server != null) {
            signServerHead();
            return;
        }
        Object[] last = lastEvent();
        if (last == null) {
            return;
        }
        long seq = (Long) last[0];
        String hash = (String) last[1];
        SignedHead prev;
        try {
            prev = HeadFile.last(dir);
        } catch (IllegalArgumentException e) {
            prev = null;
        }
        if (prev != null && prev.seq() == seq && prev.head().equals(hash)) {
            return;
        }
        HeadFile.append(dir, SignedHead.sign(signer, info.id().toString(), seq, hash,
                EventCodec.formatAt(EventCodec.ledgerTime(clock.now()))));
    }

    /** Inserts an already sealed event (also used by tools that build large ledgers fast). */
    public void insertEvent(CustodyEvent e) throws StorageException {
        try {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO events(seq, id, type, at, item_id, hash, json) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.id().toString());
                ps.setString(3, e.type());
                ps.setString(4, EventCodec.formatAt(e.at()));
                ps.setString(5, e.itemId());
                ps.setString(6, e.hash());
                ps.setString(7, EventCodec.toJsonLine(e));
                ps.executeUpdate();
            }
        } catch (SQLException x) {
            throw wrap(dir, "write to", x);
        }
    }

    /** Streams every stored event line (canonical JSON with hash) in seq order. */
    public void forEachEventLine(Consumer<String> sink) throws SakshiException {
        forEachEventRow("SELECT json FROM events ORDER BY seq", List.of(), rs -> sink.accept(rs.getString(1)));
    }

    /**
     * As {@link #forEachEventLine}, each line as its UTF-8 bytes ({@code new String(line, UTF_8)} is the
     * line {@link #forEachEventLine} gives): a local case hands SQLite's stored text over without decoding
     * it, which is most of the cost of reading a large ledger. {@code null} for a null row.
     */
    public void forEachEventLineUtf8(Consumer<byte[]> sink) throws SakshiException {
        forEachEventRow("SELECT json FROM events ORDER BY seq", List.of(), server == null
                ? rs -> sink.accept(rs.getBytes(1))
                : rs -> {
                    String line = rs.getString(1); // PostgreSQL text is valid UTF-8, so this round-trips
                    sink.accept(line == null ? null : line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
    }

    /**
     * The stored event lines, in seq order, that contain {@code a} or {@code b} (case-sensitive, as
     * {@link String#contains}); the database does the search, so a large ledger with few such lines is
     * read without decoding the others.
     */
    public void forEachEventLineContaining(String a, String b, Consumer<String> sink) throws SakshiException {
        String find = server == null ? "instr(json, ?) > 0" : "strpos(json, ?) > 0";
        forEachEventRow("SELECT json FROM events WHERE " + find + " OR " + find + " ORDER BY seq", List.of(a, b), rs -> sink.accept(rs.getString(1)));
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void forEachEventRow(String sql, List<String> args, Row sink) throws SakshiException {
        boolean cursor = false;
        try {
            if (server != null && conn.getAutoCommit()) {
                conn.setAutoCommit(false); // PostgreSQL fetches in pages only inside a transaction
                cursor = true;
            }
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            }
            if (cursor) {
                conn.commit();
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (cursor) {
                try {
                    conn.rollback();
                    conn.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the original error matters more
                }
            }
            throw wrap(dir, "read the ledger of", e);
        }
    }

    public List<CustodyEvent> events() throws SakshiException {
        List<CustodyEvent> out = new ArrayList<>();
        forEachEventLine(l -> out.add(EventCodec.parseLine(l)));
        return out;
    }

    public long eventCount() throws SakshiException {
        return queryLong("SELECT COUNT(*) FROM events");
    }

    public Optional<Instant> lastActivity() throws SakshiException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT at FROM events ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    private long queryLong(String sql) throws SakshiException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    // ------------------------------------------------------------------ items

    /** The id the next item will get ({@code E0001}, {@code E0002}, ...). Stable while the write lock is held. */
    public String nextItemId() throws SakshiException {
        if (server != null) {
            return nextServerItemId();
        }
        long n = queryLong("SELECT COALESCE(MAX(CAST(SUBSTR(id, 2) AS INTEGER)), 0) FROM items");
        return String.format("E%04d", n + 1);
    }

    public void insertItem(StoredItem s) throws StorageException {
        try {
            Item it = s.item();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items(id, kind, name, size, sha256, sha1, md5,"
                    + " crc32, imported_at, imported_by, source_path, source_text, device_make, device_model, device_serial,"
                    + " device_imei, location, ts_status, ts_time, ts_tsa, derived_from, warnings, folder, summary_key,"
                    + " summary, blob, records) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setString(i++, it.id());
                ps.setString(i++, it.kind().name());
                ps.setString(i++, it.name());
                ps.setLong(i++, it.size());
                ps.setString(i++, it.digests().sha256());
                ps.setString(i++, it.digests().sha1());
                ps.setString(i++, it.digests().md5());
                ps.setLong(i++, s.crc32());
                ps.setString(i++, EventCodec.formatAt(it.importedAt()));
                ps.setString(i++, it.importedBy());
                ps.setString(i++, it.sourcePath());
                SourceDetails src = it.source();
                ps.setString(i++, src.text());
                ps.setString(i++, src.deviceMake());
                ps.setString(i++, src.deviceModel());
                ps.setString(i++, src.deviceSerial());
                ps.setString(i++, src.deviceImei());
                ps.setString(i++, src.location());
                ps.setString(i++, it.timestamp().status().name());
                ps.setString(i++, it.timestamp().time() == null ? null : EventCodec.formatAt(it.timestamp().time()));
                ps.setString(i++, it.timestamp().tsa());
                ps.setString(i++, it.derivedFrom());
                ps.setString(i++, json(it.warnings()));
                ps.setInt(i++, it.folder() ? 1 : 0);
                ps.setString(i++, s.summaryKey());
                ps.setString(i++, it.summary().isEmpty() ? null : json(it.summary()));
                ps.setString(i++, s.blob());
                ps.setLong(i, s.records());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    /** Updates an item's time-stamp state and warnings (items are records, not ledger events). */
    public void updateTimestamp(String itemId, ItemTimestamp ts, List<String> warnings) throws StorageException {
        try {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE items SET ts_status=?, ts_time=?, ts_tsa=?, warnings=? WHERE id=?")) {
                ps.setString(1, ts.status().name());
                ps.setString(2, ts.time() == null ? null : EventCodec.formatAt(ts.time()));
                ps.setString(3, ts.tsa());
                ps.setString(4, json(warnings));
                ps.setString(5, itemId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    /**
     * Records what parsing found for an item recorded before its parser ran: kind, summary, record
     * count and the warnings (the item's bytes, digests and ledger event do not change).
     */
    public void updateParsed(String itemId, org.sakshi.core.ItemKind kind, String summaryKey,
                             java.util.Map<String, Object> summary, long records, List<String> warnings)
            throws StorageException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE items SET kind=?, summary_key=?, summary=?, records=?, warnings=? WHERE id=?")) {
            ps.setString(1, kind.name());
            ps.setString(2, summaryKey);
            ps.setString(3, summary == null || summary.isEmpty() ? null : json(summary));
            ps.setLong(4, records);
            ps.setString(5, json(warnings));
            ps.setString(6, itemId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    private static final String ITEM_COLS = "id, kind, name, size, sha256, sha1, md5, crc32, imported_at, imported_by,"
            + " source_path, source_text, device_make, device_model, device_serial, device_imei, location, ts_status,"
            + " ts_time, ts_tsa, derived_from, warnings, folder, summary_key, summary, blob, records";

    public List<StoredItem> items() throws SakshiException {
        return queryItems("SELECT " + ITEM_COLS + " FROM items ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)", null);
    }

    public Optional<StoredItem> item(String id) throws SakshiException {
        List<StoredItem> l = queryItems("SELECT " + ITEM_COLS + " FROM items WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The first item (lowest id) whose content has this SHA-256, for the duplicate warning. */
    public Optional<StoredItem> firstWithSha256(String sha256) throws SakshiException {
        List<StoredItem> l = queryItems("SELECT " + ITEM_COLS + " FROM items WHERE sha256 = ?"
                + " ORDER BY CAST(SUBSTR(id, 2) AS INTEGER) LIMIT 1", sha256);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<StoredItem> queryItems(String sql, String arg) throws SakshiException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<StoredItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the items of", e);
        }
    }

    /**
     * One item row of {@link #ITEM_COLS}, read by column position (a name lookup per value cost more
     * than the value for 20,000 rows); no warnings ({@code []}, nearly every item) and no summary need
     * no JSON parser.
     */
    private static StoredItem row(ResultSet rs) throws SQLException {
        String tsTime = rs.getString(19);
        String warnings = rs.getString(22);
        String summary = rs.getString(25);
        Item it = new Item(rs.getString(1), ItemKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getLong(4), new Digests(rs.getString(5), rs.getString(6), rs.getString(7)),
                storedInstant(rs.getString(9)), rs.getString(10), rs.getString(11),
                new SourceDetails(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(16), rs.getString(17)),
                new ItemTimestamp(TimestampStatus.valueOf(rs.getString(18)),
                        tsTime == null ? null : storedInstant(tsTime), rs.getString(20)),
                rs.getString(21), warnings == null || warnings.equals("[]") ? List.of() : warnings(warnings),
                rs.getInt(23) != 0, summary == null ? Map.of() : summary(summary));
        return new StoredItem(it, rs.getString(26), rs.getLong(8), rs.getString(24), rs.getLong(27));
    }

    /** An item's warnings column: read by {@link PlainJson}, else (anything unusual) by the mapper. */
    private static List<String> warnings(String text) {
        List<String> w = PlainJson.strings(text);
        return w != null ? w : parse(text, LIST);
    }

    /** An item's summary column: read by {@link PlainJson}, else (anything unusual) by the mapper. */
    private static Map<String, Object> summary(String text) {
        Map<String, Object> m = PlainJson.object(text);
        return m != null ? m : parse(text, MAP);
    }

    /**
     * Reads a time the store wrote ({@code EventCodec.formatAt}: {@code 2026-07-28T08:35:00.123Z}) without
     * the general parser, which took a third of the time to read 20,000 item rows; anything else (another
     * shape, an out-of-range field) goes to {@link Instant#parse}, so the result and the errors are its.
     */
    static Instant storedInstant(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int milli = digits(s, 20, 3);
        boolean inRange = year >= 0 && month >= 1 && month <= 12 && day >= 1
                && (day <= 28 || day <= java.time.YearMonth.of(year, month).lengthOfMonth())
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && milli >= 0;
        if (!inRange) {
            return Instant.parse(s);
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, milli * 1_000_000L);
    }

    /** The decimal number of {@code n} ASCII digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int k = from; k < from + n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public void insertEntries(String itemId, List<EntryRow> entries) throws StorageException {
        try {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO folder_entries(item_id, path, size, sha256, blob) VALUES (?,?,?,?,?)")) {
                int pending = 0;
                for (EntryRow e : entries) {
                    ps.setString(1, itemId);
                    ps.setString(2, e.path());
                    ps.setLong(3, e.size());
                    ps.setString(4, e.sha256());
                    ps.setString(5, e.blob());
                    ps.addBatch();
                    if (++pending == 4096) { // the driver keeps a batch's values until it runs: bound them
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    public List<EntryRow> entries(String itemId) throws SakshiException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT path, size, sha256, blob FROM folder_entries WHERE item_id = ? ORDER BY path")) {
            ps.setString(1, itemId);
            List<EntryRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntryRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the folder entries of", e);
        }
    }

    public void insertToken(TokenRow t) throws StorageException {
        try {
            try (PreparedStatement ps = conn.prepareStatement(server == null
                    ? "INSERT OR REPLACE INTO item_tokens(item_id, response, gen_time, serial, tsa) VALUES (?,?,?,?,?)"
                    : "INSERT INTO item_tokens(item_id, response, gen_time, serial, tsa) VALUES (?,?,?,?,?)"
                    + " ON CONFLICT (item_id) DO UPDATE SET response = EXCLUDED.response, gen_time = EXCLUDED.gen_time,"
                    + " serial = EXCLUDED.serial, tsa = EXCLUDED.tsa")) {
                ps.setString(1, t.itemId());
                ps.setBytes(2, t.response());
                ps.setString(3, EventCodec.formatAt(t.genTime()));
                ps.setString(4, t.serial());
                ps.setString(5, t.tsa());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    /**
     * Stores an item's import token and appends its ITEM_TIMESTAMPED event {tsa, time, serial}.
     * Call inside {@link #tx}.
     */
    public CustodyEvent recordToken(TokenRow t, org.sakshi.core.Actor actor, String itemSha256) throws SakshiException {
        insertToken(t);
        return append(new EventDraft(EventType.ITEM_TIMESTAMPED.name(), actor, t.itemId(), itemSha256,
                EventDetails.ItemTimestamped.of(t.tsa(), t.genTime(), t.serial())));
    }

    public Optional<TokenRow> token(String itemId) throws SakshiException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT response, gen_time, serial, tsa FROM item_tokens WHERE item_id = ?")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenRow(itemId, rs.getBytes(1), Instant.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw wrap(dir, "read the time-stamp of", e);
        }
    }

    public void insertDerived(DerivedRow d) throws StorageException {
        try {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO derived_files(item_id, name, media_type, sha256, size) VALUES (?,?,?,?,?)")) {
                ps.setString(1, d.itemId());
                ps.setString(2, d.name());
                ps.setString(3, d.mediaType());
                ps.setString(4, d.sha256());
                ps.setLong(5, d.size());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    public List<DerivedRow> derived(String itemId) throws SakshiException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT name, media_type, sha256, size FROM derived_files WHERE item_id = ? ORDER BY name")) {
            ps.setString(1, itemId);
            List<DerivedRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DerivedRow(itemId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the derived files of", e);
        }
    }

    /** Every vault blob some item or folder entry refers to (relative paths). */
    public Set<String> referencedBlobs() throws SakshiException {
        Set<String> out = new HashSet<>();
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT blob FROM items UNION SELECT blob FROM folder_entries")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    /** Every item id (for removing records and derived files of unrecorded imports). */
    public Set<String> itemIds() throws SakshiException {
        Set<String> out = new HashSet<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM items")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    /**
     * The JSON mapper, made at its first use: reading a case's items needs none ({@link PlainJson}),
     * and making one costs a start of {@code sakshi items} a good part of its CPU.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static String json(Object o) {
        String plain = PlainJson.write(o);
        if (plain != null) {
            return plain;
        }
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T parse(String s, TypeReference<T> t) {
        try {
            return Json.MAPPER.readValue(s, t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON column: " + e.getOriginalMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lab server (PostgreSQL)

    /** The advisory-lock key of a server case (docs/architecture.md#lab-server). */
    private long lockKey;
    /** True when the running transaction appended an event (a server case signs its head before committing). */
    private boolean appendedInTx;

    /**
     * Creates a case on a lab server: registers it and makes its schema there (through the
     * owner-run {@code sakshi.create_case}), records the case row, and writes {@code dir}'s
     * {@link ServerLink}. {@code dir} (a new or empty folder, normally on the shared vault) becomes
     * the case's place: its files (vault, records, derived, exports) live there.
     */
    public static CaseStore createOnServer(ServerConfig server, Path dir, CaseInfo info, Clock clock, Workstation ws,
                                           HeadSigner signer) throws SakshiException {
        return newOnServer(server, dir, info, clock, ws, signer, s -> null);
    }

    /**
     * A new case on a lab server with {@code dir} as its place: the schema, the case row and whatever
     * {@code fill} writes are made in one transaction (all of it or none of it), then the folder's link.
     */
    private static CaseStore newOnServer(ServerConfig server, Path dir, CaseInfo info, Clock clock, Workstation ws,
                                         HeadSigner signer, ServerFill fill) throws SakshiException {
        if (Files.exists(dir.resolve(DB)) || ServerLink.isLink(dir)) {
            throw new InputException(dir + " already holds a case; choose an empty or new folder");
        }
        try {
            org.sakshi.core.OwnerOnly.dir(dir);
        } catch (java.io.IOException e) {
            throw new InputException("cannot create the case folder " + dir + " (" + e.getMessage() + ")", e);
        }
        Connection c = LabServer.open(server);
        try {
            CaseStore s = new CaseStore(dir, c, null, clock, ws, signer, server, true);
            s.lockKey = lockKeyOf(info.id());
            s.sqlTx(() -> {
                LabServer.createCase(c, server, info.id(), info.number(), info.title(), dir);
                LabServer.useCase(c, server, info.id());
                s.insertCaseInfo(info);
                return fill.into(s);
            });
            s.info = info;
            new ServerLink(server.name(), info.id(), server.url()).write(dir);
            return s;
        } catch (SakshiException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** What a new server case receives in its creating transaction. */
    private interface ServerFill {
        Object into(CaseStore s) throws SQLException, SakshiException;
    }

    private static CaseStore openServer(Path dir, ServerLink link, ServerDirectory servers, Clock clock, Workstation ws,
                                        HeadSigner signer, boolean write, boolean mover) throws SakshiException {
        ServerConfig cfg = servers.server(link.server());
        Connection c = LabServer.open(cfg);
        CaseStore s = null;
        try {
            LabServer.useCase(c, cfg, link.caseId());
            s = new CaseStore(dir, c, null, clock, ws, write ? signer : null, cfg, write);
            s.mover = mover;
            s.lockKey = lockKeyOf(link.caseId());
            s.migrate(s.schemaVersion());
            s.loadInfo();
            if (!s.info.id().equals(link.caseId())) {
                throw new IntegrityException("the case on the lab server " + cfg.name() + " has the id " + s.info.id()
                        + ", not " + link.caseId() + " as " + dir.resolve(ServerLink.FILE) + " says; nothing was changed."
                        + " Ask the server's administrator to check the case register");
            }
            if (write) {
                s.refuseIfMoved();
            }
            if (write && signer != null) {
                s.checkHeads();
            }
            return s;
        } catch (SakshiException | RuntimeException e) {
            if (s != null) {
                s.close();
            } else {
                closeQuietly(c);
            }
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
    }

    static long lockKeyOf(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    private void insertCaseInfo(CaseInfo info) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO case_info(id, number, title, agency, jurisdiction, default_officer, zone, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, info.id().toString());
            ps.setString(2, info.number());
            ps.setString(3, info.title());
            ps.setString(4, info.agency());
            ps.setString(5, info.jurisdiction().name());
            ps.setString(6, info.defaultOfficer());
            ps.setString(7, info.zone().getId());
            ps.setString(8, EventCodec.formatAt(info.createdAt()));
            ps.executeUpdate();
        }
    }

    /**
     * Writers of a server case run one at a time per case: every write transaction first takes the
     * case's transaction-scoped advisory lock, so seq and prev are read and the next event written
     * while no other workstation can append (PostgreSQL releases it at commit or rollback, also
     * when a workstation's connection dies).
     */
    /**
     * How long a writer waits for a server case's lock, held by another workstation's transaction,
     * before the case is reported busy (CaseBusyException, nothing written); a stalled workstation
     * must not hang every other one. {@code -Dsakshi.serverLockWaitSeconds} (default 120).
     */
    static volatile Duration serverLockWait = Duration.ofSeconds(Long.getLong("sakshi.serverLockWaitSeconds", 120));

    private void lockServerCase() throws SQLException {
        if (server == null || !serverWrite) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            // the transaction's lock waits end with SQLSTATE 55P03, which wrap() reports as a busy case
            st.execute("SET LOCAL lock_timeout = " + Math.max(1, serverLockWait.toMillis()));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, lockKey);
            ps.executeQuery().close();
        }
    }

    /**
     * A server case's heads are signed inside the transaction that appended the events, under the
     * case's lock: every committed event is covered the moment it is visible, and the heads table
     * grows in seq order. Events found after the last head therefore were not written by Sakshi.
     */
    private void signServerHeadInTx() throws SQLException, SakshiException {
        if (signer == null || info == null) {
            return;
        }
        Object[] last = lastEvent();
        if (last == null) {
            return;
        }
        long seq = (Long) last[0];
        String hash = (String) last[1];
        SignedHead prev = lastServerHead();
        if (prev != null && prev.seq() == seq && prev.head().equals(hash)) {
            return;
        }
        SignedHead h = SignedHead.sign(signer, info.id().toString(), seq, hash,
                EventCodec.formatAt(EventCodec.ledgerTime(clock.now())));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO heads(seq, line) VALUES (?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, h.toLine());
            ps.executeUpdate();
        }
    }

    private void signServerHead() throws SakshiException {
        if (!serverWrite) {
            return;
        }
        signingOnly = true; // signs what is there (also in a closed case): no new event, so no closure check
        try {
            sqlTx(() -> {
                signServerHeadInTx();
                return null;
            });
        } finally {
            signingOnly = false;
        }
    }

    /** The last signed head of a server case, or null; IllegalArgumentException when it cannot be read. */
    private SignedHead lastServerHead() throws StorageException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT line FROM heads ORDER BY n DESC LIMIT 1")) {
            return rs.next() ? SignedHead.parse(rs.getString(1)) : null;
        } catch (SQLException e) {
            throw wrap(dir, "read the signed heads of", e);
        }
    }

    /** As checkHeads, for a server case, under the case's lock (so no writer is half-way). */
    private void checkServerHeads() throws SakshiException {
        tx(() -> {
            Object[] last = lastEvent();
            SignedHead head;
            try {
                head = lastServerHead();
            } catch (IllegalArgumentException e) {
                throw new IntegrityException("the last signed head of the case " + dir + " on its lab server is damaged ("
                        + e.getMessage() + "); nothing was changed. Run 'sakshi custody verify " + dir + "' and report it.", e);
            }
            long dbSeq = last == null ? 0 : (Long) last[0];
            String refuse = null;
            if (head == null) {
                if (last != null && !enrolledKeys().isEmpty()) {
                    refuse = "it has no signed head although keys are enrolled in its ledger";
                }
            } else if (head.seq() > dbSeq) {
                refuse = "its last signed head is at seq " + head.seq() + " but the ledger ends at seq " + dbSeq
                        + " (events were deleted)";
            } else if (!head.head().equals(hashAt(head.seq()))) {
                refuse = "the signed head at seq " + head.seq() + " differs from the ledger's hash at that seq (the"
                        + " ledger or its heads were rewritten)";
            }
            if (refuse != null) {
                throw new IntegrityException("the case " + dir + " cannot be changed: " + refuse + "; nothing was"
                        + " written. Run 'sakshi custody verify " + dir + "' and report it; do not export this case.");
            }
            long from = head == null ? 1 : head.seq() + 1;
            if (last != null && from <= dbSeq) {
                append(new EventDraft(EventType.LEDGER_ADOPTED.name(), null, null, null,
                        EventDetails.LedgerAdopted.of(from, dbSeq, "events were found after the last signed head")));
                LOG.warn("case {}: events {}..{} were not covered by a signed head; recorded LEDGER_ADOPTED", dir,
                        from, dbSeq);
            }
            return null;
        });
    }

    /** An item id no other workstation gets: a counter row, bumped past the highest id in use. */
    private String nextServerItemId() throws StorageException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("UPDATE item_counter SET n = GREATEST(n, (SELECT COALESCE(MAX(CAST("
                     + "SUBSTR(id, 2) AS INTEGER)), 0) FROM items)) + 1 RETURNING n")) {
            rs.next();
            return String.format("E%04d", rs.getLong(1));
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    /**
     * The signed heads as lines ({@code custody-heads.jsonl} of a folder case, the {@code heads}
     * table of a server case), oldest first; null when there are none.
     */
    public List<String> headLines() throws SakshiException {
        if (server == null) {
            return HeadFile.lines(dir);
        }
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT line FROM heads ORDER BY n")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw wrap(dir, "read the signed heads of", e);
        }
        return out.isEmpty() ? null : out;
    }

    // ------------------------------------------------------------------ moving a case (folder <-> lab server)

    /** The file that closes a folder case to changes after it was moved to a lab server. */
    public static final String MOVED_FILE = "case-moved.json";

    /**
     * Copies a whole case (case row, items, folder entries, tokens, derived files, every event line
     * exactly as stored, every signed head) onto a lab server in one transaction: all of it is there,
     * or none of it (the schema is made in the same transaction). {@code dir} becomes its place,
     * closed ({@code arriving} from {@code from}) until the move marks it arrived.
     */
    public static CaseStore copyToServer(CaseStore src, ServerConfig server, Path dir, Clock clock, Workstation ws,
                                         HeadSigner signer, String from) throws SakshiException {
        CaseStore made = newOnServer(server, dir, src.caseInfo(), clock, ws, signer, s -> {
            s.copyRowsFrom(src);
            List<String> heads = src.headLines();
            if (heads != null) {
                s.insertHeads(heads);
            }
            LabServer.place(s.conn, src.caseInfo().id(), LabServer.ARRIVING, from);
            return null;
        });
        made.mover = true;
        return made;
    }

    private void insertHeads(List<String> heads) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO heads(seq, line) VALUES (?,?)")) {
            for (String h : heads) {
                ps.setLong(1, SignedHead.parse(h).seq());
                ps.setString(2, h);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Brings this server copy of a case, closed here since it moved away (or left half-made by a
     * move that failed), up to {@code src}, the place the case lives now, in one transaction under
     * the case's lock: this ledger must be exactly the start of {@code src}'s (every line the same),
     * else IntegrityException and nothing is written. The missing events, signed heads, items and
     * their rows are added, changed item state (time-stamp, parse results) is taken over, and the
     * place is marked {@code arriving} from {@code from}. Call on a store opened with {@link #openForMove}.
     */
    public void catchUpFrom(CaseStore src, String from) throws SakshiException {
        if (server == null || !mover) {
            throw new IllegalStateException("only a server copy opened for a move catches up");
        }
        if (!src.caseInfo().id().equals(info.id())) {
            throw new InputException("the lab server " + server.name() + "'s case in " + dir + " is another case ("
                    + info.id() + ", not " + src.caseInfo().id() + "); nothing was moved");
        }
        sqlTx(() -> {
            List<String> mine = new ArrayList<>();
            forEachEventLine(mine::add);
            List<String> theirs = new ArrayList<>();
            src.forEachEventLine(theirs::add);
            if (mine.size() > theirs.size() || !theirs.subList(0, mine.size()).equals(mine)) {
                int at = 0;
                while (at < mine.size() && at < theirs.size() && mine.get(at).equals(theirs.get(at))) {
                    at++;
                }
                throw new IntegrityException("the copy of this case kept on the lab server " + server.name() + " ("
                        + mine.size() + " events) is not the start of the ledger of " + src.dir() + " (" + theirs.size()
                        + " events; they differ from seq " + (at + 1) + "); nothing was moved. Report it");
            }
            for (String line : theirs.subList(mine.size(), theirs.size())) {
                insertEventLine(line);
            }
            long signedTo = 0;
            List<String> myHeads = headLines();
            if (myHeads != null && !myHeads.isEmpty()) {
                signedTo = SignedHead.parse(myHeads.get(myHeads.size() - 1)).seq();
            }
            List<String> more = new ArrayList<>();
            List<String> srcHeads = src.headLines();
            for (String h : srcHeads == null ? List.<String>of() : srcHeads) {
                if (SignedHead.parse(h).seq() > signedTo) {
                    more.add(h);
                }
            }
            insertHeads(more);
            for (StoredItem it : src.items()) {
                String id = it.item().id();
                Optional<StoredItem> here = item(id);
                if (here.isEmpty()) {
                    insertItem(it);
                } else if (!here.get().equals(it)) {
                    updateTimestamp(id, it.item().timestamp(), it.item().warnings());
                    updateParsed(id, it.item().kind(), it.summaryKey(), it.item().summary(), it.records(),
                            it.item().warnings());
                }
                java.util.Set<String> entries = new java.util.HashSet<>();
                entries(id).forEach(e -> entries.add(e.path()));
                insertEntries(id, src.entries(id).stream().filter(e -> !entries.contains(e.path())).toList());
                Optional<TokenRow> t = src.token(id);
                if (t.isPresent()) {
                    insertToken(t.get());
                }
                java.util.Set<String> names = new java.util.HashSet<>();
                derived(id).forEach(d -> names.add(d.name()));
                for (DerivedRow d : src.derived(id)) {
                    if (!names.contains(d.name())) {
                        insertDerived(d);
                    }
                }
            }
            LabServer.place(conn, info.id(), LabServer.ARRIVING, from);
            return null;
        });
    }

    /**
     * As {@link #copyToServer}, into a new folder case ({@code case.db} and {@code custody-heads.jsonl})
     * that is marked {@code arriving} from {@code from} before anything else is written into it.
     */
    public static CaseStore copyToFolder(CaseStore src, Path dir, Clock clock, Workstation ws, Duration lockWait,
                                         HeadSigner signer, String from) throws SakshiException {
        if (Files.exists(dir.resolve(DB))) {
            throw new InputException(dir + " already holds a case; choose an empty or new folder");
        }
        try {
            org.sakshi.core.OwnerOnly.dir(dir);
        } catch (java.io.IOException e) {
            throw new InputException("cannot create the case folder " + dir + " (" + e.getMessage() + ")", e);
        }
        markArriving(dir, src.caseInfo().id(), from, clock);
        CaseStore s = create(dir, src.caseInfo(), clock, ws, lockWait, signer);
        s.mover = true;
        try {
            s.sqlTx(() -> {
                s.copyRowsFrom(src);
                return null;
            });
            List<String> heads = src.headLines();
            if (heads != null) {
                for (String h : heads) {
                    HeadFile.append(dir, SignedHead.parse(h));
                }
                if (!heads.equals(HeadFile.lines(dir))) {
                    throw new IntegrityException("the signed heads copied to " + dir + " differ from the original's;"
                            + " the case was not moved. Report it");
                }
            }
            return s;
        } catch (SakshiException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void copyRowsFrom(CaseStore src) throws SakshiException {
        List<StoredItem> items = src.items();
        for (StoredItem it : items) {
            insertItem(it);
        }
        for (StoredItem it : items) {
            String id = it.item().id();
            insertEntries(id, src.entries(id));
            Optional<TokenRow> t = src.token(id);
            if (t.isPresent()) {
                insertToken(t.get());
            }
            for (DerivedRow d : src.derived(id)) {
                insertDerived(d);
            }
        }
        StorageException[] failed = {null};
        src.forEachEventLine(line -> {
            if (failed[0] == null) {
                try {
                    insertEventLine(line);
                } catch (StorageException e) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /** Inserts an event exactly as another store holds it (its canonical line is kept byte for byte). */
    private void insertEventLine(String line) throws StorageException {
        CustodyEvent e = EventCodec.parseLine(line);
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO events(seq, id, type, at, item_id, hash, json) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, e.seq());
            ps.setString(2, e.id().toString());
            ps.setString(3, e.type());
            ps.setString(4, EventCodec.formatAt(e.at()));
            ps.setString(5, e.itemId());
            ps.setString(6, e.hash());
            ps.setString(7, line);
            ps.executeUpdate();
        } catch (SQLException x) {
            throw wrap(dir, "write to", x);
        }
    }

    /**
     * Appends an event another place of this case recorded (CASE_MOVED), unchanged: it must follow
     * this ledger's last event. Call inside {@link #tx}; the head is signed as for any append.
     */
    public void appendCopy(CustodyEvent e) throws SakshiException {
        Object[] last = lastEvent();
        long seq = last == null ? 0 : (Long) last[0];
        String prev = last == null ? CustodyEvent.GENESIS_PREV : (String) last[1];
        if (e.seq() != seq + 1 || !prev.equals(e.prev())) {
            throw new IntegrityException("the event " + e.seq() + " does not follow the ledger of " + dir + " (it ends at"
                    + " seq " + seq + "); nothing was written");
        }
        insertEventLine(EventCodec.toJsonLine(e));
        appendedInTx = true;
    }

    /** The file that marks a folder as the destination of a case move that has not finished. */
    public static final String ARRIVING_FILE = "case-arriving.json";
    /** A place the case is leaving: it recorded CASE_MOVED (or is about to) and the move has not finished. */
    public static final String MOVING = "moving";

    /**
     * Why this place of the case is closed to changes: {@code moved} (it lives at {@code place}
     * now), {@code moving} (a move to {@code place} has not finished) or {@code arriving} (it is
     * being copied here from {@code place}); empty while it is open here.
     */
    public record Closure(String state, String place) {
    }

    public Optional<Closure> closure() throws SakshiException {
        if (server == null) {
            Path arriving = dir.resolve(ARRIVING_FILE);
            if (Files.isRegularFile(arriving)) {
                return Optional.of(new Closure(LabServer.ARRIVING, readMarker(arriving).path("from").asText("another place")));
            }
            Path f = dir.resolve(MOVED_FILE);
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            com.fasterxml.jackson.databind.JsonNode n = readMarker(f);
            return Optional.of(new Closure(n.path("state").asText(LabServer.MOVED), n.path("to").asText("another place")));
        }
        try {
            return LabServer.placement(conn, info.id()).filter(p -> !LabServer.OPEN.equals(p[0]))
                    .map(p -> new Closure(p[0], p[1]));
        } catch (SQLException e) {
            throw wrap(dir, "read", e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readMarker(Path f) {
        try {
            return Json.MAPPER.readTree(Files.readString(f));
        } catch (java.io.IOException e) {
            LOG.warn("cannot read {}: {}", f, e.getMessage());
            return Json.MAPPER.createObjectNode(); // still closed: the file is there
        }
    }

    /** Where this case was moved to ({@code server:NAME}, {@code folder:PATH}), or empty while it lives here. */
    public Optional<String> movedTo() throws SakshiException {
        return closure().filter(c -> !LabServer.ARRIVING.equals(c.state())).map(Closure::place);
    }

    /**
     * Closes this place of the case to changes: it lives at {@code to} from now on (reading still
     * works). On a server call it inside the {@link #tx} that appends CASE_MOVED, so both or neither
     * are recorded.
     */
    public void markMoved(String to) throws SakshiException {
        if (server == null) {
            writeMarker(dir.resolve(MOVED_FILE), Map.of("to", to, "state", LabServer.MOVED));
            return;
        }
        place(LabServer.MOVED, to);
    }

    /** A folder case about to record CASE_MOVED: closed to everyone but the move until {@link #markMoved}. */
    public void markMoving(String to) throws SakshiException {
        if (server != null) {
            throw new IllegalStateException("a server case is closed with CASE_MOVED in one transaction");
        }
        writeMarker(dir.resolve(MOVED_FILE), Map.of("to", to, "state", MOVING));
    }

    /** Undoes {@link #markMoving} when CASE_MOVED was not recorded: the case is open here again. */
    public void unmarkMoving() throws SakshiException {
        Optional<Closure> c = closure();
        if (c.isPresent() && MOVING.equals(c.get().state())) {
            try {
                Files.deleteIfExists(dir.resolve(MOVED_FILE));
            } catch (java.io.IOException e) {
                throw new StorageException("cannot remove " + dir.resolve(MOVED_FILE) + " (" + e.getMessage() + "); the"
                        + " case stays closed here: run the same 'sakshi case move' again", e);
            }
        }
    }

    /** The case was copied here completely and its CASE_MOVED follows: it is open here now. */
    public void markArrived() throws SakshiException {
        if (server == null) {
            try {
                Files.deleteIfExists(dir.resolve(ARRIVING_FILE));
            } catch (java.io.IOException e) {
                throw new StorageException("cannot remove " + dir.resolve(ARRIVING_FILE) + " (" + e.getMessage() + ");"
                        + " run the same 'sakshi case move' again to finish the move", e);
            }
            return;
        }
        place(LabServer.OPEN, "server:" + server.name());
    }

    /** Marks a new folder as the destination of a move from {@code from}, before anything else is written there. */
    static void markArriving(Path dir, UUID caseId, String from, Clock clock) throws StorageException {
        writeMarker(dir.resolve(ARRIVING_FILE), Map.of("from", from, "case", caseId.toString()), clock);
    }

    /** The case id a folder's arriving marker names, or empty when the folder is not a half-made move destination. */
    public static Optional<UUID> arrivingCase(Path dir) {
        Path f = dir.resolve(ARRIVING_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(readMarker(f).path("case").asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void place(String state, String place) throws SakshiException {
        if (inTx()) {
            try {
                LabServer.place(conn, info.id(), state, place);
            } catch (SQLException e) {
                throw wrap(dir, "write to", e);
            }
        } else {
            sqlTx(() -> {
                LabServer.place(conn, info.id(), state, place);
                return null;
            });
        }
    }

    private boolean inTx() throws StorageException {
        try {
            return !conn.getAutoCommit();
        } catch (SQLException e) {
            throw wrap(dir, "write to", e);
        }
    }

    private void writeMarker(Path f, Map<String, Object> content) throws StorageException {
        writeMarker(f, content, clock);
    }

    private static void writeMarker(Path f, Map<String, Object> content, Clock clock) throws StorageException {
        Map<String, Object> m = new java.util.TreeMap<>(content);
        m.put("at", EventCodec.formatAt(EventCodec.ledgerTime(clock.now())));
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, json(m) + "\n");
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot write " + f + " (" + e.getMessage() + "); nothing more was changed:"
                    + " free space or fix permissions and run the same 'sakshi case move' again", e);
        }
    }

    private void refuseIfMoved() throws SakshiException {
        if (mover) {
            return;
        }
        Optional<Closure> c = closure();
        if (c.isEmpty()) {
            return;
        }
        switch (c.get().state()) {
            case MOVING -> throw new InputException("the case in " + dir + " is being moved to " + c.get().place()
                    + " and that move did not finish, so it is closed to changes here; run the same 'sakshi case move "
                    + dir + " ...' again to finish it (it can still be read and audited here)");
            case LabServer.ARRIVING -> throw new InputException("the case in " + dir + " is still being moved here from "
                    + c.get().place() + ", so it is closed to changes; run the same 'sakshi case move' at its old place"
                    + " again to finish the move (it can still be read here)");
            default -> throw new InputException("the case in " + dir + " was moved to " + c.get().place() + " and is"
                    + " closed to changes here; open it at its new place (it can still be read and audited here)");
        }
    }

    @Override
    public void close() {
        try {
            signHead();
        } catch (SakshiException | RuntimeException e) {
            LOG.error("case {}: the ledger head was not signed: {}", dir, e.getMessage());
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
        if (lock != null) {
            lock.close();
        }
    }

    // ------------------------------------------------------------------ compaction (sakshi case compact)

    /** The page size {@link #compact} gives a case's database: that of a new case. */
    public static final int COMPACT_PAGE_SIZE = NEW_CASE_PAGE_SIZE;
    /** The rewritten copy while a compaction runs; a crash may leave it, the next compaction removes it. */
    public static final String COMPACT_COPY = DB + ".compacting";

    /** What a compaction did: page size and size of case.db (bytes) before and after. */
    public record Compaction(int pageSizeBefore, int pageSize, long sizeBefore, long size) { }

    /** Checks the rewritten copy (opened for reading, as the case) before it replaces case.db. */
    @FunctionalInterface
    public interface CopyCheck {
        void check(CaseStore copy) throws SakshiException;
    }

    /** Told each step of a compaction as it is reached (tests stand in for a crash there). */
    @FunctionalInterface
    public interface Steps {
        void at(String step) throws SakshiException;
    }

    /** The database's page size (bytes). */
    public int pageSize() throws SakshiException {
        return (int) queryLong("PRAGMA page_size");
    }

    /**
     * Rewrites case.db with {@code pageSize} pages (docs/cli.md#case-compact), under this store's
     * write lock: the WAL is checkpointed into the database; {@code VACUUM INTO} writes a copy
     * ({@link #COMPACT_COPY}, 0600) in the case folder; the copy is switched to WAL and must pass
     * SQLite's integrity check, have the same schema and the same number of rows in every table as
     * case.db, and pass {@code check} (the whole ledger); it is fsynced; this store's connection is
     * closed (SQLite then removes the empty WAL and its index; if they stay, another program has
     * the case open and nothing is changed); the copy is renamed over case.db and the folder
     * fsynced; the store opens the new file. A failure before the rename removes the copy and leaves
     * case.db as it was; a crash leaves either the old or the new database, never a mix (the rename
     * is the only change to case.db), and at most a stale copy that the next compaction removes.
     * {@code steps} hears {@code checkpointed}, {@code copied}, {@code checked}, {@code synced},
     * {@code closed}, {@code renamed}, {@code reopened}. A folder case only.
     */
    public Compaction compact(int pageSize, CopyCheck check, Steps steps) throws SakshiException {
        if (server != null) {
            throw new InputException("the case " + dir + " is kept on the lab server " + server.name() + ", whose"
                    + " database the server's owner maintains; 'sakshi case compact' rewrites a case folder's " + DB
                    + " only");
        }
        if (lock == null) {
            throw new IllegalStateException("compact needs the case's write lock");
        }
        Path db = dir.resolve(DB);
        Path copy = dir.resolve(COMPACT_COPY);
        removeCopy(copy);
        int before = pageSize();
        long sizeBefore = fileSize(db);
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw new CaseBusyException("the case " + dir + " is being read by another program (a Sakshi window?);"
                        + " close it and run 'sakshi case compact' again; nothing was changed");
            }
        } catch (SQLException e) {
            throw wrap(dir, "checkpoint", e);
        }
        boolean replaced = false;
        boolean closed = false;
        try {
            steps.at("checkpointed");
            try {
                org.sakshi.core.OwnerOnly.file(copy); // empty, 0600: VACUUM INTO fills it with the owner's mode
            } catch (java.io.IOException e) {
                throw new StorageException("cannot write the compacted copy " + copy + " (" + e.getMessage()
                        + "); nothing was changed", e);
            }
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA page_size=" + pageSize);
                try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
                    ps.setString(1, copy.toAbsolutePath().toString());
                    ps.execute();
                }
            } catch (SQLException e) {
                throw wrap(dir, "write a compacted copy of", e);
            }
            steps.at("copied");
            checkCopy(copy, pageSize, check);
            steps.at("checked");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(copy,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            } catch (java.io.IOException e) {
                throw new StorageException("cannot write the compacted copy " + copy + " to disk (" + e.getMessage()
                        + "); nothing was changed", e);
            }
            steps.at("synced");
            closed = true;
            try {
                conn.close();
            } catch (SQLException e) {
                throw wrap(dir, "close", e);
            }
            if (Files.exists(dir.resolve(DB + "-wal")) || Files.exists(dir.resolve(DB + "-shm"))) {
                throw new CaseBusyException("the case " + dir + " is open in another program (a Sakshi window?);"
                        + " close it and run 'sakshi case compact' again; nothing was changed");
            }
            steps.at("closed");
            try {
                Files.move(copy, db, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new StorageException("cannot put the compacted copy in place of " + db + " (" + e.getMessage()
                        + "); nothing was changed", e);
            }
            replaced = true;
            fsyncDir(dir);
            steps.at("renamed");
        } finally {
            if (!replaced) {
                removeCopy(copy);
            }
            if (closed) {
                conn = connect(dir);
            }
        }
        int after = pageSize();
        if (after != pageSize) {
            throw new StorageException("the compacted database of " + dir + " has " + after + "-byte pages, not "
                    + pageSize + "; run 'sakshi custody verify " + dir + "' and report it");
        }
        steps.at("reopened");
        return new Compaction(before, after, sizeBefore, fileSize(db));
    }

    /** The copy must be a sound WAL database of the same tables, rows and ledger as case.db. */
    private void checkCopy(Path copy, int pageSize, CopyCheck check) throws SakshiException {
        String url = "jdbc:sqlite:" + copy.toAbsolutePath();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> schema;
        try {
            schema = schemaOf(conn, rows);
        } catch (SQLException e) {
            throw wrap(dir, "read the tables of", e);
        }
        Map<String, Long> copyRows = new LinkedHashMap<>();
        try (Connection c = org.sqlite.JDBC.createConnection(url, new java.util.Properties());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new StorageException("the compacted copy of " + dir + " could not be switched to WAL;"
                            + " nothing was changed");
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                String ok = rs.next() ? rs.getString(1) : null;
                if (!"ok".equals(ok)) {
                    throw new StorageException("the compacted copy of " + dir + " fails SQLite's integrity check (" + ok
                            + "); nothing was changed");
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                if (!rs.next() || rs.getInt(1) != pageSize) {
                    throw new StorageException("the compacted copy of " + dir + " did not get " + pageSize
                            + "-byte pages; nothing was changed");
                }
            }
            if (!schema.equals(schemaOf(c, copyRows)) || !rows.equals(copyRows)) {
                throw new StorageException("the compacted copy of " + dir + " does not hold the same tables and rows"
                        + " as its " + DB + "; nothing was changed");
            }
        } catch (SQLException e) {
            throw wrap(dir, "check the compacted copy of", e);
        }
        CaseStore c = new CaseStore(dir, connectFile(copy), null, clock, workstation, null);
        try (c) {
            c.loadInfo();
            check.check(c);
        }
    }

    /** The schema (type, name, table, SQL of every object) and each table's row count into {@code rows}. */
    private List<String> schemaOf(Connection c, Map<String, Long> rows) throws SQLException {
        List<String> schema = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                schema.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                if ("table".equals(rs.getString(1))) {
                    tables.add(rs.getString(2));
                }
            }
        }
        for (String t : tables) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                rows.put(t, rs.next() ? rs.getLong(1) : -1);
            }
        }
        return schema;
    }

    /** A connection configured as every case connection, to another database file (the compacted copy). */
    private static Connection connectFile(Path file) throws StorageException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(5000);
        try {
            return org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
        } catch (SQLException e) {
            throw wrap(file.getParent(), "open the compacted copy of", e);
        }
    }

    private void removeCopy(Path copy) throws StorageException {
        try {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
            }
        } catch (java.io.IOException e) {
            throw new StorageException("cannot remove the unfinished compacted copy " + copy + " (" + e.getMessage()
                    + "); remove it by hand and try again", e);
        }
    }

    private long fileSize(Path p) throws StorageException {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot read the size of " + p + " (" + e.getMessage() + ")", e);
        }
    }

    /** Makes a rename in {@code d} durable (best effort where the file system cannot sync a directory). */
    private static void fsyncDir(Path d) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(d, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.io.IOException e) {
            LOG.debug("directory fsync not supported for {}", d);
        }
    }

    // ------------------------------------------------------------------ paged reads (large cases in the window)

    /** Receives one event row of a paged read; returns false to stop reading. */
    @FunctionalInterface
    public interface EventRowSink {
        boolean accept(long seq, String json);
    }

    /**
     * Streams the events with {@code seq >= fromSeq} that pass the filter, in seq order (keyset paging;
     * portable SQL): {@code type} and {@code itemId} (compared case-insensitively) null for any,
     * {@code caseLevel} for only events without an item. {@code limit <= 0} reads to the end; the json
     * column (the stored line) is read only when {@code withJson}, else the sink gets null.
     */
    public void forEachEvent(long fromSeq, String type, String itemId, boolean caseLevel, int limit, boolean withJson,
                             EventRowSink sink) throws SakshiException {
        StringBuilder sql = new StringBuilder("SELECT seq").append(withJson ? ", json" : "")
                .append(" FROM events WHERE seq >= ?");
        if (type != null) {
            sql.append(" AND type = ?");
        }
        if (caseLevel) {
            sql.append(" AND item_id IS NULL");
        } else if (itemId != null) {
            sql.append(" AND UPPER(item_id) = ?");
        }
        sql.append(" ORDER BY seq");
        if (limit > 0) {
            sql.append(" LIMIT ?");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, fromSeq);
            if (type != null) {
                ps.setString(i++, type);
            }
            if (!caseLevel && itemId != null) {
                ps.setString(i++, itemId.toUpperCase(java.util.Locale.ROOT));
            }
            if (limit > 0) {
                ps.setInt(i, limit);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!sink.accept(rs.getLong(1), withJson ? rs.getString(2) : null)) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        }
    }

    /** The number of events and the lowest and highest seq ({@code {0, 0, 0}} for an empty ledger). */
    public long[] eventBounds() throws SakshiException {
        // three queries: MIN and MAX alone each read one end of the key; with COUNT they would scan
        return new long[] {queryLong("SELECT COUNT(*) FROM events"), queryLong("SELECT MIN(seq) FROM events"),
            queryLong("SELECT MAX(seq) FROM events")};
    }

    /** The distinct event types in the ledger, sorted. */
    public List<String> eventTypes() throws SakshiException {
        return distinct("SELECT DISTINCT type FROM events ORDER BY type");
    }


    private List<String> distinct(String sql) throws SakshiException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw wrap(dir, "read the ledger of", e);
        }
    }
}
