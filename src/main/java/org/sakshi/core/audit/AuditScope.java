package org.sakshi.core.audit;

import java.util.Locale;

/** What was audited: a case folder or a received bundle (docs/cli.md#json-of-audit {@code audit --json} "scope"). */
public enum AuditScope {
    CASE, BUNDLE;

    /** The lower-case word used in JSON ({@code case|bundle}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
