package org.sakshi.core.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * Tolerances of the analysis. {@code clockTolerance}: how far a workstation clock may differ from
 * a TSA's genTime before it is a finding (default 5 minutes). {@code maxSeizureGap}: how long an
 * item may wait between seizure (as recorded in its source details) and import (default 24 hours).
 */
public record AuditOptions(Duration clockTolerance, Duration maxSeizureGap) {
    public static final AuditOptions DEFAULTS = new AuditOptions(Duration.ofMinutes(5), Duration.ofHours(24));

    public AuditOptions {
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        Objects.requireNonNull(maxSeizureGap, "maxSeizureGap");
        if (clockTolerance.isNegative() || maxSeizureGap.isNegative()) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }
}
