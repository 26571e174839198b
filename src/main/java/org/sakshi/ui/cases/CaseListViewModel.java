package org.sakshi.ui.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CaseSummary;

/**
 * The start view's logic: the workspace, its cases (most recent activity first), the search box,
 * and creating a case in a folder named after its number. Blocking methods run on a worker thread;
 * {@link #show} runs on the FX thread.
 */
public final class CaseListViewModel {
    /** Most recent activity first, then by number. */
    public static final Comparator<CaseSummary> RECENT_FIRST = Comparator
            .comparing(CaseSummary::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.info().number());

    private final CaseService cases;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<CaseSummary> all = FXCollections.observableArrayList();
    private final FilteredList<CaseSummary> visible = new FilteredList<>(all);

    public CaseListViewModel(CaseService cases, Path workspace) {
        this.cases = cases;
        this.workspace.set(workspace);
        search.addListener((o, a, q) -> visible.setPredicate(s -> matches(s, q)));
    }

    /** True when every word of the query occurs in the case's number, title, agency, officer or folder name. */
    public static boolean matches(CaseSummary s, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        CaseInfo i = s.info();
        String hay = String.join(" ", i.number(), i.title(), i.agency() == null ? "" : i.agency(),
                i.defaultOfficer(), i.jurisdiction().name(), s.dir().getFileName().toString())
                .toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the workspace (worker thread). A workspace that does not exist yet has no cases. */
    public List<CaseSummary> fetch() {
        Path ws = workspace.get();
        if (ws == null || !Files.isDirectory(ws)) {
            return List.of();
        }
        return cases.list(ws).stream().sorted(RECENT_FIRST).toList();
    }

    /** Shows fetched cases (FX thread). */
    public void show(List<CaseSummary> list) {
        all.setAll(list);
    }

    /** The folder a new case gets: its number made safe for every file system, made unique in the workspace. */
    public Path folderFor(String number) {
        String base = number.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (base.isEmpty()) {
            base = "case";
        }
        Path ws = workspace.get();
        Path dir = ws.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = ws.resolve(base + "-" + n);
        }
        return dir;
    }

    /** Creates the case (worker thread) and returns its folder. */
    public Path create(NewCaseViewModel form) throws SakshiException {
        Path dir = folderFor(form.numberProperty().get());
        try {
            Files.createDirectories(workspace.get());
        } catch (java.io.IOException e) {
            throw new org.sakshi.core.InputException("cannot create the workspace folder " + workspace.get()
                    + " (" + e.getMessage() + "); choose another workspace", e);
        }
        cases.create(dir, form.toRequest());
        return dir;
    }

    /** Checks that a folder chosen with Open case really holds a case (worker thread). */
    public CaseInfo open(Path dir) throws SakshiException {
        return cases.open(dir);
    }

    public ObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<CaseSummary> all() {
        return all;
    }

    public FilteredList<CaseSummary> visible() {
        return visible;
    }
}
