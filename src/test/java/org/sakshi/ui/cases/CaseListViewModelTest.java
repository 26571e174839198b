package org.sakshi.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.CaseService;
import org.sakshi.service.CaseSummary;

class CaseListViewModelTest {
    @TempDir
    Path ws;

    private static CaseSummary summary(String number, String title, String agency, Instant last) {
        CaseInfo info = new CaseInfo(UUID.randomUUID(), number, title, agency, Jurisdiction.IN, "Asha Rao",
                ZoneId.of("Asia/Kolkata"), Instant.parse("2026-01-01T00:00:00Z"));
        return new CaseSummary(Path.of("/ws", number.replace('/', '_')), info, 3, last);
    }

    @Test
    void searchMatchesEveryWordAcrossNumberTitleAndAgency() {
        CaseSummary s = summary("FIR 12/2026", "Trafficking ring Howrah", "CID West Bengal", Instant.now());
        assertTrue(CaseListViewModel.matches(s, "howrah cid"));
        assertTrue(CaseListViewModel.matches(s, "12/2026"));
        assertFalse(CaseListViewModel.matches(s, "howrah kathmandu"));
        assertTrue(CaseListViewModel.matches(s, "  "));
    }

    @Test
    void theSearchBoxFiltersTheVisibleCases() {
        CaseListViewModel vm = new CaseListViewModel(new org.sakshi.app.AppContext(ws).ui().cases(), ws);
        vm.show(List.of(summary("FIR 1", "Howrah", "CID", Instant.now()), summary("FIR 2", "Siliguri", "CID", Instant.now())));
        vm.searchProperty().set("siliguri");
        assertEquals(1, vm.visible().size());
        assertEquals("FIR 2", vm.visible().get(0).info().number());
    }

    @Test
    void recentActivityComesFirst() {
        List<CaseSummary> list = new ArrayList<>(List.of(
                summary("A", "old", null, Instant.parse("2026-01-01T00:00:00Z")),
                summary("B", "new", null, Instant.parse("2026-06-01T00:00:00Z")),
                summary("C", "never", null, null)));
        list.sort(CaseListViewModel.RECENT_FIRST);
        assertEquals(List.of("B", "A", "C"), list.stream().map(s -> s.info().number()).toList());
    }

    @Test
    void aCaseFolderIsItsNumberMadeSafeAndUnique() throws Exception {
        CaseListViewModel vm = new CaseListViewModel(new org.sakshi.app.AppContext(ws).ui().cases(), ws);
        assertEquals(ws.resolve("FIR_12_2026_PS_Howrah"), vm.folderFor("FIR 12/2026 PS Howrah"));
        Files.createDirectories(ws.resolve("FIR_12_2026_PS_Howrah"));
        assertEquals(ws.resolve("FIR_12_2026_PS_Howrah-2"), vm.folderFor("FIR 12/2026 PS Howrah"));
        assertEquals(ws.resolve("case"), vm.folderFor("../"));
    }

    @Test
    void aWorkspaceThatDoesNotExistYetHasNoCases() {
        CaseListViewModel vm = new CaseListViewModel(new org.sakshi.app.AppContext(ws).ui().cases(), ws.resolve("not-yet"));
        assertTrue(vm.fetch().isEmpty());
    }
}
