package org.sakshi.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.service.TransferRequest;
import org.sakshi.testsupport.TestPki;

/** The audit view's logic against a real case written by the services (no screen). */
class AuditViewModelTest {
    private static final Actor RAO = Actor.named("Insp. Rao");
    @TempDir
    Path dir;
    private AppContext app;
    private Path caseDir;

    @BeforeEach
    void caseHandedToTheLabAndThenOpenedByTheFormerHolder() throws Exception {
        app = new AppContext(dir.resolve("ws"));
        caseDir = dir.resolve("ws").resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 112/2026", "Trafficking ring", "Howrah PS", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), RAO));
        Path statement = Files.writeString(dir.resolve("statement.txt"), "victim statement, page 1\n");
        app.ui().imports().importPaths(caseDir, List.of(statement),
                new ImportRequest(null, null, null, null, null, List.of(), RAO), null, null);
        app.ui().custody().transfer(caseDir, RAO, new TransferRequest("Dr. Iyer", "lab examination", "FSL Kolkata", "S-17",
                List.of("E0001")));
        app.ui().evidence().open(caseDir, "E0001", RAO, "curiosity");
    }

    private AuditViewModel audited() throws Exception {
        AuditViewModel vm = new AuditViewModel(app.ui().audits(), app.ui().identities(), caseDir);
        vm.show(vm.audit());
        return vm;
    }

    @Test
    void anOpeningByTheFormerHolderAfterTheHandOverIsListedAsAnError() throws Exception {
        AuditViewModel vm = audited();
        Finding f = vm.findings().stream().filter(x -> x.code().equals("ACT_BY_NON_CUSTODIAN")).findFirst()
                .orElseThrow(() -> new AssertionError(vm.findings().toString()));
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("E0001"), f.items());
        assertEquals("failed", AuditViewModel.styleClass(vm.reportProperty().get()));
        assertTrue(AuditViewModel.ledgerText(vm.reportProperty().get().ledger()).contains("intact"),
                AuditViewModel.ledgerText(vm.reportProperty().get().ledger()));
    }

    @Test
    void theSeverityFilterShowsOnlyFindingsOfThatSeverity() throws Exception {
        AuditViewModel vm = audited();
        vm.severityFilterProperty().set(Severity.ERROR);
        assertFalse(vm.visible().isEmpty());
        assertTrue(vm.visible().stream().allMatch(f -> f.severity() == Severity.ERROR));
        vm.severityFilterProperty().set(Severity.WARNING);
        assertTrue(vm.visible().stream().anyMatch(f -> f.code().equals("ITEM_NOT_TIMESTAMPED")), vm.visible().toString());
        assertTrue(vm.visible().stream().allMatch(f -> f.severity() == Severity.WARNING));
        vm.severityFilterProperty().set(null);
        assertEquals(vm.findings().size(), vm.visible().size());
    }

    @Test
    void focusingAFindingShowsItsItemsTimelineFromImportToTheOpening() throws Exception {
        AuditViewModel vm = audited();
        vm.selectedItemProperty().set(null);
        vm.focus(vm.findings().stream().filter(x -> x.code().equals("ACT_BY_NON_CUSTODIAN")).findFirst().orElseThrow());
        assertEquals("E0001", vm.selectedItemProperty().get());
        List<String> types = vm.timeline().stream().map(TimelineEntry::type).toList();
        assertEquals("ITEM_IMPORTED", types.get(0));
        assertTrue(types.contains("TRANSFERRED"), types.toString());
        TimelineEntry last = vm.timeline().get(vm.timeline().size() - 1);
        assertEquals("ITEM_ACCESSED", last.type());
        assertEquals("Insp. Rao", last.actor());
        assertEquals("Dr. Iyer", last.custodian());
        assertTrue(vm.flagged(last), "the finding's event is marked in the timeline");
        assertFalse(vm.flagged(vm.timeline().get(0)));
    }

    @Test
    void theAuditReportPdfIsWrittenUnsigned() throws Exception {
        AuditViewModel vm = audited();
        Path pdf = dir.resolve("audit.pdf");
        vm.writePdf(pdf, "sakshi test", null, null);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void theAuditReportPdfIsSignedWithThePkcs12IdentityAndThePasswordIsWiped() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        char[] pw = pki.officerPassword().clone();
        AuditViewModel vm = audited();
        Signer signer = vm.openIdentity(pki.officerP12(), false, null, pw);
        assertTrue(new String(pw).chars().allMatch(c -> c == 0), "password wiped");
        Path pdf = dir.resolve("audit-signed.pdf");
        vm.writePdf(pdf, "sakshi test", signer, null);
        String text = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("/ETSI.CAdES.detached"), "a PAdES signature dictionary");
    }
}
