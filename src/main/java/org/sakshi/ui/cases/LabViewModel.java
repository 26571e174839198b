package org.sakshi.ui.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sakshi.core.SakshiException;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LabCase;
import org.sakshi.service.LabServerSummary;
import org.sakshi.service.LabService;
import org.sakshi.service.NewCase;
import org.sakshi.ui.common.Messages;

/**
 * The lab view's state: the lab servers this workstation knows, the picked one's cases and, after
 * Audit all, each case's result in one line. The blocking methods ({@link #fetchServers},
 * {@link #fetchCases}, {@link #auditAll}, {@link #open}) run off the FX thread; {@code show…} apply
 * their results on it.
 */
public final class LabViewModel {
    /** A case of the picked server and, once audited, its result in plain words (null: not audited yet). */
    public record Row(LabCase entry, String result, boolean bad) {
    }

    /** A finished move: the case's new folder and its ledger before (folder) and after (server). */
    public record Moved(Path to, long eventsBefore, long eventsAfter, boolean intactAfter) {
    }

    private final LabService lab;
    private final CaseService cases;
    private final CustodyService custody;
    private final ObservableList<LabServerSummary> servers = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LabServerSummary> server = new SimpleObjectProperty<>();

    public LabViewModel(LabService lab, CaseService cases) {
        this(lab, cases, null);
    }

    public LabViewModel(LabService lab, CaseService cases, CustodyService custody) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.custody = custody;
        server.addListener((o, a, b) -> rows.clear());
    }

    public ObservableList<LabServerSummary> servers() {
        return servers;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The picked server (null: none). */
    public ObjectProperty<LabServerSummary> serverProperty() {
        return server;
    }

    public List<LabServerSummary> fetchServers() throws SakshiException {
        return lab.list();
    }

    public void showServers(List<LabServerSummary> list) {
        LabServerSummary picked = server.get();
        servers.setAll(list);
        if (picked == null || list.stream().noneMatch(s -> s.name().equals(picked.name()))) {
            server.set(list.isEmpty() ? null : list.get(0));
        }
    }

    public List<LabCase> fetchCases(String name) throws SakshiException {
        return lab.cases(name);
    }

    public void showCases(List<LabCase> cases) {
        rows.setAll(cases.stream().map(c -> new Row(c, null, false)).toList());
    }

    public List<LabService.CaseAudit> auditAll(String name) throws SakshiException {
        return lab.auditAll(name, AuditOptions.DEFAULTS);
    }

    public void showAudits(List<LabService.CaseAudit> audits) {
        List<Row> out = new ArrayList<>();
        for (LabService.CaseAudit a : audits) {
            out.add(new Row(a.entry(), result(a), bad(a)));
        }
        rows.setAll(out);
    }

    /**
     * Creates a case on the server (as {@code sakshi case init --server} does) in the server's vault
     * folder, in a folder named after the case number; returns that folder.
     */
    public Path create(LabServerSummary server, NewCase request) throws SakshiException {
        Path dir = server.vault().resolve(request.number().strip().replaceAll("[^A-Za-z0-9._-]+", "-"));
        cases.create(dir, request, server.name());
        return dir;
    }

    /** Add server…: what {@code sakshi server add} does, with the same checks; nothing is saved when one fails. */
    public LabServerSummary add(AddServerForm form) throws SakshiException {
        return lab.add(form.name(), form.address(), null, form.passwordFile(), form.vault(), form.tlsRoot());
    }

    /**
     * Move case to this server…: what {@code sakshi case move FOLDER --to-server NAME} does (the
     * ledger verified before and after, CASE_MOVED, the folder closed), with the ledger counts for the verdict.
     */
    public Moved moveHere(LabServerSummary server, Path folder, org.sakshi.core.Actor actor) throws SakshiException {
        long before = custody.verify(folder).events();
        Path to = lab.moveToServer(folder, server.name(), null, actor);
        var after = custody.verify(to);
        return new Moved(to, before, after.events(), after.intact());
    }

    /** The case's folder as this workstation reaches it, opened (read) the way the start window opens one. */
    public Path open(String name, LabCase c) throws SakshiException {
        Path dir = lab.folder(name, c);
        cases.open(dir);
        return dir;
    }

    static boolean bad(LabService.CaseAudit a) {
        AuditReport r = a.report();
        return r == null || r.hasErrors() || !r.ledger().intact();
    }

    /** One case's audit in plain words: ledger intact or not, errors, warnings and codes, or why it was not audited. */
    static String result(LabService.CaseAudit a) {
        AuditReport r = a.report();
        if (r == null) {
            return Messages.get("lab.result.problem", a.problem());
        }
        List<String> codes = r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .distinct().toList();
        return Messages.get(r.ledger().intact() ? "lab.result.intact" : "lab.result.broken",
                r.count(Severity.ERROR), r.count(Severity.WARNING),
                codes.isEmpty() ? Messages.get("lab.result.noCodes") : String.join(", ", codes));
    }
}
