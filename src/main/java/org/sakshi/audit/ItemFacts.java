package org.sakshi.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What the case store or the bundle's {@code case.json} says about an item, beside the ledger: its
 * SHA-256, the item it was derived from (or null), the free-text seizure details and the seizure
 * time read from them (null when none is recorded).
 */
public record ItemFacts(String id, String sha256, String derivedFrom, String source, Instant seizedAt) {
    public ItemFacts {
        Objects.requireNonNull(id, "id");
    }
}
