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

/**
 * A hand-over: from whom (pre-filled with the current holder by the ledger), to whom, who received
 * and who handed over in person, why, where, seal number, which items (blank = all). The officer
 * at the keyboard records the event; they are not taken to be the sender.
 */
final class TransferDialog extends Dialog<TransferRequest> {
    TransferDialog(Window owner, String preselectedItems, String currentHolder) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("transfer.title"));
        setHeaderText(Messages.get("transfer.header"));
        FormGrid f = new FormGrid();
        TextField from = f.add("transfer.from", new TextField(currentHolder == null ? "" : currentHolder));
        from.setId("transferFrom");
        TextField to = f.add("transfer.to", new TextField());
        to.setId("transferTo");
        TextField receivedBy = f.add("transfer.receivedBy", new TextField());
        receivedBy.setId("transferReceivedBy");
        receivedBy.setPromptText(Messages.get("transfer.receivedBy.prompt"));
        TextField handedOverBy = f.add("transfer.handedOverBy", new TextField());
        handedOverBy.setId("transferHandedOverBy");
        TextField reason = f.add("transfer.reason", new TextField());
        reason.setId("transferReason");
        TextField location = f.add("transfer.location", new TextField());
        TextField seal = f.add("transfer.seal", new TextField());
        TextField items = f.add("transfer.items", new TextField(preselectedItems == null ? "" : preselectedItems));
        items.setPromptText(Messages.get("transfer.items.prompt"));
        Label hint = f.addWide(new Label(Messages.get("transfer.hint")));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getDialogPane().setContent(f);
        ButtonType record = new ButtonType(Messages.get("transfer.record"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(record, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(record).setId("transferRecord");
        getDialogPane().lookupButton(record).disableProperty().bind(from.textProperty().isEmpty()
                .or(to.textProperty().isEmpty()).or(reason.textProperty().isEmpty()));
        setResultConverter(b -> b == record ? new TransferRequest(from.getText().strip(), to.getText().strip(),
                blank(receivedBy.getText()), blank(handedOverBy.getText()), reason.getText().strip(),
                blank(location.getText()), blank(seal.getText()), CustodyViewModel.parseItems(items.getText()),
                java.util.List.of()) : null);
        setOnShown(e -> to.requestFocus());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
