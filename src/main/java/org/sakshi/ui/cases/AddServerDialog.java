package org.sakshi.ui.cases;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/**
 * Add server…: the fields of {@code sakshi server add} (name, address, password file, shared
 * vault, TLS root certificate), bound to an {@link AddServerForm}. A password is never typed here:
 * it is read from the file. Add stays disabled until the form names a server, an address and a vault.
 */
public final class AddServerDialog extends Dialog<Boolean> {
    public static final ButtonType ADD = new ButtonType(Messages.get("lab.addServer.add"), ButtonBar.ButtonData.OK_DONE);

    public AddServerDialog(Window owner, AddServerForm vm) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("lab.addServer.title"));
        setHeaderText(Messages.get("lab.addServer.header"));
        FormGrid form = new FormGrid();
        TextField name = form.add("lab.addServer.name", new TextField());
        name.setId("serverName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField address = form.add("lab.addServer.address", new TextField());
        address.setId("serverAddress");
        address.setPromptText(Messages.get("lab.addServer.address.prompt"));
        address.setPrefColumnCount(36);
        address.textProperty().bindBidirectional(vm.addressProperty());
        TextField password = new TextField();
        password.setId("serverPasswordFile");
        password.textProperty().bindBidirectional(vm.passwordFileProperty());
        form.add("lab.addServer.passwordFile", browse(password, false, "lab.addServer.passwordFile"));
        TextField vault = new TextField();
        vault.setId("serverVault");
        vault.textProperty().bindBidirectional(vm.vaultProperty());
        form.add("lab.addServer.vault", browse(vault, true, "lab.addServer.vault"));
        TextField tls = new TextField();
        tls.setId("serverTlsRoot");
        tls.setPromptText(Messages.get("lab.addServer.tlsRoot.prompt"));
        tls.textProperty().bindBidirectional(vm.tlsRootProperty());
        form.add("lab.addServer.tlsRoot", browse(tls, false, "lab.addServer.tlsRoot"));
        Label problem = form.addWide(new Label());
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(ADD, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(ADD).disableProperty().bind(vm.problemProperty().isNotEmpty());
        getDialogPane().lookupButton(ADD).setId("addServerButton");
        setResultConverter(b -> b == ADD);
        setOnShown(e -> {
            name.requestFocus();
            AddServerDialog.keepSize(getDialogPane());
        });
    }

    /**
     * Some window managers (openbox) answer a new dialog's size late with a smaller one: for two
     * seconds after showing, a window smaller than its content is set back to the content's size.
     */
    static void keepSize(javafx.scene.control.DialogPane pane) {
        javafx.stage.Window w = pane.getScene().getWindow();
        for (int ms : new int[] {150, 600, 1200, 2000}) {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(ms));
            p.setOnFinished(x -> {
                if (w.isShowing() && (pane.getWidth() < pane.prefWidth(-1) - 1 || pane.getHeight()
                        < pane.prefHeight(pane.prefWidth(-1)) - 1)) {
                    w.sizeToScene();
                }
            });
            p.play();
        }
    }

    /** A path field with Browse… (a folder or a file chooser). */
    private HBox browse(TextField field, boolean folder, String labelKey) {
        field.setAccessibleText(Messages.get(labelKey).replace("_", ""));
        Button b = new Button(Messages.get("lab.addServer.browse"));
        b.setAccessibleText(Messages.get("lab.addServer.browse"));
        b.setOnAction(e -> {
            File f;
            if (folder) {
                f = new DirectoryChooser().showDialog(getDialogPane().getScene().getWindow());
            } else {
                f = new FileChooser().showOpenDialog(getDialogPane().getScene().getWindow());
            }
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, b);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }
}
