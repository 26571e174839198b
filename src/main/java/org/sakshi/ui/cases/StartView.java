package org.sakshi.ui.cases;

import static org.sakshi.ui.common.Controls.button;
import static org.sakshi.ui.common.Controls.column;
import static org.sakshi.ui.common.Controls.id;
import static org.sakshi.ui.common.Controls.item;
import static org.sakshi.ui.common.Controls.label;
import static org.sakshi.ui.common.Controls.menu;
import static org.sakshi.ui.common.Controls.padded;
import static org.sakshi.ui.common.Controls.row;
import static org.sakshi.ui.common.Controls.statusBar;
import static org.sakshi.ui.common.Controls.styled;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sakshi.service.CaseSummary;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.evidence.CaseView;
import org.sakshi.ui.verify.VerifyView;

/** The start window: workspace, case list with search, New case, Open case, Verify a bundle. */
public final class StartView {
    private final Workbench bench;
    private final CaseListViewModel vm;
    private Parent root;

    private final Label workspaceLabel = id("workspaceLabel", styled(new Label(), "path"));
    private final TextField searchField = id("searchField", new TextField());
    private final TableView<CaseSummary> caseTable = id("caseTable", new TableView<>());
    private final TableColumn<CaseSummary, String> numberColumn = column("start.col.number", 150);
    private final TableColumn<CaseSummary, String> titleColumn = column("start.col.title", 220);
    private final TableColumn<CaseSummary, String> agencyColumn = column("start.col.agency", 180);
    private final TableColumn<CaseSummary, String> jurisdictionColumn = column("start.col.jurisdiction", 90);
    private final TableColumn<CaseSummary, Integer> itemsColumn = column("start.col.items", 70);
    private final TableColumn<CaseSummary, Instant> activityColumn = column("start.col.activity", 320);
    private final Button openButton = id("openButton", button("start.open", this::openSelected));
    private final Label statusLabel = id("statusLabel", new Label());

    public StartView(Workbench bench) {
        this.bench = bench;
        this.vm = new CaseListViewModel(bench.services().cases(), bench.workspace());
    }

    public Parent root() {
        if (root == null) {
            root = build();
            initialize();
        }
        return root;
    }

    private MenuBar menuBar;

    private Parent build() {
        MenuBar menus = new MenuBar(
                menu("menu.file", item("start.new", "Shortcut+N", this::newCase),
                        item("start.openFolder", "Shortcut+O", this::openFolder),
                        item("start.verify", "Shortcut+Shift+V", this::verifyBundle),
                        item("receive.menu", "Shortcut+Shift+R", this::receiveBundle),
                        item("lab.menu", null, this::connectLab), null,
                        item("start.workspace.change", null, this::changeWorkspace),
                        item("start.profile", null, this::editProfile), null,
                        item("menu.quit", "Shortcut+Q", this::quit)),
                menu("menu.help", item("help.guide", "F1", () -> org.sakshi.ui.common.UserGuide.open(bench)),
                        item("help.shortcuts", null, this::showShortcuts), null,
                        item("help.sample", null, this::openSample), null, languageMenu(), null,
                        item("help.about", null, this::about)));
        this.menuBar = menus;
        VBox titles = new VBox(4, label("app.name", "hero-title"), label("app.tagline", "hero-subtitle"));
        HBox hero = styled(row(12, titles, titles,
                id("newButton", styled(button("start.new", this::newCase), "primary")),
                button("start.openFolder", this::openFolder),
                id("verifyButton", button("start.verify", this::verifyBundle))), "hero");
        HBox workspaceBar = styled(row(8, workspaceLabel, label("start.workspace", "field-label"), workspaceLabel,
                button("start.workspace.change", this::changeWorkspace),
                button("start.profile", this::editProfile)), "workspace-bar");
        searchField.setPromptText(Messages.get("start.search"));
        searchField.setAccessibleText(Messages.get("start.search"));
        HBox searchBar = row(8, searchField, searchField, button("start.refresh", this::refresh), openButton);
        caseTable.setAccessibleText(Messages.get("start.cases"));
        itemsColumn.getStyleClass().add("numeric");
        caseTable.getColumns().setAll(List.of(numberColumn, titleColumn, agencyColumn, jurisdictionColumn, itemsColumn,
                activityColumn));
        caseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        BorderPane pane = styled(new BorderPane(padded(column(8, caseTable, workspaceBar, searchBar, caseTable),
                12, 16, 8, 16)), "start-view");
        pane.setTop(new VBox(menus, hero));
        HBox status = statusBar(statusLabel);
        if (Messages.isDraft()) {
            statusLabel.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(statusLabel, javafx.scene.layout.Priority.ALWAYS);
            Label draft = id("draftNote", new Label(Messages.get("app.draft")));
            draft.setMinWidth(Label.USE_PREF_SIZE);
            draft.setTooltip(new javafx.scene.control.Tooltip(draftHelp()));
            status.getChildren().add(draft);
        }
        pane.setBottom(status);
        return pane;
    }

    public CaseListViewModel viewModel() {
        return vm;
    }

    private void initialize() {
        workspaceLabel.textProperty().bind(vm.workspaceProperty().asString());
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        numberColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().info().number()));
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().info().title()));
        agencyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().info().agency()));
        for (TableColumn<CaseSummary, String> c : List.of(numberColumn, titleColumn, agencyColumn)) {
            c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells()); // a cut cell shows in full on hover
        }
        jurisdictionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().info().jurisdiction().name()));
        itemsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemCount()));
        activityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastActivity()));
        activityColumn.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : Formats.instant(t));
                setTooltip(empty || t == null ? null : new javafx.scene.control.Tooltip(getText()));
            }
        });
        activityColumn.setComparator(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        SortedList<CaseSummary> sorted = new SortedList<>(vm.visible());
        sorted.comparatorProperty().bind(caseTable.comparatorProperty());
        caseTable.setItems(sorted);
        activityColumn.setSortType(TableColumn.SortType.DESCENDING);
        caseTable.getSortOrder().setAll(activityColumn);
        caseTable.setPlaceholder(new Label(Messages.get("start.empty")));
        caseTable.setRowFactory(t -> {
            TableRow<CaseSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openCase(row.getItem().dir());
                }
            });
            return row;
        });
        caseTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && caseTable.getSelectionModel().getSelectedItem() != null) {
                openCase(caseTable.getSelectionModel().getSelectedItem().dir());
            }
        });
        openButton.disableProperty().bind(caseTable.getSelectionModel().selectedItemProperty().isNull());
        vm.visible().addListener((javafx.collections.ListChangeListener<CaseSummary>) c -> updateStatus());
        statusLabel.textProperty().set(Messages.get("status.ready"));
        caseTable.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), searchField::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
            }
        });
        refresh();
    }

    private void updateStatus() {
        statusLabel.setText(Messages.get("start.status", vm.visible().size(), vm.all().size()));
    }

    private Window window() {
        return caseTable.getScene() == null ? null : caseTable.getScene().getWindow();
    }

    public void refresh() {
        bench.background().run(vm::fetch, list -> {
            vm.show(list);
            updateStatus();
        }, e -> Dialogs.error(window(), Messages.get("start.action.list"), e));
    }

    public void newCase() {
        NewCaseViewModel form = new NewCaseViewModel(bench.actor());
        if (!Boolean.TRUE.equals(new NewCaseDialog(window(), form).showAndWait().orElse(false))) {
            return;
        }
        statusLabel.setText(Messages.get("start.creating", form.numberProperty().get()));
        bench.background().run(() -> vm.create(form), dir -> {
            refresh();
            openCase(dir);
        }, e -> Dialogs.error(window(), Messages.get("start.action.create"), e));
    }

    private void openSelected() {
        CaseSummary s = caseTable.getSelectionModel().getSelectedItem();
        if (s != null) {
            openCase(s.dir());
        }
    }

    public void openFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(Messages.get("start.open.title"));
        File ws = vm.workspaceProperty().get().toFile();
        if (ws.isDirectory()) {
            dc.setInitialDirectory(ws);
        }
        File f = org.sakshi.ui.common.Choosers.folder(dc, window());
        if (f != null) {
            Path dir = f.toPath();
            bench.background().run(() -> vm.open(dir), info -> openCase(dir),
                    e -> Dialogs.error(window(), Messages.get("start.action.open"), e));
        }
    }

    /** Opens (or brings to front) the case window for a case folder. */
    public void openCase(Path dir) {
        CaseView.open(bench, dir, window());
    }

    /**
     * File → Receive a bundle…: the officer chooses the receiving case, its window opens, and the bundle
     * is chosen, verified and received there (docs/cli.md#receive).
     */
    public void receiveBundle() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(Messages.get("receive.chooseCase"));
        File ws = vm.workspaceProperty().get().toFile();
        if (ws.isDirectory()) {
            dc.setInitialDirectory(ws);
        }
        File f = org.sakshi.ui.common.Choosers.folder(dc, window());
        if (f != null) {
            Path dir = f.toPath();
            bench.background().run(() -> vm.open(dir), info -> {
                javafx.stage.Stage stage = CaseView.open(bench, dir, window());
                org.sakshi.ui.evidence.ReceiveFlow.choose(bench, stage, dir, () -> { });
            }, e -> Dialogs.error(window(), Messages.get("start.action.open"), e));
        }
    }

    /** File → Connect to a lab server…: the lab window (its servers, their cases, Audit all, Open). */
    public void connectLab() {
        LabView.open(bench, window());
    }

    public void verifyBundle() {
        VerifyView.open(bench, window(), null);
    }

    private void changeWorkspace() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(Messages.get("start.workspace.choose"));
        File f = org.sakshi.ui.common.Choosers.folder(dc, window());
        if (f != null) {
            vm.workspaceProperty().set(f.toPath());
            bench.settings().workspace = f.getAbsolutePath();
            bench.saveSettings();
            refresh();
        }
    }

    public void editProfile() {
        new ProfileDialog(window(), bench.settings().profile, false).showAndWait().ifPresent(p -> {
            bench.settings().profile = p;
            bench.saveSettings();
        });
    }

    /**
     * Help → Open sample case: builds the fictional sample case in the workspace (or finds the one
     * built before) off the FX thread, then opens its case window.
     */
    public void openSample() {
        SampleCaseViewModel sample = new SampleCaseViewModel(bench.services().cases(), bench.services().samples(),
                vm.workspaceProperty().get());
        statusLabel.setText(Messages.get("help.sample.building"));
        bench.background().run(sample::openOrBuild, out -> {
            statusLabel.setText(Messages.get(out.created() ? "help.sample.built" : "help.sample.opened",
                    out.dir().getFileName()));
            refresh();
            openCase(out.dir());
        }, e -> {
            statusLabel.setText(Messages.get("status.ready"));
            Dialogs.error(window(), Messages.get("help.sample.action"), e);
        });
    }

    /**
     * Help → Language: English, Hindi, Bengali, Nepali, each named in its own script. The choice is
     * remembered in the settings ({@code language}) and used from the next start (the windows are
     * built once, in one language).
     */
    private javafx.scene.control.Menu languageMenu() {
        javafx.scene.control.Menu m = new javafx.scene.control.Menu(Messages.get("menu.language"));
        m.setId("languageMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (String lang : Messages.LANGUAGES) {
            javafx.scene.control.RadioMenuItem i = new javafx.scene.control.RadioMenuItem(Messages.get("language." + lang));
            i.setToggleGroup(group);
            i.setSelected(lang.equals(Messages.locale().getLanguage()));
            i.setOnAction(e -> {
                bench.settings().language = lang;
                bench.saveSettings();
                Dialogs.info(window(), Messages.get("language." + lang), Messages.get("language.restart"));
            });
            m.getItems().add(i);
        }
        return m;
    }

    /** Where a lab corrects the draft translation: the workspace's messages_<lang>.properties. */
    private String draftHelp() {
        return Messages.get("app.draft.help", bench.workspace()
                .resolve("messages_" + Messages.locale().getLanguage() + ".properties"));
    }

    /** Help → About: the version and what the tool does (and that a translation is a draft). */
    private void showShortcuts() {
        org.sakshi.ui.common.UserGuide.showShortcuts(window(), menuBar);
    }

    public void about() {
        Dialogs.info(window(), Messages.get("help.about.header", org.sakshi.core.Version.version()),
                Messages.get("help.about.text", System.getProperty("java.version"),
                        System.getProperty("javafx.runtime.version", "?"))
                        + (Messages.isDraft() ? "\n\n" + Messages.get("app.draft") + ". " + draftHelp() : ""));
    }

    private void quit() {
        Window w = window();
        if (w instanceof Stage s) {
            s.close();
        }
    }
}
