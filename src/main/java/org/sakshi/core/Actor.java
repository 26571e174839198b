package org.sakshi.core;

import java.util.Objects;

/**
 * Who acts (docs/custody-ledger.md#event): name, rank, badge or staff id, agency and the SHA-256 of
 * their signing certificate. Unknown parts are null.
 */
public record Actor(String name, String rank, String id, String agency, String certSha256) {
    public Actor {
        Objects.requireNonNull(name, "actor name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name must not be blank");
        }
    }

    public static Actor named(String name) {
        return new Actor(name, null, null, null, null);
    }
}
