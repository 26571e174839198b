package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.StorageException;
import org.sakshi.core.ledger.EventDetails;

/**
 * {@code sakshi case compact} on real case folders (docs/cli.md#case-compact): a case made with
 * 4 KiB pages gets 32 KiB pages with every table and row kept and its ledger verifying; a tampered
 * ledger is refused with nothing changed; a crash or a failure at every step leaves the old or the
 * new database, never a mix. Folder cases only: a lab server's database is the server owner's.
 */
class CaseCompactTest {
    private static final Actor LAB = new Actor("Dr. N. Sen", "Examiner", "FSL-7", "FSL Kolkata", null);
    private static final List<String> STEPS = List.of("checkpointed", "copied", "checked", "synced", "closed", "renamed",
            "reopened");

    @TempDir
    Path tmp;

    @AfterEach
    void noFaults() {
        CustodyService.compactSteps = step -> { };
    }

    /** A case with two imported items, a note and a transfer, its database rewritten with 4 KiB pages as before session 8. */
    private Path oldCase(Fixture fx) throws Exception {
        Path c = fx.newCase(tmp.resolve("case"));
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("chat.txt");
        Files.writeString(a, "seized note");
        Files.writeString(b, "25/03/2026, 21:15 - Ravi: meet at the station\n25/03/2026, 21:16 - Asha: ok\n");
        fx.imports.importPaths(c, List.of(a, b), Fixture.plain(), null, null);
        fx.custody.note(c, Fixture.OFFICER, "sealed in bag S-1", List.of("E0001"));
        fx.custody.transfer(c, Fixture.OFFICER, new TransferRequest("FSL Kolkata", "analysis", "Malkhana", "S-1",
                List.of("E0001", "E0002")));
        sql(c, "PRAGMA journal_mode=DELETE", "PRAGMA page_size=4096", "VACUUM", "PRAGMA journal_mode=WAL");
        assertEquals(4096, pageSize(c));
        return c;
    }

    @Test
    void aCaseWithFourKibPagesGetsThirtyTwoKibPagesWithEveryRowKeptAndItsLedgerVerifying() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        Map<String, List<String>> before = dump(c);
        long eventsBefore = fx.custody.verify(c).events();

        CustodyService.Compacted done = fx.custody.compact(c, LAB);

        assertEquals(4096, done.pageSizeBefore());
        assertEquals(32768, done.pageSize());
        assertEquals(32768, pageSize(c));
        assertEquals(eventsBefore + 1, done.events());
        LedgerStatus st = fx.custody.verify(c);
        assertTrue(st.intact(), st.message());
        assertEquals(done.head(), st.head());
        assertEquals(before, withoutLastEvent(dump(c)), "every table and row but the new event is as before");
        CustodyEvent e = fx.custody.events(c).getLast();
        assertEquals(EventType.CASE_COMPACTED.name(), e.type());
        assertEquals("Dr. N. Sen", e.actor().name());
        assertEquals("case.db", e.details().get(EventDetails.CaseCompacted.FILE));
        assertEquals(4096L, ((Number) e.details().get(EventDetails.CaseCompacted.PAGE_SIZE_BEFORE)).longValue());
        assertEquals(32768L, ((Number) e.details().get(EventDetails.CaseCompacted.PAGE_SIZE)).longValue());
        assertEquals(eventsBefore, ((Number) e.details().get(EventDetails.CaseCompacted.EVENTS)).longValue());
        assertEquals("wal", single(c, "PRAGMA journal_mode"));
        assertTrue(leftovers(c).isEmpty(), leftovers(c).toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(c.resolve("case.db"))));
        // the case goes on: a later write appends to the compacted database and still verifies
        fx.custody.note(c, Fixture.OFFICER, "returned to the malkhana", List.of());
        assertTrue(fx.custody.verify(c).intact());
        // and the lab's audit says why the file changed, without an error
        var audit = org.sakshi.service.AuditService.standard(fx.cases, fx.custody, fx.evidence).auditCase(c,
                org.sakshi.core.audit.AuditOptions.DEFAULTS);
        var found = audit.findings("CASE_COMPACTED");
        assertEquals(1, found.size(), () -> audit.findings().toString());
        assertTrue(found.get(0).message().contains("rewrote case.db with 32768-byte pages (before: 4096)"),
                found.get(0).message());
        assertFalse(audit.hasErrors(), () -> audit.findings().toString());
    }

    @Test
    void aTamperedLedgerIsRefusedAndTheDatabaseFileIsLeftByteForByte() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        Fixture.editBehindTheBack(c, null, "UPDATE events SET json = replace(json, 'sealed in bag S-1', 'sealed in bag S-9')"
                + " WHERE type = 'NOTE'");
        sql(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] db = Files.readAllBytes(c.resolve("case.db"));

        IntegrityException x = assertThrows(IntegrityException.class, () -> fx.custody.compact(c, LAB));

        assertTrue(x.getMessage().contains("does not verify"), x.getMessage());
        assertTrue(x.getMessage().contains("nothing was changed: run 'sakshi custody verify " + c + "'"), x.getMessage());
        assertTrue(java.util.Arrays.equals(db, Files.readAllBytes(c.resolve("case.db"))), "case.db is unchanged");
        assertEquals(4096, pageSize(c));
        assertTrue(leftovers(c).isEmpty(), leftovers(c).toString());
    }

    @Test
    void aLedgerCutShortBehindItsSignedHeadsIsRefusedBeforeAnythingIsRecorded() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        long last = fx.custody.verify(c).events();
        Fixture.editBehindTheBack(c, null, "DELETE FROM events WHERE seq = ?", last);

        IntegrityException x = assertThrows(IntegrityException.class, () -> fx.custody.compact(c, LAB));

        assertTrue(x.getMessage().contains("does not verify") && x.getMessage().contains("nothing was changed"),
                x.getMessage());
        assertEquals(last - 1, count(c));
        assertEquals(4096, pageSize(c));
    }

    /**
     * A crash at each step, stood in for by a copy of the case folder taken there (what a kill would
     * leave on disk): every copy opens, verifies and holds every row, with the old page size up to
     * the rename and the new one from it; compacting such a copy again finishes the job.
     */
    @Test
    void aCrashAtEveryStepLeavesEitherTheOldOrTheNewDatabaseAndEveryRow() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        Map<String, Path> images = new LinkedHashMap<>();
        CustodyService.compactSteps = step -> {
            Path image = tmp.resolve("crash-" + step);
            try {
                copyTree(c, image);
            } catch (java.io.IOException e) {
                throw new StorageException("copy failed: " + e.getMessage(), e);
            }
            images.put(step, image);
        };
        fx.custody.compact(c, LAB);
        CustodyService.compactSteps = step -> { };
        Map<String, List<String>> expected = dump(c);
        assertEquals(STEPS, List.copyOf(images.keySet()));

        for (Map.Entry<String, Path> image : images.entrySet()) {
            String step = image.getKey();
            Path p = image.getValue();
            boolean replaced = STEPS.indexOf(step) >= STEPS.indexOf("renamed");
            assertEquals(replaced ? 32768 : 4096, pageSize(p), step);
            LedgerStatus st = fx.custody.verify(p);
            assertTrue(st.intact(), step + ": " + st.message());
            assertEquals(expected, dump(p), step + ": every table and row");
            CustodyService.Compacted again = fx.custody.compact(p, LAB);
            assertEquals(32768, again.pageSize(), step);
            assertTrue(fx.custody.verify(p).intact(), step);
            assertTrue(leftovers(p).isEmpty(), step + ": " + leftovers(p));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkpointed", "copied", "checked", "synced", "closed"})
    void aFailureBeforeTheRenameLeavesTheOldDatabaseAndANoteSayingSo(String failAt) throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        Map<String, List<String>> before = dump(c);
        CustodyService.compactSteps = step -> {
            if (step.equals(failAt)) {
                throw new StorageException("injected failure at " + step);
            }
        };

        StorageException x = assertThrows(StorageException.class, () -> fx.custody.compact(c, LAB));

        assertEquals("injected failure at " + failAt, x.getMessage());
        assertEquals(4096, pageSize(c));
        assertTrue(leftovers(c).isEmpty(), leftovers(c).toString());
        LedgerStatus st = fx.custody.verify(c);
        assertTrue(st.intact(), st.message());
        Map<String, List<String>> after = dump(c);
        List<CustodyEvent> ev = fx.custody.events(c);
        assertEquals(EventType.CASE_COMPACTED.name(), ev.get(ev.size() - 2).type());
        assertEquals(EventType.NOTE.name(), ev.getLast().type());
        assertTrue(ev.getLast().details().get(EventDetails.Note.TEXT).toString()
                .contains("did not finish (injected failure at " + failAt + "); case.db was not changed"));
        assertEquals(before, withoutLastEvent(withoutLastEvent(after)));
    }

    @Test
    void aFailureAfterTheRenameKeepsTheNewDatabaseWhichVerifies() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        CustodyService.compactSteps = step -> {
            if (step.equals("renamed")) {
                throw new StorageException("injected failure at " + step);
            }
        };

        assertThrows(StorageException.class, () -> fx.custody.compact(c, LAB));

        assertEquals(32768, pageSize(c));
        assertTrue(fx.custody.verify(c).intact());
        assertEquals(EventType.CASE_COMPACTED.name(), fx.custody.events(c).getLast().type());
    }

    @Test
    void aCaseOpenInAnotherProgramIsNotCompacted() throws Exception {
        Fixture fx = new Fixture();
        Path c = oldCase(fx);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + c.resolve("case.db"));
                Statement st = other.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM events").close();

            CaseBusyException x = assertThrows(CaseBusyException.class, () -> fx.custody.compact(c, LAB));

            assertTrue(x.getMessage().contains("close it and run 'sakshi case compact' again; nothing was changed"),
                    x.getMessage());
        }
        assertEquals(4096, pageSize(c));
        assertTrue(fx.custody.verify(c).intact());
        assertTrue(leftovers(c).isEmpty(), leftovers(c).toString());
    }

    // ------------------------------------------------------------------ helpers (JDBC on the test's own files)

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static List<String> leftovers(Path c) throws java.io.IOException {
        try (Stream<Path> s = Files.list(c)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("case.db.")).toList();
        }
    }

    /** Every table's rows in rowid order, each row as its columns' values (blobs in hex). */
    private static Map<String, List<String>> dump(Path c) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + c.resolve("case.db"));
                Statement st = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                List<String> schema = new ArrayList<>();
                while (rs.next()) {
                    schema.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
                out.put("sqlite_master", schema);
            }
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v))
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(t, rows);
            }
        }
        return out;
    }

    private static Map<String, List<String>> withoutLastEvent(Map<String, List<String>> dump) {
        Map<String, List<String>> out = new LinkedHashMap<>(dump);
        List<String> ev = new ArrayList<>(out.get("events"));
        ev.removeLast();
        out.put("events", ev);
        return out;
    }

    private static int pageSize(Path c) throws Exception {
        return Integer.parseInt(single(c, "PRAGMA page_size"));
    }

    private static long count(Path c) throws Exception {
        return Long.parseLong(single(c, "SELECT COUNT(*) FROM events"));
    }

    private static String single(Path c, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + c.resolve("case.db"));
                Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void sql(Path c, String... statements) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + c.resolve("case.db"));
                Statement st = db.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
