package org.sakshi.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One custody ledger event exactly as docs/custody-ledger.md defines it. {@code type} is a string so that
 * unknown future types survive a round trip. {@code details} holds JSON-compatible values only
 * (maps, lists, strings, integral numbers, booleans, null) - never floats.
 */
public record CustodyEvent(long seq, UUID id, UUID caseId, Instant at, String type, Actor actor,
                           Workstation workstation, String itemId, String itemSha256,
                           Map<String, Object> details, String prev, String hash, String sig) {
    public static final String GENESIS_PREV = "0".repeat(64);

    public CustodyEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(prev, "prev");
        details = details == null ? Map.of() : details;
    }
}
