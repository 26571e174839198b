package org.sakshi.ui.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LedgerStatus;

class CustodyViewModelTest {
    private static final UUID CASE = UUID.randomUUID();

    static CustodyEvent event(long seq, String type, String actor, String item) {
        return new CustodyEvent(seq, UUID.randomUUID(), CASE, Instant.parse("2026-07-28T08:35:00Z").plusSeconds(seq),
                type, Actor.named(actor), null, item, item == null ? null : "ab".repeat(32), Map.of(),
                CustodyEvent.GENESIS_PREV, "cd".repeat(32), null);
    }

    private final List<CustodyEvent> ledger = List.of(
            event(1, "CASE_CREATED", "Asha Rao", null),
            event(2, "ITEM_IMPORTED", "Asha Rao", "E0001"),
            event(3, "ITEM_ACCESSED", "Inspector Thapa", "E0001"),
            event(4, "ITEM_IMPORTED", "Asha Rao", "E0002"),
            event(5, "NOTE", "Inspector Thapa", null));

    @Test
    void filtersCombineItemActorAndType() {
        CustodyViewModel vm = new CustodyViewModel(Path.of("/case"), new org.sakshi.app.AppContext(Path.of("/ws")).ui().custody());
        vm.show(ledger);
        vm.itemFilterProperty().set("e0001");
        assertEquals(List.of(2L, 3L), vm.visible().stream().map(CustodyEvent::seq).toList());
        vm.actorFilterProperty().set("thapa");
        assertEquals(List.of(3L), vm.visible().stream().map(CustodyEvent::seq).toList());
        vm.itemFilterProperty().set("");
        vm.typeFilterProperty().set("NOTE");
        assertEquals(List.of(5L), vm.visible().stream().map(CustodyEvent::seq).toList());
    }

    @Test
    void theCaseItemFilterSelectsCaseLevelEvents() {
        assertTrue(CustodyViewModel.matches(ledger.get(0), "case", "", ""));
        assertFalse(CustodyViewModel.matches(ledger.get(1), "case", "", ""));
    }

    @Test
    void theFilterDropDownsOfferWhatIsInTheLedger() {
        CustodyViewModel vm = new CustodyViewModel(Path.of("/case"), new org.sakshi.app.AppContext(Path.of("/ws")).ui().custody());
        vm.show(ledger);
        assertEquals(List.of("CASE_CREATED", "ITEM_ACCESSED", "ITEM_IMPORTED", "NOTE"), vm.types());
        assertEquals(List.of("E0001", "E0002"), vm.itemIds());
    }

    @Test
    void aBrokenChainNamesTheFirstBadEvent() {
        String text = CustodyViewModel.statusText(new LedgerStatus(false, 5, "ff".repeat(32), 3L,
                "event 3 (ITEM_ACCESSED) does not hash to its stored hash"));
        assertTrue(text.contains("BROKEN at event 3"), text);
        assertTrue(text.contains("ITEM_ACCESSED"), text);
        assertTrue(CustodyViewModel.statusText(new LedgerStatus(true, 5, "ff".repeat(32), null, null)).contains("INTACT"));
    }

    @Test
    void theStatusSaysWhichSignatureCheckFailedAndHowManyHeadsAndAnchorsVerified() {
        String bad = CustodyViewModel.statusText(new LedgerStatus(false, 9, "ff".repeat(32), 4L,
                "the signature of the head at seq 9 (covering seq 4 on) does not verify", "SIGNATURE_INVALID", 2, 1));
        assertTrue(bad.contains("BROKEN at event 4 (SIGNATURE_INVALID)"), bad);
        String ok = CustodyViewModel.statusText(new LedgerStatus(true, 9, "ff".repeat(32), null, "intact", null, 3, 1));
        assertTrue(ok.contains("3 signed heads and 1 anchor verify"), ok);
    }

    @Test
    void itemListsAcceptCommasAndSpaces() {
        assertEquals(List.of("E0001", "E0003"), CustodyViewModel.parseItems(" e0001, E0003  e0001"));
        assertTrue(CustodyViewModel.parseItems("  ").isEmpty());
    }

    @Test
    void theBannerSaysWhenTheChainWasCheckedAndTurnsStaleWhenEventsAreAdded() {
        CustodyViewModel vm = new CustodyViewModel(Path.of("/case"), new org.sakshi.app.AppContext(Path.of("/ws")).ui().custody());
        List<CustodyEvent> four = ledger.subList(0, 4);
        vm.show(four);
        vm.checked(new LedgerStatus(true, 4, four.get(3).hash(), null, null), Instant.parse("2026-07-28T09:00:00Z"));
        String banner = CustodyViewModel.bannerText(vm.statusProperty().get(), vm.checkedAtProperty().get(),
                java.time.ZoneId.of("Asia/Kolkata"), vm.staleProperty().get());
        assertTrue(banner.startsWith("CHAIN INTACT"), banner);
        assertTrue(banner.contains("Checked 2026-07-28 14:30:00 Asia/Kolkata = 09:00:00 UTC."), banner);
        assertFalse(banner.contains("verify again"), banner);
        vm.show(four);
        assertFalse(vm.staleProperty().get(), "the same ledger shown again is not stale");
        vm.show(ledger);
        assertTrue(vm.staleProperty().get());
        assertTrue(vm.bannerText().endsWith("Events were added since; verify again."), vm.bannerText());
        vm.checked(new LedgerStatus(true, 5, ledger.get(4).hash(), null, null), Instant.parse("2026-07-28T09:05:00Z"));
        assertFalse(vm.staleProperty().get());
    }
}
