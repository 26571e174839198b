package org.sakshi.ui.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Item;
import org.sakshi.core.Signer;
import org.sakshi.service.ExportResult;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;

/**
 * Export a signed bundle: items, certificates, signing identity (password or PIN asked here, used
 * once, never stored), TSAs, destination; then progress with Cancel; then the bundle's path, its
 * SHA-256, the verification of the fresh bundle and Show in folder. End states of the export task:
 * SUCCEEDED shows the result; FAILED shows the error and leaves the form to try again (the service
 * removes its .part file); CANCELLED returns to the form.
 */
public final class ExportWizard {
    private final Workbench bench;
    private final ExportViewModel vm;
    private Stage stage;
    private final BorderPane root = new BorderPane();
    private final PasswordField secret = new PasswordField();
    private final Label secretProblem = new Label();
    private VBox form;
    private volatile List<java.security.cert.X509Certificate> chain = List.of();

    private ExportWizard(Workbench bench, ExportViewModel vm) {
        this.bench = bench;
        this.vm = vm;
    }

    public static void open(Workbench bench, Path caseDir, CaseInfo info, List<Item> items, Window owner) {
        ExportViewModel vm = new ExportViewModel(bench.services().exports(), bench.services().identities(),
                bench.services().timestamps(), caseDir, info, items);
        if (bench.settings().profile != null && bench.settings().profile.identityPath() != null) {
            vm.identityProperty().set(bench.settings().profile.identityPath());
            vm.tokenProperty().set(bench.settings().profile.identityIsToken());
        }
        vm.tsaUrlsProperty().set(String.join("\n", bench.settings().tsaUrls));
        ExportWizard w = new ExportWizard(bench, vm);
        w.stage = bench.windows().open(Windows.window(Messages.get("export.title"), 760, 720).ownedBy(owner).modal(),
                () -> {
                    w.build();
                    return w.root;
                });
    }

    private void build() {
        FormGrid g = new FormGrid();
        ListView<Item> list = g.add("export.items", new ListView<>(javafx.collections.FXCollections.observableList(vm.items())));
        list.setPrefHeight(Math.min(8, Math.max(2, vm.items().size())) * 26 + 4);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Item i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox cb = new CheckBox(i.id() + "  " + i.name() + (i.derivedFrom() == null ? ""
                        : "  " + Messages.get("export.derivedFrom", i.derivedFrom())));
                cb.setMnemonicParsing(false);
                cb.setSelected(vm.selected().contains(i.id()));
                cb.selectedProperty().addListener((o, a, on) -> {
                    if (on) {
                        vm.selected().add(i.id());
                    } else {
                        vm.selected().remove(i.id());
                    }
                });
                setGraphic(cb);
            }
        });
        // six kinds: a flow wraps them onto a second line rather than widening the window
        javafx.scene.layout.FlowPane certs = new javafx.scene.layout.FlowPane(12, 6);
        for (CertificateKind c : ExportViewModel.CERTIFICATES) {
            CheckBox cb = new CheckBox(Messages.get("export.cert." + c.code()));
            cb.setSelected(vm.certificates().contains(c));
            cb.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.certificates().add(c);
                } else {
                    vm.certificates().remove(c);
                }
            });
            certs.getChildren().add(cb);
        }
        g.add("export.certificates", certs);
        javafx.scene.control.ComboBox<String> reportLang = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList("en", "hi", "bn", "ne"));
        reportLang.setId("exportReportLanguage");
        reportLang.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : Messages.get("export.reportLanguage." + code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        reportLang.setValue(vm.reportLanguageProperty().get() == null ? "en" : vm.reportLanguageProperty().get());
        reportLang.valueProperty().addListener((o, a, code) -> vm.reportLanguageProperty()
                .set(code == null || code.equals("en") ? null : code));
        reportLang.setAccessibleText(Messages.get("export.reportLanguage"));
        reportLang.setTooltip(new javafx.scene.control.Tooltip(Messages.get("export.reportLanguage.hint")));
        g.add("export.reportLanguage", reportLang);
        TextField identity = new TextField();
        identity.setId("exportIdentity");
        identity.textProperty().bindBidirectional(vm.identityProperty());
        identity.setAccessibleText(Messages.get("export.identity"));
        Button browse = new Button(Messages.get("common.browse"));
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("export.identity").replace("_", ""));
            File f = org.sakshi.ui.common.Choosers.open(fc, stage);
            if (f != null) {
                identity.setText(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(identity, Priority.ALWAYS);
        g.add("export.identity", new HBox(6, identity, browse));
        CheckBox token = g.addWide(new CheckBox(Messages.get("profile.token")));
        token.setWrapText(true);
        token.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        token.selectedProperty().bindBidirectional(vm.tokenProperty());
        TextField label = g.add("export.tokenLabel", new TextField());
        label.textProperty().bindBidirectional(vm.tokenLabelProperty());
        label.disableProperty().bind(token.selectedProperty().not());
        secret.setId("exportSecret");
        g.add("export.secret", secret);
        secretProblem.setId("secretProblem");
        secretProblem.getStyleClass().add("form-problem");
        secretProblem.setWrapText(true);
        secretProblem.setVisible(false);
        secretProblem.managedProperty().bind(secretProblem.visibleProperty());
        g.addWide(secretProblem);
        secret.textProperty().addListener((o, a, t) -> {
            if (!t.isEmpty()) {
                secretProblem.setVisible(false);
            }
        });
        TextArea tsas = g.add("export.tsas", new TextArea());
        tsas.setPrefRowCount(2);
        tsas.textProperty().bindBidirectional(vm.tsaUrlsProperty());
        TextField out = new TextField(vm.outProperty().get().toString());
        out.textProperty().addListener((o, a, t) -> vm.outProperty().set(t.isBlank() ? null : Path.of(t.strip())));
        out.setAccessibleText(Messages.get("export.out"));
        out.setId("exportOut");
        Button choose = new Button(Messages.get("common.browse"));
        choose.setId("exportOutBrowse");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("export.out").replace("_", ""));
            fc.setInitialFileName(vm.outProperty().get() == null ? "bundle.zip" : vm.outProperty().get().getFileName().toString());
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip"));
            File f = org.sakshi.ui.common.Choosers.save(fc, stage);
            if (f != null) {
                out.setText(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(out, Priority.ALWAYS);
        g.add("export.out", new HBox(6, out, choose));
        g.add("export.recipients", recipients());
        Label hint = g.addWide(wrapping(new Label(Messages.get("export.hint"))));
        Label problem = g.addWide(new Label());
        problem.getStyleClass().add("form-problem");
        problem.textProperty().bind(vm.problemProperty());
        Button seal = new Button(Messages.get("export.seal"));
        seal.setId("sealButton");
        seal.getStyleClass().add("primary");
        seal.setDefaultButton(true);
        seal.disableProperty().bind(vm.problemProperty().isNotEmpty());
        seal.setOnAction(e -> start());
        Button cancel = new Button(Messages.get("export.close"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, seal, cancel);
        Label heading = new Label(Messages.get("export.header"));
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        form = new VBox(12, heading, g, buttons);
        form.setPadding(new Insets(16));
        ScrollPane sp = new ScrollPane(form);
        sp.setFitToWidth(true);
        root.setCenter(sp);
    }

    /** The recipients list with Add certificate… and Remove; empty means a plain ZIP. */
    private VBox recipients() {
        ListView<java.security.cert.X509Certificate> list = new ListView<>(vm.recipients());
        list.setId("exportRecipients");
        list.setPrefHeight(3 * 26 + 4);
        list.setAccessibleText(Messages.get("export.recipients"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(java.security.cert.X509Certificate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : ExportViewModel.describe(c));
            }
        });
        Button add = new Button(Messages.get("export.recipients.add"));
        add.setId("addRecipient");
        add.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("export.recipients.chooser"));
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("*", "*"));
            File f = org.sakshi.ui.common.Choosers.open(fc, stage);
            if (f != null) {
                try {
                    vm.addRecipient(f.toPath());
                } catch (org.sakshi.core.SakshiException ex) {
                    Dialogs.error(stage, Messages.get("export.recipients.add"), ex);
                }
            }
        });
        Button remove = new Button(Messages.get("export.recipients.remove"));
        remove.setId("removeRecipient");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.recipients().remove(list.getSelectionModel().getSelectedItem()));
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(list, Priority.ALWAYS);
        Label hint = wrapping(new Label(Messages.get("export.recipients.hint")));
        return new VBox(6, new HBox(6, list, new VBox(6, add, remove)), hint);
    }

    /**
     * A hint that wraps to the width the form has instead of widening it: a long line (Hindi, Bengali)
     * would otherwise make the form wider than the window and be cut at the right edge.
     */
    private static Label wrapping(Label hint) {
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        hint.setPrefWidth(240);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return hint;
    }

    private void start() {
        char[] pw = secret.getText().toCharArray();
        secret.clear();
        bench.settings().tsaUrls = new java.util.ArrayList<>(ExportViewModel.parseUrls(vm.tsaUrlsProperty().get()));
        bench.saveSettings();
        CancelFlag flag = new CancelFlag();
        Task<ExportResult> task = new Task<>() {
            @Override
            protected ExportResult call() throws Exception {
                updateMessage(Messages.get("export.opening"));
                Signer signer = vm.openIdentity(pw);
                chain = signer.chain();
                updateMessage(Messages.get("export.sealing"));
                return vm.export(signer, bench.actor(), (done, total, what) -> {
                    if (isCancelled()) {
                        flag.cancel();
                    }
                    updateProgress(done, total > 0 ? total : -1);
                    updateMessage(what == null ? "" : what);
                }, flag);
            }

            @Override
            protected void cancelled() {
                flag.cancel();
            }
        };
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Label what = new Label();
        what.textProperty().bind(task.messageProperty());
        Button cancel = new Button(Messages.get("export.cancel"));
        cancel.setOnAction(e -> task.cancel());
        VBox progress = new VBox(10, new Label(Messages.get("export.progress")), bar, what, cancel);
        progress.setPadding(new Insets(24));
        root.setCenter(progress);
        task.setOnCancelled(e -> root.setCenter(new ScrollPane(form)));
        bench.background().submit(task, this::showResult, err -> {
            ScrollPane back = new ScrollPane(form);
            back.setFitToWidth(true);
            root.setCenter(back);
            if (ExportViewModel.wrongSecret(err)) {
                // the dialog stays open with the identity still chosen; only the password is asked again
                secretProblem.setText(vm.wrongSecretText());
                secretProblem.setVisible(true);
                secret.requestFocus();
                return;
            }
            Dialogs.error(stage, Messages.get("export.action"), err);
        });
    }

    private void showResult(ExportResult r) {
        Label verdict = new Label(Messages.get("verdict." + r.verification().verdict().name()));
        verdict.getStyleClass().add("verdict-words");
        verdict.setId("resultVerdict");
        VBox box = new VBox(4, verdict, new Label(Messages.get("export.verified")));
        box.getStyleClass().addAll("verdict-box", r.verification().verdict().name().toLowerCase(Locale.ROOT));
        FormGrid g = new FormGrid();
        TextField path = g.add("export.result.path", new TextField(r.bundle().toString()));
        path.setEditable(false);
        path.setId("resultPath");
        TextField sha = new TextField(r.sha256());
        sha.setEditable(false);
        sha.getStyleClass().add("hash-field");
        sha.setId("resultSha256");
        Button copy = new Button(Messages.get("common.copy"));
        copy.setOnAction(e -> Dialogs.copy(r.sha256()));
        HBox.setHgrow(sha, Priority.ALWAYS);
        g.add("export.result.sha256", new HBox(6, sha, copy));
        g.add("export.result.id", new Label(r.bundleId()));
        if (r.encrypted() != null) {
            TextField p7m = g.add("export.result.p7mSha256", new TextField(r.encrypted().sha256()));
            p7m.setEditable(false);
            p7m.getStyleClass().add("hash-field");
            Label to = g.add("export.result.encrypted", new Label(String.join("; ", vm.recipients().stream()
                    .map(ExportViewModel::describe).toList())));
            to.setWrapText(true);
        }
        ExportViewModel.ResultText text = ExportViewModel.explain(r.verification(), chain);
        Label roots = new Label(text.roots());
        roots.setId("resultRoots");
        roots.setWrapText(true);
        VBox explain = new VBox(6, roots);
        if (!text.problems().isEmpty()) {
            Label title = new Label(Messages.get("export.result.problems"));
            title.getStyleClass().add("section-title");
            Label problems = new Label(String.join("\n", text.problems()));
            problems.setId("resultProblems");
            problems.setWrapText(true);
            explain.getChildren().addAll(title, problems);
        }
        Label needsTitle = new Label(Messages.get("export.result.recipientTitle"));
        needsTitle.getStyleClass().add("section-title");
        Label needs = new Label(text.recipient());
        needs.setId("resultRecipient");
        needs.setWrapText(true);
        explain.getChildren().addAll(needsTitle, needs);
        Button show = new Button(Messages.get("export.showFolder"));
        show.getStyleClass().add("primary");
        show.setOnAction(e -> showInFolder(r.bundle(), why -> javafx.application.Platform.runLater(() ->
                Dialogs.info(stage, Messages.get("export.showFolder"),
                        Messages.get("export.showFolder.failed", why, r.bundle().toAbsolutePath().getParent())))));
        Button close = new Button(Messages.get("export.close"));
        close.setOnAction(e -> stage.close());
        VBox v = new VBox(14, box, g, explain, new HBox(8, show, close));
        v.setPadding(new Insets(16));
        ScrollPane sp = new ScrollPane(v);
        sp.setFitToWidth(true);
        root.setCenter(sp);
    }

    /**
     * Opens the file manager on the bundle's folder (xdg-open, explorer or open); when it cannot be
     * started, or xdg-open/open ends with an error (no file manager registered), {@code failed} gets
     * the reason (on a background thread) so the officer is told where the bundle is.
     */
    static void showInFolder(Path file, java.util.function.Consumer<String> failed) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean windows = os.contains("win");
        List<String> cmd = windows ? List.of("explorer", "/select,", file.toString())
                : os.contains("mac") ? List.of("open", "-R", file.toString())
                : List.of("xdg-open", file.toAbsolutePath().getParent().toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!windows) { // explorer's exit code means nothing
                p.onExit().thenAccept(done -> {
                    if (done.exitValue() != 0) {
                        failed.accept(cmd.get(0) + " ended with exit code " + done.exitValue());
                    }
                });
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ExportWizard.class).warn("cannot open the file manager: {}", e.getMessage());
            failed.accept(cmd.get(0) + ": " + e.getMessage());
        }
    }
}
