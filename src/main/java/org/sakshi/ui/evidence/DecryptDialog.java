package org.sakshi.ui.evidence;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.sakshi.service.SigningIdentity;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.OperatorProfile;

/**
 * Before an encrypted bundle ({@code .p7m}) is received: the officer's own key to open it with, the
 * PKCS#12 file or PKCS#11 library remembered in the profile (editable), and its password or PIN. The
 * secret is handed over once and never kept.
 */
final class DecryptDialog extends Dialog<DecryptDialog.Key> {
    /** The key to decrypt with and its password or PIN (the caller wipes it), and the key as typed. */
    record Key(SigningIdentity identity, char[] secret, String keyText, boolean onToken) {
    }

    DecryptDialog(Window owner, Path p7m, OperatorProfile profile) {
        this(owner, p7m, profile == null ? null : profile.identityPath(), profile != null && profile.identityIsToken(),
                null);
    }

    /**
     * Asks again after a wrong password or PIN: the key chosen before ({@code keyText}, {@code onToken})
     * is kept and {@code problem} says what went wrong.
     */
    DecryptDialog(Window owner, Path p7m, String keyText, boolean onToken, String problem) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("receive.decrypt.title"));
        setHeaderText(Messages.get("receive.decrypt.header", p7m.getFileName()));
        FormGrid f = new FormGrid();
        if (problem != null) {
            Label said = f.addWide(new Label(problem));
            said.setId("decryptProblem");
            said.getStyleClass().add("form-problem");
            said.setWrapText(true);
        }
        TextField key = f.add("receive.decrypt.key", new TextField(keyText == null ? "" : keyText));
        key.setId("decryptKey");
        CheckBox token = f.addWide(new CheckBox(Messages.get("receive.decrypt.token")));
        token.setId("decryptToken");
        token.setSelected(onToken);
        PasswordField secret = f.add("receive.decrypt.secret", new PasswordField());
        secret.setId("decryptSecret");
        Label hint = f.addWide(new Label(Messages.get("receive.decrypt.hint")));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getDialogPane().setContent(f);
        ButtonType open = new ButtonType(Messages.get("receive.decrypt.open"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(open, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(open).setId("decryptOpen");
        getDialogPane().lookupButton(open).disableProperty().bind(Bindings.createBooleanBinding(
                () -> key.getText().isBlank(), key.textProperty()));
        setResultConverter(b -> {
            char[] typed = secret.getText().toCharArray();
            secret.clear();
            if (b != open) {
                java.util.Arrays.fill(typed, '\0');
                return null;
            }
            Path p = Path.of(key.getText().strip());
            return new Key(token.isSelected() ? SigningIdentity.pkcs11(p, null) : SigningIdentity.pkcs12(p, null), typed,
                    key.getText().strip(), token.isSelected());
        });
        setOnShown(e -> (key.getText().isBlank() ? key : secret).requestFocus());
    }
}
