package org.sakshi.ui.custody;

import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/** A note in the ledger, about the case or some items. */
final class NoteDialog extends Dialog<NoteDialog.Note> {
    record Note(String text, List<String> items) {
    }

    NoteDialog(Window owner, String preselectedItems) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("note.title"));
        setHeaderText(Messages.get("note.header"));
        FormGrid f = new FormGrid();
        TextArea text = f.add("note.text", new TextArea());
        text.setWrapText(true);
        text.setPrefRowCount(5);
        TextField items = f.add("note.items", new TextField(preselectedItems == null ? "" : preselectedItems));
        items.setPromptText(Messages.get("note.items.prompt"));
        getDialogPane().setContent(f);
        ButtonType record = new ButtonType(Messages.get("note.record"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(record, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(record).disableProperty().bind(text.textProperty().isEmpty());
        setResultConverter(b -> b == record
                ? new Note(text.getText().strip(), CustodyViewModel.parseItems(items.getText())) : null);
        setOnShown(e -> text.requestFocus());
    }
}
