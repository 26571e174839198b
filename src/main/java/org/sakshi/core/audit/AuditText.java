package org.sakshi.core.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Plain-text renderings of an audit for the terminal: the summary with findings, and one item's timeline. */
public final class AuditText {
    private AuditText() {
    }

    public static String summary(AuditReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Audit of ").append(r.scope().json()).append(' ').append(r.id())
                .append(r.label() == null ? "" : " (" + r.label() + ")").append('\n');
        if (r.hash() != null) {
            b.append("SHA-256: ").append(r.hash()).append('\n');
        }
        LedgerSummary l = r.ledger();
        b.append("Ledger: ").append(l.events()).append(" events, head ").append(l.head()).append(", ")
                .append(l.intact() ? "intact" : "BROKEN" + (l.firstBadSeq() == null ? "" : " at seq " + l.firstBadSeq()))
                .append('\n');
        b.append("Findings: ").append(r.count(Severity.ERROR)).append(" error(s), ").append(r.count(Severity.WARNING))
                .append(" warning(s), ").append(r.count(Severity.INFO)).append(" info\n");
        for (Finding f : r.findings()) {
            b.append(String.format("%-7s %-22s %s%n", f.severity(), f.code(), f.message()));
        }
        b.append(r.hasErrors() ? "Result: custody audit FAILED\n" : "Result: no custody error found\n");
        return b.toString();
    }

    /** The readable history of one item: who, what, when, where, hash before and after. */
    public static String timeline(AuditReport r, ItemHistory h) {
        StringBuilder b = new StringBuilder();
        b.append("Custody history of item ").append(h.id()).append('\n');
        String hash = null;
        for (TimelineEntry t : h.timeline()) {
            b.append(String.format("%5d  %s  %-19s by %s on %s; custodian after: %s%n", t.seq(), time(t.at()), t.type(),
                    t.actor(), t.host(), t.custodian()));
            if (!t.detail().isEmpty()) {
                b.append("       ").append(t.detail()).append('\n');
            }
            if (hash == null && t.hashAfter() != null) {
                b.append("       SHA-256 ").append(t.hashAfter()).append('\n');
            } else if (t.hashAfter() != null && t.hashBefore() != null && !t.hashAfter().equalsIgnoreCase(t.hashBefore())) {
                b.append("       SHA-256 CHANGED: before ").append(t.hashBefore()).append(", after ")
                        .append(t.hashAfter()).append('\n');
            }
            hash = t.hashAfter() != null ? t.hashAfter() : hash;
        }
        for (Finding f : r.findings()) {
            if (f.items().contains(h.id())) {
                b.append(f.severity()).append(' ').append(f.code()).append(": ").append(f.message()).append('\n');
            }
        }
        return b.toString();
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}
