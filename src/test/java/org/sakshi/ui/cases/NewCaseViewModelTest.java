package org.sakshi.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;

class NewCaseViewModelTest {
    private static final Actor ASHA = new Actor("Asha Rao", "SI", "4711", "CID West Bengal", null);

    @Test
    void theFormIsPrefilledFromTheOperatorProfile() {
        NewCaseViewModel vm = new NewCaseViewModel(ASHA);
        assertEquals("Asha Rao", vm.officerProperty().get());
        assertEquals("CID West Bengal", vm.agencyProperty().get());
        assertEquals("Asia/Kolkata", vm.zoneProperty().get());
    }

    @Test
    void createStaysDisabledUntilNumberAndTitleAreGiven() {
        NewCaseViewModel vm = new NewCaseViewModel(ASHA);
        assertFalse(vm.validProperty().get());
        vm.numberProperty().set("FIR 12/2026");
        assertFalse(vm.validProperty().get());
        vm.titleProperty().set("Trafficking ring, Howrah");
        assertTrue(vm.validProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void anUnknownZoneIsNamedInTheProblem() {
        NewCaseViewModel vm = filled();
        vm.zoneProperty().set("India/Delhi");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.problemProperty().get().contains("India/Delhi"));
    }

    @Test
    void choosingNepalProposesKathmanduTimeUnlessTheZoneWasChanged() {
        NewCaseViewModel vm = filled();
        vm.jurisdictionProperty().set(Jurisdiction.NP);
        assertEquals("Asia/Kathmandu", vm.zoneProperty().get());
        vm.zoneProperty().set("Asia/Dubai");
        vm.jurisdictionProperty().set(Jurisdiction.BD);
        assertEquals("Asia/Dubai", vm.zoneProperty().get());
    }

    @Test
    void theRequestCarriesTheProfileActorWhenTheOperatorIsTheOfficer() {
        NewCase req = filled().toRequest();
        assertEquals("FIR 12/2026", req.number());
        assertEquals(ASHA, req.officer());
        assertEquals(ZoneId.of("Asia/Kolkata"), req.zone());
    }

    @Test
    void anotherOfficerIsRecordedByNameOnly() {
        NewCaseViewModel vm = filled();
        vm.officerProperty().set("Inspector R. Thapa");
        assertEquals(Actor.named("Inspector R. Thapa"), vm.toRequest().officer());
    }

    private static NewCaseViewModel filled() {
        NewCaseViewModel vm = new NewCaseViewModel(ASHA);
        vm.numberProperty().set(" FIR 12/2026 ");
        vm.titleProperty().set("Trafficking ring, Howrah");
        return vm;
    }
}
