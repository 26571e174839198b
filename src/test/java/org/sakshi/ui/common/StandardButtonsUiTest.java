package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** JavaFX's own OK / Cancel buttons say "OK" and "Cancel" in every language; a prepared dialog's say the officer's words. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StandardButtonsUiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(Workbench.scene(new Label("owner"), 600, 400));
        stage.show();
    }

    @AfterEach
    void closeAndGoBackToEnglish() throws Exception {
        FxToolkit.cleanupStages();
        Messages.use(Locale.ENGLISH, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "bn", "ne"})
    void aConfirmationsOkAndCancelAreInTheChosenLanguage(String lang, FxRobot robot) {
        Alert[] a = new Alert[1];
        robot.interact(() -> {
            Messages.use(Locale.of(lang), null);
            a[0] = Dialogs.prepare(new Alert(Alert.AlertType.CONFIRMATION), owner);
            a[0].show();
        });
        assertEquals(Messages.bundle(Locale.of(lang)).getString("common.ok"), text(a[0], ButtonType.OK));
        assertEquals(Messages.bundle(Locale.of(lang)).getString("common.cancel"), text(a[0], ButtonType.CANCEL));
        if (!lang.equals("en")) {
            org.junit.jupiter.api.Assertions.assertNotEquals("OK", text(a[0], ButtonType.OK), "not JavaFX's English word");
        }
        robot.interact(() -> a[0].close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn"})
    void anInformationsOnlyButtonIsInTheChosenLanguageAndStillAnswersOk(String lang, FxRobot robot) throws Exception {
        Alert[] a = new Alert[1];
        robot.interact(() -> {
            Messages.use(Locale.of(lang), null);
            a[0] = Dialogs.prepare(new Alert(Alert.AlertType.INFORMATION), owner);
            a[0].show();
        });
        String ok = Messages.bundle(Locale.of(lang)).getString("common.ok");
        assertEquals(ok, text(a[0], ButtonType.OK));
        robot.clickOn(ok);
        org.sakshi.ui.UiFixture.await(() -> !a[0].isShowing());
        assertEquals(ButtonType.OK, a[0].getResult(), "the translated button is still the OK answer");
    }

    private static String text(Alert a, ButtonType t) {
        return ((Button) a.getDialogPane().lookupButton(t)).getText();
    }
}
