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
        ClassDataRelaunch.maybeRelaunch(args); // a bare `java -jar` window: again, with a class-data archive
        boolean window = args.length == 0 || (args[0].equals("gui") && !containsHelp(args));
        if (!window) {
            // a large file's copy and digests begin before anything else, the set-up of logging included
            // (the copy's path makes no logger: ImportHeadStartTest)
            org.sakshi.cli.ImportHeadStart.start(args);
        }
        protectLogs(logDir());
        startLogging();
        if (window) {
            launchWindow(args);
            return;
        }
        org.sakshi.cli.VerifyHeadStart.start(args); // a bundle's payload hashing begins before the rest too
        int code;
        try {
            code = SakshiCommand.run(new AppContext(AppContext.defaultWorkspace()).cli(), args);
        } finally {
            org.sakshi.cli.ImportHeadStart.close(); // a copy the import did not take over leaves nothing
            org.sakshi.cli.VerifyHeadStart.close();
        }
        System.exit(code);
    }

    /** Where logback writes (see {@link LogSetup}): {@code sakshi.logdir}, else {@code ~/.sakshi/logs}. */
    static java.nio.file.Path logDir() {
        String d = System.getProperty("sakshi.logdir");
        return d != null && !d.isBlank() ? java.nio.file.Path.of(d)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".sakshi", "logs");
    }

    /**
     * Logs name cases, items and files, so their folder is the owner's only (0700) and existing log
     * files are made 0600, before the first log line is written. Best effort: a failure here must
     * not stop the program, which then logs with the system's defaults.
     */
    static void protectLogs(java.nio.file.Path dir) {
        try {
            org.sakshi.core.OwnerOnly.dir(dir);
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    if (java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        org.sakshi.core.OwnerOnly.set(f, org.sakshi.core.OwnerOnly.FILE);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("warning: cannot make the log folder " + dir + " private (" + e.getMessage()
                    + "); check its permissions");
        }
    }

    /**
     * Configures logging (logback reads its XML: a few hundred milliseconds of a cold start) on a
     * side thread, off the path to the window or the command's answer. A logger asked for meanwhile is
     * a stand-in whose lines SLF4J replays once the configuration is done.
     */
    static void startLogging() {
        Thread t = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getILoggerFactory();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("warning: logging could not start (" + e + "); nothing will be logged");
            }
        }, "log-setup");
        t.setDaemon(true);
        t.start();
    }

    /** Opens the window, or prints one error line and exits 2 when this machine cannot show it. */
    private static void launchWindow(String[] args) {
        java.util.Optional<String> problem = GuiPreflight.problem(GuiPreflight.thisHost());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(ClassDataRelaunch.WINDOW_CANNOT_OPEN);
        }
        try {
            // the settings and the start window's service are made on their own thread while JavaFX
            // starts its toolkit; the other services when a window first uses them (AppContext)
            java.util.concurrent.FutureTask<org.sakshi.ui.common.Workbench> wiring = new java.util.concurrent.FutureTask<>(
                    () -> {
                        AppContext ctx = new AppContext(AppContext.defaultWorkspace());
                        ctx.ui().cases(); // the start window's one service: made here, not on the FX thread
                        return new org.sakshi.ui.common.Workbench(ctx.ui(), ctx.workspace(),
                                org.sakshi.ui.common.SettingsStore.forUser());
                    });
            Thread t = new Thread(wiring, "wiring");
            t.setDaemon(true);
            t.start();
            SakshiApp.launchWith(wiring, args);
        } catch (RuntimeException | LinkageError e) {
            java.util.Optional<String> toolkit = GuiPreflight.toolkitFailure(e);
            if (toolkit.isEmpty()) {
                throw e;
            }
            System.err.println(toolkit.get());
            System.exit(ClassDataRelaunch.WINDOW_CANNOT_OPEN);
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
