package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void profileWorkspaceAnchorsAndBlurSurviveARestart() {
        SettingsStore store = new SettingsStore(dir);
        Settings s = store.load();
        s.profile = new OperatorProfile("Asha Rao", "SI", "4711", "CID West Bengal", "/keys/asha.p12", false);
        s.workspace = "/data/Sakshi";
        s.trustAnchors = new java.util.ArrayList<>(List.of("/trust/agency-ca.pem"));
        s.blurImages = false;
        store.save(s);

        Settings back = new SettingsStore(dir).load();
        assertEquals(s.profile, back.profile);
        assertEquals("/data/Sakshi", back.workspace);
        assertEquals(List.of("/trust/agency-ca.pem"), back.trustAnchors);
        assertFalse(back.blurImages);
    }

    @Test
    void aFirstRunHasNoProfileAndBlursImages() {
        Settings s = new SettingsStore(dir).load();
        assertNull(s.profile);
        assertTrue(s.blurImages);
    }

    @Test
    void anUnreadableFileGivesFreshSettingsInsteadOfFailing() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{not json");
        assertTrue(new SettingsStore(dir).load().blurImages);
    }

    @Test
    void theProfileNeverHoldsAPasswordField() {
        for (var c : OperatorProfile.class.getRecordComponents()) {
            assertFalse(c.getName().toLowerCase().contains("pass") || c.getName().toLowerCase().contains("pin"),
                    c.getName());
        }
    }

    @Test
    void theProfileBecomesTheActorWithBlankPartsLeftOut() {
        var actor = new OperatorProfile(" Asha Rao ", "SI", " ", "CID", null, false).toActor();
        assertEquals("Asha Rao", actor.name());
        assertEquals("SI", actor.rank());
        assertNull(actor.id());
        assertEquals("CID", actor.agency());
    }
}
