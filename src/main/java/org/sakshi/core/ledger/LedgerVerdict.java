package org.sakshi.core.ledger;

import java.util.List;

/**
 * The result of {@link LedgerVerifier}: intact or not; the number of events, the head hash, how
 * many signed heads and anchors were checked and the keys that signed; when not intact the
 * {@link LedgerFault}, the first bad {@code seq} (null when the fault has none) and one sentence
 * naming the event, head or anchor and what to do.
 */
public record LedgerVerdict(boolean intact, long events, String head, int signedHeads, int anchors,
                            List<String> keys, LedgerFault fault, Long firstBadSeq, String message) {
    public LedgerVerdict {
        keys = List.copyOf(keys);
    }
}
