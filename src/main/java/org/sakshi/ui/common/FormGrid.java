package org.sakshi.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column label/field grid for dialogs; each label is the field's mnemonic target and accessible name. */
public final class FormGrid extends GridPane {
    private int row;

    public FormGrid() {
        getStyleClass().add("form-grid");
        setHgap(10);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(280);
        getColumnConstraints().addAll(labels, fields);
    }

    /** Adds a row labelled with the text of {@code labelKey} from the bundle. */
    public <N extends Node> N add(String labelKey, N field) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        // a label is never cut (longer in Hindi, Bengali, Nepali); the field column gives way
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (field instanceof Control c) {
            c.setAccessibleText(label.getText().replace("_", ""));
            c.setMaxWidth(Double.MAX_VALUE);
        }
        add(label, 0, row);
        add(field, 1, row);
        row++;
        return field;
    }

    /** A row spanning both columns (a hint, a checkbox). */
    public <N extends Node> N addWide(N node) {
        add(node, 0, row, 2, 1);
        row++;
        return node;
    }
}
