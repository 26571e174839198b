package org.sakshi.core;

import java.util.Collection;

/**
 * The verdict rule of docs/bundle-format.md: any FAILED check fails; else any INDETERMINATE check, or
 * any WARNING of a code that is not {@link CheckCode#advisory() advisory}, makes it INDETERMINATE; else
 * PASSED. So a WARNING can never stand in for an expectation that was not met.
 */
public final class Verdicts {
    private Verdicts() {
    }

    public static Verdict of(Collection<Check> checks) {
        boolean indeterminate = false;
        for (Check c : checks) {
            if (c.result() == CheckResult.FAILED) {
                return Verdict.FAILED;
            }
            if (c.result() == CheckResult.INDETERMINATE
                    || c.result() == CheckResult.WARNING && !c.code().advisory()) {
                indeterminate = true;
            }
        }
        return indeterminate ? Verdict.INDETERMINATE : Verdict.PASSED;
    }
}
