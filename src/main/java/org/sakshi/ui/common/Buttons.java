package org.sakshi.ui.common;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Dialog buttons in the window's language (JavaFX's own {@link ButtonType#CANCEL} is English in Hindi, Bengali, Nepali). */
public final class Buttons {
    private Buttons() {
    }

    /** A Cancel button (closes the dialog, also on Escape), in the chosen language. */
    public static ButtonType cancel() {
        return new ButtonType(Messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
