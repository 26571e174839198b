package org.sakshi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.UiFonts;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.custody.CustodyView;
import org.sakshi.ui.evidence.CaseView;
import org.sakshi.ui.export.ExportWizard;
import org.sakshi.ui.verify.VerifyView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each shipped language: the start, case, export, verify and custody windows open in it, at their
 * minimum size, with no raw key shown and no label, button or column heading cut short.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LanguageUiTest {
    private static final Pattern RAW_KEY = Pattern.compile("!?[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+!?");
    @TempDir
    static Path dir;

    @AfterEach
    void closeWindowsAndGoBackToEnglish() throws Exception {
        FxToolkit.cleanupStages();
        Messages.use(Locale.ENGLISH, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "bn", "ne"})
    void everyMainWindowShowsItsTextInTheLanguageWithNoKeyMissingAndNothingCutAtTheMinimumSize(String lang,
                                                                                             FxRobot robot)
            throws Exception {
        Workbench bench = UiFixture.bench(dir.resolve(lang));
        Path caseDir = bench.workspace().resolve("FIR_7_2026");
        bench.services().cases().create(caseDir, new NewCase("FIR 7/2026", "Languages", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        Path note = Files.writeString(dir.resolve(lang + "-receipt.txt"), "UPI receipt 45,000\n", StandardCharsets.UTF_8);
        bench.services().imports().importPaths(caseDir, List.of(note),
                new ImportRequest(null, null, null, null, null, List.of(), bench.actor()), null, null);
        var info = bench.services().cases().open(caseDir);
        var items = bench.services().evidence().items(caseDir);

        robot.interact(() -> {
            UiFonts.load();
            Messages.use(Locale.of(lang), null);
            Stage start = new Stage();
            SakshiApp.showStart(bench, start);
            start.setOnCloseRequest(null);
            start.show();
            CaseView.open(bench, caseDir, start);
            CustodyView.open(bench, caseDir, info, start);
            VerifyView.open(bench, start, null);
            ExportWizard.open(bench, caseDir, info, items, start);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Stage> stages = new ArrayList<>();
        robot.interact(() -> Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && s.getScene() != null && s.getTitle() != null)
                .forEach(w -> stages.add((Stage) w)));
        assertTrue(stages.size() >= 5, "start, case, custody, verify and export windows are open: " + stages.size());
        // the case window fills its table and heading in the background; wait for them
        UiFixture.await(() -> robot.lookup(".case-heading").tryQuery()
                .map(n -> ((Labeled) n).getText()).map(t -> t != null && t.contains("FIR 7/2026")).orElse(false));
        robot.interact(() -> {
            for (Stage s : stages) {
                s.setWidth(Math.max(s.getMinWidth(), 100));
                s.setHeight(Math.max(s.getMinHeight(), 100));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> keys = Messages.bundle(Locale.ROOT).keySet();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> {
            for (Stage s : stages) {
                String where = s.getTitle() + " (" + s.getWidth() + "x" + s.getHeight() + ")";
                checkText(where + " title", s.getTitle(), keys, problems);
                check(s.getScene().getRoot(), where, keys, problems);
            }
        });
        assertEquals(List.of(), problems, lang);
        if (!lang.equals("en")) {
            String title = robot.lookup("#newButton").queryButton().getText();
            assertTrue(title.codePoints().noneMatch(c -> c >= 'a' && c <= 'z'), "the start window is translated: " + title);
            assertTrue(robot.lookup("#draftNote").tryQuery().isPresent(), "the draft translation is marked");
        } else {
            assertTrue(robot.lookup("#draftNote").tryQuery().isEmpty(), "English is not a draft");
        }
    }

    private static void check(Node n, String where, Set<String> keys, List<String> problems) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> checkMenu(m, where, keys, problems));
        }
        if (n instanceof TextInputControl t) {
            checkText(where + " prompt", t.getPromptText(), keys, problems);
        }
        if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
            checkText(where + " tooltip", c.getTooltip().getText(), keys, problems);
        }
        if (n instanceof Labeled l && !(n instanceof IndexedCell<?>)) {
            checkText(where, l.getText(), keys, problems);
            if (cut(l)) {
                problems.add(where + ": '" + l.getText() + "' is cut to '" + shown(l) + "' (width " + l.getWidth() + ")");
            } else if (outside(l)) {
                problems.add(where + ": '" + l.getText() + "' lies (partly) outside the window");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                check(c, where, keys, problems);
            }
        }
    }

    private static void checkMenu(MenuItem m, String where, Set<String> keys, List<String> problems) {
        checkText(where + " menu", m.getText(), keys, problems);
        if (m instanceof Menu menu) {
            menu.getItems().forEach(i -> checkMenu(i, where, keys, problems));
        }
    }

    private static void checkText(String where, String text, Set<String> keys, List<String> problems) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip();
        if (keys.contains(t) || keys.contains(t.replace("!", "")) || (RAW_KEY.matcher(t).matches() && t.contains("."))
                && !t.contains("/") && !t.endsWith(".zip")) {
            problems.add(where + ": raw key shown: " + text);
        }
    }

    /** True when a label, not in a scrolling pane, reaches past the window's right or bottom edge. */
    private static boolean outside(Labeled l) {
        if (l.getText() == null || l.getText().isEmpty() || l.getWidth() <= 0 || l.getScene() == null) {
            return false;
        }
        javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
        for (Parent p = l.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.isFitToWidth()) {
                // a form fitted to the window's width must not reach past it either (the text would be cut)
                return b.getMaxX() > sp.localToScene(sp.getLayoutBounds()).getMaxX() + 1;
            }
            if (p instanceof javafx.scene.control.ScrollPane || p instanceof javafx.scene.control.skin.VirtualFlow<?>
                    || p instanceof javafx.scene.control.TableView<?> || p instanceof javafx.scene.control.MenuBar) {
                return false;
            }
        }
        return b.getMaxX() > l.getScene().getWidth() + 1 || b.getMaxY() > l.getScene().getHeight() + 1;
    }

    /** What the skin draws: the label's text, or its shortened form ending in the ellipsis. */
    private static String shown(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof javafx.scene.text.Text t && t.getParent() == l ? t.getText() : null;
    }

    /**
     * True when the drawn text is shorter than the label's (JavaFX ends it with the ellipsis). A
     * label whose tooltip carries its whole text (a path, a hash) may be cut: the tooltip shows it.
     */
    private static boolean cut(Labeled l) {
        String full = l.getText();
        String drawn = shown(l);
        if (full == null || full.isEmpty() || drawn == null || l.getWidth() <= 0 || !l.isVisible()) {
            return false;
        }
        Tooltip tip = l.getTooltip();
        if (tip != null && full.equals(tip.getText())) {
            return false;
        }
        String plain = l.isMnemonicParsing() ? full.replaceFirst("_", "") : full;
        return !drawn.equals(plain) && !drawn.equals(full) && drawn.endsWith(l.getEllipsisString());
    }

    @org.junit.jupiter.api.Test
    void choosingALanguageInTheHelpMenuRemembersItForTheNextStart(FxRobot robot) throws Exception {
        Workbench bench = UiFixture.bench(dir.resolve("menu"));
        robot.interact(() -> {
            Messages.use(Locale.ENGLISH, null);
            Stage start = new Stage();
            SakshiApp.showStart(bench, start);
            start.setOnCloseRequest(null);
            start.show();
        });
        javafx.scene.control.Menu language = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "languageMenu".equals(i.getId()))
                .map(Menu.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("English", "हिन्दी (Hindi)", "বাংলা (Bengali)", "नेपाली (Nepali)"),
                language.getItems().stream().map(MenuItem::getText).toList());
        // the confirmation is a modal dialog: fire the item outside interact() so the test thread is not blocked
        javafx.application.Platform.runLater(() -> language.getItems().get(2).fire());
        Path saved = dir.resolve("menu").resolve("home").resolve("settings.json");
        UiFixture.await(() -> Files.isRegularFile(saved));
        assertEquals("bn", bench.settings().language);
        assertEquals("bn", new org.sakshi.ui.common.SettingsStore(saved.getParent()).load().language, "the choice is saved");
        assertEquals("en", Messages.locale().getLanguage(), "the open windows keep their language until the next start");
    }
}
