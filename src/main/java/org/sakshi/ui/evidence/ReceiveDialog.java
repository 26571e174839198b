package org.sakshi.ui.evidence;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/**
 * Receiving details after the verdict, laid out like the transfer dialog: the verdict and its reason
 * first, then from whom, who received it, how it travelled, seal numbers, and for an INDETERMINATE
 * bundle the reason to accept it. A FAILED bundle shows its reason and cannot be received.
 */
final class ReceiveDialog extends Dialog<ReceiveViewModel.Details> {
    ReceiveDialog(Window owner, VerificationReport report, String defaultReceiver) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("receive.title"));
        setHeaderText(Messages.get("receive.header", report.bundleId(), report.caseNumber(),
                Messages.get("receive.verdict." + report.verdict().name())));
        FormGrid f = new FormGrid();
        Label reasons = f.addWide(new Label(String.join("\n", ReceiveViewModel.reasons(report))));
        reasons.setId("receiveReasons");
        reasons.setWrapText(true);
        TextField from = f.add("receive.from", new TextField());
        from.setId("receiveFrom");
        TextField receivedBy = f.add("receive.receivedBy", new TextField(defaultReceiver == null ? "" : defaultReceiver));
        receivedBy.setId("receiveReceivedBy");
        TextField via = f.add("receive.via", new TextField());
        via.setId("receiveVia");
        TextField seals = f.add("receive.seals", new TextField());
        seals.setId("receiveSeals");
        seals.setPromptText(Messages.get("receive.seals.prompt"));
        TextField reason = f.add("receive.reason", new TextField());
        reason.setId("receiveReason");
        reason.setPromptText(Messages.get("receive.reason.prompt"));
        reason.setDisable(report.verdict() != Verdict.INDETERMINATE);
        Label hint = f.addWide(new Label(Messages.get("receive.hint")));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getDialogPane().setContent(f);
        ButtonType record = new ButtonType(Messages.get("receive.record"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(record, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(record).setId("receiveRecord");
        getDialogPane().lookupButton(record).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !ReceiveViewModel.canReceive(report.verdict(), reason.getText()), reason.textProperty()));
        setResultConverter(b -> b == record ? new ReceiveViewModel.Details(from.getText(), receivedBy.getText(),
                via.getText(), seals.getText(), reason.getText()) : null);
        setOnShown(e -> from.requestFocus());
    }
}
