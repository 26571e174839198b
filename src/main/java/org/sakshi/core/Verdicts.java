package org.sakshi.core;

import java.util.Collection;

/** The verdict rule of bundle-format-v1.md: any FAILED check fails; else any INDETERMINATE. */
public final class Verdicts {
    private Verdicts() {
    }

    public static Verdict of(Collection<Check> checks) {
        boolean indeterminate = false;
        for (Check c : checks) {
            if (c.result() == CheckResult.FAILED) {
                return Verdict.FAILED;
            }
            if (c.result() == CheckResult.INDETERMINATE) {
                indeterminate = true;
            }
        }
        return indeterminate ? Verdict.INDETERMINATE : Verdict.PASSED;
    }
}
