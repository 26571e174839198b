package org.sakshi.ui.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.service.AuditService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.SigningIdentity;
import org.sakshi.ui.common.Messages;

/**
 * The audit view: audits a case folder or a bundle with {@link AuditService}, then shows
 * the ledger summary, the findings (filtered by severity; null shows all), the audited items and the
 * custody timeline of the selected one, and writes the audit report PDF (unsigned or PAdES-signed).
 * {@link #audit()} and {@link #writePdf} block (worker thread); the rest runs on the FX thread.
 */
public final class AuditViewModel {
    private final AuditService audits;
    private final IdentityService identities;
    private final Path target;
    private final ObjectProperty<AuditReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FilteredList<Finding> visible = new FilteredList<>(findings);
    private final ObservableList<String> itemIds = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedItem = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> focused = new SimpleObjectProperty<>();

    public AuditViewModel(AuditService audits, IdentityService identities, Path caseOrBundle) {
        this.audits = audits;
        this.identities = identities;
        this.target = caseOrBundle;
        severityFilter.addListener((o, a, s) -> visible.setPredicate(f -> s == null || f.severity() == s));
        selectedItem.addListener((o, a, id) -> timeline.setAll(history(id).map(ItemHistory::timeline).orElse(List.of())));
    }

    /** The case folder or bundle being audited. */
    public Path target() {
        return target;
    }

    /** Runs the audit with the default tolerances (worker thread); a bad ledger is findings, not an exception. */
    public AuditReport audit() throws SakshiException {
        return audits.audit(target, AuditOptions.DEFAULTS);
    }

    /** Shows a report (FX thread): findings worst first as the report orders them, items, the first item's timeline. */
    public void show(AuditReport r) {
        report.set(r);
        findings.setAll(r == null ? List.of() : r.findings());
        itemIds.setAll(r == null ? List.of() : r.items().stream().map(ItemHistory::id).toList());
        String keep = selectedItem.get();
        selectedItem.set(null);
        selectedItem.set(keep != null && itemIds.contains(keep) ? keep : itemIds.isEmpty() ? null : itemIds.get(0));
    }

    /** Selects the first item a finding names, so its timeline shows beside it. */
    public void focus(Finding f) {
        focused.set(f);
        if (f != null && !f.items().isEmpty() && itemIds.contains(f.items().get(0))) {
            selectedItem.set(f.items().get(0));
        }
    }

    private Optional<ItemHistory> history(String id) {
        AuditReport r = report.get();
        return r == null || id == null ? Optional.empty() : r.item(id);
    }

    /**
     * Opens the lab's signing identity (PKCS#12 file, or PKCS#11 library with a token label) with the
     * password or PIN, then wipes it (worker thread). The secret is never kept.
     */
    public Signer openIdentity(Path identity, boolean token, String tokenLabel, char[] secret) throws SakshiException {
        return identities.open(token ? SigningIdentity.pkcs11(identity, tokenLabel) : SigningIdentity.pkcs12(identity, null),
                secret);
    }

    /** Writes the audit report PDF of the shown report; PAdES-signed when {@code signer} is given (worker thread). */
    public void writePdf(Path out, String toolVersion, Signer signer, TimestampSource tsa) throws SakshiException {
        audits.writeReportPdf(report.get(), toolVersion, out, signer, tsa);
    }

    /** The big words at the top: ERRORS FOUND, WARNINGS or NO PROBLEMS FOUND. */
    public static String headline(AuditReport r) {
        if (r == null) {
            return "";
        }
        return Messages.get(r.count(Severity.ERROR) > 0 ? "audit.headline.errors"
                : r.count(Severity.WARNING) > 0 ? "audit.headline.warnings" : "audit.headline.clean");
    }

    /** The style class of the summary box, reusing the verdict colours: failed, indeterminate, passed. */
    public static String styleClass(AuditReport r) {
        return r == null ? "" : r.count(Severity.ERROR) > 0 ? "failed"
                : r.count(Severity.WARNING) > 0 ? "indeterminate" : "passed";
    }

    /** Counts by severity in one line. */
    public static String counts(AuditReport r) {
        return r == null ? "" : Messages.get("audit.counts", r.count(Severity.ERROR), r.count(Severity.WARNING),
                r.count(Severity.INFO));
    }

    /** The ledger verification in one sentence: events, head, intact or where it breaks. */
    public static String ledgerText(LedgerSummary l) {
        if (l == null) {
            return "";
        }
        String head = l.head() == null || l.head().isEmpty() ? "\u2014" : l.head();
        return l.intact() ? Messages.get("audit.ledger.intact", l.events(), head)
                : Messages.get("audit.ledger.broken", l.events(), head,
                        l.firstBadSeq() == null ? "?" : l.firstBadSeq(), l.message() == null ? "" : l.message());
    }

    /** The icon drawn before a severity (colour comes from the stylesheet). */
    public static String icon(Severity s) {
        return switch (s) {
            case ERROR -> "\u2716";
            case WARNING -> "\u26a0";
            case INFO -> "\u2139";
        };
    }

    /** A short hash for a table cell ({@code 1a2b3c4d…}); the full one goes in the tooltip. */
    public static String shortHash(String h) {
        return h == null || h.isEmpty() ? "" : h.length() <= 12 ? h : h.substring(0, 12) + "\u2026";
    }

    /** True when the timeline row {@code e} is one of the events the focused finding names. */
    public boolean flagged(TimelineEntry e) {
        Finding f = focused.get();
        return f != null && e != null && f.events().contains(e.seq());
    }

    /** The finding last selected in the table (its events are marked in the timeline). */
    public ObjectProperty<Finding> focusedProperty() {
        return focused;
    }

    public ObjectProperty<AuditReport> reportProperty() {
        return report;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public FilteredList<Finding> visible() {
        return visible;
    }

    public ObservableList<String> itemIds() {
        return itemIds;
    }

    public ObjectProperty<String> selectedItemProperty() {
        return selectedItem;
    }

    public ObservableList<TimelineEntry> timeline() {
        return timeline;
    }
}
