package org.sakshi.ui.custody;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.sakshi.service.TransferRequest;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/** A hand-over: to whom, why, where, seal number, which items (blank = all). */
final class TransferDialog extends Dialog<TransferRequest> {
    TransferDialog(Window owner, String preselectedItems) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("transfer.title"));
        setHeaderText(Messages.get("transfer.header"));
        FormGrid f = new FormGrid();
        TextField to = f.add("transfer.to", new TextField());
        TextField reason = f.add("transfer.reason", new TextField());
        TextField location = f.add("transfer.location", new TextField());
        TextField seal = f.add("transfer.seal", new TextField());
        TextField items = f.add("transfer.items", new TextField(preselectedItems == null ? "" : preselectedItems));
        items.setPromptText(Messages.get("transfer.items.prompt"));
        Label hint = f.addWide(new Label(Messages.get("transfer.hint")));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getDialogPane().setContent(f);
        ButtonType record = new ButtonType(Messages.get("transfer.record"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(record, ButtonType.CANCEL);
        getDialogPane().lookupButton(record).disableProperty()
                .bind(to.textProperty().isEmpty().or(reason.textProperty().isEmpty()));
        setResultConverter(b -> b == record ? new TransferRequest(to.getText().strip(), reason.getText().strip(),
                blank(location.getText()), blank(seal.getText()), CustodyViewModel.parseItems(items.getText())) : null);
        setOnShown(e -> to.requestFocus());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
