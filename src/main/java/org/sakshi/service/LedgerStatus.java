package org.sakshi.service;

/**
 * Result of verifying a custody chain: intact or not, number of events, head hash, and when broken
 * the first bad seq with a sentence naming the event and what is wrong.
 */
public record LedgerStatus(boolean intact, long events, String head, Long firstBadSeq, String message) {
}
