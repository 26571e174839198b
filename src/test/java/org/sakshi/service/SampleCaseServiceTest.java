package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.sample.SampleCase;

class SampleCaseServiceTest {
    @TempDir
    Path tmp;

    private SampleCaseService builder(AppContext ctx) {
        return new SampleCaseService(ctx.cases(), ctx.imports(), ctx.custody());
    }

    @Test
    void sampleCaseHoldsAScreenshotABilingualChatAndATarDumpWithAnIntactLedger() throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir);

        List<Item> items = ctx.evidence().items(caseDir);
        assertEquals(List.of(ItemKind.SCREENSHOT, ItemKind.CHAT, ItemKind.DEVICE),
                items.stream().map(Item::kind).toList());
        assertEquals(SampleCase.CASE_NUMBER, ctx.cases().open(caseDir).number());

        @SuppressWarnings("unchecked")
        List<String> participants = (List<String>) items.get(1).summary().get("participants");
        assertTrue(participants.containsAll(List.of("Asha Travels", "Priya", "Rina")), participants.toString());
        assertEquals(4L, ((Number) items.get(2).summary().get("members")).longValue());

        assertTrue(ctx.custody().verify(caseDir).intact());
        List<CustodyEvent> events = ctx.custody().events(caseDir);
        assertTrue(events.stream().anyMatch(e -> e.type().equals("NOTE")
                && String.valueOf(e.details()).contains("fictional")), "a NOTE says the data is fictional");
    }

    @Test
    void sampleCaseRefusesAFolderThatAlreadyHoldsACase() throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir);
        long before = ctx.custody().events(caseDir).size();

        assertThrows(InputException.class, () -> builder(ctx).build(caseDir));
        assertEquals(before, ctx.custody().events(caseDir).size(), "nothing was recorded by the refused build");
    }
}
