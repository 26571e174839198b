package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;

class ChainVerifierTest {
    private static final UUID CASE = UUID.fromString("11111111-2222-3333-4444-555555555555");

    static List<CustodyEvent> chain(int n) {
        List<CustodyEvent> out = new ArrayList<>();
        String prev = CustodyEvent.GENESIS_PREV;
        for (int i = 1; i <= n; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("text", "note " + i);
            d.put("n", i);
            CustodyEvent e = EventCodec.seal(new CustodyEvent(i, UUID.randomUUID(), CASE,
                    Instant.parse("2026-07-28T08:35:00.123Z").plusSeconds(i), i == 1 ? "CASE_CREATED" : "NOTE",
                    new Actor("SI Rao", "SI", "B-12", "PS X", null), new Workstation("ws1", "rao", "sakshi test"),
                    null, null, d, prev, null, null));
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    static String jsonl(List<CustodyEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (CustodyEvent e : events) {
            sb.append(EventCodec.toJsonLine(e)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void anUntouchedChainIsIntactWithItsHead() throws Exception {
        List<CustodyEvent> c = chain(5);
        ChainResult r = ChainVerifier.verifyJsonl(new StringReader(jsonl(c)));
        assertTrue(r.intact(), r.message());
        assertEquals(5, r.events());
        assertEquals(c.get(4).hash(), r.head());
        assertNull(r.firstBadSeq());
        assertTrue(ChainVerifier.verifyEvents(c).intact());
    }

    @Test
    void theHashIsSha256OfTheCanonicalJsonWithoutHashAndSig() {
        CustodyEvent e = chain(1).get(0);
        String canonical = Jcs.canonicalize(EventCodec.toMap(e, false));
        assertEquals(EventCodec.sha256Hex(EventCodec.utf8(canonical)), e.hash());
        assertFalse(canonical.contains("\"hash\""));
    }

    @Test
    void aChangedDetailIsCaughtNamingItsSeq() throws Exception {
        String text = jsonl(chain(5)).replace("note 3", "note 33");
        ChainResult r = ChainVerifier.verifyJsonl(new StringReader(text));
        assertFalse(r.intact());
        assertEquals(3L, r.firstBadSeq());
        assertTrue(r.message().contains("seq 3"), r.message());
    }

    @Test
    void aRemovedEventIsCaughtAsAGap() throws Exception {
        String[] lines = jsonl(chain(5)).split("\n");
        String text = lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n" + lines[4] + "\n";
        ChainResult r = ChainVerifier.verifyJsonl(new StringReader(text));
        assertFalse(r.intact());
        assertEquals(3L, r.firstBadSeq());
    }

    @Test
    void aRehashedEventBreaksTheNextLink() {
        List<CustodyEvent> c = new ArrayList<>(chain(4));
        CustodyEvent e = c.get(1);
        CustodyEvent forged = EventCodec.seal(new CustodyEvent(e.seq(), e.id(), e.caseId(), e.at(), e.type(),
                e.actor(), e.workstation(), e.itemId(), e.itemSha256(), Map.of("text", "forged"), e.prev(), null, null));
        c.set(1, forged);
        ChainResult r = ChainVerifier.verifyEvents(c);
        assertFalse(r.intact());
        assertEquals(3L, r.firstBadSeq());
    }

    @Test
    void aSignatureIsOutsideTheHash() {
        CustodyEvent e = chain(1).get(0);
        CustodyEvent signed = new CustodyEvent(e.seq(), e.id(), e.caseId(), e.at(), e.type(), e.actor(),
                e.workstation(), e.itemId(), e.itemSha256(), e.details(), e.prev(), e.hash(), "TUlJ");
        assertTrue(ChainVerifier.verifyEvents(List.of(signed)).intact());
        assertTrue(EventCodec.toJsonLine(signed).contains("\"sig\":\"TUlJ\""));
        assertFalse(EventCodec.toJsonLine(e).contains("\"sig\""), "an unsigned event omits sig");
    }

    @Test
    void aStoredLineRoundTripsToTheSameEvent() {
        CustodyEvent e = chain(2).get(1);
        CustodyEvent back = EventCodec.parseLine(EventCodec.toJsonLine(e));
        assertEquals(EventCodec.toJsonLine(e), EventCodec.toJsonLine(back));
        assertEquals(e.hash(), EventCodec.computeHash(back));
        assertEquals("2026-07-28T08:35:02.123Z", EventCodec.formatAt(back.at()));
    }

    @Test
    void anEmptyLedgerIsNotIntact() throws Exception {
        assertFalse(ChainVerifier.verifyJsonl(new StringReader("")).intact());
    }

    @Test
    void unknownTypesAndExtraMembersAreAcceptedWhenHashed() throws Exception {
        String line = jsonl(chain(1)).trim();
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = m.readValue(line, LinkedHashMap.class);
        map.put("type", "SOMETHING_NEW");
        map.put("extra", List.of(1, 2));
        map.remove("hash");
        map.put("hash", EventCodec.sha256Hex(Jcs.canonicalBytes(map)));
        ChainResult r = ChainVerifier.verifyJsonl(new StringReader(Jcs.canonicalize(map)));
        assertTrue(r.intact(), r.message());
    }

    @Test
    void garbageLinesAreReportedNotThrown() throws Exception {
        ChainResult r = ChainVerifier.verifyJsonl(new StringReader(jsonl(chain(2)) + "{not json\n"));
        assertFalse(r.intact());
        assertEquals(3L, r.firstBadSeq());
    }

    @Test
    void aStoredLineWithAnUnreadableTimeOrAMemberOfTheWrongTypeIsRefusedAsNotAnEvent() {
        String line = EventCodec.toJsonLine(chain(1).get(0));
        String badTime = line.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"202\u008b\u008b\"");
        String actorText = line.replaceFirst("\"actor\":\\{[^}]*}", "\"actor\":\"SI Rao\"");
        assertNotEquals(line, badTime);
        assertNotEquals(line, actorText);
        for (String bad : List.of(badTime, actorText, "null", "[]")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> EventCodec.parseLine(bad), bad);
            assertNotNull(e.getMessage());
        }
    }
}
