package org.sakshi.core.audit;

/**
 * The ledger verification that precedes the analysis (docs/custody-ledger.md#rules): number of
 * events, head hash (the last event's {@code hash}), whether every hash and link recomputed, and when
 * broken the first bad {@code seq} and a sentence naming what is wrong.
 */
public record LedgerSummary(long events, String head, boolean intact, Long firstBadSeq, String message) {
    public static LedgerSummary intact(long events, String head) {
        return new LedgerSummary(events, head, true, null, "intact");
    }
}
