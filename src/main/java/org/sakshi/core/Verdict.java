package org.sakshi.core;

/**
 * Overall result of a verification (docs/bundle-format.md#verdicts). CLI exit codes: PASSED 0,
 * FAILED 1, INDETERMINATE 3.
 */
public enum Verdict {
    PASSED(0), FAILED(1), INDETERMINATE(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
