package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.LedgerFault;
import org.sakshi.core.ledger.LedgerVerdict;
import org.sakshi.core.ledger.LedgerVerifier;
import org.sakshi.core.ledger.SignedHead;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.HeadFile;
import org.sakshi.storage.LedgerForger;

/**
 * {@code custody verify} reads the ledger once, as stored bytes, checks the lines on several threads in
 * batches of 512 and picks out the possible receipts on the way. Each attack here is built on a real case
 * of 1,400 events (so it lands on a batch boundary), and the verdict, fault, seq and message must be
 * those of the line-at-a-time check of the same ledger; the picked-out lines those of the database's
 * own search.
 */
class CustodyVerifyEquivalenceTest {
    private static final int NOTES = 1_400;

    @TempDir
    Path tmp;

    private Fixture fx;

    /** A case with CASE_CREATED and {@code NOTES} notes, some naming "received", BUNDLE_RECEIVED or a special type. */
    private Path bigCase(Fixture.Store store) throws Exception {
        fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case-" + UUID.randomUUID()));
        try (CaseStore s = fx.access.write(c)) {
            List<CustodyEvent> existing = s.events();
            CustodyEvent last = existing.get(existing.size() - 1);
            s.tx(() -> {
                String prev = last.hash();
                long seq = last.seq();
                for (int i = 0; i < NOTES; i++) {
                    seq++;
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("text", i % 97 == 0 ? "parcel received at the desk " + seq
                            : i % 211 == 0 ? "not a BUNDLE_RECEIVED " + seq
                            : i % 5 == 0 ? "\u0928\u094b\u091f " + seq : "note " + seq);
                    if (i % 301 == 0) {
                        d.put("type", "KEY_ENROLLED"); // the special text, nested: the line is read, nothing enrolled
                    }
                    CustodyEvent e = EventCodec.seal(new CustodyEvent(seq, UUID.randomUUID(), last.caseId(),
                            Instant.parse("2026-07-28T09:00:00Z").plusMillis(seq), "NOTE", last.actor(),
                            last.workstation(), null, null, d, prev, null, null));
                    s.insertEvent(e);
                    prev = e.hash();
                }
                return null;
            });
        }
        return c;
    }

    /** The reference: one line at a time, as Strings, on this thread. */
    private LedgerVerdict oneAtATime(Path c) throws Exception {
        try (CaseStore s = fx.access.read(c)) {
            LedgerVerifier v = new LedgerVerifier(s.headLines(), fx.access.trustedKeys(), CustodyService::tokenProblem);
            s.forEachEventLine(v::acceptLine);
            return v.result();
        }
    }

    private LedgerVerdict fromBytes(Path c, int threads) throws Exception {
        try (CaseStore s = fx.access.read(c)) {
            LedgerVerifier v = new LedgerVerifier(s.headLines(), fx.access.trustedKeys(), CustodyService::tokenProblem);
            v.acceptAllUtf8(s::forEachEventLineUtf8, threads);
            return v.result();
        }
    }

    /** Asserts that every way of checking gives {@code want}, and returns it. */
    private LedgerVerdict sameEverywhere(Path c) throws Exception {
        LedgerVerdict want = oneAtATime(c);
        for (int threads : new int[] {1, 2, 3}) {
            assertEquals(want, fromBytes(c, threads), threads + " threads");
        }
        List<String> marked = new ArrayList<>();
        LedgerStatus st = fx.custody.verify(c, Set.of(), ReceiveService.RECEIPT_MARKS, marked::add);
        assertEquals(want.intact(), st.intact());
        assertEquals(want.events(), st.events());
        assertEquals(want.head(), st.head());
        assertEquals(want.firstBadSeq(), st.firstBadSeq());
        assertEquals(want.message(), st.message());
        assertEquals(want.fault() == null ? null : want.fault().name(), st.fault());
        List<String> searched = new ArrayList<>();
        try (CaseStore s = fx.access.read(c)) {
            s.forEachEventLineContaining(ReceiveService.RECEIPT_MARKS.get(0), ReceiveService.RECEIPT_MARKS.get(1),
                    searched::add);
        }
        assertEquals(searched, marked, "the lines picked out while verifying are those the database finds");
        return want;
    }

    private static void rewrite(LedgerForger f, long seq, java.util.function.UnaryOperator<String> how) throws Exception {
        f.exec("UPDATE events SET json = ? WHERE seq = ?", how.apply(f.value("SELECT json FROM events WHERE seq = ?", seq)),
                seq);
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void anIntactLedgerOfSeveralBatchesIsIntactAndItsPossibleReceiptsAreTheDatabasesOwn(Fixture.Store store)
            throws Exception {
        Path c = bigCase(store);
        LedgerVerdict v = sameEverywhere(c);
        assertTrue(v.intact(), v.message());
        assertTrue(v.events() > NOTES, v.message());
        List<String> marked = new ArrayList<>();
        fx.custody.verify(c, Set.of(), ReceiveService.RECEIPT_MARKS, marked::add);
        assertTrue(marked.size() >= 21, "15 notes say received, 6 more BUNDLE_RECEIVED: " + marked.size());
        ReceiveService receiver = new ReceiveService(fx.access, fx.imports, null);
        assertEquals(receiver.verifyReceived(c), receiver.verifyReceived(c, marked));
    }

    @Test
    void aChangedLineAtTheFirstLineOfABatchFailsThereWithTheSameMessage() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 514, l -> l.replace("\"text\":\"", "\"text\":\"X"));
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.CHAIN_BROKEN, v.fault());
        assertEquals(514L, v.firstBadSeq());
        assertTrue(v.message().contains("was changed after it was recorded"), v.message());
    }

    @Test
    void aBrokenLinkAcrossABatchBoundaryFailsAtTheEventThatNoLongerLinks() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 1025, l -> {
                CustodyEvent e = EventCodec.parseLine(l);
                // re-sealed with a prev of its own: its hash is right, its link is not
                return EventCodec.toJsonLine(EventCodec.seal(new CustodyEvent(e.seq(), e.id(), e.caseId(), e.at(),
                        e.type(), e.actor(), e.workstation(), e.itemId(), e.itemSha256(), e.details(),
                        "ab".repeat(32), null, null)));
            });
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.CHAIN_BROKEN, v.fault());
        assertEquals(1025L, v.firstBadSeq());
        assertTrue(v.message().contains("does not link to the previous event"), v.message());
    }

    @Test
    void twoEventsSwappedAcrossABatchBoundaryFailAtTheFirstMissingSeq() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            String a = f.value("SELECT json FROM events WHERE seq = 1024");
            String b = f.value("SELECT json FROM events WHERE seq = 1025");
            f.exec("UPDATE events SET json = ? WHERE seq = 1024", b);
            f.exec("UPDATE events SET json = ? WHERE seq = 1025", a);
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.CHAIN_BROKEN, v.fault());
        assertEquals(1024L, v.firstBadSeq());
        assertTrue(v.message().contains("event seq 1024 is missing: found seq 1025"), v.message());
    }

    @Test
    void aDeletedEventAtABatchBoundaryFailsAsAGap() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            f.exec("DELETE FROM events WHERE seq = 513");
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(513L, v.firstBadSeq());
        assertTrue(v.message().contains("event seq 513 is missing"), v.message());
    }

    @Test
    void aTamperedHeadSignatureFailsAsAnInvalidSignatureCoveringTheSameSeqs() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        List<String> heads = Files.readAllLines(HeadFile.of(c), StandardCharsets.UTF_8);
        int lastLine = heads.size() - 1;
        SignedHead h = SignedHead.parse(heads.get(lastLine));
        byte[] sig = h.signature().clone();
        sig[sig.length / 2] ^= 1;
        heads.set(lastLine, new SignedHead(h.caseId(), h.seq(), h.head(), h.at(), h.key(), h.alg(),
                java.util.Base64.getEncoder().encodeToString(sig)).toLine());
        Files.write(HeadFile.of(c), heads, StandardCharsets.UTF_8);
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.SIGNATURE_INVALID, v.fault());
        assertFalse(v.intact());
    }

    @Test
    void aLineRewrittenOutOfCanonicalFormWithItsHashStillRightIsCheckedTheLongWayAndStaysIntact() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 700, l -> l.replace("\"seq\":700,", "\"seq\": 700 ,"));
            rewrite(f, 900, l -> l.replace("\"text\":\"", "\"text\":\"X"));
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(900L, v.firstBadSeq(), "seq 700 is spaced out but its content is unchanged");
        assertEquals(LedgerFault.CHAIN_BROKEN, v.fault());
    }

    // the checked lines keep their prev and hash as bytes and compare them as bytes; these texts differ
    // from the right ones only in ways a byte comparison could get wrong if it were not exact

    @Test
    void aRecordedHashWrittenInCapitalsFailsAsChangedWithTheSameMessage() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 1000, l -> {
                String h = EventCodec.parseLine(l).hash();
                return l.replace("\"hash\":\"" + h + "\"", "\"hash\":\"" + h.toUpperCase(java.util.Locale.ROOT) + "\"");
            });
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.CHAIN_BROKEN, v.fault());
        assertEquals(1000L, v.firstBadSeq());
        assertTrue(v.message().contains("was changed after it was recorded"), v.message());
    }

    @Test
    void aPrevWrittenInCapitalsFailsAsABrokenLinkWithTheSameMessage() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 1024, l -> {
                String p = EventCodec.parseLine(l).prev();
                return l.replace("\"prev\":\"" + p + "\"", "\"prev\":\"" + p.toUpperCase(java.util.Locale.ROOT) + "\"");
            });
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(1024L, v.firstBadSeq());
        assertTrue(v.message().contains("does not link to the previous event"), v.message());
    }

    @Test
    void aNullPrevAndAMissingHashFailAtTheFirstOfThemWithTheSameMessage() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        String hash776 = fx.custody.events(c).get(775).hash();
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 777, l -> l.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":null"));
            rewrite(f, 1300, l -> l.replaceFirst("\"hash\":\"[0-9a-f]{64}\",", ""));
        }
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(777L, v.firstBadSeq());
        assertTrue(v.message().contains("its prev is null"), v.message());
        try (LedgerForger f = new LedgerForger(c)) {
            rewrite(f, 777, l -> l.replace("\"prev\":null", "\"prev\":\"" + hash776 + "\""));
        }
        LedgerVerdict later = sameEverywhere(c);
        assertEquals(1300L, later.firstBadSeq(), later.message());
        assertTrue(later.message().contains("its recorded hash is null"), later.message());
    }

    @Test
    void aSignedHeadNamingAnotherHashFailsAsAHeadMismatchNamingTheLedgersHash() throws Exception {
        Path c = bigCase(Fixture.Store.FOLDER);
        List<String> heads = Files.readAllLines(HeadFile.of(c), StandardCharsets.UTF_8);
        int lastLine = heads.size() - 1;
        SignedHead h = SignedHead.parse(heads.get(lastLine));
        heads.set(lastLine, new SignedHead(h.caseId(), h.seq(), "cd".repeat(32), h.at(), h.key(), h.alg(),
                java.util.Base64.getEncoder().encodeToString(h.signature())).toLine());
        Files.write(HeadFile.of(c), heads, StandardCharsets.UTF_8);
        LedgerVerdict v = sameEverywhere(c);
        assertEquals(LedgerFault.HEAD_MISMATCH, v.fault());
        assertTrue(v.message().contains("hashes to " + h.head()), v.message());
    }
}
