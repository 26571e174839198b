package org.sakshi.core.ledger;

/**
 * Result of checking a custody chain: intact or not, how many events were read, the head hash
 * (the last event's stored {@code hash}), and when broken the first bad {@code seq} (null when the
 * fault has no seq, e.g. an empty ledger) with a sentence naming the event and what is wrong.
 */
public record ChainResult(boolean intact, long events, String head, Long firstBadSeq, String message) {
}
