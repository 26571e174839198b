package org.sakshi.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an audit (docs/cli.md#json-of-audit {@code audit --json}): rendered by the CLI, JSON, the GUI and the
 * PDF from this one record. {@code hash} is the bundle file's SHA-256 (null for a case); {@code label}
 * names the case for people (number and title; may be null).
 */
public record AuditReport(AuditScope scope, String id, String hash, String label, LedgerSummary ledger,
                          List<Finding> findings, List<ItemHistory> items) {
    public AuditReport {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ledger, "ledger");
        findings = findings == null ? List.of() : List.copyOf(findings);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** True when any finding is an ERROR (the CLI then exits 1). */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The findings with this code, in report order. */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public Optional<ItemHistory> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
