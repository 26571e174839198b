package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.app.AppContext;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.sample.SampleCase;
import org.sakshi.core.Actor;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.Severity;

class SampleCaseServiceTest {
    @TempDir
    Path tmp;

    /** The name of the store's lab server in the test profile, or null for a folder case. */
    private static String server(Fixture.Store store) {
        return store.server() == null ? null : store.server().name();
    }

    private SampleCaseService builder(AppContext ctx) {
        return new SampleCaseService(ctx.ui().cases(), ctx.ui().imports(), ctx.ui().custody());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void sampleCaseHoldsAScreenshotABilingualChatAndATarDumpWithAnIntactLedger(Fixture.Store store) throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir, server(store));

        List<Item> items = ctx.ui().evidence().items(caseDir);
        assertEquals(List.of(ItemKind.SCREENSHOT, ItemKind.CHAT, ItemKind.DEVICE),
                items.stream().map(Item::kind).toList());
        assertEquals(SampleCase.CASE_NUMBER, ctx.ui().cases().open(caseDir).number());

        @SuppressWarnings("unchecked")
        List<String> participants = (List<String>) items.get(1).summary().get("participants");
        assertTrue(participants.containsAll(List.of("Asha Travels", "Priya", "Rina")), participants.toString());
        assertEquals(4L, ((Number) items.get(2).summary().get("members")).longValue());

        assertTrue(ctx.ui().custody().verify(caseDir).intact());
        List<CustodyEvent> events = ctx.ui().custody().events(caseDir);
        assertTrue(events.stream().anyMatch(e -> e.type().equals("NOTE")
                && String.valueOf(e.details()).contains("fictional")), "a NOTE says the data is fictional");
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theReadmeWalkthroughTakingCustodyFromTheSampleOfficerAndOpeningAnItemEndsWithNoAuditError(Fixture.Store store) throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir, server(store));
        Actor me = new Actor("SI Asha Rao", "SI", "4711", "CID West Bengal", null);

        assertEquals(java.util.Optional.of(SampleCase.OFFICER), ctx.ui().custody().holder(caseDir, List.of()),
                "the dialog's From is pre-filled with the holder by the ledger");
        List<CustodyEvent> t = ctx.ui().custody().transfer(caseDir, me, new TransferRequest(null, "SI Asha Rao",
                "SI Asha Rao", "HC B. Paul", "investigation", "PS Demo", "S-1", List.of(), List.of()));
        CustodyEvent ev = t.get(0);
        assertEquals("TRANSFERRED", ev.type());
        assertEquals("SI Asha Rao", ev.actor().name(), "the officer at the keyboard records the event");
        assertEquals(SampleCase.OFFICER, ev.details().get("from"), "the sender is the holder, not the recorder");
        assertEquals("SI Asha Rao", ev.details().get("to"));
        assertEquals("SI Asha Rao", ev.details().get("received_by"));
        assertEquals("HC B. Paul", ev.details().get("handed_over_by"));
        assertEquals(java.util.Optional.of("SI Asha Rao"), ctx.ui().custody().holder(caseDir, List.of("E0002")));

        ctx.ui().evidence().open(caseDir, "E0002", me, "review");
        AuditReport r = ctx.ui().audits().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertTrue(r.ledger().intact());
        assertEquals(0, r.count(Severity.ERROR), () -> r.findings().toString());
        assertTrue(r.findings(FindingCode.TRANSFER_BY_NON_HOLDER.name()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aTransferNamingSomeoneWhoDoesNotHoldTheItemsIsRecordedAndTheAuditSaysSo(Fixture.Store store) throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir, server(store));
        Actor me = new Actor("SI Asha Rao", "SI", "4711", "CID West Bengal", null);
        ctx.ui().custody().transfer(caseDir, me, new TransferRequest("SI Asha Rao", "FSL Kolkata", null, null,
                "examination", null, null, List.of("E0001"), List.of()));
        AuditReport r = ctx.ui().audits().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertEquals(1, r.findings(FindingCode.TRANSFER_BY_NON_HOLDER.name()).size(), () -> r.findings().toString());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void sampleCaseRefusesAFolderThatAlreadyHoldsACase(Fixture.Store store) throws Exception {
        AppContext ctx = new AppContext(tmp);
        Path caseDir = tmp.resolve("sample");
        builder(ctx).build(caseDir, server(store));
        long before = ctx.ui().custody().events(caseDir).size();

        assertThrows(InputException.class, () -> builder(ctx).build(caseDir));
        assertThrows(InputException.class, () -> builder(ctx).build(caseDir, server(store)));
        assertEquals(before, ctx.ui().custody().events(caseDir).size(), "nothing was recorded by the refused build");
    }
}
