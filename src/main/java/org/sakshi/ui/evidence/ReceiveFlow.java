package org.sakshi.ui.evidence;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sakshi.core.VerificationReport;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;

/**
 * The case window's and the start window's "Receive a bundle…": choose (or drop) the bundle, verify
 * it off the FX thread, show the verdict with the receiving details ({@link ReceiveDialog}), receive,
 * and say what was recorded.
 */
public final class ReceiveFlow {
    private ReceiveFlow() {
    }

    /** Asks for the bundle file, then {@link #run}. */
    public static void choose(Workbench bench, Window owner, Path caseDir, Runnable after) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("receive.choose"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sakshi bundle (*.zip)", "*.zip"));
        File f = org.sakshi.ui.common.Choosers.open(fc, owner);
        if (f != null) {
            run(bench, owner, caseDir, f.toPath(), after);
        }
    }

    /** Verifies {@code bundle}, asks for the receiving details, and receives it into {@code caseDir}. */
    public static void run(Workbench bench, Window owner, Path caseDir, Path bundle, Runnable after) {
        ReceiveViewModel vm = new ReceiveViewModel(caseDir, bench.services().receiver(),
                bench.settings().trustAnchors.stream().map(Path::of).toList());
        String action = Messages.get("receive.action", bundle.getFileName());
        bench.background().run(() -> vm.check(bundle), (VerificationReport report) -> {
            ReceiveViewModel.Details d = new ReceiveDialog(owner, report, bench.actor() == null ? null
                    : bench.actor().name()).showAndWait().orElse(null);
            if (d == null) {
                return;
            }
            bench.background().run(() -> vm.receive(bundle, d, bench.actor(),
                            org.sakshi.ui.common.Tsas.from(bench.services().timestamps(), bench.settings().tsaUrls)),
                    r -> {
                        Dialogs.info(owner, Messages.get("receive.title"), Messages.get("receive.done", r.bundleId(),
                                r.items().size(), r.event().seq()));
                        after.run();
                    }, e -> Dialogs.error(owner, action, e));
        }, e -> Dialogs.error(owner, action, e));
    }
}
