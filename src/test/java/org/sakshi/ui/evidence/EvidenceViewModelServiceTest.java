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
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.ItemKind;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;

/** The case window's reading of a real case (no screen). */
class EvidenceViewModelServiceTest {
    private static final Actor ASHA = Actor.named("SI Asha Rao");
    @TempDir
    Path dir;

    @Test
    void openingAChatRecordsItemAccessedAndGivesItsMessagesForTheBubbles() throws Exception {
        AppContext app = new AppContext(dir);
        Path caseDir = dir.resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 4/2026", "Chat", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), ASHA));
        Path chat = Files.writeString(dir.resolve("WhatsApp Chat with Ravi.txt"),
                "28/07/2021, 14:05 - Ravi: कल स्टेशन पर मिलो\n"
                        + "28/07/2021, 14:06 - রহিম: ঠিক আছে\n"
                        + "29/07/2021, 06:40 - Ravi: निकल गए?\n");
        app.ui().imports().importPaths(caseDir, List.of(chat), new ImportRequest(null, null, null, null, null, List.of(), ASHA),
                null, null);
        EvidenceViewModel vm = new EvidenceViewModel(caseDir, app.ui().cases(), app.ui().evidence(), app.ui().custody());
        vm.show(vm.fetch());
        assertEquals(1, vm.items().size());
        assertEquals(ItemKind.CHAT, vm.items().get(0).kind());
        assertTrue(vm.itemEvents("E0001").stream().noneMatch(e -> e.type().equals("ITEM_ACCESSED")),
                "listing and selecting record nothing");

        EvidenceViewModel.Opened opened = vm.open("E0001", ASHA, "viewed in the case window");

        ChatViewModel chatVm = opened.chat();
        assertEquals(3, chatVm.messageCount(), "the chat's messages, read from its records file");
        assertEquals(5, chatVm.rows().size(), "two day separators and three messages");
        assertEquals(List.of("Ravi", "রহিম"), chatVm.senders());
        List<CustodyEvent> accessed = vm.itemEvents("E0001").stream()
                .filter(e -> e.type().equals("ITEM_ACCESSED")).toList();
        assertEquals(1, accessed.size());
        assertEquals("SI Asha Rao", accessed.get(0).actor().name());
    }
}
