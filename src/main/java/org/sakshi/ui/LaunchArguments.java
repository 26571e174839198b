package org.sakshi.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sakshi gui ...} asks the workstation to open, parsed without a screen:
 * <ul>
 * <li>{@code sakshi gui CASE_DIR|BUNDLE.zip ...}: each folder in a case window, each file verified
 * in a verify window (the form a file manager uses);</li>
 * <li>{@code --lang hi|bn|ne|en} (or {@code --lang=hi}): the window's language, ahead of the setting
 * and the system locale ({@link #lang()} is null when not given);</li>
 * <li>{@code sakshi gui --verify BUNDLE} (or {@code --verify=BUNDLE}, repeatable): opens the verify
 * view on that bundle, whatever its name (the installers' {@code .desktop} action).</li>
 * </ul>
 * The leading {@code gui} word is skipped; unknown options are reported in {@link #ignored()} and
 * otherwise ignored (JavaFX and launchers add their own). Whether a plain path is a folder or a file
 * is decided when opening, not here.
 */
public record LaunchArguments(List<Path> paths, List<Path> verify, List<String> ignored, String lang) {
    public static final String VERIFY = "--verify";
    public static final String LANG = "--lang";

    public LaunchArguments {
        paths = List.copyOf(paths);
        verify = List.copyOf(verify);
        ignored = List.copyOf(ignored);
    }

    /** Parses the raw arguments (as given to {@code main}, possibly starting with {@code gui}). */
    public static LaunchArguments parse(List<String> raw) {
        List<Path> paths = new ArrayList<>();
        List<Path> verify = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String lang = null;
        boolean first = true;
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (first && a.equals("gui")) {
                first = false;
                continue;
            }
            first = false;
            if (a.equals(LANG) && i + 1 < raw.size() && !raw.get(i + 1).isBlank()) {
                lang = raw.get(++i).strip();
            } else if (a.startsWith(LANG + "=") && a.length() > LANG.length() + 1) {
                lang = a.substring(LANG.length() + 1).strip();
            } else if (a.equals(VERIFY)) {
                if (i + 1 < raw.size() && !raw.get(i + 1).isBlank()) {
                    verify.add(Path.of(raw.get(++i)));
                } else {
                    ignored.add(a);
                }
            } else if (a.startsWith(VERIFY + "=")) {
                String v = a.substring(VERIFY.length() + 1);
                if (v.isBlank()) {
                    ignored.add(a);
                } else {
                    verify.add(Path.of(v));
                }
            } else if (a.startsWith("-") || a.isBlank()) {
                ignored.add(a);
            } else {
                paths.add(Path.of(a));
            }
        }
        return new LaunchArguments(paths, verify, ignored, lang);
    }

    /** True when nothing is to be opened beyond the start window. */
    public boolean isEmpty() {
        return paths.isEmpty() && verify.isEmpty();
    }
}
