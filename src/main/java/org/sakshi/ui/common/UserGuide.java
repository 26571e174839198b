package org.sakshi.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Help → User guide and Help → Keyboard shortcuts. The guide is the README's sections for officers,
 * prosecutors and labs, shipped as {@code /org/sakshi/ui/user-guide.md} (a test keeps it equal to the
 * README); the shortcut list is read from the window's own menus, so it never goes stale.
 */
public final class UserGuide {
    static final String RESOURCE = "/org/sakshi/ui/user-guide.md";

    private UserGuide() {
    }

    /** The guide's text (Markdown), or a sentence saying it is missing from this build. */
    public static String text() {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE)) {
            return in == null ? "The user guide is missing from this build; see README.md."
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "The user guide could not be read (" + e.getMessage() + "); see README.md.";
        }
    }

    /** Opens the guide in its own window. */
    public static void open(Workbench bench) {
        bench.windows().open(Windows.window(Messages.get("help.guide"), 900, 700), () -> {
            TextArea t = new TextArea(text());
            t.setEditable(false);
            t.setWrapText(true);
            t.setId("userGuide");
            t.setAccessibleText(Messages.get("help.guide"));
            return t;
        });
    }

    /** "Ctrl+N  New case" lines for every menu item of {@code bar} that has a shortcut. */
    public static List<String> shortcuts(MenuBar bar) {
        List<String> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, out);
        }
        return out;
    }

    private static void collect(Menu menu, List<String> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                collect(sub, out);
            } else if (!(i instanceof SeparatorMenuItem) && i.getAccelerator() != null) {
                out.add(i.getAccelerator().getDisplayText() + "\t" + i.getText().replace("_", ""));
            }
        }
    }

    /** Shows the shortcut list of {@code bar}. */
    public static void showShortcuts(Window owner, MenuBar bar) {
        Dialogs.info(owner, Messages.get("help.shortcuts"), String.join("\n", shortcuts(bar)));
    }
}
