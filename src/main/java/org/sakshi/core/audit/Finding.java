package org.sakshi.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * One audit finding: a severity, a stable code (see {@link FindingCode}), the items and event
 * {@code seq} numbers concerned (either may be empty) and a sentence a lab examiner can read.
 */
public record Finding(Severity severity, String code, List<String> items, List<Long> events, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        items = items == null ? List.of() : List.copyOf(items);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static Finding of(FindingCode code, List<String> items, List<Long> events, String message) {
        return new Finding(code.severity(), code.name(), items, events, message);
    }
}
