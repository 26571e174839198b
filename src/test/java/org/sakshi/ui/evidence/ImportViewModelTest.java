package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Actor;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.ImportService;

class ImportViewModelTest {
    private final ImportViewModel vm = new ImportViewModel(Path.of("/case"), new org.sakshi.app.AppContext(Path.of("/ws")).ui().imports(), ZoneId.of("Asia/Dhaka"));

    @Test
    void theChatZoneDefaultsToTheCaseZone() {
        assertEquals("Asia/Dhaka", vm.zoneProperty().get());
    }

    @Test
    void theRequestCarriesSeizureDetailsAndLeavesBlanksNull() {
        vm.sourceProperty().set("Phone of accused, seized at Petrapole");
        vm.deviceMakeProperty().set("Samsung");
        vm.deviceImeiProperty().set("356938035643809");
        vm.kindProperty().set(ItemKind.CHAT);
        ImportRequest r = vm.request(Actor.named("Asha Rao"), DateOrder.DMY, List.of());
        assertEquals("Phone of accused, seized at Petrapole", r.source().text());
        assertEquals("Samsung", r.source().deviceMake());
        assertNull(r.source().deviceModel());
        assertEquals("356938035643809", r.source().deviceImei());
        assertEquals(ItemKind.CHAT, r.kind());
        assertEquals(DateOrder.DMY, r.dateOrder());
        assertEquals(ZoneId.of("Asia/Dhaka"), r.zone());
        assertNull(r.note());
    }

    @Test
    void anImeiThatIsNotDigitsBlocksTheImport() {
        vm.deviceImeiProperty().set("35693-80356");
        assertFalse(vm.problemProperty().get().isEmpty());
        vm.deviceImeiProperty().set("");
        assertTrue(vm.problemProperty().get().isEmpty());
    }

    @Test
    void progressShowsSizeRateAndTimeLeftOnceThereIsHistory() {
        assertEquals("10.0 MiB of 40.0 MiB", ImportViewModel.progressText(10 << 20, 40 << 20, Duration.ofMillis(200)));
        String s = ImportViewModel.progressText(100_000_000, 300_000_000, Duration.ofSeconds(2));
        assertTrue(s.contains("50.0 MB/s"), s);
        assertTrue(s.contains("4 s left"), s);
    }
}
