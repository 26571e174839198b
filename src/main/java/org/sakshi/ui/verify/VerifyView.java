package org.sakshi.ui.verify;

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
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.ScrollPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sakshi.core.Check;
import org.sakshi.core.VerificationReport;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;

/** Prosecutor mode: open or drop a bundle, trust anchors, the verdict in large words, checks, items, PDF. */
public final class VerifyView {
    private final Workbench bench;
    private final VerifyViewModel vm;
    private Parent root;

    private final BorderPane rootPane = id("rootPane", styled(new BorderPane(), "verify-view"));
    private final Label bundleLabel = id("bundleLabel", styled(new Label(), "path"));
    private final ListView<Path> anchorList = id("anchorList", new ListView<>());
    private final javafx.scene.control.TextField expectSignerField = id("expectSignerField",
            new javafx.scene.control.TextField());
    private final Label verdictLabel = id("verdictLabel", styled(new Label(), "verdict-words"));
    private final Label reasonLabel = id("reasonLabel", styled(new Label(), "verdict-reason"));
    private final Label signerLabel = id("signerLabel", styled(new Label(), "verdict-signer"));
    private final VBox verdictBox = id("verdictBox", styled(new VBox(4, verdictLabel, reasonLabel, signerLabel),
            "verdict-box"));
    private final TreeView<String> checkTree = id("checkTree", new TreeView<>());
    private final TableView<VerificationReport.ItemResult> itemTable = id("itemTable", new TableView<>());
    private final ProgressBar progress = id("progress", new ProgressBar());
    private final Button saveButton = id("saveButton", button("verify.saveShort", "verify.save", this::saveReport));
    private final Button reverifyButton = id("reverifyButton", button("verify.again", this::reverify));
    private final Button auditButton = id("auditButton", button("audit.action", "audit.actionLong", this::audit));
    private final Label statusLabel = id("statusLabel", new Label());
    private final Button extendButton = id("extendButton", button("verify.extend", () -> longTerm(false)));
    private final Button renewButton = id("renewButton", button("verify.renew", () -> longTerm(true)));

    public VerifyView(Workbench bench) {
        this.bench = bench;
        this.vm = new VerifyViewModel(bench.services().verifier(), bench.services().timestamps(),
                bench.settings().trustAnchors.stream().map(Path::of).toList());
    }

    public static Stage open(Workbench bench, Window owner, Path bundle) {
        VerifyView view = new VerifyView(bench);
        // verify windows are top-level: a prosecutor compares several bundles side by side
        Stage stage = bench.windows().open(Windows.window(Messages.get("verify.window"), 1100, 760), view::root);
        if (bundle != null) {
            view.verify(bundle);
        }
        return stage;
    }

    public Parent root() {
        if (root == null) {
            root = build();
            initialize();
        }
        return root;
    }

    private Parent build() {
        MenuBar menus = new MenuBar(menu("menu.file", item("verify.open", "Shortcut+O", this::openBundle),
                item("verify.save", "Shortcut+S", this::saveReport),
                item("audit.actionLong", "Shortcut+Shift+A", this::audit), null,
                item("menu.close", "Shortcut+W", this::closeWindow)));
        progress.setPrefWidth(160);
        Button openButton = id("openButton", styled(button("verify.open", this::openBundle), "primary"));
        for (Button b : List.of(openButton, reverifyButton, saveButton, auditButton)) {
            // buttons keep their whole label; the bundle's path gives way (and shows in full in its tooltip)
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        bundleLabel.setMinWidth(0);
        HBox toolbar = styled(row(8, bundleLabel, openButton,
                reverifyButton, saveButton, auditButton, bundleLabel, progress), "toolbar");
        verdictLabel.setAccessibleRole(AccessibleRole.TEXT);
        for (Label l : List.of(reasonLabel, signerLabel)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        checkTree.setAccessibleText(Messages.get("verify.checks"));
        itemTable.setAccessibleText(Messages.get("verify.items"));
        SplitPane center = new SplitPane(
                padded(column(8, checkTree, verdictBox, label("verify.checks", "section-title"), checkTree), 10, 12, 6, 12),
                padded(column(6, itemTable, label("verify.items", "section-title"), itemTable), 6, 12, 6, 12));
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.62);
        anchorList.setAccessibleText(Messages.get("verify.anchors"));
        Label hint = label("verify.anchors.hint", "hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // the list gives way, never the explanation
        VBox side = styled(padded(column(6, anchorList, label("verify.anchors", "section-title"), hint, anchorList,
                new HBox(6, id("addAnchorButton", button("verify.anchors.add", this::addAnchor)),
                        button("verify.anchors.remove", this::removeAnchor)),
                label("verify.expectSigner", "section-title"), expectSignerHint(), expectSignerField,
                label("verify.longTerm", "section-title"), longTermHint(), new HBox(6, extendButton, renewButton)),
                10, 10, 10, 10), "side-panel");
        side.setPrefWidth(250);
        // the hints wrap and keep their height (longer in Hindi, Bengali, Nepali): the panel scrolls when short
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setPrefViewportWidth(250);
        sideScroll.getStyleClass().add("side-scroll");
        rootPane.setTop(new VBox(menus, toolbar));
        rootPane.setCenter(center);
        rootPane.setRight(sideScroll);
        rootPane.setBottom(statusBar(statusLabel));
        return rootPane;
    }

    public VerifyViewModel viewModel() {
        return vm;
    }

    private Label longTermHint() {
        Label hint = label("verify.longTerm.hint", "hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return hint;
    }

    /** extend (B-T to LTA) or renew (one more archive time-stamp) into a new bundle file, then verify it. */
    private void longTerm(boolean renew) {
        Path b = vm.bundleProperty().get();
        if (b == null) {
            return;
        }
        javafx.scene.control.TextInputDialog ask = Dialogs.prepare(new javafx.scene.control.TextInputDialog(
                bench.settings().tsaUrls.isEmpty() ? "" : bench.settings().tsaUrls.get(0)), window());
        ask.setHeaderText(Messages.get("verify.longTerm.tsa"));
        String tsa = ask.showAndWait().orElse(null);
        if (tsa == null || tsa.isBlank()) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(renew ? "verify.renew" : "verify.extend"));
        String stem = b.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        fc.setInitialFileName(stem + (renew ? "-renewed.zip" : "-lta.zip"));
        if (b.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(b.toAbsolutePath().getParent().toFile());
        }
        File f = org.sakshi.ui.common.Choosers.save(fc, window());
        if (f == null) {
            return;
        }
        statusLabel.setText(Messages.get("verify.longTerm.running", b.getFileName()));
        Task<org.sakshi.service.LongTermService.Outcome> task = new Task<>() {
            @Override
            protected org.sakshi.service.LongTermService.Outcome call() throws Exception {
                return vm.longTerm(renew, tsa, f.toPath());
            }
        };
        bench.background().submit(task, o -> {
            Dialogs.info(window(), Messages.get("verify.longTerm.done", o.bundle().getFileName()),
                    Messages.get("verify.longTerm.doneText", o.level(), o.archiveTimestamps(), o.sha256()));
            verify(o.bundle());
        }, e -> {
            statusLabel.setText("");
            Dialogs.error(window(), Messages.get(renew ? "verify.renew" : "verify.extend"), e);
        });
    }

    private Label expectSignerHint() {
        Label hint = label("verify.expectSigner.hint", "hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        expectSignerField.setPromptText(Messages.get("verify.expectSigner.prompt"));
        expectSignerField.setAccessibleText(Messages.get("verify.expectSigner"));
        return hint;
    }

    private void initialize() {
        anchorList.setItems(vm.trustAnchors());
        expectSignerField.textProperty().bindBidirectional(vm.expectedSignerProperty());
        Label noAnchors = new Label(Messages.get("verify.anchors.none"));
        noAnchors.setWrapText(true);
        anchorList.setPlaceholder(noAnchors);
        vm.trustAnchors().addListener((javafx.collections.ListChangeListener<Path>) c -> {
            bench.settings().trustAnchors = vm.trustAnchors().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            bench.saveSettings();
        });
        TableColumn<VerificationReport.ItemResult, String> res = col("verify.col.result",
                i -> VerifyViewModel.icon(i.result()) + " " + i.result().name(), 120);
        col("verify.col.id", VerificationReport.ItemResult::id, 70);
        col("verify.col.path", VerificationReport.ItemResult::path, 280);
        col("verify.col.sha256", VerificationReport.ItemResult::sha256, 420);
        itemTable.getColumns().remove(res);
        itemTable.getColumns().add(0, res);
        itemTable.setPlaceholder(new Label(""));
        checkTree.setShowRoot(false);
        checkTree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("check-PASSED", "check-FAILED", "check-INDETERMINATE", "check-WARNING");
                if (!empty && s != null && getTreeItem() != null && getTreeItem().getGraphic() == null) {
                    String first = s.substring(0, 1);
                    getStyleClass().add(first.equals("\u2714") ? "check-PASSED" : first.equals("\u2716")
                            ? "check-FAILED" : first.equals("?") ? "check-INDETERMINATE" : "check-WARNING");
                }
            }
        });
        verdictBox.setVisible(false);
        verdictBox.managedProperty().bind(verdictBox.visibleProperty());
        progress.setVisible(false);
        saveButton.disableProperty().bind(vm.reportProperty().isNull());
        reverifyButton.disableProperty().bind(vm.bundleProperty().isNull());
        auditButton.disableProperty().bind(vm.bundleProperty().isNull());
        extendButton.disableProperty().bind(vm.reportProperty().isNull());
        renewButton.disableProperty().bind(vm.reportProperty().isNull());
        bundleLabel.setText(Messages.get("verify.nobundle"));
        bundleLabel.setTooltip(new javafx.scene.control.Tooltip(bundleLabel.getText()));
        vm.reportProperty().addListener((o, a, r) -> showReport(r));
        rootPane.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        rootPane.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                Path p = files.get(0).toPath();
                javafx.application.Platform.runLater(() -> verify(p));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        statusLabel.setText(Messages.get("verify.drop"));
    }

    private TableColumn<VerificationReport.ItemResult, String> col(String key,
            java.util.function.Function<VerificationReport.ItemResult, String> f, double w) {
        TableColumn<VerificationReport.ItemResult, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells());
        c.setPrefWidth(w);
        itemTable.getColumns().add(c);
        return c;
    }

    private Window window() {
        return rootPane.getScene() == null ? null : rootPane.getScene().getWindow();
    }

    private void openBundle() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("verify.open"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("verify.bundles"), "*.zip"));
        File f = org.sakshi.ui.common.Choosers.open(fc, window());
        if (f != null) {
            verify(f.toPath());
        }
    }

    private void reverify() {
        if (vm.bundleProperty().get() != null) {
            verify(vm.bundleProperty().get());
        }
    }

    /** Verifies a bundle; the result replaces what is shown. */
    public void verify(Path bundle) {
        vm.bundleProperty().set(bundle);
        vm.reportProperty().set(null);
        bundleLabel.setText(bundle.toString());
        bundleLabel.setTooltip(new javafx.scene.control.Tooltip(bundle.toString()));
        statusLabel.setText(Messages.get("verify.running", bundle.getFileName()));
        progress.setVisible(true);
        Task<VerificationReport> task = new Task<>() {
            @Override
            protected VerificationReport call() throws Exception {
                return vm.verify((done, total, what) -> updateProgress(done, total > 0 ? total : -1));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        bench.background().submit(task, r -> {
            progress.setVisible(false);
            vm.reportProperty().set(r);
        }, e -> {
            progress.setVisible(false);
            statusLabel.setText(Messages.get("verify.notbundle"));
            Dialogs.error(window(), Messages.get("verify.action", bundle.getFileName()), e);
        });
    }

    private void showReport(VerificationReport r) {
        verdictBox.setVisible(r != null);
        if (r == null) {
            checkTree.setRoot(null);
            itemTable.getItems().clear();
            return;
        }
        verdictLabel.setText(VerifyViewModel.verdictWords(r.verdict()));
        verdictBox.getStyleClass().removeAll("passed", "failed", "indeterminate");
        verdictBox.getStyleClass().add(r.verdict().name().toLowerCase(java.util.Locale.ROOT));
        reasonLabel.setText(VerifyViewModel.reason(r));
        signerLabel.setText(r.signer() == null ? "" : Messages.get("verify.signer", r.signer().subject(),
                Messages.get(r.signer().trusted() ? "verify.trusted" : "verify.untrusted"),
                r.caseNumber() == null ? "" : r.caseNumber(), r.bundleId() == null ? "" : r.bundleId()));
        TreeItem<String> rootItem = new TreeItem<>("");
        for (VerifyViewModel.CheckGroup g : VerifyViewModel.groups(r)) {
            TreeItem<String> gi = new TreeItem<>(VerifyViewModel.icon(g.result()) + " " + g.code()
                    + " (" + g.checks().size() + ")");
            for (Check c : g.checks()) {
                gi.getChildren().add(new TreeItem<>(VerifyViewModel.icon(c.result()) + " " + VerifyViewModel.sentence(c)));
            }
            gi.setExpanded(g.result() != org.sakshi.core.CheckResult.PASSED);
            rootItem.getChildren().add(gi);
        }
        checkTree.setRoot(rootItem);
        itemTable.getItems().setAll(r.items());
        statusLabel.setText(Messages.get("verify.done", r.checks().size(), r.items().size()));
    }

    private void addAnchor() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("verify.anchors.add"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
        List<File> files = org.sakshi.ui.common.Choosers.openMany(fc, window());
        if (files != null) {
            for (File f : files) {
                if (!vm.trustAnchors().contains(f.toPath())) {
                    vm.trustAnchors().add(f.toPath());
                }
            }
        }
    }

    private void removeAnchor() {
        Path p = anchorList.getSelectionModel().getSelectedItem();
        if (p != null) {
            vm.trustAnchors().remove(p);
        }
    }

    private void saveReport() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("verify.save"));
        Path b = vm.bundleProperty().get();
        fc.setInitialFileName((b == null ? "bundle" : b.getFileName().toString().replaceAll("\\.zip$", ""))
                + "-verification.pdf");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = org.sakshi.ui.common.Choosers.save(fc, window());
        if (f != null) {
            bench.background().run(() -> {
                vm.writeReport(f.toPath());
                return f;
            }, done -> statusLabel.setText(Messages.get("verify.saved", done)),
                    e -> Dialogs.error(window(), Messages.get("verify.action.save"), e));
        }
    }

    /** Audit: the custody analysis of the log this bundle carries. */
    public void audit() {
        Path b = vm.bundleProperty().get();
        if (b != null) {
            org.sakshi.ui.audit.AuditView.open(bench, b, window());
        }
    }

    private void closeWindow() {
        if (window() instanceof Stage s) {
            s.close();
        }
    }
}
