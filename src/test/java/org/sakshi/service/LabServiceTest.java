package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.ingest.Ingest;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.ServerConfig;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.PgCluster;
import org.sakshi.vault.SinkFactory;

/** Moving cases between a folder and a lab server, and the lab-wide audit, on the tests' PostgreSQL. */
class LabServiceTest {
    @TempDir
    Path tmp;

    private Fixture fx;
    private LabService lab;

    private void start() throws Exception {
        ServerConfig server = PgCluster.shared().newServer("lab", tmp.resolve("lab-vault"));
        Files.createDirectories(server.vault());
        fx = new Fixture(SinkFactory.DIRECT, new Ingest(), server);
        LabServers servers = new LabServers(tmp.resolve("profile"));
        servers.save(server);
        lab = new LabService(fx.access, servers, fx.custody, AuditService.standard(fx.cases, fx.custody, fx.evidence));
    }

    private Path folderCase() throws Exception {
        Path c = tmp.resolve("FIR-12");
        fx.cases.create(c, new NewCase("FIR-12/2026", "Trafficking ring", "PS Sadar", org.sakshi.core.Jurisdiction.IN,
                java.time.ZoneId.of("Asia/Kolkata"), Fixture.OFFICER), null);
        Path a = Files.writeString(tmp.resolve("a.txt"), "statement");
        fx.imports.importPaths(c, List.of(a), Fixture.plain(), null, null);
        fx.custody.note(c, null, "sealed in bag S-1", List.of("E0001"));
        return c;
    }

    @Test
    void aFolderCaseMovedToTheServerKeepsItsLedgerEndsWithCaseMovedAndTheFolderIsClosedToChanges() throws Exception {
        start();
        Path c = folderCase();
        LedgerStatus before = fx.custody.verify(c);
        Path moved = lab.moveToServer(c, "lab", null, Fixture.OFFICER);

        assertEquals(tmp.resolve("lab-vault").resolve("FIR-12"), moved);
        assertTrue(ServerLink.isLink(moved));
        assertFalse(Files.exists(moved.resolve(CaseStore.DB)));
        LedgerStatus after = fx.custody.verify(moved);
        assertTrue(after.intact(), after.message());
        assertEquals(before.events() + 1, after.events());
        List<CustodyEvent> ev = fx.custody.events(moved);
        CustodyEvent last = ev.get(ev.size() - 1);
        assertEquals("CASE_MOVED", last.type());
        assertEquals("server:lab", last.details().get("to"));
        assertEquals("folder:" + c.toAbsolutePath().normalize(), last.details().get("from"));
        assertEquals(before.head(), last.details().get("head"));
        assertEquals(fx.custody.events(c), ev, "the folder's ledger ends with the same event");
        assertArrayEquals(Files.readAllBytes(fx.evidence.blobPath(c, "E0001")),
                Files.readAllBytes(fx.evidence.blobPath(moved, "E0001")));

        InputException closed = assertThrows(InputException.class, () -> fx.custody.note(c, null, "late", List.of()));
        assertTrue(closed.getMessage().contains("moved to server:lab"), closed.getMessage());
        fx.custody.note(moved, null, "examined on the server", List.of());
        assertTrue(fx.custody.verify(moved).intact());
        var audit = AuditService.standard(fx.cases, fx.custody, fx.evidence).auditCase(moved, AuditOptions.DEFAULTS);
        assertEquals(1, audit.findings("CASE_MOVED").size(), () -> audit.findings().toString());
        assertFalse(audit.hasErrors(), () -> audit.findings().toString());
    }

    @Test
    void aServerCaseMovedBackToAFolderVerifiesAndTheServerCopyIsClosed() throws Exception {
        start();
        Path c = folderCase();
        Path onServer = lab.moveToServer(c, "lab", null, Fixture.OFFICER);
        fx.custody.note(onServer, null, "examined", List.of());
        Path back = lab.moveToFolder(onServer, tmp.resolve("back"), Fixture.OFFICER);

        assertTrue(Files.isRegularFile(back.resolve(CaseStore.DB)));
        LedgerStatus st = fx.custody.verify(back);
        assertTrue(st.intact(), st.message());
        List<CustodyEvent> ev = fx.custody.events(back);
        assertEquals(2, ev.stream().filter(e -> e.type().equals("CASE_MOVED")).count());
        assertEquals("folder:" + back.toAbsolutePath().normalize(), ev.get(ev.size() - 1).details().get("to"));
        assertEquals("statement", Files.readString(fx.evidence.blobPath(back, "E0001")));
        InputException closed = assertThrows(InputException.class,
                () -> fx.custody.note(onServer, null, "late", List.of()));
        assertTrue(closed.getMessage().contains("moved to folder:"), closed.getMessage());
    }

    @Test
    void aCaseMovedBackOntoTheServerThatKeepsItsClosedCopyReopensItThereWithTheFoldersLaterEvents() throws Exception {
        start();
        Path c = folderCase();
        Path onServer = lab.moveToServer(c, "lab", null, Fixture.OFFICER);
        fx.custody.note(onServer, null, "examined on the server", List.of());
        Path back = lab.moveToFolder(onServer, tmp.resolve("back"), Fixture.OFFICER);
        fx.custody.note(back, null, "examined in the field", List.of());
        fx.imports.importPaths(back, List.of(Files.writeString(tmp.resolve("b.txt"), "second statement")),
                Fixture.plain(), null, null);

        InputException elsewhere = assertThrows(InputException.class,
                () -> lab.moveToServer(back, "lab", tmp.resolve("lab-vault").resolve("again"), Fixture.OFFICER));
        assertTrue(elsewhere.getMessage().contains("move it back there (leave out --to)"), elsewhere.getMessage());
        Path again = lab.moveToServer(back, "lab", null, Fixture.OFFICER);

        assertEquals(onServer, again, "the server's own folder for the case");
        LedgerStatus st = fx.custody.verify(again);
        assertTrue(st.intact(), st.message());
        List<CustodyEvent> ev = fx.custody.events(again);
        assertEquals(fx.custody.events(back), ev, "the server's ledger is the folder's, ending with the same CASE_MOVED");
        assertEquals(3, ev.stream().filter(e -> e.type().equals("CASE_MOVED")).count());
        assertEquals("second statement", Files.readString(fx.evidence.blobPath(again, "E0002")));
        assertEquals(fx.evidence.items(back), fx.evidence.items(again), "every item and its state");
        fx.custody.note(again, null, "open on the server again", List.of());
        assertTrue(fx.custody.verify(again).intact());
        InputException closed = assertThrows(InputException.class, () -> fx.custody.note(back, null, "late", List.of()));
        assertTrue(closed.getMessage().contains("moved to server:lab"), closed.getMessage());
        var audit = AuditService.standard(fx.cases, fx.custody, fx.evidence).auditCase(again, AuditOptions.DEFAULTS);
        assertFalse(audit.hasErrors(), () -> audit.findings().toString());
    }

    @Test
    void aMoveThatFailsAfterTheCopyLeavesTheFolderOpenTheServerCopyClosedAndRunningItAgainFinishesIt() throws Exception {
        start();
        Path c = folderCase();
        LabService.faults = step -> {
            if (step.equals("copied")) {
                throw new org.sakshi.core.StorageException("the connection to the lab server was lost (test)");
            }
        };
        try {
            assertThrows(org.sakshi.core.StorageException.class, () -> lab.moveToServer(c, "lab", null, Fixture.OFFICER));
        } finally {
            LabService.faults = step -> { };
        }
        Path onServer = tmp.resolve("lab-vault").resolve("FIR-12");
        assertTrue(ServerLink.isLink(onServer), "the copy was made");
        InputException arriving = assertThrows(InputException.class,
                () -> fx.custody.note(onServer, null, "too early", List.of()));
        assertTrue(arriving.getMessage().contains("still being moved here from folder:"), arriving.getMessage());
        assertTrue(fx.custody.verify(onServer).intact());
        fx.custody.note(c, null, "the folder is still the case's place", List.of()); // open: nothing was closed
        assertTrue(fx.custody.verify(c).intact());

        Path moved = lab.moveToServer(c, "lab", null, Fixture.OFFICER);

        assertEquals(onServer, moved);
        assertEquals(fx.custody.events(c), fx.custody.events(moved), "the note made in between moved too");
        assertTrue(fx.custody.verify(moved).intact());
        assertEquals("CASE_MOVED", fx.custody.events(moved).get(fx.custody.events(moved).size() - 1).type());
        fx.custody.note(moved, null, "examined on the server", List.of());
        assertThrows(InputException.class, () -> fx.custody.note(c, null, "late", List.of()));
    }

    @Test
    void aMoveThatFailsAfterTheFolderRecordedCaseMovedLeavesNoPlaceOpenAndRunningItAgainFinishesIt() throws Exception {
        start();
        Path c = folderCase();
        LabService.faults = step -> {
            if (step.equals("closed")) {
                throw new org.sakshi.core.StorageException("the connection to the lab server was lost (test)");
            }
        };
        try {
            assertThrows(org.sakshi.core.StorageException.class, () -> lab.moveToServer(c, "lab", null, Fixture.OFFICER));
        } finally {
            LabService.faults = step -> { };
        }
        Path onServer = tmp.resolve("lab-vault").resolve("FIR-12");
        InputException folderClosed = assertThrows(InputException.class,
                () -> fx.custody.note(c, null, "late", List.of()));
        assertTrue(folderClosed.getMessage().contains("did not finish") && folderClosed.getMessage()
                .contains("run the same 'sakshi case move"), folderClosed.getMessage());
        assertThrows(InputException.class, () -> fx.custody.note(onServer, null, "too early", List.of()));
        assertTrue(fx.custody.verify(c).intact(), "the folder's ledger, ending with CASE_MOVED, verifies");
        assertTrue(fx.custody.verify(onServer).intact(), "the server's copy, without it yet, verifies");
        assertEquals(fx.custody.events(c).size() - 1, fx.custody.events(onServer).size());

        Path moved = lab.moveToServer(c, "lab", null, Fixture.OFFICER);
        assertEquals(fx.custody.events(c), fx.custody.events(moved));
        fx.custody.note(moved, null, "examined on the server", List.of());
        assertTrue(fx.custody.verify(moved).intact());
        assertEquals(moved, lab.moveToServer(c, "lab", null, Fixture.OFFICER), "running it once more changes nothing");
        assertThrows(InputException.class, () -> fx.custody.note(c, null, "late", List.of()));
    }

    @Test
    void aMoveBackToAFolderThatFailsAfterTheCopyLeavesTheServerCaseOpenAndRemovesTheHalfMadeFolder() throws Exception {
        start();
        Path onServer = lab.moveToServer(folderCase(), "lab", null, Fixture.OFFICER);
        Path back = tmp.resolve("back");
        LabService.faults = step -> {
            if (step.equals("copied")) {
                throw new org.sakshi.core.StorageException("disk lost (test)");
            }
        };
        try {
            assertThrows(org.sakshi.core.StorageException.class, () -> lab.moveToFolder(onServer, back, Fixture.OFFICER));
        } finally {
            LabService.faults = step -> { };
        }
        assertTrue(Files.isRegularFile(back.resolve(CaseStore.ARRIVING_FILE)), "the half-made folder stays closed");
        assertThrows(InputException.class, () -> fx.custody.note(back, null, "too early", List.of()));
        fx.custody.note(onServer, null, "still on the server", List.of());
        Path moved = lab.moveToFolder(onServer, back, Fixture.OFFICER);
        assertEquals(fx.custody.events(onServer), fx.custody.events(moved));
        assertFalse(Files.exists(back.resolve(CaseStore.ARRIVING_FILE)));
        fx.custody.note(moved, null, "in the folder", List.of());
        assertTrue(fx.custody.verify(moved).intact());
        assertThrows(InputException.class, () -> fx.custody.note(onServer, null, "late", List.of()));
    }

    @Test
    void aCaseWhoseLedgerWasRewrittenIsNotMoved() throws Exception {
        start();
        Path c = folderCase();
        fx.editBehindTheBack(c, "UPDATE events SET json = replace(json, 'S-1', 'S-9') WHERE type = 'NOTE'");
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> lab.moveToServer(c, "lab", null, Fixture.OFFICER));
        assertTrue(e.getMessage().contains("not intact"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("lab-vault").resolve("FIR-12")));
        assertTrue(lab.servers().cases("lab").isEmpty(), "nothing was registered on the server");
    }

    @Test
    void theLabWideAuditListsEveryCaseOnTheServerWithItsFindings() throws Exception {
        start();
        Path one = fx.newCase(tmp.resolve("lab-vault").resolve("one"));
        Path two = fx.newCase(tmp.resolve("lab-vault").resolve("two"));
        fx.imports.importPaths(two, List.of(Files.writeString(tmp.resolve("b.txt"), "b")), Fixture.plain(), null, null);
        fx.custody.transfer(two, Fixture.OFFICER, new TransferRequest("Dr. Iyer", "lab", null, null, List.of("E0001")));
        fx.evidence.open(two, "E0001", Fixture.OFFICER, "curiosity");
        List<LabService.CaseAudit> all = lab.auditAll("lab", AuditOptions.DEFAULTS);
        assertEquals(2, all.size());
        assertEquals(one, all.get(0).folder());
        assertNull(all.get(0).problem());
        assertTrue(all.get(0).report().ledger().intact());
        assertTrue(all.get(1).report().hasErrors(), "the former holder opening the item is an error");
    }
}
