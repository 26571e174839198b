package org.sakshi.ui.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.sakshi.core.CancelledException;

/** Dialog helpers: every dialog gets an owner window, the stylesheet, and plain-language text. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Owner, modality and stylesheet for any dialog. */
    public static <D extends Dialog<?>> D prepare(D d, Window owner) {
        if (owner != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.initModality(Modality.WINDOW_MODAL);
        d.setResizable(true);
        // sized to its content and never shrunk below it (some window managers open dialogs at 200×200)
        d.getDialogPane().setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
            keepMaximized(d.getDialogPane().getScene().getWindow(), owner);
        }
        translateStandardButtons(d);
        return d;
    }

    /**
     * JavaFX labels its own OK, Cancel, Close, Yes and No buttons in English whatever the
     * window's language; the buttons an alert or input dialog already carries get the chosen
     * language's words (buttons a dialog adds later come from {@link Buttons} or its own keys).
     */
    static void translateStandardButtons(Dialog<?> d) {
        for (ButtonType t : d.getDialogPane().getButtonTypes()) {
            String key = t == ButtonType.OK ? "common.ok"
                    : t == ButtonType.CANCEL ? "common.cancel"
                    : t == ButtonType.CLOSE ? "common.close"
                    : t == ButtonType.YES ? "common.yes"
                    : t == ButtonType.NO ? "common.no" : null;
            if (key != null && d.getDialogPane().lookupButton(t) instanceof javafx.scene.control.Button b) {
                b.setText(Messages.get(key));
            }
        }
    }

    /**
     * Under openbox a window-modal child un-maximises its owner (JavaFX 21 and 23 alike): when
     * {@code child} closes, an owner that was maximised when it opened is maximised again.
     */
    public static void keepMaximized(Window child, Window owner) {
        if (!(owner instanceof javafx.stage.Stage stage)) {
            return;
        }
        boolean[] was = new boolean[1];
        child.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> was[0] = stage.isMaximized());
        child.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            if (was[0] && !stage.isMaximized() && stage.isShowing()) {
                javafx.application.Platform.runLater(() -> stage.setMaximized(true));
            }
        });
    }

    /**
     * Shows what happened while doing {@code action} and what to do; the stack trace is in an
     * expandable details area, never up front. A user's own cancel is not shown as an error.
     */
    public static void error(Window owner, String action, Throwable t) {
        if (ErrorText.unwrap(t) instanceof CancelledException) {
            return;
        }
        ErrorText text = ErrorText.of(action, t);
        Alert a = prepare(new Alert(Alert.AlertType.ERROR), owner);
        a.setTitle(Messages.get("error.title"));
        a.setHeaderText(text.headline());
        Label msg = new Label(text.message());
        msg.setWrapText(true);
        msg.setMaxWidth(520);
        a.getDialogPane().setContent(new VBox(msg));
        TextArea details = new TextArea(text.details());
        details.setEditable(false);
        details.setPrefRowCount(12);
        details.setAccessibleText(Messages.get("error.details"));
        a.getDialogPane().setExpandableContent(details);
        a.showAndWait();
    }

    public static void info(Window owner, String header, String text) {
        Alert a = prepare(new Alert(Alert.AlertType.INFORMATION), owner);
        a.setTitle("Sakshi");
        a.setHeaderText(header);
        a.setContentText(text);
        a.showAndWait();
    }

    public static boolean confirm(Window owner, String header, String text) {
        Alert a = prepare(new Alert(Alert.AlertType.CONFIRMATION), owner);
        a.setTitle("Sakshi");
        a.setHeaderText(header);
        a.setContentText(text);
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ButtonType.OK;
    }

    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** A node's accessible name and tooltip-less help in one call. */
    public static <N extends Node> N named(N node, String accessibleText) {
        node.setAccessibleText(accessibleText);
        return node;
    }
}
