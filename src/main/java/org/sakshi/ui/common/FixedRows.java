package org.sakshi.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Gives a table of same-height rows a fixed row height, measured on its first drawn row (so it follows
 * the font and language). Without it a virtualised table measures rows one by one to estimate its
 * length, which for tens of thousands of rows made every filter keystroke and every jump take seconds.
 */
public final class FixedRows {
    private FixedRows() {
    }

    /** Fixes the row height of {@code table} once it has drawn a row with content. */
    public static void of(TableView<?> table) {
        table.needsLayoutProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean needs) {
                if (needs) {
                    return;
                }
                if (table.getFixedCellSize() > 0) {
                    o.removeListener(this);
                    return;
                }
                double h = 0;
                for (Node n : table.lookupAll(".table-row-cell")) {
                    if (n instanceof TableRow<?> r && !r.isEmpty() && r.getItem() != null) {
                        h = Math.max(h, r.getHeight());
                    }
                }
                if (h > 0) {
                    o.removeListener(this);
                    table.setFixedCellSize(Math.ceil(h));
                }
            }
        });
    }
}
