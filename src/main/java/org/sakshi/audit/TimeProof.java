package org.sakshi.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An RFC 3161 token's genTime (RFC 3161 §2.4.2) and what it proves about the ledger. A token over an
 * item's SHA-256 proves the item existed at {@code genTime}; a token over the ledger head (an anchor,
 * or a bundle's signature token over a tag manifest that lists the custody log) proves every event up
 * to {@code coversUpToSeq} existed then. When a token is written into the chain (the event at
 * {@code recordedAtSeq} carries it), every later event was provably recorded after {@code genTime}.
 *
 * @param kind          ITEM, ANCHOR or EXPORT
 * @param source        where the token came from, for messages (a file name or "seq 12")
 * @param itemId        the item a token of kind ITEM stamps, else null
 * @param coversUpToSeq the last seq the token proves existed at genTime; 0 when it covers no event
 * @param recordedAtSeq the seq of the event that carries the token; 0 when it is not in the chain
 *                      (the analyzer links an ITEM token to the item's ITEM_TIMESTAMPED event)
 */
public record TimeProof(Kind kind, String source, Instant genTime, String itemId, long coversUpToSeq,
                        long recordedAtSeq) {
    public enum Kind { ITEM, ANCHOR, EXPORT }

    public TimeProof {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(genTime, "genTime");
    }

    public static TimeProof item(String itemId, String source, Instant genTime) {
        return new TimeProof(Kind.ITEM, source, genTime, itemId, 0, 0);
    }

    public static TimeProof export(String source, Instant genTime, long coversUpToSeq) {
        return new TimeProof(Kind.EXPORT, source, genTime, null, coversUpToSeq, 0);
    }
}
