package org.sakshi.core;

import java.time.Instant;

/** The time source for custody events; tests pass a fixed or stepping clock. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = Instant::now;

    Instant now();
}
