package org.sakshi.ui.cases;

import java.io.File;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.sakshi.service.LabServerSummary;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.ErrorText;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;

/**
 * Move case to this server…: a folder case moved onto the picked server by the same service as
 * {@code sakshi case move FOLDER --to-server NAME} (its ledger verified before and after, CASE_MOVED
 * recorded, the folder closed). The move runs off the FX thread while the dialog shows that it
 * runs; the dialog then shows the verdict (where the case is now and both ledger counts) or the
 * one-sentence reason nothing was moved, and stays open until Close.
 */
public final class MoveCaseDialog extends Dialog<Path> {
    public static final ButtonType MOVE = new ButtonType(Messages.get("lab.move.run"), ButtonBar.ButtonData.OK_DONE);

    private final TextField folder = new TextField();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label verdict = new Label();
    private Path moved;

    public MoveCaseDialog(Window owner, Workbench bench, LabViewModel vm, LabServerSummary server, Path initial,
                          Runnable onMoved) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("lab.move.title", server.name()));
        setHeaderText(Messages.get("lab.move.header"));
        FormGrid form = new FormGrid();
        folder.setId("moveFolder");
        folder.setPrefColumnCount(36);
        folder.setAccessibleText(Messages.get("lab.move.folder").replace("_", ""));
        if (initial != null) {
            folder.setText(initial.toString());
        }
        Button browse = new Button(Messages.get("lab.addServer.browse"));
        browse.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                folder.setText(f.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        form.add("lab.move.folder", folderRow);
        progress.setId("moveProgress");
        progress.setMaxSize(28, 28);
        progress.setVisible(false);
        verdict.setId("moveVerdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(560);
        form.addWide(new HBox(10, progress, verdict));
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(MOVE, new ButtonType(Messages.get("lab.move.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        Node moveButton = getDialogPane().lookupButton(MOVE);
        moveButton.setId("moveCaseButton");
        moveButton.disableProperty().bind(folder.textProperty().isEmpty().or(progress.visibleProperty()));
        moveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: it shows the progress and then the verdict
            Path from = Path.of(folder.getText().strip());
            progress.setVisible(true);
            verdict.getStyleClass().remove("form-problem");
            verdict.setText(Messages.get("lab.move.moving", from, server.name()));
            bench.background().run(() -> vm.moveHere(server, from, bench.actor()), m -> {
                progress.setVisible(false);
                moved = m.to();
                folder.setDisable(true);
                moveButton.disableProperty().unbind();
                moveButton.setDisable(true);
                verdict.setText(Messages.get(m.intactAfter() ? "lab.move.done" : "lab.move.notIntact", m.to(),
                        m.eventsBefore(), m.eventsAfter()));
                onMoved.run();
            }, x -> {
                progress.setVisible(false);
                verdict.getStyleClass().add("form-problem");
                verdict.setText(Messages.get("lab.move.failed", ErrorText.of(Messages.get("lab.action.move",
                        server.name()), x).message()));
            });
        });
        setResultConverter(b -> moved);
        setOnShown(e -> {
            folder.requestFocus();
            AddServerDialog.keepSize(getDialogPane());
        });
    }
}
