package org.sakshi.ui.cases;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.OperatorProfile;

/**
 * Operator profile (asked on first run, editable later): name, rank, badge, agency and the signing
 * identity. Only the identity's location is remembered; its password or PIN is asked at export time.
 */
public final class ProfileDialog extends Dialog<OperatorProfile> {
    public ProfileDialog(Window owner, OperatorProfile current, boolean firstRun) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("profile.title"));
        setHeaderText(Messages.get(firstRun ? "profile.header.first" : "profile.header"));
        OperatorProfile p = current == null ? new OperatorProfile("", "", "", "", "", false) : current;
        FormGrid form = new FormGrid();
        TextField name = form.add("profile.name", new TextField(nz(p.name())));
        name.setId("profileName");
        TextField rank = form.add("profile.rank", new TextField(nz(p.rank())));
        TextField badge = form.add("profile.badge", new TextField(nz(p.badge())));
        TextField agency = form.add("profile.agency", new TextField(nz(p.agency())));
        TextField identity = new TextField(nz(p.identityPath()));
        identity.setAccessibleText(Messages.get("profile.identity"));
        identity.setId("profileIdentity");
        Button browse = new Button(Messages.get("common.browse"));
        browse.setId("profileBrowse");
        HBox.setHgrow(identity, Priority.ALWAYS);
        form.add("profile.identity", new HBox(6, identity, browse));
        CheckBox token = form.addWide(new CheckBox(Messages.get("profile.token")));
        token.setSelected(p.identityIsToken());
        Label hint = form.addWide(new Label(Messages.get("profile.hint")));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("profile.identity"));
            if (!token.isSelected()) {
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12", "*.p12", "*.pfx"));
            }
            File f = org.sakshi.ui.common.Choosers.open(fc, getDialogPane().getScene().getWindow());
            if (f != null) {
                identity.setText(f.getAbsolutePath());
            }
        });
        getDialogPane().setContent(form);
        ButtonType save = new ButtonType(Messages.get("common.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(save).disableProperty().bind(name.textProperty().isEmpty());
        setResultConverter(b -> b == save ? new OperatorProfile(name.getText().strip(), rank.getText().strip(),
                badge.getText().strip(), agency.getText().strip(), identity.getText().strip(), token.isSelected())
                : null);
        setOnShown(e -> name.requestFocus());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
