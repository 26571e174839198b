package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.ui.UiFixture;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowsUiTest {
    @TempDir
    static Path dir;

    private Workbench bench;
    private Stage main;

    @Start
    void start(Stage stage) {
        bench = UiFixture.bench(dir);
        main = stage;
        stage.setScene(Workbench.scene(new Label("main"), 300, 200));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Stage open(Windows.Spec spec, AtomicInteger built) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> bench.windows().open(spec, () -> {
            built.incrementAndGet();
            return new Label("content");
        })).get();
    }

    @Test
    void aKeyedWindowOpensOnceAndComesBackToFrontInsteadOfASecondCopy() throws Exception {
        AtomicInteger built = new AtomicInteger();
        Stage first = open(Windows.window("Case A", 300, 200).ownedBy(main).onePer("case-a"), built);
        Stage again = open(Windows.window("Case A", 300, 200).ownedBy(main).onePer("case-a"), built);
        assertSame(first, again);
        assertEquals(1, built.get(), "the second request builds no view");
        assertSame(main, first.getOwner());

        WaitForAsyncUtils.asyncFx(first::close).get();
        Stage reopened = open(Windows.window("Case A", 300, 200).onePer("case-a"), built);
        assertNotSame(first, reopened);
        assertEquals(2, built.get());
    }

    @Test
    void shortcutWClosesTheWindowAndRunsItsCloseHook(FxRobot robot) throws Exception {
        AtomicInteger closed = new AtomicInteger();
        Stage s = open(Windows.window("Dialog", 300, 200).ownedBy(main).modal().onClosed(closed::incrementAndGet),
                new AtomicInteger());
        assertEquals(Modality.WINDOW_MODAL, s.getModality());
        assertTrue(s.isShowing());
        WaitForAsyncUtils.asyncFx(s::requestFocus).get();
        robot.press(KeyCode.SHORTCUT, KeyCode.W).release(KeyCode.W, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(s.isShowing());
        assertEquals(1, closed.get());
        assertTrue(bench.windows().find("anything").isEmpty());
    }

    @Test
    void aWindowGetsItsMinimumSizeAndARememberedTinySizeIsNotReusedOrSaved() throws Exception {
        bench.settings().caseWindow = new Settings.WindowGeometry(5, 5, 200, 200, false);
        Stage s = open(Windows.window("Case", 1280, 800).minSize(1024, 700).rememberGeometry(), new AtomicInteger());
        assertEquals(1024, s.getMinWidth());
        assertEquals(700, s.getMinHeight());
        assertTrue(s.getWidth() >= 1024 && s.getHeight() >= 700, s.getWidth() + "x" + s.getHeight());
        WaitForAsyncUtils.asyncFx(() -> {
            s.setWidth(1100);
            s.setHeight(750);
        }).get();
        WaitForAsyncUtils.asyncFx(s::close).get();
        assertEquals(1100, bench.settings().caseWindow.width());

        Stage dialog = open(Windows.window("Wizard", 760, 720).ownedBy(main).modal(), new AtomicInteger());
        assertEquals(WindowSize.DIALOG_MIN_WIDTH, dialog.getMinWidth());
        assertEquals(WindowSize.DIALOG_MIN_HEIGHT, dialog.getMinHeight());
    }
}
