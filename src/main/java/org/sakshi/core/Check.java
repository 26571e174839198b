package org.sakshi.core;

import java.util.Objects;

/**
 * One verification check: a stable {@link CheckCode} (e.g. {@code PAYLOAD_HASH}), its result, what it
 * concerns (a bag path, an item id, a seq number; may be empty) and a sentence a prosecutor can read.
 */
public record Check(CheckCode code, CheckResult result, String target, String message) {
    public Check {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(result, "result");
        target = target == null ? "" : target;
        Objects.requireNonNull(message, "message");
    }

    public static Check passed(CheckCode code, String target, String message) {
        return new Check(code, CheckResult.PASSED, target, message);
    }

    public static Check failed(CheckCode code, String target, String message) {
        return new Check(code, CheckResult.FAILED, target, message);
    }

    public static Check indeterminate(CheckCode code, String target, String message) {
        return new Check(code, CheckResult.INDETERMINATE, target, message);
    }

    public static Check warning(CheckCode code, String target, String message) {
        return new Check(code, CheckResult.WARNING, target, message);
    }
}
