package org.sakshi.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * How strictly an identity is checked when it is loaded.
 *
 * @param now          the time at which the certificate must be valid
 * @param allowExpired true to sign with an expired (or not yet valid) certificate anyway
 */
public record SigningOptions(Instant now, boolean allowExpired) {
    public SigningOptions {
        Objects.requireNonNull(now, "now");
    }

    /** Valid now, expired certificates refused. */
    public static SigningOptions strict() {
        return new SigningOptions(Instant.now(), false);
    }
}
