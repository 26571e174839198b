package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.Clock;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.Workstation;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.ingest.Ingest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;
import org.sakshi.vault.SinkFactory;

/** Audits of a bundle written by the real export, and of the case after it was sealed. */
class AuditExportedBundleTest {
    private static final Actor OFFICER = Actor.named(TestPki.OFFICER_NAME);

    @TempDir
    static Path shared;

    private static LocalTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTsa() throws Exception {
        tsa = LocalTsa.start(shared.resolve("pki"));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    private static Set<String> problems(AuditReport r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aBundleFromTheRealExportAuditsCleanAndTheCaseFlagsAnAccessAfterTheSeal(Fixture.Store store) throws Exception {
        CaseAccess access = new CaseAccess(Clock.SYSTEM, new Workstation("ps-howrah-1", "verma", "sakshi test"),
                SinkFactory.BUFFERED, Duration.ofSeconds(3), org.sakshi.signing.WorkstationKey.profileDir(),
                name -> store.server());
        CaseService cases = new CaseService(access);
        CustodyService custody = new CustodyService(access);
        EvidenceService evidence = new EvidenceService(access);
        ImportService imports = new ImportService(access, new Ingest());
        ExportService exports = new ExportService(access, cases, evidence, custody);
        AuditService audit = AuditService.standard(cases, custody, evidence);

        Path caseDir = dir.resolve("case");
        cases.create(caseDir, new NewCase("FIR 7/2026", "Missing girl, Howrah", "Howrah PS", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), OFFICER), store.server() == null ? null : store.server().name());
        Path a = Files.writeString(dir.resolve("a.txt"), "first statement\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "second statement\n");
        imports.importPaths(caseDir, List.of(a, b), new ImportRequest(null, null, null,
                new SourceDetails("handed over by the complainant", null, null, null, null, null), null,
                List.of(tsa.source()), OFFICER), ProgressListener.NONE, new CancelFlag());
        Path zip = dir.resolve("bundle.zip");
        exports.export(caseDir, new ExportRequest(zip, tsa.pki().officerSigner(), List.of(tsa.source()), List.of(),
                List.of(), OFFICER), ProgressListener.NONE, new CancelFlag());

        AuditReport bundle = audit.audit(zip, AuditOptions.DEFAULTS);
        assertEquals(AuditScope.BUNDLE, bundle.scope());
        assertTrue(bundle.ledger().intact(), bundle.ledger().message());
        assertEquals(Set.of(), problems(bundle), () -> bundle.findings().toString());
        assertEquals("FIR 7/2026 - Missing girl, Howrah", bundle.label());

        AuditReport before = audit.audit(caseDir, AuditOptions.DEFAULTS);
        assertEquals(Set.of(), problems(before), () -> before.findings().toString());

        evidence.open(caseDir, "E0002", OFFICER, "second look");
        AuditReport after = audit.audit(caseDir, AuditOptions.DEFAULTS);
        assertEquals(Set.of("ACTED_AFTER_SEAL"), problems(after), () -> after.findings().toString());
        assertEquals(List.of("E0002"), after.findings("ACTED_AFTER_SEAL").get(0).items());
        assertFalse(after.hasErrors());
    }
}
