package org.sakshi.ui.common;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The one way the window asks for a file or folder: every view shows its native chooser through
 * these methods. A headless test cannot click in a native chooser (it is outside JavaFX), so a test
 * installs an {@link #answerWith answerer} that is given what was asked (the chooser's title and kind)
 * and answers as the officer would; the view then goes on exactly as after a real choice.
 */
public final class Choosers {
    /** What kind of choice is asked. */
    public enum Kind { OPEN, OPEN_MANY, SAVE, FOLDER }

    /** A question put to the officer: the chooser's title, its kind, and the name proposed for a save. */
    public record Question(String title, Kind kind, String initialName) {
    }

    private static volatile Function<Question, List<File>> answerer;

    private Choosers() {
    }

    /**
     * For headless tests: every later chooser is answered by {@code a} instead of being shown (an empty
     * list is the officer's Cancel); {@code null} shows the native choosers again.
     */
    public static void answerWith(Function<Question, List<File>> a) {
        answerer = a;
    }

    /** One file to open, or null when cancelled. */
    public static File open(FileChooser fc, Window owner) {
        Function<Question, List<File>> a = answerer;
        if (a == null) {
            return fc.showOpenDialog(owner);
        }
        List<File> f = ask(a, new Question(fc.getTitle(), Kind.OPEN, null));
        return f.isEmpty() ? null : f.get(0);
    }

    /** Files to open, or null when cancelled. */
    public static List<File> openMany(FileChooser fc, Window owner) {
        Function<Question, List<File>> a = answerer;
        if (a == null) {
            return fc.showOpenMultipleDialog(owner);
        }
        List<File> f = ask(a, new Question(fc.getTitle(), Kind.OPEN_MANY, null));
        return f.isEmpty() ? null : f;
    }

    /** Where to save, or null when cancelled. */
    public static File save(FileChooser fc, Window owner) {
        Function<Question, List<File>> a = answerer;
        if (a == null) {
            return fc.showSaveDialog(owner);
        }
        List<File> f = ask(a, new Question(fc.getTitle(), Kind.SAVE, fc.getInitialFileName()));
        return f.isEmpty() ? null : f.get(0);
    }

    /** A folder, or null when cancelled. */
    public static File folder(DirectoryChooser dc, Window owner) {
        Function<Question, List<File>> a = answerer;
        if (a == null) {
            return dc.showDialog(owner);
        }
        List<File> f = ask(a, new Question(dc.getTitle(), Kind.FOLDER, null));
        return f.isEmpty() ? null : f.get(0);
    }

    private static List<File> ask(Function<Question, List<File>> a, Question q) {
        return Objects.requireNonNullElse(a.apply(q), List.of());
    }
}
