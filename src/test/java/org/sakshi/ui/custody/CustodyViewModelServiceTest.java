package org.sakshi.ui.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.LedgerStatus;
import org.sakshi.service.NewCase;
import org.sakshi.service.TransferRequest;

/** The custody view's actions against a real case store (no screen). */
class CustodyViewModelServiceTest {
    private static final Actor ASHA = Actor.named("SI Asha Rao");
    @TempDir
    Path dir;
    private CustodyViewModel vm;
    private Path caseDir;

    @BeforeEach
    void caseWithTwoItems() throws Exception {
        AppContext app = new AppContext(dir);
        caseDir = dir.resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 3/2026", "Custody", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), ASHA));
        Path a = Files.writeString(dir.resolve("a.txt"), "first note text for a plain file item");
        Path b = Files.writeString(dir.resolve("b.txt"), "second note text for a plain file item");
        app.ui().imports().importPaths(caseDir, List.of(a, b),
                new ImportRequest(null, null, null, null, null, List.of(), ASHA), null, null);
        vm = new CustodyViewModel(caseDir, app.ui().custody());
    }

    @Test
    void aTransferOfTwoItemsRecordsOneEventPerItemAndTheChainStaysIntact() throws Exception {
        List<CustodyEvent> recorded = vm.transfer(ASHA, new TransferRequest("Insp. R. Thapa, CFSL", "examination",
                "CID HQ", "SEAL-9", CustodyViewModel.parseItems("e0001, e0002")));
        assertEquals(2, recorded.size());
        vm.typeFilterProperty().set("TRANSFERRED");
        vm.show(vm.fetch());
        assertEquals(List.of("E0001", "E0002"), vm.visible().stream().map(CustodyEvent::itemId).toList());
        LedgerStatus s = vm.verify();
        assertTrue(s.intact(), s.toString());
        assertTrue(CustodyViewModel.statusText(s).startsWith("CHAIN INTACT"));
    }

    @Test
    void aNoteAppearsUnderTheItemFilterAndTheCsvHasEveryEvent() throws Exception {
        vm.note(ASHA, "Seal intact on receipt", List.of("E0002"));
        vm.itemFilterProperty().set("E0002");
        vm.show(vm.fetch());
        assertTrue(vm.visible().stream().anyMatch(e -> e.type().equals("NOTE")));
        assertFalse(vm.visible().stream().anyMatch(e -> "E0001".equals(e.itemId())));

        Path csv = dir.resolve("ledger.csv");
        vm.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.size() > vm.total(), "header plus one line per event: " + lines.size());
        assertTrue(String.join("\n", lines).contains("Seal intact on receipt"));
    }
}
