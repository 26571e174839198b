package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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

/** A keyboard user sees which button has the focus, also on the styled primary buttons. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FocusRingUiTest {
    private static final Color FOCUS = Color.web("#2f6fb0");
    private Button primary;
    private Button other;

    @Start
    void start(Stage stage) {
        primary = new Button("Import files\u2026");
        primary.getStyleClass().add("primary");
        other = new Button("Audit");
        stage.setScene(Workbench.scene(new HBox(8, other, primary), 400, 100));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Paint outer(Button b) {
        return b.getBackground().getFills().get(0).getFill();
    }

    @Test
    void aFocusedPrimaryButtonIsRingedInTheFocusColourAndLosesTheRingWithTheFocus(FxRobot robot) {
        robot.interact(primary::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(FOCUS, outer(primary));
        robot.interact(other::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(FOCUS, outer(primary));
    }
}
