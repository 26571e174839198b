package org.sakshi.ui.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.service.VerifyService;
import org.sakshi.ui.common.Messages;

/**
 * The prosecutor's verify view: a bundle, the trust anchors (remembered by the caller), the report,
 * the verdict in plain words with its reason, and the checks grouped by code for the tree.
 */
public final class VerifyViewModel {
    /** A group of checks with the same code; its result is the worst of its members. */
    public record CheckGroup(CheckCode code, CheckResult result, List<Check> checks) {
    }

    private final VerifyService verifier;
    private final ObjectProperty<Path> bundle = new SimpleObjectProperty<>();
    private final ObservableList<Path> trustAnchors = FXCollections.observableArrayList();
    private final ObjectProperty<VerificationReport> report = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty expectedSigner = new javafx.beans.property.SimpleStringProperty("");

    private final org.sakshi.service.TimestampService timestamps;

    public VerifyViewModel(VerifyService verifier, List<Path> anchors) {
        this(verifier, null, anchors);
    }

    /** @param timestamps makes TSA clients for extend and renew (may be null: those then refuse) */
    public VerifyViewModel(VerifyService verifier, org.sakshi.service.TimestampService timestamps, List<Path> anchors) {
        this.verifier = verifier;
        this.timestamps = timestamps;
        trustAnchors.setAll(anchors);
    }

    /**
     * Seals the shown bundle for the long term ({@code renew} false: B-T to LTA) or adds an archive
     * time-stamp ({@code renew} true), writing {@code out}; worker thread.
     */
    public org.sakshi.service.LongTermService.Outcome longTerm(boolean renew, String tsaUrl, Path out)
            throws SakshiException {
        if (timestamps == null || tsaUrl == null || tsaUrl.isBlank()) {
            throw new org.sakshi.core.InputException("a time-stamp authority URL is needed for the archive time-stamp.");
        }
        List<org.sakshi.core.TimestampSource> tsas = timestamps.sources(List.of(tsaUrl.strip()));
        VerifyService.Trust t = new VerifyService.Trust(List.copyOf(trustAnchors), null, null);
        return renew ? verifier.longTerm().renew(bundle.get(), out, tsas, t)
                : verifier.longTerm().extend(bundle.get(), out, tsas, t);
    }

    /** Verifies the chosen bundle (worker thread); never throws for a bad bundle, only for a non-bundle. */
    public VerificationReport verify(ProgressListener progress) throws SakshiException {
        return verifier.verify(bundle.get(), new VerifyService.Trust(List.copyOf(trustAnchors), null,
                expectedSigner.get()), progress);
    }

    public void writeReport(Path out) throws SakshiException {
        verifier.writeReportPdf(report.get(), bundle.get(), out);
    }

    /** PASSED / FAILED / INDETERMINATE as the large plain words on screen. */
    public static String verdictWords(Verdict v) {
        return v == null ? "" : Messages.get("verdict." + v.name());
    }

    /** One sentence under the verdict: what the deciding check says (naming the file), or why all is well. */
    public static String reason(VerificationReport r) {
        if (r == null) {
            return "";
        }
        Check c = r.decidingCheck();
        if (c == null) {
            return Messages.get("verify.reason.passed", r.items().size(),
                    r.signer() == null ? "?" : r.signer().subject());
        }
        return sentence(c);
    }

    /** A check as one sentence: its message, preceded by its target unless the message already names it. */
    public static String sentence(Check c) {
        return c.target().isEmpty() || c.message().contains(c.target()) ? c.message() : c.target() + ": " + c.message();
    }

    /** Checks grouped by code in first-seen order; a group is as bad as its worst check. */
    public static List<CheckGroup> groups(VerificationReport r) {
        Map<CheckCode, List<Check>> by = new LinkedHashMap<>();
        for (Check c : r.checks()) {
            by.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        List<CheckGroup> out = new ArrayList<>();
        by.forEach((code, list) -> out.add(new CheckGroup(code, worst(list), list)));
        return out;
    }

    static CheckResult worst(List<Check> checks) {
        CheckResult w = CheckResult.PASSED;
        for (Check c : checks) {
            if (rank(c.result()) > rank(w)) {
                w = c.result();
            }
        }
        return w;
    }

    private static int rank(CheckResult r) {
        return switch (r) {
            case PASSED -> 0;
            case WARNING -> 1;
            case INDETERMINATE -> 2;
            case FAILED -> 3;
        };
    }

    /** The icon drawn before a check. */
    public static String icon(CheckResult r) {
        return switch (r) {
            case PASSED -> "\u2714";
            case FAILED -> "\u2716";
            case INDETERMINATE -> "?";
            case WARNING -> "\u26a0";
        };
    }

    public ObjectProperty<Path> bundleProperty() {
        return bundle;
    }

    public ObservableList<Path> trustAnchors() {
        return trustAnchors;
    }

    /**
     * The pinned signer: a certificate PEM path or its SHA-256; empty for none. When set, a bundle signed
     * by anyone else is FAILED (SIGNER_MISMATCH).
     */
    public javafx.beans.property.StringProperty expectedSignerProperty() {
        return expectedSigner;
    }

    public ObjectProperty<VerificationReport> reportProperty() {
        return report;
    }
}
