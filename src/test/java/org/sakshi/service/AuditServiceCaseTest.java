package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.Clock;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Workstation;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.ingest.Ingest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.vault.SinkFactory;

/** Audits of real case folders written by the engine's services, with tokens from the local TSA. */
class AuditServiceCaseTest {
    private static final Actor RAO = Actor.named("Insp. Rao");
    private static final Actor LAB = Actor.named("Dr. Iyer");

    @TempDir
    Path dir;

    @TempDir
    static Path pkiDir;

    private static LocalTsa tsa;

    @BeforeAll
    static void startTsa() throws Exception {
        tsa = LocalTsa.start(pkiDir);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    /** The engine's services on one case, with the workstation clock {@code skew} off true time. */
    private record Station(CaseService cases, ImportService imports, CustodyService custody, EvidenceService evidence,
                           AuditService audit, String server) {
        /** As above; with a lab server its new cases are kept there. */
        static Station withClockSkew(Duration skew, org.sakshi.storage.ServerConfig server) {
            Clock clock = () -> Instant.now().plus(skew);
            Workstation ws = new Workstation("ps-howrah-1", "rao", "sakshi test");
            CaseAccess access = server == null
                    ? new CaseAccess(clock, ws, SinkFactory.BUFFERED, Duration.ofSeconds(3))
                    : new CaseAccess(clock, ws, SinkFactory.BUFFERED, Duration.ofSeconds(3),
                            org.sakshi.signing.WorkstationKey.profileDir(), name -> server);
            CaseService cases = new CaseService(access);
            CustodyService custody = new CustodyService(access);
            EvidenceService evidence = new EvidenceService(access);
            return new Station(cases, new ImportService(access, new Ingest()), custody, evidence,
                    AuditService.standard(cases, custody, evidence), server == null ? null : server.name());
        }

        /** A station whose cases use {@code store}. */
        static Station on(Fixture.Store store) {
            return on(store, Duration.ZERO);
        }

        /** A station whose cases use {@code store}, its clock {@code skew} off true time. */
        static Station on(Fixture.Store store, Duration skew) {
            return withClockSkew(skew, store.server());
        }
    }

    private Path newCase(Station s, List<TimestampSource> tsas, String source) throws Exception {
        Path caseDir = dir.resolve("case");
        s.cases().create(caseDir, new NewCase("FIR 112/2026", "Trafficking ring", "Howrah PS", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), RAO), s.server());
        Path evidence = Files.writeString(dir.resolve("statement.txt"), "victim statement, page 1\n");
        s.imports().importPaths(caseDir, List.of(evidence), new ImportRequest(null, null, null,
                new SourceDetails(source, null, null, null, null, null), null, tsas, RAO),
                org.sakshi.core.ProgressListener.NONE, new org.sakshi.core.CancelFlag());
        return caseDir;
    }

    private static Set<String> problems(AuditReport r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aCleanCaseHandedToTheLabHasNoErrorOrWarning(Fixture.Store store) throws Exception {
        Station s = Station.on(store);
        Path caseDir = newCase(s, List.of(tsa.source()), "handed over by the victim");
        s.custody().transfer(caseDir, RAO, new TransferRequest("Dr. Iyer", "lab examination", "FSL Kolkata", "S-17",
                List.of()));
        s.evidence().open(caseDir, "E0001", LAB, "examination");
        s.custody().anchor(caseDir, LAB, List.of(tsa.source()));
        AuditReport r = s.audit().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertEquals(AuditScope.CASE, r.scope());
        assertTrue(r.ledger().intact());
        assertEquals(Set.of(), problems(r), () -> r.findings().toString());
        List<TimelineEntry> t = r.item("E0001").orElseThrow().timeline();
        assertEquals("ITEM_IMPORTED", t.get(0).type());
        assertEquals("Dr. Iyer", t.get(t.size() - 1).custodian());
        assertEquals("ps-howrah-1", t.get(0).host());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theFormerHolderOpeningAnItemAfterTheHandOverIsAnError(Fixture.Store store) throws Exception {
        Station s = Station.on(store);
        Path caseDir = newCase(s, List.of(tsa.source()), null);
        s.custody().transfer(caseDir, RAO, new TransferRequest("Dr. Iyer", "lab examination", null, null,
                List.of("E0001")));
        s.evidence().open(caseDir, "E0001", RAO, "curiosity");
        AuditReport r = s.audit().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertEquals(Set.of("ACT_BY_NON_CUSTODIAN"), problems(r), () -> r.findings().toString());
        assertTrue(r.hasErrors());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aWorkstationClockTwoHoursFastIsFoundFromTheImportToken(Fixture.Store store) throws Exception {
        Station s = Station.on(store, Duration.ofHours(2));
        Path caseDir = newCase(s, List.of(tsa.source()), null);
        AuditReport r = s.audit().auditCase(caseDir, AuditOptions.DEFAULTS);
        // the import batch ends with an anchor over the ledger head (docs/custody-ledger.md#anchors), which
        // proves the import events existed 2 h before the times they carry: forward-dated, an ERROR
        assertEquals(Set.of("CLOCK_DRIFT", "EVENT_AFTER_TOKEN"), problems(r), () -> r.findings().toString());
        Finding f = r.findings("CLOCK_DRIFT").get(0);
        assertTrue(f.message().contains("ps-howrah-1") && f.message().contains("ahead"), f.message());
        assertTrue(r.findings("EVENT_AFTER_TOKEN").get(0).message().contains("fast clock"));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void anItemImportedWithoutATsaIsNotTimestamped(Fixture.Store store) throws Exception {
        Station s = Station.on(store, Duration.ZERO);
        Path caseDir = newCase(s, List.of(), null);
        AuditReport r = s.audit().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertEquals(Set.of("ITEM_NOT_TIMESTAMPED"), problems(r), () -> r.findings().toString());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aSeizureDaysBeforeTheImportIsALongGap(Fixture.Store store) throws Exception {
        Station s = Station.on(store, Duration.ZERO);
        Path caseDir = newCase(s, List.of(tsa.source()), "phone seized 2026-01-05 22:10 at Howrah station");
        AuditReport r = s.audit().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertEquals(Set.of("SEIZURE_IMPORT_GAP"), problems(r), () -> r.findings().toString());
        assertTrue(r.findings("SEIZURE_IMPORT_GAP").get(0).message().contains("2026-01-05T16:40:00Z"));
    }
}
