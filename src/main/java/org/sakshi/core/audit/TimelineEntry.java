package org.sakshi.core.audit;

import java.time.Instant;

/**
 * One step of an item's custody history: the event ({@code seq}, {@code at}, {@code type}), who
 * acted, who held the item after the event, where (workstation host), the item hash the event
 * recorded ({@code hashAfter}) against the hash known before it ({@code hashBefore}), and a short
 * description of the event's details (e.g. "to Insp. Rao, reason: lab examination").
 */
public record TimelineEntry(long seq, Instant at, String type, String actor, String custodian, String host,
                            String hashBefore, String hashAfter, String detail) {
}
