package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Clock;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.storage.HeadFile;
import org.sakshi.vault.SinkFactory;

/** Key enrolment (docs/custody-ledger.md#keys): a case moving between workstations, each with its own profile. */
class LedgerKeysTest {
    @TempDir
    Path tmp;

    /** A workstation with its own profile (ledger key), reaching server cases on the tests' lab server. */
    private CaseAccess access(String host) {
        return new CaseAccess(Clock.SYSTEM, new Workstation(host, "rao", "sakshi test"), SinkFactory.BUFFERED,
                Duration.ofSeconds(3), tmp.resolve("profile-" + host), name -> Fixture.labServer());
    }

    private CustodyService station(String host) {
        return new CustodyService(access(host));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theCreatingKeyIsEnrolledInCaseCreatedAndASecondWorkstationEnrolsItselfVouchingForTheFirst(Fixture.Store store)
            throws Exception {
        CaseAccess ps = access("ps-1");
        CustodyService station = new CustodyService(ps);
        Path c = tmp.resolve("case");
        new CaseService(ps).create(c, new NewCase("FIR-12/2026", "Trafficking ring", "PS Sadar",
                org.sakshi.core.Jurisdiction.IN, java.time.ZoneId.of("Asia/Kolkata"), Fixture.OFFICER),
                store.server() == null ? null : store.server().name());
        List<CustodyEvent> ev = station.events(c);
        @SuppressWarnings("unchecked") Map<String, Object> key =
                (Map<String, Object>) ev.get(0).details().get(EventDetails.CaseCreated.KEY);
        String first = (String) key.get(EventDetails.KeyEnrolled.KEY_SHA256);
        assertEquals(ps.ledgerKey().fingerprint(), first);

        CustodyService lab = station("lab-1");
        lab.note(c, null, "received at the lab", List.of());
        ev = lab.events(c);
        CustodyEvent enrolled = ev.get(ev.size() - 2);
        assertEquals("KEY_ENROLLED", enrolled.type());
        assertEquals(List.of(first), enrolled.details().get(EventDetails.KeyEnrolled.VOUCHES));
        assertEquals("NOTE", ev.get(ev.size() - 1).type());

        // the lab trusts its own key, which vouched for the station's key
        LedgerStatus atLab = lab.verify(c);
        assertTrue(atLab.intact(), atLab.message());
        // the station does not know the lab's key until it trusts it
        LedgerStatus atStation = station.verify(c);
        assertEquals("KEY_NOT_TRUSTED", atStation.fault(), atStation.message());
        String labKey = WorkstationKey.loadOrCreate(tmp.resolve("profile-lab-1"), "lab-1").fingerprint();
        assertTrue(station.verify(c, java.util.Set.of(labKey)).intact());
        Files.writeString(tmp.resolve("profile-ps-1").resolve(WorkstationKey.TRUSTED_FILE), labKey + "\n");
        assertTrue(station.verify(c).intact());
    }

    /**
     * Folder store only: it cuts the signed-head file. A server case signs its head in the transaction
     * that appends the events, so no operation ends before signing; events inserted behind Sakshi's back
     * there are adopted the same way (LedgerAttackTest, storage/ServerCaseStoreTest).
     */
    @Test
    void anOperationThatDiedBeforeSigningIsAdoptedOnTheRecordByTheNextOne() throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        fx.custody.note(c, null, "first", List.of());
        List<String> heads = Files.readAllLines(HeadFile.of(c));
        Files.write(HeadFile.of(c), heads.subList(0, heads.size() - 1)); // as if killed before the head was written
        LedgerStatus before = fx.custody.verify(c);
        assertEquals("NOT_COVERED", before.fault(), before.message());
        assertEquals(2L, before.firstBadSeq());

        fx.custody.note(c, null, "second", List.of());
        List<CustodyEvent> ev = fx.custody.events(c);
        CustodyEvent adopted = ev.get(ev.size() - 2);
        assertEquals("LEDGER_ADOPTED", adopted.type());
        assertEquals(2L, ((Number) adopted.details().get(EventDetails.LedgerAdopted.FROM)).longValue());
        LedgerStatus after = fx.custody.verify(c);
        assertTrue(after.intact(), after.message());
        assertNull(after.fault());
        assertFalse(after.message().isBlank());
    }
}
