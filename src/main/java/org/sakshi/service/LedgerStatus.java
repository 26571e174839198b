package org.sakshi.service;

/**
 * Result of {@code custody verify}: intact or not, number of events, head hash, and when broken the
 * first bad seq with a sentence naming the event, signed head or anchor and what is wrong;
 * {@code fault} is the {@link org.sakshi.core.ledger.LedgerFault} name (null when intact);
 * {@code signedHeads} and {@code anchors} say how many signatures and RFC 3161 anchors were checked.
 */
public record LedgerStatus(boolean intact, long events, String head, Long firstBadSeq, String message, String fault,
                           int signedHeads, int anchors) {
    public LedgerStatus(boolean intact, long events, String head, Long firstBadSeq, String message) {
        this(intact, events, head, firstBadSeq, message, null, 0, 0);
    }
}
