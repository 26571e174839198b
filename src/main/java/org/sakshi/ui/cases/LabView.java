package org.sakshi.ui.cases;

import static org.sakshi.ui.common.Controls.button;
import static org.sakshi.ui.common.Controls.column;
import static org.sakshi.ui.common.Controls.id;
import static org.sakshi.ui.common.Controls.label;
import static org.sakshi.ui.common.Controls.padded;
import static org.sakshi.ui.common.Controls.row;
import static org.sakshi.ui.common.Controls.statusBar;
import static org.sakshi.ui.common.Controls.styled;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sakshi.service.LabServerSummary;
import org.sakshi.ui.common.Controls;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.ErrorText;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.evidence.CaseView;

/**
 * File → Connect to a lab server…: the servers this workstation knows, the picked server's cases
 * (number, title, folder), Audit all (each case's ledger, errors, warnings and codes, or why it could
 * not be audited), Open, which opens the selected case in its case window, and New case on this server…
 * (made in the server's vault folder), Add server… (as {@code sakshi server add}) and Move case to
 * this server… (as {@code sakshi case move --to-server}). Every service call runs off the FX thread.
 */
public final class LabView {
    /** The key of the lab window: one per application. */
    private static final Object KEY = LabView.class;

    private final Workbench bench;
    private final LabViewModel vm;
    private final ComboBox<LabServerSummary> serverBox = id("labServer", new ComboBox<>());
    private final TableView<LabViewModel.Row> caseTable = id("labCaseTable", new TableView<>());
    private final Button auditButton = id("labAuditButton", styled(button("lab.auditAll", this::auditAll), "primary"));
    private final Button openButton = id("labOpenButton", button("lab.open", this::openSelected));
    private final Button newButton = id("labNewButton", button("lab.new", this::newCase));
    private final Button addServerButton = id("labAddServerButton", button("lab.addServer", this::addServer));
    private final Button moveButton = id("labMoveButton", button("lab.move", this::moveCase));
    private final Label statusLabel = id("labStatus", new Label());
    {
        statusLabel.setWrapText(true);
    }
    private Parent root;

    public LabView(Workbench bench) {
        this.bench = bench;
        this.vm = new LabViewModel(bench.services().lab(), bench.services().cases(), bench.services().custody());
    }

    /** Opens (or brings to front) the lab window and lists the servers. */
    public static Stage open(Workbench bench, Window owner) {
        LabView view = new LabView(bench);
        return bench.windows().open(Windows.window(Messages.get("lab.window"), 1100, 640).ownedBy(owner).onePer(KEY)
                .shortcut(new KeyCodeCombination(KeyCode.F5), view::refresh), view::root);
    }

    public LabViewModel viewModel() {
        return vm;
    }

    public Parent root() {
        if (root == null) {
            root = build();
            refreshServers();
        }
        return root;
    }

    private Parent build() {
        serverBox.setItems(vm.servers());
        serverBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LabServerSummary s) {
                return s == null ? "" : Messages.get("lab.server.item", s.name(), s.address(), s.user());
            }

            @Override
            public LabServerSummary fromString(String s) {
                return null;
            }
        });
        serverBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(LabServerSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : serverBox.getConverter().toString(s));
            }
        });
        serverBox.valueProperty().bindBidirectional(vm.serverProperty());
        serverBox.setAccessibleText(Messages.get("lab.server"));
        serverBox.setPromptText(Messages.get("lab.server.none"));
        vm.serverProperty().addListener((o, a, s) -> refreshCases());
        Label serverLabel = label("lab.server", "field-label");
        serverLabel.setMinWidth(Region.USE_PREF_SIZE); // the long server line shrinks, never the label ("Serv...")
        HBox serverBar = row(8, serverBox, serverLabel, serverBox,
                button("start.refresh", this::refresh), addServerButton);
        Label hint = id("labHint", styled(new Label(Messages.get("lab.addHint")), "hint"));
        hint.setWrapText(true);

        caseTable.getColumns().setAll(List.of(textColumn("lab.col.number", 140, r -> r.entry().number()),
                textColumn("lab.col.title", 240, r -> r.entry().title()),
                textColumn("lab.col.folder", 260, r -> r.entry().folder()),
                textColumn("lab.col.result", 380, r -> r.result() == null ? "" : r.result())));
        caseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        caseTable.setAccessibleText(Messages.get("lab.cases"));
        caseTable.setPlaceholder(new Label(Messages.get("lab.empty")));
        caseTable.setItems(vm.rows());
        javafx.css.PseudoClass bad = javafx.css.PseudoClass.getPseudoClass("flagged");
        caseTable.setRowFactory(t -> {
            TableRow<LabViewModel.Row> r = new TableRow<>() {
                @Override
                protected void updateItem(LabViewModel.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(bad, !empty && item != null && item.bad());
                }
            };
            r.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !r.isEmpty()) {
                    openSelected();
                }
            });
            return r;
        });
        caseTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        auditButton.disableProperty().bind(vm.serverProperty().isNull());
        openButton.disableProperty().bind(caseTable.getSelectionModel().selectedItemProperty().isNull());
        newButton.disableProperty().bind(vm.serverProperty().isNull());
        moveButton.disableProperty().bind(vm.serverProperty().isNull());
        HBox actions = row(8, null, auditButton, openButton, newButton, moveButton);
        statusLabel.setText(Messages.get("status.ready"));
        BorderPane pane = styled(new BorderPane(padded(column(8, caseTable, serverBar, hint,
                label("lab.cases", "section-title"), caseTable, actions), 12, 16, 8, 16)), "lab-view");
        pane.setBottom(statusBar(statusLabel));
        return pane;
    }

    private TableColumn<LabViewModel.Row, String> textColumn(String key, double width,
                                                            Function<LabViewModel.Row, String> f) {
        TableColumn<LabViewModel.Row, String> c = Controls.column(key, width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(Controls.fullTextCells());
        return c;
    }

    private Window window() {
        return caseTable.getScene() == null ? null : caseTable.getScene().getWindow();
    }

    /** F5 / Refresh: the servers again (and so the picked server's cases). */
    public void refresh() {
        refreshServers();
        refreshCases();
    }

    private void refreshServers() {
        bench.background().run(vm::fetchServers, vm::showServers,
                e -> Dialogs.error(window(), Messages.get("lab.action.servers"), e));
    }

    private void refreshCases() {
        LabServerSummary s = vm.serverProperty().get();
        if (s == null) {
            return;
        }
        statusLabel.setText(Messages.get("lab.listing", s.name()));
        bench.background().run(() -> vm.fetchCases(s.name()), list -> {
            if (s.equals(vm.serverProperty().get())) {
                vm.showCases(list);
                statusLabel.setText(Messages.get("lab.status", list.size(), s.name()));
            }
        }, e -> {
            // shown in the window, not a dialog: a server that cannot be reached must not block picking another
            if (s.equals(vm.serverProperty().get())) {
                ErrorText text = ErrorText.of(Messages.get("lab.action.cases", s.name()), e);
                statusLabel.setText(text.headline() + ": " + text.message());
            }
        });
    }

    /** Audit all: every case of the picked server, off the FX thread; each row then shows its result. */
    public void auditAll() {
        LabServerSummary s = vm.serverProperty().get();
        if (s == null) {
            return;
        }
        statusLabel.setText(Messages.get("lab.auditing", s.name()));
        auditButton.disableProperty().unbind();
        auditButton.setDisable(true);
        bench.background().run(() -> vm.auditAll(s.name()), audits -> {
            auditButton.disableProperty().bind(vm.serverProperty().isNull());
            if (s.equals(vm.serverProperty().get())) {
                vm.showAudits(audits);
                statusLabel.setText(Messages.get("lab.audited", audits.size(),
                        audits.stream().filter(LabViewModel::bad).count()));
            }
        }, e -> {
            auditButton.disableProperty().bind(vm.serverProperty().isNull());
            statusLabel.setText("");
            Dialogs.error(window(), Messages.get("lab.action.audit", s.name()), e);
        });
    }

    /** New case on this server…: the usual new-case form; the case is made in the server's vault folder and opened. */
    public void newCase() {
        LabServerSummary s = vm.serverProperty().get();
        if (s == null) {
            return;
        }
        NewCaseViewModel form = new NewCaseViewModel(bench.actor());
        if (!Boolean.TRUE.equals(new NewCaseDialog(window(), form).showAndWait().orElse(false))) {
            return;
        }
        statusLabel.setText(Messages.get("start.creating", form.numberProperty().get()));
        bench.background().run(() -> vm.create(s, form.toRequest()), dir -> {
            refreshCases();
            CaseView.open(bench, dir, window());
        }, e -> {
            statusLabel.setText("");
            Dialogs.error(window(), Messages.get("lab.action.create", s.name()), e);
        });
    }

    /** Add server…: the fields of {@code sakshi server add}; the server is checked (and saved) off the FX thread. */
    public void addServer() {
        AddServerForm form = new AddServerForm();
        if (!Boolean.TRUE.equals(new AddServerDialog(window(), form).showAndWait().orElse(false))) {
            return;
        }
        statusLabel.setText(Messages.get("lab.adding", form.name()));
        bench.background().run(() -> vm.add(form), added -> {
            statusLabel.setText(Messages.get("lab.added", added.name()));
            bench.background().run(vm::fetchServers, list -> {
                vm.showServers(list);
                list.stream().filter(s -> s.name().equals(added.name())).findFirst().ifPresent(vm.serverProperty()::set);
            }, e -> Dialogs.error(window(), Messages.get("lab.action.servers"), e));
        }, e -> {
            statusLabel.setText("");
            Dialogs.error(window(), Messages.get("lab.action.add", form.name()), e);
        });
    }

    /** Move case to this server…: a folder case onto the picked server (as {@code sakshi case move}); the list then shows it. */
    public void moveCase() {
        LabServerSummary s = vm.serverProperty().get();
        if (s == null) {
            return;
        }
        new MoveCaseDialog(window(), bench, vm, s, null, this::refreshCases).showAndWait();
    }

    /** Open: the selected case's folder in the normal case window. */
    private void openSelected() {
        LabServerSummary s = vm.serverProperty().get();
        LabViewModel.Row r = caseTable.getSelectionModel().getSelectedItem();
        if (s == null || r == null) {
            return;
        }
        bench.background().run(() -> vm.open(s.name(), r.entry()), dir -> CaseView.open(bench, dir, window()),
                e -> Dialogs.error(window(), Messages.get("lab.action.open", r.entry().number()), e));
    }
}
