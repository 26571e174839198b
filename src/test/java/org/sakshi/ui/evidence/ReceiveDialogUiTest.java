package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The receiving details after the verdict: FAILED cannot be received, INDETERMINATE only with a reason. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReceiveDialogUiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static VerificationReport report(Verdict v, Check... checks) {
        return new VerificationReport(v, "b-1", "FIR 77/2026", null, List.of(), List.of(checks), List.of());
    }

    private ReceiveDialog show(FxRobot robot, VerificationReport r) {
        ReceiveDialog[] d = new ReceiveDialog[1];
        robot.interact(() -> {
            d[0] = new ReceiveDialog(owner, r, "SI Thapa");
            d[0].show();
        });
        return d[0];
    }

    @Test
    void aFailedBundleShowsItsReasonAndTheReceiveButtonStaysDisabled(FxRobot robot) {
        show(robot, report(Verdict.FAILED, Check.failed(CheckCode.PAYLOAD_HASH, "data/evidence/E0001/a.jpg",
                "data/evidence/E0001/a.jpg has been changed")));
        assertTrue(robot.lookup("#receiveRecord").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#receiveReasons").queryAs(Label.class).getText().contains("PAYLOAD_HASH"));
        assertTrue(robot.lookup("#receiveReason").queryAs(TextField.class).isDisabled());
    }

    @Test
    void anIndeterminateBundleIsReceivedOnlyOnceAReasonIsTyped(FxRobot robot) {
        ReceiveDialog d = show(robot, report(Verdict.INDETERMINATE, Check.indeterminate(CheckCode.SIGNER_TRUST,
                "signature/tagmanifest-sha256.txt.p7s", "The signer does not chain to a trusted root")));
        Button receive = robot.lookup("#receiveRecord").queryAs(Button.class);
        assertTrue(receive.isDisabled());
        robot.clickOn("#receiveVia").write("courier");
        robot.clickOn("#receiveReason").write("CA by post");
        assertFalse(receive.isDisabled());
        robot.clickOn("#receiveRecord");
        ReceiveViewModel.Details details = d.getResult();
        assertEquals("CA by post", details.reason());
        assertEquals("courier", details.via());
        assertEquals("SI Thapa", details.receivedBy());
    }
}
