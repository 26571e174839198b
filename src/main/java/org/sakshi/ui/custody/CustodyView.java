package org.sakshi.ui.custody;

import static org.sakshi.ui.common.Controls.button;
import static org.sakshi.ui.common.Controls.id;
import static org.sakshi.ui.common.Controls.item;
import static org.sakshi.ui.common.Controls.label;
import static org.sakshi.ui.common.Controls.menu;
import static org.sakshi.ui.common.Controls.padded;
import static org.sakshi.ui.common.Controls.statusBar;
import static org.sakshi.ui.common.Controls.styled;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.service.LedgerStatus;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;

/** The custody ledger of a case: filterable table, Verify chain (green or red), Transfer, Note, CSV. */
public final class CustodyView {
    private final Workbench bench;
    private final java.time.ZoneId zone;
    private final CustodyViewModel vm;
    private Parent root;

    private final TableView<CustodyEvent> eventTable = id("eventTable", new TableView<>());
    private final ComboBox<String> itemFilter = id("itemFilter", new ComboBox<>());
    private final TextField actorFilter = id("actorFilter", new TextField());
    private final ComboBox<String> typeFilter = id("typeFilter", new ComboBox<>());
    private final Label chainStatus = id("chainStatus", styled(new Label(), "chain-status-text"));
    private final HBox statusBox = id("statusBox", styled(new HBox(chainStatus), "chain-status"));
    private final Label statusLabel = id("statusLabel", new Label());
    /** Typing in a filter lists the ledger again once the typing pauses. */
    private final javafx.animation.PauseTransition requery = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(150));

    public CustodyView(Workbench bench, Path caseDir) {
        this(bench, caseDir, null);
    }

    /** {@code zone}: the case's zone, shown beside UTC for every time (null: the workstation's). */
    public CustodyView(Workbench bench, Path caseDir, java.time.ZoneId zone) {
        this.bench = bench;
        this.zone = zone;
        this.vm = new CustodyViewModel(caseDir, bench.services().custody());
    }

    public static Stage open(Workbench bench, Path caseDir, CaseInfo info, Window owner) {
        Path dir = caseDir.toAbsolutePath().normalize();
        return bench.windows().open(Windows.window(Messages.get("custody.window",
                        info == null ? dir.getFileName() : info.number()), 1150, 680).ownedBy(owner).onePer(new Key(dir)),
                () -> new CustodyView(bench, dir, info == null ? null : info.zone()).root());
    }

    /** The key of a case's custody window: one per case folder. */
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
        MenuBar menus = new MenuBar(
                menu("menu.file", item("custody.csv", "Shortcut+S", this::exportCsv), null,
                        item("menu.close", "Shortcut+W", this::closeWindow)),
                menu("menu.custody", item("custody.verify", "Shortcut+K", this::verifyChain),
                        item("custody.transfer", "Shortcut+T", this::transfer),
                        item("custody.note", "Shortcut+N", this::note),
                        item("audit.actionLong", "Shortcut+Shift+A", this::audit),
                        item("case.refresh", "F5", this::refresh)));
        HBox toolbar = styled(new HBox(8,
                id("verifyButton", styled(button("custody.verify", this::verifyChain), "primary")),
                id("transferButton", button("custody.transfer", this::transfer)),
                id("noteButton", button("custody.note", this::note)),
                button("custody.csv", this::exportCsv),
                id("auditButton", button("audit.action", "audit.actionLong", this::audit))), "toolbar");
        chainStatus.setWrapText(true);
        itemFilter.setPrefWidth(120);
        itemFilter.setAccessibleText(Messages.get("custody.filter.item"));
        actorFilter.setPrefWidth(180);
        actorFilter.setAccessibleText(Messages.get("custody.filter.actor"));
        typeFilter.setPrefWidth(200);
        typeFilter.setAccessibleText(Messages.get("custody.filter.type"));
        HBox filters = padded(styled(new HBox(8, label("custody.filter.item", "field-label"), itemFilter,
                label("custody.filter.actor", "field-label"), actorFilter,
                label("custody.filter.type", "field-label"), typeFilter,
                button("custody.filter.clear", this::clearFilters)), "filter-bar"), 6, 10, 6, 10);
        eventTable.setAccessibleText(Messages.get("custody.table"));
        eventTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        BorderPane pane = styled(new BorderPane(eventTable), "custody-view");
        pane.setTop(new VBox(menus, toolbar, statusBox, filters));
        pane.setBottom(statusBar(statusLabel));
        return pane;
    }

    public CustodyViewModel viewModel() {
        return vm;
    }

    private void initialize() {
        column("custody.col.seq", e -> String.valueOf(e.seq()), 45);
        column("custody.col.at", e -> Formats.instant(e.at(), zone), 325);
        column("custody.col.type", CustodyEvent::type, 170);
        column("custody.col.item", e -> e.itemId() == null ? "" : e.itemId(), 60);
        column("custody.col.actor", e -> e.actor() == null ? "" : e.actor().name()
                + (e.actor().rank() == null ? "" : ", " + e.actor().rank()), 150);
        column("custody.col.workstation", e -> e.workstation() == null ? "" : e.workstation().host(), 90);
        column("custody.col.details", e -> detailsText(e), 205);
        column("custody.col.hash", e -> e.hash() == null ? "" : e.hash().substring(0, Math.min(16, e.hash().length()))
                + "\u2026", 110);
        // the ledger is read a page at a time as the table scrolls; each filter change lists it anew
        eventTable.setItems(vm.visible());
        vm.visibleProperty().addListener((o, a, list) -> {
            eventTable.setItems(list);
            updateCount();
        });
        vm.pageErrorProperty().addListener((o, a, e) -> {
            if (e != null) {
                Dialogs.error(window(), Messages.get("custody.action.load"), e);
            }
        });
        requery.setOnFinished(e -> refresh());
        vm.setOnQueryChanged(requery::playFromStart);
        eventTable.setPlaceholder(new Label(Messages.get("custody.none")));
        org.sakshi.ui.common.FixedRows.of(eventTable); // a million rows: never measured one by one
        eventTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CustodyEvent e, boolean empty) {
                super.updateItem(e, empty);
                LedgerStatus s = vm.statusProperty().get();
                boolean bad = !empty && e != null && s != null && !s.intact() && s.firstBadSeq() != null
                        && e.seq() >= s.firstBadSeq();
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("bad"), bad);
            }
        });
        itemFilter.setEditable(true);
        itemFilter.valueProperty().addListener((o, a, v) -> vm.itemFilterProperty().set(v == null ? "" : v));
        typeFilter.valueProperty().addListener((o, a, v) -> vm.typeFilterProperty().set(v == null ? "" : v));
        actorFilter.textProperty().bindBidirectional(vm.actorFilterProperty());
        vm.statusProperty().addListener((o, a, s) -> showStatus(s));
        vm.staleProperty().addListener((o, a, stale) -> showStatus(vm.statusProperty().get()));
        statusBox.setVisible(false);
        statusBox.managedProperty().bind(statusBox.visibleProperty());
        refresh();
    }

    private static String detailsText(CustodyEvent e) {
        StringBuilder sb = new StringBuilder();
        e.details().forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(k).append(": ").append(v);
        });
        return sb.toString();
    }

    private void column(String key, java.util.function.Function<CustodyEvent, String> f, double w) {
        TableColumn<CustodyEvent, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : f.apply(d.getValue())));
        c.setSortable(false); // rows come in seq order, a page at a time: the whole ledger is never sorted in memory
        c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells());
        c.setPrefWidth(w);
        eventTable.getColumns().add(org.sakshi.ui.common.Controls.fitHeading(c));
    }

    private void updateCount() {
        statusLabel.setText(Messages.get("custody.count", vm.visible().size(), vm.total()));
    }

    private void showStatus(LedgerStatus s) {
        statusBox.setVisible(s != null);
        if (s == null) {
            return;
        }
        chainStatus.setText(vm.bannerText());
        statusBox.getStyleClass().removeAll("passed", "failed", "stale");
        statusBox.getStyleClass().add(s.intact() ? "passed" : "failed");
        if (vm.staleProperty().get()) {
            statusBox.getStyleClass().add("stale");
        }
        eventTable.refresh();
        if (!s.intact() && s.firstBadSeq() != null) {
            int row = vm.indexOfSeq(s.firstBadSeq());
            if (row >= 0) {
                eventTable.getSelectionModel().select(row);
                eventTable.scrollTo(row);
            }
        }
    }

    private Window window() {
        return eventTable.getScene() == null ? null : eventTable.getScene().getWindow();
    }

    private String selectedItem() {
        CustodyEvent e = eventTable.getSelectionModel().getSelectedItem();
        return e == null || e.itemId() == null ? "" : e.itemId();
    }

    public void refresh() {
        org.sakshi.service.LedgerPages.Query q = vm.query();
        bench.background().run(() -> vm.fetch(q), list -> {
            if (!q.equals(vm.query())) {
                return; // a filter changed meanwhile: its own listing follows
            }
            vm.show(list);
            String item = itemFilter.getValue();
            String type = typeFilter.getValue();
            itemFilter.getItems().setAll("");
            itemFilter.getItems().add(Messages.get("custody.filter.caseLevel"));
            itemFilter.getItems().addAll(vm.itemIds());
            typeFilter.getItems().setAll("");
            typeFilter.getItems().addAll(vm.types());
            itemFilter.setValue(item);
            typeFilter.setValue(type);
            updateCount();
        }, e -> Dialogs.error(window(), Messages.get("custody.action.load"), e));
    }

    public void verifyChain() {
        statusLabel.setText(Messages.get("custody.verifying"));
        bench.background().run(vm::verify, s -> {
            vm.checked(s, java.time.Instant.now());
            showStatus(s);
            updateCount();
        }, e -> Dialogs.error(window(), Messages.get("custody.action.verify"), e));
    }

    private void clearFilters() {
        itemFilter.setValue("");
        typeFilter.setValue("");
        actorFilter.setText("");
    }

    private void transfer() {
        String selected = selectedItem();
        // From is pre-filled with the holder by the ledger; when that cannot be read the officer types it
        bench.background().run(() -> vm.holder(selected), holder -> transfer(selected, holder),
                e -> transfer(selected, ""));
    }

    private void transfer(String selected, String holder) {
        new TransferDialog(window(), selected, holder).showAndWait().ifPresent(req ->
                bench.background().run(() -> vm.transfer(bench.actor(), req), ev -> refresh(),
                        e -> Dialogs.error(window(), Messages.get("custody.action.transfer"), e)));
    }

    private void note() {
        new NoteDialog(window(), selectedItem()).showAndWait().ifPresent(n ->
                bench.background().run(() -> vm.note(bench.actor(), n.text(), n.items()), ev -> refresh(),
                        e -> Dialogs.error(window(), Messages.get("custody.action.note"), e)));
    }

    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("custody.csv"));
        fc.setInitialFileName("custody-" + vm.caseDir().getFileName() + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = org.sakshi.ui.common.Choosers.save(fc, window());
        if (f != null) {
            bench.background().run(() -> {
                vm.exportCsv(f.toPath());
                return f;
            }, done -> statusLabel.setText(Messages.get("custody.csv.done", done)),
                    e -> Dialogs.error(window(), Messages.get("custody.action.csv"), e));
        }
    }

    /** Custody → Audit: the lab's analysis of this case's ledger in its own window. */
    public void audit() {
        org.sakshi.ui.audit.AuditView.open(bench, vm.caseDir(), window());
    }

    private void closeWindow() {
        if (window() instanceof Stage s) {
            s.close();
        }
    }
}
