package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Clock;
import org.sakshi.core.InputException;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.StorageException;
import org.sakshi.core.Workstation;

class CaseStoreTest {
    @TempDir
    Path tmp;

    static final Clock CLOCK = () -> Instant.parse("2026-07-28T08:35:00.123Z");
    static final Workstation WS = new Workstation("ws", "rao", "sakshi test");

    private Path newCase() throws Exception {
        Path dir = tmp.resolve("case");
        CaseInfo info = new CaseInfo(UUID.randomUUID(), "FIR-1", "t", "PS", Jurisdiction.IN, "SI Rao",
                ZoneId.of("Asia/Kolkata"), CLOCK.now());
        try (CaseStore s = CaseStore.create(dir, info, CLOCK, WS, Duration.ofMillis(200))) {
            s.tx(() -> s.append(new EventDraft("CASE_CREATED", Actor.named("SI Rao"), null, null, Map.of())));
        }
        return dir;
    }

    private static Connection raw(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("case.db"));
    }

    @Test
    void theStoreRefusesToUpdateAnEvent() throws Exception {
        Path dir = newCase();
        try (Connection c = raw(dir); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE events SET type='X'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void theStoreRefusesToDeleteAnEvent() throws Exception {
        Path dir = newCase();
        try (Connection c = raw(dir); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM events"));
        }
    }

    @Test
    void aNewCaseHasLargePagesAndACaseMadeWithSmallOnesKeepsThemAndOpens() throws Exception {
        Path dir = newCase();
        try (Connection c = raw(dir); Statement st = c.createStatement()) {
            assertEquals(CaseStore.NEW_CASE_PAGE_SIZE, pragma(st, "page_size"));
            assertEquals("wal", String.valueOf(pragmaText(st, "journal_mode")));
            // a case as earlier versions made it: 4 KiB pages
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("PRAGMA page_size=4096");
            st.execute("VACUUM");
            st.execute("PRAGMA journal_mode=WAL");
            assertEquals(4096, pragma(st, "page_size"));
        }
        try (CaseStore s = CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(200))) {
            s.tx(() -> s.append(new EventDraft("NOTE", Actor.named("SI Rao"), null, null, Map.of("text", "x"))));
        }
        try (CaseStore s = CaseStore.openRead(dir, CLOCK, WS); Connection c = raw(dir); Statement st = c.createStatement()) {
            assertEquals("FIR-1", s.caseInfo().number());
            assertEquals(4096, pragma(st, "page_size"), "an existing case's database is never rewritten");
        }
    }

    private static int pragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static Object pragmaText(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theStoreUsesWalAndForeignKeys() throws Exception {
        Path dir = newCase();
        try (CaseStore s = CaseStore.openRead(dir, CLOCK, WS)) {
            assertEquals("FIR-1", s.caseInfo().number());
        }
        try (Connection c = raw(dir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void aStoreFromANewerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path dir = newCase();
        try (Connection c = raw(dir); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE schema_version SET version = 99");
        }
        StorageException e = assertThrows(StorageException.class,
                () -> CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("newer Sakshi"), e.getMessage());
    }

    @Test
    void aFolderWithoutCaseDbIsNotACase() throws Exception {
        Files.createDirectories(tmp.resolve("plain"));
        InputException e = assertThrows(InputException.class, () -> CaseStore.openRead(tmp.resolve("plain"), CLOCK, WS));
        assertTrue(e.getMessage().contains("not a Sakshi case folder"), e.getMessage());
    }

    @Test
    void aSecondWriterGetsCaseBusy() throws Exception {
        Path dir = newCase();
        try (CaseStore first = CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(100))) {
            CaseBusyException e = assertThrows(CaseBusyException.class,
                    () -> CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("busy"));
            try (CaseStore reader = CaseStore.openRead(dir, CLOCK, WS)) {
                assertEquals(1, reader.eventCount(), "readers are never blocked");
            }
        }
        try (CaseStore again = CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(100))) {
            assertTrue(again.writable());
        }
    }

    @Test
    void eventsChainFromTheGenesisPrev() throws Exception {
        Path dir = newCase();
        try (CaseStore s = CaseStore.openWrite(dir, CLOCK, WS, Duration.ofMillis(100))) {
            s.tx(() -> s.append(new EventDraft("NOTE", Actor.named("SI Rao"), null, null, Map.of("text", "x"))));
            var ev = s.events();
            assertEquals("0".repeat(64), ev.get(0).prev());
            assertEquals(ev.get(0).hash(), ev.get(1).prev());
            assertEquals(2, ev.get(1).seq());
        }
    }
}
