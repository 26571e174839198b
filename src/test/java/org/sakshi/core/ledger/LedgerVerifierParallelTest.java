package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger parsed and hashed on several threads gives the verdict of the one-line-at-a-time check. */
class LedgerVerifierParallelTest {
    private static final int EVENTS = 2_600; // several batches of lines, and a last one not full

    private static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (var e : ChainVerifierTest.chain(EVENTS)) {
            out.add(EventCodec.toJsonLine(e));
        }
        return out;
    }

    private static LedgerVerdict sequential(List<String> lines) {
        LedgerVerifier v = new LedgerVerifier(null, null, null);
        lines.forEach(v::acceptLine);
        return v.result();
    }

    private static LedgerVerdict parallel(List<String> lines, int threads) {
        LedgerVerifier v = new LedgerVerifier(null, null, null);
        v.acceptAll(lines::forEach, threads);
        return v.result();
    }

    private static List<String> changed(int index, UnaryOperator<String> how) {
        List<String> l = lines();
        l.set(index, how.apply(l.get(index)));
        return l;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void anIntactLedgerAndEveryKindOfDamageGetTheSameVerdictAsTheSequentialCheck(int threads) {
        List<List<String>> ledgers = new ArrayList<>();
        ledgers.add(lines());
        ledgers.add(changed(1776, l -> l.replace("note 1777", "note 1778"))); // a changed detail
        ledgers.add(changed(3, l -> "{not json")); // garbage in the first batch
        ledgers.add(changed(EVENTS - 1, l -> "[1,2]")); // not an object, in the last batch
        List<String> removed = lines();
        removed.remove(1023); // a gap at a batch boundary
        ledgers.add(removed);
        List<String> swapped = lines();
        swapped.set(600, swapped.get(601)); // a duplicated event: the link breaks
        ledgers.add(swapped);
        for (List<String> ledger : ledgers) {
            LedgerVerdict want = sequential(ledger);
            LedgerVerdict got = parallel(ledger, threads);
            assertEquals(want, got);
        }
        assertEquals(1777L, parallel(ledgers.get(1), threads).firstBadSeq());
        assertEquals(LedgerFault.CHAIN_BROKEN, parallel(ledgers.get(1), threads).fault());
        assertEquals(EVENTS, parallel(ledgers.get(1), threads).events(), "every line is counted after the fault");
        assertFalse(parallel(ledgers.get(0), threads).intact(), "no signed-head file: not intact, as before");
        assertEquals(LedgerFault.HEADS_MALFORMED, parallel(ledgers.get(0), threads).fault());
    }
}
