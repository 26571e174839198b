package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.TimestampStatus;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.testsupport.LocalTsa;

/** Case window → Time-stamp pending items, on a real case and a local TSA over loopback (no screen). */
class StampViewModelTest {
    private static final Actor ASHA = Actor.named("SI Asha Rao");
    @TempDir
    Path dir;

    @Test
    void pendingItemsAreStampedByTheRememberedServerAndTheOfficerIsToldHowMany() throws Exception {
        AppContext app = new AppContext(dir);
        Path caseDir = dir.resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 5/2026", "Stamp", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), ASHA));
        Path a = Files.writeString(dir.resolve("a.txt"), "first exhibit\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "second exhibit\n");
        app.ui().imports().importPaths(caseDir, List.of(a, b),
                new ImportRequest(null, null, null, null, null, List.of(), ASHA), null, null);
        EvidenceViewModel evidence = new EvidenceViewModel(caseDir, app.ui().cases(), app.ui().evidence(), app.ui().custody());
        evidence.show(evidence.fetch());
        long pending = StampViewModel.pending(evidence.items());
        assertEquals(2, pending, "imported with no server, both wait for a time-stamp");
        StampViewModel vm = new StampViewModel(caseDir, app.ui().imports());

        String noServer = vm.stamp(ASHA, pending, List.of());
        assertTrue(noServer.startsWith("No time-stamp server is remembered"), noServer);

        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            String said = vm.stamp(ASHA, pending, List.of(tsa.source()));
            assertEquals("2 items time-stamped; none is pending now.", said);
        }
        evidence.show(evidence.fetch());
        assertTrue(evidence.items().stream().allMatch(i -> i.timestamp().status() == TimestampStatus.GRANTED));
        assertTrue(evidence.itemEvents("E0001").stream().anyMatch(e -> e.type().equals("ITEM_TIMESTAMPED")),
                evidence.itemEvents("E0001").toString());
        assertEquals("No item is waiting for a time-stamp; nothing was changed.",
                vm.stamp(ASHA, StampViewModel.pending(evidence.items()), List.of()));
    }
}
