package org.sakshi.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Version;
import org.sakshi.core.audit.AuditJson;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.Severity;
import org.sakshi.service.AuditService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.TimestampService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi audit (CASE_DIR | BUNDLE.zip) [--item ID] [--json] [--report OUT.pdf] [--keystore ...]}
 * (docs/cli.md#audit): verifies the custody ledger, then reports custody findings. Exit 0 when no finding is an
 * ERROR, 1 otherwise, 2 when the input cannot be read.
 */
@Command(name = "audit", description = "Audit the custody of a case or a bundle.",
        footer = "  sakshi audit FIR112.zip --json")
final class AuditCommand extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CASE_DIR|BUNDLE.zip",
            description = "A case folder or a bundle .zip (not with --server).")
    Path target;

    @Option(names = "--server", paramLabel = "NAME", description = "With --all-cases: audit every case on this lab server.")
    String server;

    @Option(names = "--all-cases", description = "With --server: one line per case (number, title, errors, warnings);"
            + " exit 1 when any case has an error.")
    boolean allCases;

    @Option(names = "--item", paramLabel = "ID", description = "Print the custody history of one item.")
    String item;

    @Option(names = "--json", description = "Print the audit as JSON (docs/cli.md, \"JSON of audit\") on stdout.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.pdf", description = "Write the audit report PDF.")
    Path report;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ExportCommand.Identity identity;

    @Option(names = "--tsa", paramLabel = "URL", description = "TSA to time-stamp the report's signature; repeatable.")
    List<String> tsa = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "MINUTES", defaultValue = "5",
            description = "Allowed workstation clock difference to a TSA (default: ${DEFAULT-VALUE} min).")
    long toleranceMinutes;

    @Option(names = "--max-seizure-gap", paramLabel = "HOURS", defaultValue = "24",
            description = "Allowed time between seizure and import (default: ${DEFAULT-VALUE} h).")
    long maxSeizureGapHours;

    private final AuditService audits;
    private final IdentityService identities;
    private final TimestampService timestamps;

    private final org.sakshi.service.LabService lab;

    AuditCommand(AuditService audits, IdentityService identities, TimestampService timestamps) {
        this(audits, identities, timestamps, null);
    }

    AuditCommand(AuditService audits, IdentityService identities, TimestampService timestamps,
                 org.sakshi.service.LabService lab) {
        this.audits = audits;
        this.identities = identities;
        this.timestamps = timestamps;
        this.lab = lab;
    }

    @Override
    public Integer call() throws SakshiException {
        if (toleranceMinutes < 0 || maxSeizureGapHours < 0) {
            throw new InputException("--tolerance and --max-seizure-gap must not be negative.");
        }
        if (identity != null && report == null) {
            throw new InputException("--keystore and --pkcs11 sign the report PDF; give --report OUT.pdf too.");
        }
        Signer signer = identity == null ? null : identity.open(identities); // a wrong password fails before any work
        AuditOptions options = new AuditOptions(Duration.ofMinutes(toleranceMinutes), Duration.ofHours(maxSeizureGapHours));
        if (server != null || allCases) {
            if (server == null || !allCases || target != null || item != null || report != null) {
                throw new InputException("a lab-wide audit is 'sakshi audit --server NAME --all-cases [--json]' without"
                        + " a case folder, --item or --report");
            }
            return LabAudit.print(ServerCommand.need(lab).auditAll(server, options), json, out());
        }
        if (target == null) {
            throw new InputException("give a case folder or a bundle .zip to audit, or --server NAME --all-cases");
        }
        AuditReport r = audits.audit(target, options);
        ItemHistory history = null;
        if (item != null) {
            history = r.item(item).orElseThrow(() -> new InputException("item " + item + " is not in the custody "
                    + "ledger of " + target + "; run 'sakshi items' to see the item ids."));
        }
        if (report != null) {
            List<TimestampSource> sources = timestamps.sources(tsa);
            audits.writeReportPdf(r, Version.toolVersion(), report, signer, sources.isEmpty() ? null : sources.get(0));
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(AuditJson.toMap(r));
            if (history != null) {
                String id = history.id();
                m.put("items", ((List<?>) m.get("items")).stream()
                        .filter(x -> id.equals(((Map<?, ?>) x).get("id"))).toList());
            }
            CliSupport.printJson(out(), m);
        } else if (history != null) {
            out().print(timeline(text(), r, history));
        } else {
            out().print(summary(text(), r));
        }
        if (report != null && !json) {
            out().println(text().get(identity == null ? "audit.writtenUnsigned" : "audit.written", report));
        }
        return r.hasErrors() ? SakshiCommand.VERIFY_FAILED : SakshiCommand.OK;
    }

    /** The audit summary in the officer's language (findings: severity, code and the engine's sentence in English). */
    static String summary(CliText text, AuditReport r) {
        StringBuilder b = new StringBuilder();
        b.append(text.get("audit.title", r.scope().json(), r.id())).append(r.label() == null ? "" : " (" + r.label() + ")")
                .append('\n');
        if (r.hash() != null) {
            b.append(text.get("audit.sha256", r.hash())).append('\n');
        }
        org.sakshi.core.audit.LedgerSummary l = r.ledger();
        String events = String.valueOf(l.events());
        b.append(l.intact() ? text.get("audit.ledgerIntact", events, l.head())
                : l.firstBadSeq() == null ? text.get("audit.ledgerBroken", events, l.head())
                : text.get("audit.ledgerBrokenAt", events, l.head(), String.valueOf(l.firstBadSeq()))).append('\n');
        b.append(text.get("audit.findings", String.valueOf(r.count(Severity.ERROR)),
                String.valueOf(r.count(Severity.WARNING)), String.valueOf(r.count(Severity.INFO)))).append('\n');
        for (org.sakshi.core.audit.Finding f : r.findings()) {
            b.append(String.format("%-7s %-22s %s%n", f.severity(), f.code(), f.message()));
        }
        b.append(text.get(r.hasErrors() ? "audit.resultFailed" : "audit.resultOk")).append('\n');
        return b.toString();
    }

    /** One item's custody history in the officer's language: who, what, when, where, hash before and after. */
    static String timeline(CliText text, AuditReport r, ItemHistory h) {
        StringBuilder b = new StringBuilder();
        b.append(text.get("audit.history", h.id())).append('\n');
        String hash = null;
        for (org.sakshi.core.audit.TimelineEntry t : h.timeline()) {
            b.append(text.get("audit.entry", String.format("%5d", t.seq()),
                    java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.at().truncatedTo(
                            java.time.temporal.ChronoUnit.MILLIS)), String.format("%-19s", t.type()), t.actor(), t.host(),
                    t.custodian())).append('\n');
            if (!t.detail().isEmpty()) {
                b.append("       ").append(t.detail()).append('\n');
            }
            if (hash == null && t.hashAfter() != null) {
                b.append("       SHA-256 ").append(t.hashAfter()).append('\n');
            } else if (t.hashAfter() != null && t.hashBefore() != null && !t.hashAfter().equalsIgnoreCase(t.hashBefore())) {
                b.append("       ").append(text.get("audit.changed", t.hashBefore(), t.hashAfter())).append('\n');
            }
            hash = t.hashAfter() != null ? t.hashAfter() : hash;
        }
        for (org.sakshi.core.audit.Finding f : r.findings()) {
            if (f.items().contains(h.id())) {
                b.append(f.severity()).append(' ').append(f.code()).append(": ").append(f.message()).append('\n');
            }
        }
        return b.toString();
    }
}
