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
            AppContext ctx = new AppContext(AppContext.defaultWorkspace());
            SakshiApp.launchWith(ctx.ui(), ctx.workspace(), args);
            return;
        }
        System.exit(SakshiCommand.run(new AppContext(AppContext.defaultWorkspace()).cli(), args));
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
