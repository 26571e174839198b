package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Clock;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.HeadSigner;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.testsupport.PgCluster;

/** A case store on a real PostgreSQL (the tests' throw-away cluster) keeps the folder store's rules. */
class ServerCaseStoreTest {
    @TempDir
    Path tmp;

    private final AtomicLong ticks = new AtomicLong();
    private final Clock clock = () -> Instant.parse("2026-07-28T08:35:00.000Z").plusMillis(ticks.incrementAndGet());
    private static final Workstation WS = new Workstation("ws", "rao", "sakshi test");

    private PgCluster pg;
    private ServerConfig server;
    private ServerDirectory servers;
    private HeadSigner key;

    @BeforeEach
    void server() throws Exception {
        pg = PgCluster.shared();
        server = pg.newServer("lab", tmp.resolve("vault"));
        servers = name -> {
            if (!name.equals("lab")) {
                throw new InputException("unknown server " + name);
            }
            return server;
        };
        key = WorkstationKey.loadOrCreate(tmp.resolve("profile"), "ws");
    }

    private Path newCase() throws Exception {
        Path dir = tmp.resolve("vault").resolve("case1");
        CaseInfo info = new CaseInfo(UUID.randomUUID(), "FIR-1", "t", "PS", Jurisdiction.IN, "SI Rao",
                ZoneId.of("Asia/Kolkata"), clock.now());
        try (CaseStore s = CaseStore.createOnServer(server, dir, info, clock, WS, key)) {
            s.tx(() -> s.append(new EventDraft("CASE_CREATED", Actor.named("SI Rao"), null, null, Map.of())));
        }
        return dir;
    }

    private String schema(Path dir) throws Exception {
        return LabServer.schemaOf(ServerLink.read(dir).orElseThrow().caseId());
    }

    private Connection asApp() throws SQLException {
        return DriverManager.getConnection("jdbc:" + server.url(), PgCluster.APP_USER, "");
    }

    @Test
    void aServerCaseFolderHoldsOnlyItsLinkAndTheLedgerLivesInItsOwnSchema() throws Exception {
        Path dir = newCase();
        assertFalse(Files.exists(dir.resolve(CaseStore.DB)));
        ServerLink link = ServerLink.read(dir).orElseThrow();
        assertEquals("lab", link.server());
        try (CaseStore s = CaseStore.openRead(dir, clock, WS, servers)) {
            assertEquals("FIR-1", s.caseInfo().number());
            assertEquals(link.caseId(), s.caseInfo().id());
            assertEquals(1, s.eventCount());
            assertNotNull(s.headLines(), "the head was signed in the transaction that appended the event");
        }
        List<LabServer.ServerCase> cases = LabServer.cases(server);
        assertEquals(1, cases.size());
        assertEquals(dir.resolve("vault").toAbsolutePath().toString(), cases.get(0).vault(), "the register says where the vault is");
    }

    @Test
    void openingAServerCaseWithoutKnowingTheServerSaysHowToAddIt() throws Exception {
        Path dir = newCase();
        InputException e = assertThrows(InputException.class, () -> CaseStore.openRead(dir, clock, WS));
        assertTrue(e.getMessage().contains("sakshi server add lab"), e.getMessage());
    }

    @Test
    void theApplicationRoleMayNotUpdateDeleteOrTruncateEventsOrHeads() throws Exception {
        Path dir = newCase();
        String s = schema(dir);
        try (Connection c = asApp(); Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE " + s + ".events SET type = 'X'", "DELETE FROM " + s + ".events",
                    "TRUNCATE " + s + ".events", "UPDATE " + s + ".heads SET line = 'x'", "DELETE FROM " + s + ".heads",
                    "DROP TRIGGER events_no_change ON " + s + ".events", "CREATE TABLE " + s + ".x (a int)")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner"),
                        sql + ": " + e.getMessage());
            }
        }
    }

    @Test
    void evenTheOwnerIsRefusedAnUpdateOrDeleteOfAnEventByTheTriggers() throws Exception {
        Path dir = newCase();
        String s = schema(dir);
        try (Connection c = pg.admin(server.url().substring(server.url().lastIndexOf('/') + 1));
             Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE " + s + ".events SET type = 'X'", "DELETE FROM " + s + ".events",
                    "TRUNCATE " + s + ".events", "DELETE FROM " + s + ".heads")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only"), sql + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aRewrittenEventIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path dir = newCase();
        try (CaseStore s = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers)) {
            s.tx(() -> s.append(new EventDraft("NOTE", Actor.named("SI Rao"), null, null, Map.of("text", "seized"))));
        }
        String s = schema(dir);
        try (Connection c = pg.admin(server.url().substring(server.url().lastIndexOf('/') + 1));
             Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + s + ".events DISABLE TRIGGER USER");
            st.execute("UPDATE " + s + ".events SET hash = md5(hash) || md5(hash), json = replace(json, 'seized', 'lost')"
                    + " WHERE seq = (SELECT MAX(seq) FROM " + s + ".events)");
            st.execute("ALTER TABLE " + s + ".events ENABLE TRIGGER USER");
        }
        long before;
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            before = r.eventCount();
        }
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers));
        assertTrue(e.getMessage().contains("rewritten"), e.getMessage());
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            assertEquals(before, r.eventCount(), "nothing was written");
        }
    }

    @Test
    void eventsInsertedBehindSakshisBackAreAdoptedOnTheRecord() throws Exception {
        Path dir = newCase();
        String s = schema(dir);
        CaseStore forger;
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            var last = r.events().get(r.events().size() - 1);
            var forged = org.sakshi.core.ledger.EventCodec.seal(new org.sakshi.core.CustodyEvent(last.seq() + 1,
                    UUID.randomUUID(), last.caseId(), clock.now(), "NOTE", Actor.named("X"), WS, null, null,
                    Map.of("text", "planted"), last.hash(), null, null));
            try (Connection c = asApp(); Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + s);
                try (var ps = c.prepareStatement("INSERT INTO events(seq, id, type, at, item_id, hash, json)"
                        + " VALUES (?,?,?,?,?,?,?)")) {
                    ps.setLong(1, forged.seq());
                    ps.setString(2, forged.id().toString());
                    ps.setString(3, forged.type());
                    ps.setString(4, org.sakshi.core.ledger.EventCodec.formatAt(forged.at()));
                    ps.setString(5, null);
                    ps.setString(6, forged.hash());
                    ps.setString(7, org.sakshi.core.ledger.EventCodec.toJsonLine(forged));
                    ps.executeUpdate();
                }
            }
        }
        try (CaseStore w = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers)) {
            var types = w.events().stream().map(e -> e.type()).toList();
            assertEquals("LEDGER_ADOPTED", types.get(types.size() - 1), types.toString());
        }
    }

    @Test
    void itemIdsHandedToConcurrentImportersNeverRepeat() throws Exception {
        Path dir = newCase();
        try (CaseStore a = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers);
             CaseStore b = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers)) {
            String first = a.nextItemId();
            String second = b.nextItemId();
            assertEquals("E0001", first);
            assertEquals("E0002", second);
        }
        try (Connection c = asApp(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n FROM " + schema(dir) + ".item_counter")) {
            rs.next();
            assertEquals(2, rs.getLong(1));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 90, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriterWaitingTooLongForAnotherWorkstationsLockHearsTheCaseIsBusyAndWritesNothing() throws Exception {
        Path dir = newCase();
        UUID id = ServerLink.read(dir).orElseThrow().caseId();
        long events;
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            events = r.eventCount();
        }
        Duration before = CaseStore.serverLockWait;
        CaseStore.serverLockWait = Duration.ofSeconds(1);
        try (Connection stalled = asApp(); Statement st = stalled.createStatement()) {
            // another workstation's transaction that never ends holds the case's lock
            st.execute("SELECT pg_advisory_lock(" + CaseStore.lockKeyOf(id) + ")");
            org.sakshi.core.CaseBusyException busy = assertThrows(org.sakshi.core.CaseBusyException.class, () -> {
                try (CaseStore w = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers)) {
                    w.tx(() -> w.append(new EventDraft("NOTE", Actor.named("SI Rao"), null, null,
                            Map.of("text", "waits"))));
                }
            });
            assertTrue(busy.getMessage().contains("busy on its lab server"), busy.getMessage());
            st.execute("SELECT pg_advisory_unlock(" + CaseStore.lockKeyOf(id) + ")");
        } finally {
            CaseStore.serverLockWait = before;
        }
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            assertEquals(events, r.eventCount(), "nothing was written while the case was busy");
        }
        try (CaseStore w = CaseStore.openWrite(dir, clock, WS, Duration.ofSeconds(1), key, servers)) {
            w.tx(() -> w.append(new EventDraft("NOTE", Actor.named("SI Rao"), null, null, Map.of("text", "now"))));
        }
        try (CaseStore r = CaseStore.openRead(dir, clock, WS, servers)) {
            assertTrue(r.eventCount() > events, "once the lock is free the write goes through");
        }
    }
}
