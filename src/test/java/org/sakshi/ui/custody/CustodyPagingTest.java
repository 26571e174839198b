package org.sakshi.ui.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LedgerPages;
import org.sakshi.service.NewCase;
import org.sakshi.ui.BigCase;

/** The custody view of a large ledger reads it page by page from the case (issue 15). */
class CustodyPagingTest {
    private static final int EVENTS = 5_000;
    @TempDir
    static Path dir;
    private static Path caseDir;
    private static CustodyService custody;
    private static List<CustodyEvent> all;

    @BeforeAll
    static void aCaseWithFiveThousandEvents() throws Exception {
        AppContext app = new AppContext(dir.resolve("ws"));
        caseDir = dir.resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 15/2026", "Big ledger", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), Actor.named("SI Asha Rao")));
        BigCase.fill(caseDir, 50, 0, EVENTS);
        custody = app.ui().custody();
        all = custody.events(caseDir);
    }

    private static CustodyViewModel shown(String item, String actor, String type) throws Exception {
        CustodyViewModel vm = new CustodyViewModel(caseDir, custody);
        vm.itemFilterProperty().set(item);
        vm.actorFilterProperty().set(actor);
        vm.typeFilterProperty().set(type);
        vm.show(vm.fetch());
        return vm;
    }

    @Test
    void theRowsAtTheStartMiddleAndEndAreTheEventsInSeqOrderAndOnlyTheirPagesAreRead() throws Exception {
        CustodyViewModel vm = shown("", "", "");
        assertEquals(all.size(), vm.visible().size());
        assertEquals(all.size(), vm.total());
        int n = all.size();
        for (int row : new int[] {0, 1, n / 2, n / 2 + 1, n - 1}) {
            assertEquals(all.get(row).seq(), vm.visible().get(row).seq(), "row " + row);
            assertEquals(all.get(row).hash(), vm.visible().get(row).hash(), "row " + row);
        }
        assertTrue(vm.visible().rowsRead() <= 3L * CustodyViewModel.PAGE,
                "rows read to show five rows on three pages: " + vm.visible().rowsRead() + " of " + n);
    }

    @Test
    void filtersSelectInTheDatabaseWhatTheyWouldSelectInMemory() throws Exception {
        String caseWord = org.sakshi.ui.common.Messages.get("custody.filter.caseLevel");
        for (String[] f : List.of(new String[] {"", "", "TRANSFERRED"}, new String[] {"e0007", "", ""},
                new String[] {caseWord, "", ""}, new String[] {"", "meera", ""},
                new String[] {"E0010", "bench", "ITEM_ACCESSED"}, new String[] {"", "nobody", ""})) {
            List<Long> want = all.stream().filter(e -> CustodyViewModel.matches(e, f[0], f[1], f[2]))
                    .map(CustodyEvent::seq).toList();
            CustodyViewModel vm = shown(f[0], f[1], f[2]);
            List<Long> got = vm.visible().stream().map(CustodyEvent::seq).toList();
            assertEquals(want, got, String.join("/", f));
        }
    }

    @Test
    void theFirstBadEventIsFoundByItsSeqReadingOnlyItsPage() throws Exception {
        CustodyViewModel vm = shown("", "", "TRANSFERRED");
        long seq = all.stream().filter(e -> e.type().equals("TRANSFERRED")).skip(300).findFirst().orElseThrow().seq();
        int row = vm.indexOfSeq(seq);
        assertEquals(300, row);
        assertEquals(seq, vm.visible().get(row).seq());
        assertTrue(vm.visible().rowsRead() <= CustodyViewModel.PAGE);
    }

    @Test
    void theDropDownsOfferTheTypesOfTheWholeLedgerAndTheItemsOfTheCase() throws Exception {
        CustodyViewModel vm = shown("", "", "NOTE");
        assertEquals(all.stream().map(CustodyEvent::type).distinct().sorted().toList(), vm.types());
        // every item of the case, in id order (a real case names each in its import event)
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(k -> String.format("E%04d", k)).toList(),
                vm.itemIds());
    }

    @Test
    void anItemsEventsAreSelectedByTheDatabase() throws Exception {
        List<CustodyEvent> got = custody.pages().events(caseDir, new LedgerPages.Query(null, "E0003", false, null));
        assertEquals(all.stream().filter(e -> "E0003".equals(e.itemId())).map(CustodyEvent::seq).toList(),
                got.stream().map(CustodyEvent::seq).toList());
    }
}
