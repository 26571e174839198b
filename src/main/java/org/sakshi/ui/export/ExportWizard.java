package org.sakshi.ui.export;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Window;
import org.sakshi.core.Item;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;

/** The export wizard (placeholder until the signing and bundle code lands). */
public final class ExportWizard {
    private ExportWizard() {
    }

    public static void open(Workbench bench, Path caseDir, List<Item> items, Window owner) {
        Dialogs.info(owner, Messages.get("export.title"), Messages.get("export.unavailable"));
    }
}
