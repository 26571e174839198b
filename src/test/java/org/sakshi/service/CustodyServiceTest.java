package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.ledger.ChainVerifier;

class CustodyServiceTest {
    @TempDir
    Path tmp;

    private Path caseWithTwoItems(Fixture fx) throws Exception {
        Path c = fx.newCase(tmp.resolve("case"));
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("b.txt");
        Files.writeString(a, "a");
        Files.writeString(b, "b");
        fx.imports.importPaths(c, List.of(a, b), Fixture.plain(), null, null);
        return c;
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aTransferOfItemsRecordsOneEventPerItemWithItsDetails(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        List<CustodyEvent> ev = fx.custody.transfer(c, Fixture.OFFICER,
                new TransferRequest("FSL Hyderabad", "analysis", "Malkhana", "S-77", List.of("E0001", "E0002")));
        assertEquals(2, ev.size());
        assertEquals("E0002", ev.get(1).itemId());
        assertEquals("SI Rao", ev.get(0).details().get("from"));
        assertEquals("FSL Hyderabad", ev.get(0).details().get("to"));
        assertEquals("S-77", ev.get(0).details().get("seal"));
        assertEquals("Malkhana", ev.get(0).details().get("location"));
        assertTrue(fx.custody.verify(c).intact());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aTransferWithoutItemsIsOneCaseLevelEventListingThem(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        List<CustodyEvent> ev = fx.custody.transfer(c, null, new TransferRequest("Court", "trial", null, null, null));
        assertEquals(1, ev.size());
        assertNull(ev.get(0).itemId());
        assertEquals(List.of("E0001", "E0002"), ev.get(0).details().get("items"));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aTransferOfAnUnknownItemChangesNothing(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        long before = fx.custody.events(c).size();
        InputException e = assertThrows(InputException.class, () -> fx.custody.transfer(c, null,
                new TransferRequest("X", "y", null, null, List.of("E0001", "E0099"))));
        assertTrue(e.getMessage().contains("E0099"));
        assertEquals(before, fx.custody.events(c).size());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aNoteOnAnItemCarriesItsHash(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        CustodyEvent n = fx.custody.note(c, new Actor("HC Devi", null, null, null, null), "seal intact",
                List.of("E0002"));
        assertEquals("NOTE", n.type());
        assertEquals("E0002", n.itemId());
        assertEquals(fx.evidence.item(c, "E0002").digests().sha256(), n.itemSha256());
        assertEquals("HC Devi", n.actor().name());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void showingAnItemRecordsItemAccessed(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        ItemView v = fx.evidence.open(c, "E0001", null, "review");
        assertEquals("a", Files.readString(v.content()));
        CustodyEvent last = fx.custody.events(c).get(fx.custody.events(c).size() - 1);
        assertEquals("ITEM_ACCESSED", last.type());
        assertEquals("review", last.details().get("purpose"));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aRowEditedBehindTheApplicationsBackIsCaughtNamingItsSeq(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        fx.custody.note(c, null, "n1", List.of());
        fx.editBehindTheBack(c, "UPDATE events SET json = replace(json, '\"name\":\"a.txt\"', '\"name\":\"z.txt\"')"
                + " WHERE seq = 2");
        LedgerStatus s = fx.custody.verify(c);
        assertFalse(s.intact());
        assertEquals(2L, s.firstBadSeq());
        assertTrue(s.message().contains("seq 2"), s.message());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theJsonlExportIsTheStoredLinesAndVerifiesOnItsOwn(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fx.custody.writeJsonl(c, out);
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals(fx.custody.events(c).size(), lines.length);
        assertTrue(ChainVerifier.verifyJsonl(new StringReader(text)).intact());
        assertEquals(fx.custody.verify(c).head(), org.sakshi.core.ledger.EventCodec.parseLine(lines[lines.length - 1]).hash());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theCsvHasAHeaderAndOneQuotedRowPerEvent(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = caseWithTwoItems(fx);
        fx.custody.note(c, null, "comma, and \"quote\"", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fx.custody.writeCsv(c, out);
        String[] rows = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(String.join(",", CustodyService.CSV_COLUMNS), rows[0]);
        assertEquals(fx.custody.events(c).size() + 1, rows.length);
        assertTrue(rows[rows.length - 1].contains("\"{\"\"text\"\":\"\"comma, and \\\"\"quote\\\"\"\"\"}\""),
                rows[rows.length - 1]);
    }
}
