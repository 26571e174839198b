package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Openbox un-maximises the owner of a window-modal dialog (JavaFX 21.0.11 and 23.0.2 alike, measured
 * under Xvfb); the headless toolkit does not, so the window manager's move is done here by hand.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeepMaximizedUiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(Workbench.scene(new Label("owner"), 900, 600));
        stage.show();
        stage.setMaximized(true);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aMaximisedOwnerUnmaximisedWhileADialogWasOpenIsMaximisedAgainWhenItCloses(FxRobot robot) throws Exception {
        assertTrue(owner.isMaximized(), "the owner starts maximised");
        javafx.scene.control.Alert[] dialog = new javafx.scene.control.Alert[1];
        robot.interact(() -> {
            dialog[0] = Dialogs.prepare(new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION), owner);
            dialog[0].show();
        });
        robot.interact(() -> owner.setMaximized(false)); // what openbox does
        assertFalse(owner.isMaximized());
        robot.interact(() -> dialog[0].close());
        org.sakshi.ui.UiFixture.await(owner::isMaximized);
    }

    @Test
    void anOwnerThatWasNotMaximisedStaysAsItWas(FxRobot robot) {
        robot.interact(() -> owner.setMaximized(false));
        javafx.scene.control.Alert[] dialog = new javafx.scene.control.Alert[1];
        robot.interact(() -> {
            dialog[0] = Dialogs.prepare(new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION), owner);
            dialog[0].show();
        });
        robot.interact(() -> dialog[0].close());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(owner.isMaximized());
    }

    @Test
    void aModalWindowOpenedThroughWindowsRestoresItsMaximisedOwnerToo(FxRobot robot) throws Exception {
        Workbench bench = new Workbench(null, null, new SettingsStore(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "sakshi-keepmax-" + System.nanoTime())));
        Stage[] child = new Stage[1];
        robot.interact(() -> child[0] = bench.windows().open(Windows.window("child", 500, 400).ownedBy(owner).modal(),
                () -> new javafx.scene.layout.StackPane(new Label("child"))));
        robot.interact(() -> owner.setMaximized(false));
        robot.interact(() -> child[0].close());
        org.sakshi.ui.UiFixture.await(owner::isMaximized);
    }
}
