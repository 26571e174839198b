package org.sakshi.ui.audit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Version;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Tsas;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;

/**
 * The lab's audit window for a case folder or a bundle: the ledger verification and the
 * findings count in plain words, the findings table with a severity filter, the audited items and
 * the custody timeline of the selected one, and Save audit report (PDF), unsigned or PAdES-signed
 * with the operator's identity (password asked here, used once, never stored). The audit runs off the
 * FX thread: SUCCEEDED shows the report, FAILED shows an error dialog (the input could not be read).
 */
public final class AuditView {
    private final Workbench bench;
    private final AuditViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox summary = new VBox(4);
    private final Label headline = new Label();
    private final Label counts = new Label();
    private final Label ledger = new Label();
    private final Label scope = new Label();
    private final Label status = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TableView<Finding> findingTable = new TableView<>();
    private final ListView<String> itemList = new ListView<>();
    private final TableView<TimelineEntry> timelineTable = new TableView<>();
    /** The timeline's time column, as wide as its texts in the audited case's zone. */
    private TableColumn<TimelineEntry, Instant> atColumn;
    private final Button saveButton = new Button(Messages.get("audit.save"));
    /** The audited case's zone, shown beside UTC in the timeline (null for a bundle: UTC only). */
    private java.time.ZoneId zone;

    public AuditView(Workbench bench, Path caseOrBundle) {
        this.bench = bench;
        this.vm = new AuditViewModel(bench.services().audits(), bench.services().identities(), caseOrBundle);
        build();
    }

    /** Opens an audit window on a case folder or bundle and starts the audit. */
    public static Stage open(Workbench bench, Path caseOrBundle, Window owner) {
        AuditView view = new AuditView(bench, caseOrBundle);
        Stage stage = bench.windows().open(Windows.window(Messages.get("audit.window", caseOrBundle.getFileName()),
                        1240, 820).ownedBy(owner)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), view::save)
                .shortcut(new KeyCodeCombination(KeyCode.F5), view::run), view::root);
        view.run();
        return stage;
    }

    public Parent root() {
        return root;
    }

    public AuditViewModel viewModel() {
        return vm;
    }

    private void build() {
        root.getStyleClass().add("audit-view");
        Button again = new Button(Messages.get("audit.again"));
        again.setOnAction(e -> run());
        again.setAccessibleText(Messages.get("audit.again"));
        saveButton.getStyleClass().add("primary");
        saveButton.setOnAction(e -> save());
        saveButton.setAccessibleText(Messages.get("audit.save"));
        saveButton.disableProperty().bind(vm.reportProperty().isNull());
        saveButton.setId("auditSaveButton");
        scope.getStyleClass().add("case-heading");
        scope.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scope, Priority.ALWAYS);
        busy.setPrefSize(22, 22);
        busy.setVisible(false);
        HBox toolbar = new HBox(8, scope, busy, again, saveButton);
        toolbar.getStyleClass().add("toolbar");
        root.setTop(toolbar);

        headline.getStyleClass().add("verdict-words");
        headline.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        headline.setId("auditHeadline");
        counts.getStyleClass().add("verdict-reason");
        ledger.getStyleClass().addAll("verdict-signer", "path");
        ledger.setWrapText(true);
        summary.getChildren().setAll(headline, counts, ledger);
        summary.getStyleClass().add("verdict-box");
        summary.setVisible(false);
        summary.managedProperty().bind(summary.visibleProperty());

        ComboBox<Severity> filter = new ComboBox<>();
        filter.getItems().add(null);
        filter.getItems().addAll(Severity.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Severity s) {
                return s == null ? Messages.get("audit.filter.all") : AuditViewModel.icon(s) + " " + s.name();
            }

            @Override
            public Severity fromString(String s) {
                return null;
            }
        });
        filter.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(filter.getConverter().toString(s));
            }
        });
        filter.valueProperty().bindBidirectional(vm.severityFilterProperty());
        filter.setAccessibleText(Messages.get("audit.filter"));
        Label findingsTitle = new Label(Messages.get("audit.findings"));
        findingsTitle.getStyleClass().add("section-title");
        Label filterLabel = new Label(Messages.get("audit.filter"));
        HBox findingsBar = new HBox(8, findingsTitle, new javafx.scene.layout.Region(), filterLabel, filter);
        HBox.setHgrow(findingsBar.getChildren().get(1), Priority.ALWAYS);
        findingsBar.getStyleClass().add("filter-bar");
        buildFindingTable();
        VBox findingsBox = new VBox(6, summary, findingsBar, findingTable);
        VBox.setVgrow(findingTable, Priority.ALWAYS);
        findingsBox.setPadding(new Insets(10, 12, 6, 12));

        Label itemsTitle = new Label(Messages.get("audit.items"));
        itemsTitle.getStyleClass().add("section-title");
        itemList.setItems(vm.itemIds());
        itemList.setAccessibleText(Messages.get("audit.items"));
        itemList.getSelectionModel().selectedItemProperty().addListener((o, a, id) -> {
            if (id != null) {
                vm.selectedItemProperty().set(id);
            }
        });
        vm.selectedItemProperty().addListener((o, a, id) -> {
            if (id != null && !id.equals(itemList.getSelectionModel().getSelectedItem())) {
                itemList.getSelectionModel().select(id);
            }
        });
        VBox itemsBox = new VBox(6, itemsTitle, itemList);
        VBox.setVgrow(itemList, Priority.ALWAYS);
        itemsBox.setPrefWidth(140);
        itemsBox.setMinWidth(100);
        Label timelineTitle = new Label(Messages.get("audit.timeline"));
        timelineTitle.getStyleClass().add("section-title");
        buildTimelineTable();
        VBox timelineBox = new VBox(6, timelineTitle, timelineTable);
        VBox.setVgrow(timelineTable, Priority.ALWAYS);
        SplitPane lower = new SplitPane(itemsBox, timelineBox);
        lower.setDividerPositions(0.12);
        lower.setPadding(new Insets(6, 12, 6, 12));
        SplitPane.setResizableWithParent(itemsBox, false);

        SplitPane center = new SplitPane(findingsBox, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        root.setCenter(center);
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        root.setBottom(bar);
        vm.reportProperty().addListener((o, a, r) -> showSummary(r));
    }

    private void buildFindingTable() {
        TableColumn<Finding, Severity> sev = new TableColumn<>(Messages.get("audit.col.severity"));
        sev.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        sev.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("severity-ERROR", "severity-WARNING", "severity-INFO");
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(AuditViewModel.icon(s) + " " + s.name());
                getStyleClass().add("severity-" + s.name());
            }
        });
        sev.setComparator(java.util.Comparator.comparing(Severity::ordinal));
        sev.setPrefWidth(105);
        findingTable.getColumns().add(sev);
        TableColumn<Finding, String> code = findingColumn("audit.col.code", Finding::code, 200);
        code.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                if (!getStyleClass().contains("hash")) {
                    getStyleClass().add("hash");
                }
            }
        });
        findingColumn("audit.col.items", f -> String.join(", ", f.items()), 90);
        findingColumn("audit.col.events", f -> f.events().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")), 80);
        TableColumn<Finding, String> msg = findingColumn("audit.col.message", Finding::message, 600);
        msg.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new Tooltip(s));
            }
        });
        SortedList<Finding> sorted = new SortedList<>(vm.visible());
        sorted.comparatorProperty().bind(findingTable.comparatorProperty());
        findingTable.setItems(sorted);
        findingTable.setPlaceholder(new Label(Messages.get("audit.none")));
        findingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findingTable.setAccessibleText(Messages.get("audit.findings"));
        findingTable.setId("findingTable");
        findingTable.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> vm.focus(f));
    }

    private TableColumn<Finding, String> findingColumn(String key, Function<Finding, String> f, double w) {
        TableColumn<Finding, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells()); // a cut cell shows in full on hover
        c.setPrefWidth(w);
        findingTable.getColumns().add(c);
        return c;
    }

    private void buildTimelineTable() {
        timelineColumn("audit.col.seq", e -> String.valueOf(e.seq()), 50);
        TableColumn<TimelineEntry, Instant> at = new TableColumn<>(Messages.get("audit.col.at"));
        atColumn = at;
        at.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().at()));
        at.setCellFactory(c -> new TableCell<>() {
            {
                org.sakshi.ui.common.Controls.tipOnHover(this, this::getText); // made when hovered, not per update
            }

            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : Formats.instant(t, zone == null ? java.time.ZoneOffset.UTC : zone));
                org.sakshi.ui.common.Controls.refreshTip(this, empty || t == null ? null : getText());
            }
        });
        at.setPrefWidth(org.sakshi.ui.common.Controls.timeColumnWidth(java.time.ZoneOffset.UTC));
        timelineTable.getColumns().add(at);
        timelineColumn("audit.col.type", TimelineEntry::type, 130);
        timelineColumn("audit.col.actor", TimelineEntry::actor, 120);
        timelineColumn("audit.col.custodian", TimelineEntry::custodian, 120);
        timelineColumn("audit.col.host", TimelineEntry::host, 110);
        hashColumn("audit.col.before", TimelineEntry::hashBefore);
        hashColumn("audit.col.after", TimelineEntry::hashAfter);
        timelineColumn("audit.col.detail", TimelineEntry::detail, 260);
        timelineTable.setItems(vm.timeline());
        javafx.css.PseudoClass flagged = javafx.css.PseudoClass.getPseudoClass("flagged");
        timelineTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            {
                vm.focusedProperty().addListener((o, a, f) -> pseudoClassStateChanged(flagged, vm.flagged(getItem())));
            }

            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(flagged, !empty && vm.flagged(e));
            }
        });
        timelineTable.setPlaceholder(new Label(""));
        timelineTable.setAccessibleText(Messages.get("audit.timeline"));
        timelineTable.setId("timelineTable");
    }

    private void timelineColumn(String key, Function<TimelineEntry, String> f, double w) {
        TableColumn<TimelineEntry, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells()); // a cut cell shows in full on hover
        c.setPrefWidth(w);
        timelineTable.getColumns().add(c);
    }

    /** A hash column: shortened text, the full hash in the tooltip; a changed hash is marked. */
    private void hashColumn(String key, Function<TimelineEntry, String> f) {
        TableColumn<TimelineEntry, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String h, boolean empty) {
                super.updateItem(h, empty);
                getStyleClass().remove("hash-changed");
                if (empty || h == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(AuditViewModel.shortHash(h));
                if (!getStyleClass().contains("hash")) {
                    getStyleClass().add("hash");
                }
                setTooltip(new Tooltip(h));
                TimelineEntry e = getTableRow() == null ? null : getTableRow().getItem();
                if (e != null && e.hashBefore() != null && e.hashAfter() != null
                        && !e.hashBefore().equals(e.hashAfter())) {
                    getStyleClass().add("hash-changed");
                }
            }
        });
        c.setPrefWidth(120);
        timelineTable.getColumns().add(c);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Runs (or re-runs) the audit off the FX thread. */
    public void run() {
        if (zone == null && Files.isDirectory(vm.target())) {
            bench.background().run(() -> bench.services().cases().open(vm.target()).zone(), z -> {
                zone = z;
                atColumn.setPrefWidth(org.sakshi.ui.common.Controls.timeColumnWidth(z)); // the case zone's half too
                timelineTable.refresh();
            }, e -> { }); // the timeline stays in UTC; the audit itself reports an unreadable case
        }
        status.setText(Messages.get("audit.running", vm.target().getFileName()));
        busy.setVisible(true);
        bench.background().run(vm::audit, r -> {
            busy.setVisible(false);
            vm.show(r);
            status.setText(Messages.get("audit.done", r.findings().size(), r.items().size()));
        }, e -> {
            busy.setVisible(false);
            status.setText("");
            Dialogs.error(window(), Messages.get("audit.action.run", vm.target().getFileName()), e);
        });
    }

    private void showSummary(AuditReport r) {
        summary.setVisible(r != null);
        if (r == null) {
            return;
        }
        String what = r.label() != null ? r.label() : r.id();
        scope.setText(Messages.get(r.scope() == AuditScope.CASE ? "audit.scope.case" : "audit.scope.bundle", what));
        headline.setText(AuditViewModel.headline(r));
        counts.setText(AuditViewModel.counts(r));
        ledger.setText(AuditViewModel.ledgerText(r.ledger()));
        summary.getStyleClass().removeAll("passed", "failed", "indeterminate");
        summary.getStyleClass().add(AuditViewModel.styleClass(r));
    }

    /** Save audit report (PDF): choose the file, then sign with the operator's identity or save unsigned. */
    public void save() {
        AuditReport r = vm.reportProperty().get();
        if (r == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("audit.save"));
        String base = vm.target().getFileName().toString().replaceAll("\\.zip$", "");
        fc.setInitialFileName(base + "-audit.pdf");
        Path parent = vm.target().toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            fc.setInitialDirectory(parent.toFile());
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = org.sakshi.ui.common.Choosers.save(fc, window());
        if (f == null) {
            return;
        }
        Optional<SignChoice> choice = askSigning();
        if (choice.isEmpty()) {
            return;
        }
        SignChoice c = choice.get();
        List<TimestampSource> tsas = Tsas.from(bench.services().timestamps(), bench.settings().tsaUrls);
        TimestampSource tsa = tsas.isEmpty() ? null : tsas.get(0);
        Path out = f.toPath();
        status.setText(Messages.get("audit.action.save") + "\u2026");
        bench.background().run(() -> {
            Signer signer = c.identity() == null ? null
                    : vm.openIdentity(c.identity(), c.token(), null, c.secret());
            vm.writePdf(out, Version.toolVersion(), signer, signer == null ? null : tsa);
            return signer != null;
        }, signed -> status.setText(Messages.get(signed ? "audit.savedSigned" : "audit.saved", out)), e -> {
            status.setText("");
            Dialogs.error(window(), Messages.get("audit.action.save"), e);
        });
    }

    /** The identity to sign with (null: unsigned) and its secret, which the caller wipes after use. */
    private record SignChoice(Path identity, boolean token, char[] secret) {
    }

    private Optional<SignChoice> askSigning() {
        Dialog<SignChoice> d = Dialogs.prepare(new Dialog<>(), window());
        d.setTitle(Messages.get("audit.sign.title"));
        d.setHeaderText(Messages.get("audit.sign.header"));
        FormGrid g = new FormGrid();
        TextField identity = new TextField();
        boolean token = false;
        if (bench.settings().profile != null && bench.settings().profile.identityPath() != null) {
            identity.setText(bench.settings().profile.identityPath());
            token = bench.settings().profile.identityIsToken();
        }
        identity.setAccessibleText(Messages.get("audit.sign.identity"));
        identity.setPrefColumnCount(32);
        Button browse = new Button(Messages.get("common.browse"));
        browse.setOnAction(e -> {
            File file = org.sakshi.ui.common.Choosers.open(new FileChooser(), d.getDialogPane().getScene().getWindow());
            if (file != null) {
                identity.setText(file.getAbsolutePath());
            }
        });
        HBox.setHgrow(identity, Priority.ALWAYS);
        g.add("audit.sign.identity", new HBox(6, identity, browse));
        CheckBox tokenBox = g.addWide(new CheckBox(Messages.get("profile.token")));
        tokenBox.setSelected(token);
        PasswordField secret = g.add("audit.sign.secret", new PasswordField());
        secret.setAccessibleText(Messages.get("audit.sign.secret"));
        d.getDialogPane().setContent(g);
        ButtonType sign = new ButtonType(Messages.get("audit.sign.sign"), ButtonBar.ButtonData.OK_DONE);
        ButtonType unsigned = new ButtonType(Messages.get("audit.sign.unsigned"), ButtonBar.ButtonData.OTHER);
        d.getDialogPane().getButtonTypes().setAll(sign, unsigned, org.sakshi.ui.common.Buttons.cancel());
        d.getDialogPane().lookupButton(sign).disableProperty().bind(identity.textProperty().isEmpty());
        d.setResultConverter(b -> {
            char[] pw = secret.getText().toCharArray();
            secret.clear();
            if (b == sign) {
                return new SignChoice(Path.of(identity.getText().strip()), tokenBox.isSelected(), pw);
            }
            java.util.Arrays.fill(pw, '\0');
            return b == unsigned ? new SignChoice(null, false, new char[0]) : null;
        });
        javafx.application.Platform.runLater(secret::requestFocus);
        return d.showAndWait();
    }
}
