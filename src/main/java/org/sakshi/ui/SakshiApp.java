package org.sakshi.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.sakshi.ui.cases.ProfileDialog;
import org.sakshi.ui.cases.StartView;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.SettingsStore;
import org.sakshi.ui.common.UiServices;
import org.sakshi.ui.common.Workbench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation application: the start window (workspace and cases), the operator profile on
 * first run, and an uncaught-error handler that shows a sentence instead of a stack trace.
 */
public final class SakshiApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(SakshiApp.class);
    private static java.util.concurrent.Future<Workbench> preparing;
    private Workbench bench;

    /** Starts the GUI with the services the application wired and the default workspace (~/Sakshi). */
    public static void launchWith(UiServices uiServices, Path workspace, String[] args) {
        java.util.concurrent.FutureTask<Workbench> ready = new java.util.concurrent.FutureTask<>(
                () -> new Workbench(uiServices, workspace, SettingsStore.forUser()));
        ready.run();
        launchWith(ready, args);
    }

    /**
     * Starts the GUI while the application is still being wired: JavaFX starts its toolkit (display
     * connection, graphics pipeline, the FX thread) at once, and the window waits for
     * {@code workbench} (services and remembered settings, made on another thread) only when it builds
     * its first view. On two cores the two overlap instead of following each other.
     */
    public static void launchWith(java.util.concurrent.Future<Workbench> workbench, String[] args) {
        preparing = workbench;
        Application.launch(SakshiApp.class, args);
    }

    /** The workbench the application prepared; an error in its wiring is thrown as it happened. */
    private static Workbench prepared() {
        if (preparing == null) {
            throw new IllegalStateException("start Sakshi with org.sakshi.app.Main, which wires the services");
        }
        try {
            return preparing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the services were wired", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the bundled fonts on their own thread while the FX thread builds the start window (the
     * toolkit is up when this runs); the stylesheet needs them only when the window is first shown,
     * and {@link Workbench#scene} waits for them there.
     */
    @Override
    public void init() {
        Thread fonts = new Thread(org.sakshi.ui.common.UiFonts::load, "fonts");
        fonts.setDaemon(true);
        fonts.start();
    }

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        bench = prepared();
        String lang = LaunchArguments.parse(getParameters().getRaw()).lang();
        Messages.use(Messages.choose(lang != null ? lang : System.getenv("SAKSHI_LANG"), bench.settings().language,
                java.util.Locale.getDefault()), bench.workspace());
        Thread.setDefaultUncaughtExceptionHandler((th, e) -> {
            LOG.error("uncaught error on {}", th.getName(), e);
            if (Platform.isFxApplicationThread()) {
                Dialogs.error(stage.isShowing() ? stage : null, Messages.get("error.action.generic"), e);
            }
        });
        showStart(bench, stage);
        stage.setOnShown(e -> Platform.runLater(() -> logLaunch(t0)));
        stage.show();
        openArguments(stage);
        firstRun(bench, stage);
    }

    /**
     * On first run (no complete operator profile) asks for the officer's name and details once the start
     * window shows; the answer is saved with the settings (used by the application and by UI tests).
     */
    public static void firstRun(Workbench bench, Stage stage) {
        if (bench.settings().profile == null || !bench.settings().profile.complete()) {
            Platform.runLater(() -> new ProfileDialog(stage, bench.settings().profile, true).showAndWait()
                    .ifPresent(p -> {
                        bench.settings().profile = p;
                        bench.saveSettings();
                    }));
        }
    }

    /**
     * Launch time: wall clock since JVM start, and the process's CPU time (meaningful on a loaded
     * machine). Only {@code java.base} is used: the packaged runtime may lack {@code java.management}
     * and {@code jdk.management}, and a log line must never stop the window (it did, with
     * NoClassDefFoundError: com/sun/management/OperatingSystemMXBean).
     */
    static void logLaunch(long startNanos) {
        try {
            ProcessHandle.Info info = ProcessHandle.current().info();
            long wall = info.startInstant().map(t -> System.currentTimeMillis() - t.toEpochMilli()).orElse(-1L);
            long cpu = info.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            LOG.info("window visible {} ms after process start ({} ms after start()), process CPU {} ms", wall,
                    (System.nanoTime() - startNanos) / 1_000_000, cpu);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("launch time not measured", e);
        }
    }

    /**
     * {@code sakshi gui [CASE_DIR | BUNDLE.zip]... [--verify BUNDLE]...}: opens each case folder in a
     * case window and verifies each bundle in a verify window (see {@link LaunchArguments}).
     */
    private void openArguments(Stage stage) {
        LaunchArguments args = LaunchArguments.parse(getParameters().getRaw());
        for (String a : args.ignored()) {
            LOG.warn("ignoring argument {}", a);
        }
        for (java.nio.file.Path raw : args.paths()) {
            java.nio.file.Path p = raw.toAbsolutePath();
            if (java.nio.file.Files.isDirectory(p)) {
                org.sakshi.ui.evidence.CaseView.open(bench, p, stage);
            } else if (java.nio.file.Files.isRegularFile(p)) {
                org.sakshi.ui.verify.VerifyView.open(bench, stage, p);
            } else {
                LOG.warn("ignoring argument {}: no such file or folder", raw);
            }
        }
        for (java.nio.file.Path raw : args.verify()) {
            // the verify view reports a missing or unreadable bundle itself, in a dialog
            org.sakshi.ui.verify.VerifyView.open(bench, stage, raw.toAbsolutePath());
        }
    }

    /** Puts the start view in {@code stage} (used by the application and by UI tests). */
    public static StartView showStart(Workbench bench, Stage stage) {
        StartView view = new StartView(bench);
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(Workbench.scene(view.root(), org.sakshi.ui.common.WindowSize.MAIN.width(),
                org.sakshi.ui.common.WindowSize.MAIN.height()));
        bench.rememberGeometry(stage, true, org.sakshi.ui.common.WindowSize.MAIN);
        stage.setOnCloseRequest(e -> Platform.exit());
        return view;
    }

    @Override
    public void stop() {
        if (bench != null) {
            bench.saveSettings();
            bench.background().shutdown();
        }
    }
}
