package org.sakshi.app;

import org.sakshi.cli.SakshiCommand;
import org.sakshi.ui.SakshiApp;

/**
 * Entry point: no arguments (or {@code gui ...}) opens the workstation window; anything else is the
 * command line. Not a JavaFX Application subclass, so the shaded jar starts without a module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args[0].equals("gui") && !containsHelp(args))) {
            launchWindow(args);
            return;
        }
        System.exit(SakshiCommand.run(new AppContext(AppContext.defaultWorkspace()), args));
    }

    /** Opens the window, or prints one error line and exits 2 when this machine cannot show it. */
    private static void launchWindow(String[] args) {
        java.util.Optional<String> problem = GuiPreflight.problem(GuiPreflight.thisHost());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(2);
        }
        try {
            SakshiApp.launchWith(new AppContext(AppContext.defaultWorkspace()), args);
        } catch (RuntimeException | LinkageError e) {
            java.util.Optional<String> toolkit = GuiPreflight.toolkitFailure(e);
            if (toolkit.isEmpty()) {
                throw e;
            }
            System.err.println(toolkit.get());
            System.exit(2);
        }
    }

    private static boolean containsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }
}
