package org.sakshi.ui.common;

import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sakshi.core.Actor;

/**
 * What every window needs, handed down by constructor: the services ({@link UiServices}), the
 * default workspace, the remembered settings and where they are stored, and the background runner.
 * One per application.
 */
public final class Workbench {
    private final UiServices services;
    private final Path defaultWorkspace;
    private final SettingsStore store;
    private final Settings settings;
    private final Background background = new Background();
    private final Windows windows = new Windows(this);

    public Workbench(UiServices services, Path defaultWorkspace, SettingsStore store) {
        this.services = services;
        this.defaultWorkspace = defaultWorkspace;
        this.store = store;
        this.settings = store.load();
    }

    /** The services, for views to hand to their view models. */
    public UiServices services() {
        return services;
    }

    public Settings settings() {
        return settings;
    }

    public void saveSettings() {
        store.save(settings);
    }

    public Background background() {
        return background;
    }

    /** The one helper that opens windows. */
    public Windows windows() {
        return windows;
    }

    /** The workspace: the remembered one, else the application's default (~/Sakshi). */
    public Path workspace() {
        return settings.workspace != null ? Path.of(settings.workspace) : defaultWorkspace;
    }

    /** The acting officer: the operator profile, else the OS user name. */
    public Actor actor() {
        if (settings.profile != null && settings.profile.complete()) {
            return settings.profile.toActor();
        }
        return Actor.named(System.getProperty("user.name", "operator"));
    }

    /** The one stylesheet. */
    public static String stylesheet() {
        URL css = Workbench.class.getResource("/org/sakshi/ui/sakshi.css");
        return Objects.requireNonNull(css, "sakshi.css").toExternalForm();
    }

    /** A scene with the stylesheet; the bundled fonts it names are loaded first (once). */
    public static Scene scene(javafx.scene.Parent root, double w, double h) {
        UiFonts.load();
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(stylesheet());
        return scene;
    }

    /**
     * Gives a stage its minimum and default size on the current screen ({@link WindowSize}); call
     * before the stage is shown. Returns the size as fitted to the screen.
     */
    public static WindowSize applySize(Stage stage, WindowSize size) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowSize fitted = size.fitTo(screen.getWidth(), screen.getHeight());
        stage.setMinWidth(fitted.minWidth());
        stage.setMinHeight(fitted.minHeight());
        stage.setWidth(fitted.width());
        stage.setHeight(fitted.height());
        keepSizeWhenShown(stage);
        return fitted;
    }

    /**
     * Under openbox, JavaFX 21 shows a window at the size asked and a moment later the window manager
     * shrinks it to 200×200 (or to its minimum when it has one); JavaFX 23 does not. For the first
     * moments after showing (the window manager's answer comes late on a loaded machine) a size other
     * than the one set before showing is set back; a maximised window is left as it is. Linux (GTK) only.
     */
    static void keepSizeWhenShown(Stage stage) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || "monocle".equalsIgnoreCase(System.getProperty("glass.platform", ""))) {
            return; // only X11 window managers do it; the headless toolkit keeps every size asked
        }
        double[] wanted = new double[2];
        boolean[] watching = new boolean[1];
        Runnable restore = () -> {
            if (watching[0] && !stage.isMaximized() && wanted[0] > 0 && wanted[1] > 0
                    && (stage.getWidth() != wanted[0] || stage.getHeight() != wanted[1])) {
                stage.setWidth(wanted[0]);
                stage.setHeight(wanted[1]);
            }
        };
        javafx.beans.value.ChangeListener<Number> changed = (o, a, b) -> javafx.application.Platform.runLater(restore);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            wanted[0] = stage.getWidth();
            wanted[1] = stage.getHeight();
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
            watching[0] = true;
            stage.widthProperty().addListener(changed);
            stage.heightProperty().addListener(changed);
            javafx.application.Platform.runLater(restore);
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            settle.setOnFinished(done -> {
                watching[0] = false;
                stage.widthProperty().removeListener(changed);
                stage.heightProperty().removeListener(changed);
            });
            settle.play();
        });
    }

    /**
     * Gives a stage its size ({@link #applySize}), puts it where it was last time when that
     * geometry is at least the minimum, and remembers where it is when it closes unless it was
     * then smaller than its minimum.
     */
    public void rememberGeometry(Stage stage, boolean main, WindowSize size) {
        WindowSize fitted = applySize(stage, size);
        Settings.WindowGeometry g = fitted.restore(main ? settings.mainWindow : settings.caseWindow);
        if (g != null) {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setWidth(g.width());
            stage.setHeight(g.height());
            stage.setMaximized(g.maximized());
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            Settings.WindowGeometry now = new Settings.WindowGeometry(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized());
            if (main) {
                settings.mainWindow = fitted.remember(now, settings.mainWindow);
            } else {
                settings.caseWindow = fitted.remember(now, settings.caseWindow);
            }
            saveSettings();
        });
    }
}
