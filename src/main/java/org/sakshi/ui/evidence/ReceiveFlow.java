package org.sakshi.ui.evidence;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
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
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sakshi bundle (*.zip, *.p7m)", "*.zip", "*.p7m"));
        File f = org.sakshi.ui.common.Choosers.open(fc, owner);
        if (f != null) {
            run(bench, owner, caseDir, f.toPath(), after);
        }
    }

    /**
     * Receives {@code file} into {@code caseDir}: an encrypted bundle ({@code .p7m}) is first opened
     * with the officer's key (password or PIN asked, {@link DecryptDialog}) into an owner-only working
     * folder inside the case, which is deleted once the bundle is received, refused or the officer
     * cancels; then as {@link #receivePlain}.
     */
    public static void run(Workbench bench, Window owner, Path caseDir, Path file, Runnable after) {
        if (!org.sakshi.service.ReceiveService.looksEncrypted(file)) {
            receivePlain(bench, owner, caseDir, file, null, after);
            return;
        }
        decrypt(bench, owner, caseDir, file, new DecryptDialog(owner, file, bench.settings().profile), after);
    }

    /** Opens {@code file} with the key the dialog gives; a wrong password or PIN asks again, the key kept. */
    private static void decrypt(Workbench bench, Window owner, Path caseDir, Path file, DecryptDialog dialog,
                                Runnable after) {
        DecryptDialog.Key key = dialog.showAndWait().orElse(null);
        if (key == null) {
            return;
        }
        ReceiveViewModel vm = new ReceiveViewModel(caseDir, bench.services().receiver(), List.of());
        bench.background().run(() -> vm.decrypt(file, key.identity(), key.secret()),
                opened -> receivePlain(bench, owner, caseDir, opened.bundle(), opened, after),
                e -> {
                    if (wrongSecret(e)) {
                        decrypt(bench, owner, caseDir, file, new DecryptDialog(owner, file, key.keyText(),
                                key.onToken(), Messages.get("receive.decrypt.wrong", file.getFileName())), after);
                    } else {
                        Dialogs.error(owner, Messages.get("receive.decrypt.action", file.getFileName()), e);
                    }
                });
    }

    private static boolean wrongSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sakshi.core.WrongSecretException) {
                return true;
            }
        }
        return false;
    }

    /** Verifies {@code bundle}, asks for the receiving details, and receives it; closes {@code opened} (may be null) at the end. */
    private static void receivePlain(Workbench bench, Window owner, Path caseDir, Path bundle,
                                     org.sakshi.service.ReceiveService.Opened opened, Runnable after) {
        ReceiveViewModel vm = new ReceiveViewModel(caseDir, bench.services().receiver(),
                bench.settings().trustAnchors.stream().map(Path::of).toList());
        String action = Messages.get("receive.action", opened == null ? bundle.getFileName() : opened.encryptedName());
        Runnable done = () -> {
            if (opened != null) {
                opened.close();
            }
        };
        bench.background().run(() -> vm.check(bundle), (VerificationReport report) -> {
            ReceiveViewModel.Details given = new ReceiveDialog(owner, report, bench.actor() == null ? null
                    : bench.actor().name()).showAndWait().orElse(null);
            if (given == null) {
                done.run();
                return;
            }
            ReceiveViewModel.Details d = opened == null ? given : new ReceiveViewModel.Details(given.from(),
                    given.receivedBy(), opened.via(given.via()), given.seals(), given.reason());
            bench.background().run(() -> vm.receive(bundle, d, bench.actor(),
                            org.sakshi.ui.common.Tsas.from(bench.services().timestamps(), bench.settings().tsaUrls)),
                    r -> {
                        done.run();
                        Dialogs.info(owner, Messages.get("receive.title"), Messages.get("receive.done", r.bundleId(),
                                r.items().size(), r.event().seq()));
                        after.run();
                    }, e -> {
                        done.run();
                        Dialogs.error(owner, action, e);
                    });
        }, e -> {
            done.run();
            Dialogs.error(owner, action, e);
        });
    }
}
