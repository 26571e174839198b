package org.sakshi.ui.evidence;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.TaskProgressView;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.ByteSize;
import org.sakshi.core.DateOrder;
import org.sakshi.core.Item;
import org.sakshi.core.TimestampStatus;
import org.sakshi.service.ImportOutcome;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.custody.CustodyView;
import org.sakshi.ui.export.ExportWizard;

/**
 * The case window: evidence table, filter, detail pane, import by menu or drag and drop with
 * per-file progress and Cancel. Imports run one after another on their own thread (one writer per
 * case), so the window stays responsive.
 */
public final class CaseView {
    private final Workbench bench;
    private final EvidenceViewModel vm;
    private final ExecutorService importer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sakshi-import");
        t.setDaemon(true);
        return t;
    });
    private ItemDetailPane detail;
    private Parent root;

    private final BorderPane rootPane = id("rootPane", styled(new BorderPane(), "case-view"));
    private final TextField filterField = id("filterField", new TextField());
    private final TableView<Item> itemTable = id("itemTable", new TableView<>());
    private final TableColumn<Item, String> idColumn = column("case.col.id", 64);
    private final TableColumn<Item, Item> kindColumn = column("case.col.kind", 64);
    private final TableColumn<Item, String> nameColumn = column("case.col.name", 200);
    private final TableColumn<Item, Long> sizeColumn = column("case.col.size", 80);
    private final TableColumn<Item, String> shaColumn = column("case.col.sha256", 210);
    private final TableColumn<Item, Instant> importedColumn = column("case.col.imported", 290);
    private final TableColumn<Item, Item> stampColumn = column("case.col.stamp", 90);
    private final TableColumn<Item, List<String>> warningsColumn = column("case.col.warnings", 60);
    private final SplitPane split = id("split", new SplitPane());
    private final StackPane detailHolder = id("detailHolder", new StackPane());
    private final TaskProgressView<ImportTask> progressView = id("progressView", new TaskProgressView<>());
    private final Label statusLabel = id("statusLabel", new Label());
    private final Label caseLabel = id("caseLabel", styled(new Label(), "case-heading"));
    private final CheckMenuItem blurItem = new CheckMenuItem(Messages.get("case.blur"));
    private final HBox dropHint = id("dropHint", styled(new HBox(label("case.drop", "drop-hint-text")), "drop-hint"));

    public CaseView(Workbench bench, Path caseDir) {
        this.bench = bench;
        this.vm = new EvidenceViewModel(caseDir, bench.services().cases(), bench.services().evidence(), bench.services().custody());
    }

    /** Opens the window for a case folder, or brings the open one to front. */
    public static Stage open(Workbench bench, Path caseDir, Window owner) {
        Path dir = caseDir.toAbsolutePath().normalize();
        CaseView[] view = new CaseView[1];
        // a case window is top-level (not owned): officers keep several cases open side by side
        return bench.windows().open(Windows.window(Messages.get("case.window", dir.getFileName()), 1280, 800)
                .minSize(org.sakshi.ui.common.WindowSize.CASE.minWidth(), org.sakshi.ui.common.WindowSize.CASE.minHeight())
                .onePer(new Key(dir)).rememberGeometry().onClosed(() -> view[0].close()), () -> {
                    view[0] = new CaseView(bench, dir);
                    // a case only opened (no export or receipt yet) is cleared of plain copies a crash left too
                    bench.background().run(() -> bench.services().cases().sweepLeftovers(dir), n -> { }, e -> { });
                    return view[0].root();
                });
    }

    /** The key of a case's window: one per case folder. */
    public record Key(Path caseDir) {
    }

    public Parent root() {
        if (root == null) {
            root = build();
            initialize();
        }
        return root;
    }

    private Parent build() {
        blurItem.setId("blurItem");
        MenuBar menus = new MenuBar(
                menu("menu.file", item("case.importFiles", "Shortcut+I", this::importFiles),
                        item("case.importFolder", "Shortcut+Shift+I", this::importFolder),
                        item("case.export", "Shortcut+E", this::exportBundle),
                        item("receive.menu", "Shortcut+Shift+R", this::receiveBundle), null,
                        item("menu.close", "Shortcut+W", this::closeWindow)),
                menu("menu.case", item("case.custody", "Shortcut+L", this::openCustody),
                        item("audit.actionLong", "Shortcut+Shift+A", this::openAudit),
                        item("stamp.run", null, this::stampPending),
                        item("case.refresh", null, this::refresh)),
                menu("menu.view", blurItem));
        HBox toolbar = styled(row(8, caseLabel, caseLabel,
                id("importButton", styled(button("case.import", "case.importFiles", this::importFiles), "primary")),
                button("case.importFolderShort", "case.importFolder", this::importFolder),
                id("custodyButton", button("case.custodyShort", "case.custody", this::openCustody)),
                id("auditButton", button("audit.action", "audit.actionLong", this::openAudit)),
                id("stampButton", button("stamp.runShort", "stamp.run", this::stampPending)),
                id("exportButton", button("case.exportShort", "case.export", this::exportBundle))), "toolbar");
        // the buttons keep their whole text in every language; the heading gives way and shows in full as a tooltip
        toolbar.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Button)
                .forEach(n -> ((javafx.scene.control.Button) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        Tooltip headingTip = new Tooltip();
        headingTip.textProperty().bind(caseLabel.textProperty());
        caseLabel.setTooltip(headingTip);
        filterField.setPromptText(Messages.get("case.filter"));
        filterField.setAccessibleText(Messages.get("case.filter"));
        itemTable.setAccessibleText(Messages.get("case.items"));
        // the import time comes right after the name: behind size and hash it was off to the right in the
        // window's default size
        itemTable.getColumns().setAll(List.of(idColumn, kindColumn, nameColumn, importedColumn, sizeColumn, shaColumn,
                stampColumn, warningsColumn));
        split.getItems().setAll(padded(column(6, itemTable, filterField, itemTable), 8, 6, 6, 10), detailHolder);
        dropHint.setVisible(false);
        dropHint.setMouseTransparent(true);
        dropHint.setAlignment(Pos.CENTER);
        progressView.setPrefHeight(150);
        rootPane.setTop(new VBox(menus, toolbar));
        rootPane.setCenter(new StackPane(split, dropHint));
        rootPane.setBottom(new VBox(progressView, statusBar(statusLabel)));
        return rootPane;
    }

    public EvidenceViewModel viewModel() {
        return vm;
    }

    private void initialize() {
        detail = new ItemDetailPane(bench, vm);
        detailHolder.getChildren().setAll(detail);
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        idColumn.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells());
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        kindColumn.setCellFactory(c -> new KindCell());
        kindColumn.setComparator(java.util.Comparator.comparing(i -> i.kind().ordinal()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        nameColumn.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells());
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        sizeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : ByteSize.format(v));
            }
        });
        shaColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().digests().sha256()));
        shaColumn.setCellFactory(c -> new HashCell());
        importedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().importedAt()));
        importedColumn.setCellFactory(c -> new InstantCell());
        stampColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stampColumn.setCellFactory(c -> new StampCell());
        stampColumn.setComparator(java.util.Comparator.comparing(i -> i.timestamp().status().ordinal()));
        warningsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().warnings()));
        warningsColumn.setCellFactory(c -> new WarningCell());
        warningsColumn.setComparator(java.util.Comparator.comparing(List::size));
        SortedList<Item> sorted = new SortedList<>(vm.visible());
        sorted.comparatorProperty().bind(itemTable.comparatorProperty());
        itemTable.setItems(sorted);
        itemTable.setPlaceholder(new Label(Messages.get("case.empty")));
        org.sakshi.ui.common.FixedRows.of(itemTable); // 20,000 rows: never measured one by one
        itemTable.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> vm.selectedProperty().set(i));
        itemTable.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && itemTable.getSelectionModel().getSelectedItem() != null) {
                detail.openSelected(); // Enter opens the selected item (recorded as ITEM_ACCESSED, as the button is)
                e.consume();
            }
        });
        vm.selectedProperty().addListener((o, a, i) -> {
            if (i != null && itemTable.getSelectionModel().getSelectedItem() != i) {
                itemTable.getSelectionModel().select(i);
            }
        });
        vm.visible().addListener((ListChangeListener<Item>) c -> updateStatus());
        vm.infoProperty().addListener((o, a, info) -> {
            if (info != null) {
                importedColumn.setPrefWidth(org.sakshi.ui.common.Controls.timeColumnWidth(info.zone()));
                caseLabel.setText(Messages.get("case.heading", info.number(), info.title(), info.zone().getId()));
                if (rootPane.getScene() != null && rootPane.getScene().getWindow() instanceof Stage s) {
                    s.setTitle(Messages.get("case.window", info.number() + " \u2014 " + info.title()));
                }
            }
        });
        blurItem.setSelected(bench.settings().blurImages);
        blurItem.selectedProperty().addListener((o, a, b) -> {
            bench.settings().blurImages = b;
            bench.saveSettings();
            detail.refreshBlur();
        });
        split.setDividerPositions(bench.settings().caseDividerPosition);
        split.getDividers().get(0).positionProperty().addListener((o, a, p) ->
                bench.settings().caseDividerPosition = p.doubleValue());
        progressView.managedProperty().bind(progressView.visibleProperty());
        progressView.setVisible(false);
        progressView.getTasks().addListener((ListChangeListener<ImportTask>) c ->
                progressView.setVisible(!progressView.getTasks().isEmpty()));
        rootPane.setOnDragOver(this::dragOver);
        rootPane.setOnDragDropped(this::dropped);
        rootPane.setOnDragExited(e -> dropHint.setVisible(false));
        rootPane.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        filterField::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
            }
        });
        statusLabel.setText(Messages.get("status.loading"));
        refresh();
    }

    private void updateStatus() {
        statusLabel.setText(Messages.get("case.status", vm.visible().size(), vm.items().size()));
    }

    private Window window() {
        return rootPane.getScene() == null ? null : rootPane.getScene().getWindow();
    }

    public void refresh() {
        refresh(this::updateStatus);
    }

    /** Reloads the case, then runs {@code then} (FX thread), e.g. to put a message in the status bar. */
    private void refresh(Runnable then) {
        bench.background().run(vm::fetch, data -> {
            vm.show(data);
            then.run();
        }, e -> Dialogs.error(window(), Messages.get("case.action.load"), e));
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            dropHint.setVisible(true);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = false;
        dropHint.setVisible(false);
        if (e.getDragboard().hasFiles()) {
            List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            ok = true;
            javafx.application.Platform.runLater(() -> dropFiles(paths));
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /**
     * Files dropped on the window: one Sakshi bundle ({@code .zip}) or encrypted bundle ({@code .p7m},
     * opened with the officer's key) is received from its sender, verified first; anything else is imported.
     */
    void dropFiles(List<Path> paths) {
        if (paths.size() == 1 && (org.sakshi.service.ReceiveService.looksLikeBundle(paths.get(0))
                || org.sakshi.service.ReceiveService.looksEncrypted(paths.get(0)))) {
            ReceiveFlow.run(bench, window(), vm.caseDir(), paths.get(0), this::refresh);
        } else {
            importPaths(paths);
        }
    }

    /** File → Receive a bundle…: a bundle from another agency, verified first (docs/cli.md#receive). */
    public void receiveBundle() {
        ReceiveFlow.choose(bench, window(), vm.caseDir(), this::refresh);
    }

    public void importFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("import.choose.files"));
        List<File> files = org.sakshi.ui.common.Choosers.openMany(fc, window());
        if (files != null && !files.isEmpty()) {
            importPaths(files.stream().map(File::toPath).toList());
        }
    }

    public void importFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(Messages.get("import.choose.folder"));
        File f = org.sakshi.ui.common.Choosers.folder(dc, window());
        if (f != null) {
            importPaths(List.of(f.toPath()));
        }
    }

    /** Asks for seizure details, then imports each path with its own progress row. */
    public void importPaths(List<Path> paths) {
        java.time.ZoneId zone = vm.infoProperty().get() == null ? null : vm.infoProperty().get().zone();
        ImportViewModel form = new ImportViewModel(vm.caseDir(), bench.services().imports(), zone);
        if (!Boolean.TRUE.equals(new ImportDialog(window(), form, paths).showAndWait().orElse(false))) {
            return;
        }
        for (Path p : paths) {
            startImport(form, new ImportTask(form, p, form.request(bench.actor(), null, tsas())));
        }
    }

    /** Case → Time-stamp pending items: the remembered servers are asked; the status bar says how it went. */
    public void stampPending() {
        StampViewModel stamper = new StampViewModel(vm.caseDir(), bench.services().imports());
        long pending = StampViewModel.pending(vm.items());
        List<org.sakshi.core.TimestampSource> sources;
        try {
            sources = tsas();
            if (sources.isEmpty() && pending > 0) {
                // no server remembered yet: ask here rather than sending the officer to the export window
                java.util.Optional<String> url = askTsa();
                if (url.isEmpty()) {
                    return;
                }
                sources = org.sakshi.ui.common.Tsas.from(bench.services().timestamps(), List.of(url.get()));
                bench.settings().tsaUrls = new java.util.ArrayList<>(List.of(url.get()));
                bench.saveSettings();
            }
        } catch (IllegalArgumentException e) {
            Dialogs.error(window(), Messages.get("stamp.run.action"), new org.sakshi.core.InputException(e.getMessage()));
            return;
        }
        List<org.sakshi.core.TimestampSource> chosen = sources;
        statusLabel.setText(Messages.get("stamp.run.working"));
        bench.background().run(() -> stamper.stamp(bench.actor(), pending, chosen),
                said -> refresh(() -> statusLabel.setText(said)),
                e -> Dialogs.error(window(), Messages.get("stamp.run.action"), e));
    }

    /** The address of a time-stamp server, asked when none is remembered (empty when the officer cancels). */
    private java.util.Optional<String> askTsa() {
        javafx.scene.control.TextInputDialog ask = Dialogs.prepare(new javafx.scene.control.TextInputDialog(), window());
        ask.setTitle(Messages.get("stamp.run.action"));
        ask.setHeaderText(Messages.get("stamp.ask.header"));
        ask.setContentText(Messages.get("stamp.ask.label"));
        ask.getEditor().setId("stampTsaUrl");
        ask.getEditor().setPromptText("http://tsa.example/");
        ask.getEditor().setPrefColumnCount(32);
        ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty()
                .bind(ask.getEditor().textProperty().isEmpty());
        return ask.showAndWait().map(String::strip).filter(u -> !u.isEmpty());
    }

    private List<org.sakshi.core.TimestampSource> tsas() {
        return org.sakshi.ui.common.Tsas.from(bench.services().timestamps(), bench.settings().tsaUrls);
    }

    private void startImport(ImportViewModel form, ImportTask task) {
        task.setOnSucceeded(e -> {
            ImportOutcome out = task.getValue();
            String done = out.imported().isEmpty() ? null
                    : Messages.get("import.done", out.imported().get(0).id(), out.imported().get(0).name());
            refresh(() -> statusLabel.setText(done == null ? Messages.get("case.status", vm.visible().size(),
                    vm.items().size()) : done));
            if (!out.failures().isEmpty()) {
                ImportOutcome.Failure f = out.failures().get(0);
                Dialogs.error(window(), Messages.get("import.action", f.path().getFileName()),
                        new org.sakshi.core.InputException(f.message()));
            }
        });
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof AmbiguousDateOrderException amb) {
                askDateOrder(amb).ifPresent(order -> startImport(form,
                        new ImportTask(form, task.path(), form.request(bench.actor(), order, tsas()))));
            } else {
                Dialogs.error(window(), Messages.get("import.action", task.path().getFileName()), t);
            }
        });
        task.setOnCancelled(e -> statusLabel.setText(Messages.get("import.cancelled", task.path().getFileName())));
        progressView.getTasks().add(task);
        importer.execute(task);
    }

    private java.util.Optional<DateOrder> askDateOrder(AmbiguousDateOrderException e) {
        ChoiceDialog<DateOrder> d = Dialogs.prepare(new ChoiceDialog<>(e.choices().get(0), e.choices()), window());
        d.setTitle(Messages.get("import.dateorder.title"));
        // the question names the file and shows some of its dates read each way (data, not translated)
        StringBuilder header = new StringBuilder(Messages.get("import.dateorder.header"));
        if (e.file() != null) {
            header.append("\n").append(e.file());
        }
        for (String x : e.examples()) {
            header.append("\n  ").append(x);
        }
        d.setHeaderText(header.toString());
        d.setContentText(Messages.get("import.dateorder.label"));
        return d.showAndWait();
    }

    public void openCustody() {
        CustodyView.open(bench, vm.caseDir(), vm.infoProperty().get(), window());
    }

    /** Case → Audit custody: the lab's analysis of the ledger. */
    public void openAudit() {
        org.sakshi.ui.audit.AuditView.open(bench, vm.caseDir(), window());
    }

    public void exportBundle() {
        ExportWizard.open(bench, vm.caseDir(), vm.infoProperty().get(), List.copyOf(vm.items()), window());
    }

    private void closeWindow() {
        if (window() instanceof Stage s) {
            s.close();
        }
    }

    void close() {
        importer.shutdownNow();
        bench.saveSettings();
    }

    // cells keep their nodes and refill them, and make a tooltip only when the pointer first rests on them:
    // new nodes or tooltips per update made each filter keystroke slow, tooltips made up front the opening
    private static final class KindCell extends TableCell<Item, Item> {
        private final Label badge = new Label();
        private org.sakshi.core.ItemKind shown;

        KindCell() {
            setGraphic(badge);
        }

        @Override
        protected void updateItem(Item i, boolean empty) {
            super.updateItem(i, empty);
            // an empty row hides its badge rather than dropping it: re-adding a node restyles it, and a
            // filter that empties and refills rows did that for every cell of every row
            badge.setVisible(!empty && i != null);
            if (empty || i == null) {
                setText(null);
                return;
            }
            if (i.kind() != shown) { // a new style class restyles the badge: only when the kind changes
                shown = i.kind();
                badge.setText(Messages.get("kind.short." + shown.json()));
                badge.getStyleClass().setAll("kind-badge", "kind-" + shown.json());
                badge.setAccessibleText(Messages.get("kind." + shown.json()));
            }
        }
    }

    /** Import time in the case's zone and UTC; the whole text in a tooltip. */
    private final class InstantCell extends TableCell<Item, Instant> {
        InstantCell() {
            org.sakshi.ui.common.Controls.tipOnHover(this, this::getText);
        }

        @Override
        protected void updateItem(Instant v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : Formats.instant(v, caseZone()));
            org.sakshi.ui.common.Controls.refreshTip(this, getText());
        }
    }

    /** The case's zone, beside which every time is shown in UTC (null until the case is read: the workstation's). */
    private java.time.ZoneId caseZone() {
        return vm.infoProperty().get() == null ? null : vm.infoProperty().get().zone();
    }

    private final class StampCell extends TableCell<Item, Item> {
        private final Label badge = new Label();
        private TimestampStatus shown;

        StampCell() {
            org.sakshi.ui.common.Controls.tipOnHover(badge, this::tipText);
            setGraphic(badge);
        }

        /** When and by whom a granted item was stamped; null (no tooltip) for any other state. */
        private String tipText() {
            Item i = getItem();
            if (isEmpty() || i == null || i.timestamp().status() != TimestampStatus.GRANTED) {
                return null;
            }
            return Messages.get("stamp.tooltip", Formats.instant(i.timestamp().time(), caseZone()), i.timestamp().tsa());
        }

        @Override
        protected void updateItem(Item i, boolean empty) {
            super.updateItem(i, empty);
            badge.setVisible(!empty && i != null);
            if (empty || i == null) {
                return;
            }
            TimestampStatus s = i.timestamp().status();
            if (s != shown) {
                shown = s;
                badge.setText(Messages.get("stamp." + s.json()));
                badge.getStyleClass().setAll("stamp-badge", "stamp-" + s.json());
            }
            if (badge.getTooltip() != null) {
                org.sakshi.ui.common.Controls.refreshTip(badge, tipText());
            }
        }
    }

    private static final class WarningCell extends TableCell<Item, List<String>> {
        WarningCell() {
            org.sakshi.ui.common.Controls.tipOnHover(this, this::tipText);
        }

        private String tipText() {
            List<String> w = getItem();
            return isEmpty() || w == null || w.isEmpty() ? null : String.join("\n", w);
        }

        @Override
        protected void updateItem(List<String> w, boolean empty) {
            super.updateItem(w, empty);
            if (empty || w == null || w.isEmpty()) {
                setText(null);
                setTooltip(null);
                getStyleClass().remove("has-warnings");
                return;
            }
            setText("\u26a0 " + w.size());
            org.sakshi.ui.common.Controls.refreshTip(this, tipText());
            if (!getStyleClass().contains("has-warnings")) {
                getStyleClass().add("has-warnings");
            }
        }
    }

    /** Hash text (shortened, full in tooltip) with a Copy button. */
    static final class HashCell extends TableCell<Item, String> {
        private final Label text = new Label();
        private final Button copy = new Button(Messages.get("common.copy"));
        private final HBox box = new HBox(6, text, copy);

        HashCell() {
            org.sakshi.ui.common.Controls.tipOnHover(text, () -> isEmpty() ? null : getItem());
            text.getStyleClass().add("hash");
            copy.getStyleClass().add("small");
            copy.setFocusTraversable(false);
            copy.setOnAction(e -> {
                if (getItem() != null) {
                    Dialogs.copy(getItem());
                }
            });
            setGraphic(box);
        }

        @Override
        protected void updateItem(String h, boolean empty) {
            super.updateItem(h, empty);
            box.setVisible(!empty && h != null);
            if (empty || h == null) {
                return;
            }
            text.setText(h.substring(0, 16) + "\u2026");
            org.sakshi.ui.common.Controls.refreshTip(text, h);
            copy.setAccessibleText(Messages.get("common.copy.sha256", h));
        }
    }
}
