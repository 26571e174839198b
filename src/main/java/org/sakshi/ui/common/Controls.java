package org.sakshi.ui.common;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The building blocks of every view, which are all built in code (the one rule for views): menu
 * items with their shortcuts, buttons whose accessible name is their text, styled labels, the status
 * bar. Texts are keys of the message bundle.
 */
public final class Controls {
    private Controls() {
    }

    /** A menu of the window's menu bar; a null entry is a separator. */
    public static Menu menu(String textKey, MenuItem... items) {
        Menu m = new Menu(Messages.get(textKey));
        for (MenuItem i : items) {
            m.getItems().add(i == null ? new SeparatorMenuItem() : i);
        }
        return m;
    }

    /** A menu item with its shortcut (e.g. {@code "Shortcut+Shift+A"}; null for none). */
    public static MenuItem item(String textKey, String shortcut, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(textKey));
        if (shortcut != null) {
            i.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** A button whose accessible name is its own text. */
    public static Button button(String textKey, Runnable action) {
        return button(textKey, textKey, action);
    }

    /** A button with a longer accessible name than its text. */
    public static Button button(String textKey, String accessibleKey, Runnable action) {
        Button b = new Button(Messages.get(textKey));
        b.setAccessibleText(Messages.get(accessibleKey));
        if (!textKey.equals(accessibleKey)) {
            // a short button names the same action as its menu item: the menu's words show on hover
            b.setTooltip(new javafx.scene.control.Tooltip(Messages.get(accessibleKey).replace("_", "")));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A label showing the text of {@code textKey}, with style classes. */
    public static Label label(String textKey, String... styleClasses) {
        Label l = new Label(Messages.get(textKey));
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A table column headed by the text of {@code textKey}. */
    public static <S, T> TableColumn<S, T> column(String textKey, double prefWidth) {
        TableColumn<S, T> c = new TableColumn<>(Messages.get(textKey));
        c.setPrefWidth(prefWidth);
        return fitHeading(c);
    }

    /**
     * Makes the column at least as wide as its heading (in bold, plus the header's padding), so that
     * no heading is cut in any language; a wider preferred width is kept.
     */
    public static <S, T> TableColumn<S, T> fitHeading(TableColumn<S, T> c) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(c.getText());
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, javafx.scene.text.Font.getDefault().getSize()));
        c.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth()) + 16);
        c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
        return c;
    }

    /** Gives {@code node} an id (for style sheets and UI tests) and returns it. */
    public static <N extends Node> N id(String id, N node) {
        node.setId(id);
        return node;
    }

    /** Adds style classes to {@code node} and returns it. */
    public static <N extends Node> N styled(N node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }

    /** A row that lets {@code grow} take the free width. */
    public static HBox row(double spacing, Node grow, Node... nodes) {
        HBox h = new HBox(spacing, nodes);
        if (grow != null) {
            HBox.setHgrow(grow, Priority.ALWAYS);
            if (grow instanceof javafx.scene.control.Control c) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return h;
    }

    /** A column that lets {@code grow} take the free height. */
    public static VBox column(double spacing, Node grow, Node... nodes) {
        VBox v = new VBox(spacing, nodes);
        if (grow != null) {
            VBox.setVgrow(grow, Priority.ALWAYS);
        }
        return v;
    }

    /** Padding top, right, bottom, left, as in CSS. */
    public static <P extends Pane> P padded(P pane, double top, double right, double bottom, double left) {
        pane.setPadding(new Insets(top, right, bottom, left));
        return pane;
    }

    /** The status bar at the bottom of a window. */
    public static HBox statusBar(Label status) {
        return styled(new HBox(status), "status-bar");
    }

    /**
     * A cell factory for text columns: a cell whose text is cut (shown with "…") carries its full text
     * in a tooltip; a cell that shows all of it has none. Shared by every table of the windows.
     */
    public static <S> javafx.util.Callback<javafx.scene.control.TableColumn<S, String>,
            javafx.scene.control.TableCell<S, String>> fullTextCells() {
        return column -> new FullTextCell<>();
    }

    /**
     * Gives {@code control} a tooltip with the text {@code text} supplies, made when the pointer first
     * enters it (null or empty: none) and kept up to date by {@link #refreshTip}. A tooltip is a popup
     * window with its own scene: one made up front for every cell of a table cost more than the cells.
     */
    public static void tipOnHover(javafx.scene.control.Control control, java.util.function.Supplier<String> text) {
        control.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            String t = text.get();
            if (t == null || t.isEmpty()) {
                control.setTooltip(null);
                return;
            }
            if (control.getTooltip() == null) {
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(t);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                control.setTooltip(tip);
            } else {
                control.getTooltip().setText(t);
            }
        });
    }

    /** Updates (or removes) a tooltip that {@link #tipOnHover} made, when the control shows something else. */
    public static void refreshTip(javafx.scene.control.Control control, String text) {
        javafx.scene.control.Tooltip tip = control.getTooltip();
        if (tip == null) {
            return;
        }
        if (text == null || text.isEmpty()) {
            control.setTooltip(null);
        } else {
            tip.setText(text);
        }
    }

    /**
     * The width a column of times ({@link Formats#instant(java.time.Instant, java.time.ZoneId)} in
     * {@code zone}; null: the workstation's) needs to show its longest text whole, the case zone's and
     * the UTC half, in the windows' font (13 px Noto Sans, sakshi.css) and the current language, with
     * the cell's padding: a fixed width cut the UTC half.
     */
    public static double timeColumnWidth(java.time.ZoneId zone) {
        UiFonts.load();
        javafx.scene.text.Font font = javafx.scene.text.Font.font("Noto Sans", 13);
        double w = 0;
        // evening and early-morning UTC: in a zone east or west of UTC one of them falls on another local date
        for (String at : List.of("2026-12-30T20:58:58Z", "2026-12-30T02:58:58Z")) {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(Formats.instant(java.time.Instant.parse(at), zone));
            probe.setFont(font);
            w = Math.max(w, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(w) + 16;
    }

    /** True when {@code labeled} is too narrow for its text at its current font, so the text is cut. */
    public static boolean truncated(javafx.scene.control.Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(labeled.getFont());
        double graphic = labeled.getGraphic() == null ? 0
                : labeled.getGraphic().prefWidth(-1) + labeled.getGraphicTextGap();
        double room = labeled.getWidth() - labeled.snappedLeftInset() - labeled.snappedRightInset() - graphic;
        return probe.getLayoutBounds().getWidth() > room + 0.5;
    }

    private static final class FullTextCell<S> extends javafx.scene.control.TableCell<S, String> {
        /** Made the first time the text is cut (most cells of most tables never need one). */
        private javafx.scene.control.Tooltip tip;

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty ? null : value);
            if (tip != null) {
                tip.setText(empty || value == null ? "" : value);
            }
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            boolean cut = !isEmpty() && truncated(this);
            if (cut && tip == null) {
                tip = new javafx.scene.control.Tooltip(getText());
                tip.setWrapText(true);
                tip.setMaxWidth(600);
            }
            javafx.scene.control.Tooltip want = cut ? tip : null;
            if (getTooltip() != want) {
                setTooltip(want);
            }
        }
    }
}
