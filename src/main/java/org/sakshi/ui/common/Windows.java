package org.sakshi.ui.common;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The one way the workstation opens a window (one per application, in the {@link Workbench}): a
 * window may be kept to one instance per key (a case's window, its custody ledger), has its owner
 * (dialogs always do) and modality, the stylesheet, its keyboard shortcuts plus Shortcut+W to close,
 * remembered geometry when asked, and a hook run when it closes. Views describe their window with
 * {@link #window}; nothing else creates a {@link Stage}.
 */
public final class Windows {
    private final Workbench bench;
    private final Map<Object, Stage> open = new HashMap<>();

    Windows(Workbench bench) {
        this.bench = bench;
    }

    /** Describes a window of this title and initial size; refine it with the spec's methods. */
    public static Spec window(String title, double width, double height) {
        return new Spec(title, width, height);
    }

    /**
     * Opens the described window with the content {@code root} builds, or, when the spec has a key
     * and a window for that key is open, brings that one to front (and builds nothing).
     */
    public Stage open(Spec spec, Supplier<Parent> root) {
        if (spec.key != null) {
            Stage existing = open.get(spec.key);
            if (existing != null) {
                existing.toFront();
                return existing;
            }
        }
        Stage stage = new Stage();
        if (spec.owner != null) {
            stage.initOwner(spec.owner);
        }
        if (spec.modal) {
            stage.initModality(Modality.WINDOW_MODAL);
            Dialogs.keepMaximized(stage, spec.owner);
        }
        stage.setTitle(spec.title);
        Scene scene = Workbench.scene(root.get(), spec.width, spec.height);
        spec.keys.forEach((k, action) -> scene.getAccelerators().put(k, action));
        scene.getAccelerators().putIfAbsent(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        WindowSize size = spec.size();
        if (spec.rememberGeometry) {
            bench.rememberGeometry(stage, false, size);
        } else {
            Workbench.applySize(stage, size);
        }
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (spec.key != null) {
                open.remove(spec.key, stage);
            }
            spec.onClosed.run();
        });
        if (spec.key != null) {
            open.put(spec.key, stage);
        }
        stage.show();
        return stage;
    }

    /** The window open for {@code key}, if any (tests and menus ask). */
    public java.util.Optional<Stage> find(Object key) {
        return java.util.Optional.ofNullable(open.get(key));
    }

    /** What a window is; built by {@link Windows#window}. */
    public static final class Spec {
        private final String title;
        private final double width;
        private final double height;
        private final Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        private Window owner;
        private boolean modal;
        private Object key;
        private boolean rememberGeometry;
        private Runnable onClosed = () -> { };
        private double minWidth = -1;
        private double minHeight = -1;

        private Spec(String title, double width, double height) {
            this.title = Objects.requireNonNull(title, "title");
            this.width = width;
            this.height = height;
        }

        /** The window stays above {@code owner} and closes with it (null: a top-level window). */
        public Spec ownedBy(Window owner) {
            this.owner = owner;
            return this;
        }

        /** Blocks its owner until closed (wizards and editors working on the owner's data). */
        public Spec modal() {
            this.modal = true;
            return this;
        }

        /** At most one such window per {@code key} (e.g. a record of the kind and the case folder). */
        public Spec onePer(Object key) {
            this.key = key;
            return this;
        }

        /** Placed where the last such window was, and its place remembered when it closes. */
        public Spec rememberGeometry() {
            this.rememberGeometry = true;
            return this;
        }

        /** The least the window may be shrunk to (default: the secondary-window minimum, or the dialog one when modal). */
        public Spec minSize(double minWidth, double minHeight) {
            this.minWidth = minWidth;
            this.minHeight = minHeight;
            return this;
        }

        /** The window's default and minimum size ({@link WindowSize}). */
        WindowSize size() {
            WindowSize base = modal ? WindowSize.dialog(width, height) : WindowSize.window(width, height);
            return minWidth > 0 ? new WindowSize(width, height, minWidth, minHeight) : base;
        }

        /** A keyboard shortcut of the window. */
        public Spec shortcut(KeyCombination keys, Runnable action) {
            this.keys.put(keys, action);
            return this;
        }

        /** Run once the window is closed (release resources, stop background work). */
        public Spec onClosed(Runnable action) {
            this.onClosed = Objects.requireNonNull(action, "action");
            return this;
        }
    }
}
