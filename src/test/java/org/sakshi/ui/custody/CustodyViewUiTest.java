package org.sakshi.ui.custody;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CustodyViewUiTest {
    @TempDir
    static Path dir;
    private Workbench bench;
    private Path caseDir;
    private CustodyView view;

    @Start
    void start(Stage stage) throws Exception {
        bench = UiFixture.bench(dir);
        caseDir = dir.resolve("ws").resolve("case-" + System.nanoTime());
        bench.services().cases().create(caseDir, new NewCase("FIR 9/2026", "Custody test", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        bench.services().custody().note(caseDir, bench.actor(), "Seal checked", List.of());
        view = new CustodyView(bench, caseDir);
        stage.setScene(Workbench.scene(view.root(), 1100, 650));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void verifyingAnUntouchedChainShowsGreenIntact(FxRobot robot) throws Exception {
        robot.clickOn("#verifyButton");
        Label status = robot.lookup("#chainStatus").queryAs(Label.class);
        UiFixture.await(() -> !status.getText().isEmpty());
        assertTrue(status.getText().startsWith("CHAIN INTACT"), status.getText());
        assertTrue(status.getText().contains("2 events"), status.getText());
        assertTrue(robot.lookup("#statusBox").query().getStyleClass().contains("passed"));
    }

    @Test
    void theBannerSaysWhenItWasCheckedAndAsksToVerifyAgainAfterANewEvent(FxRobot robot) throws Exception {
        robot.clickOn("#verifyButton");
        Label status = robot.lookup("#chainStatus").queryAs(Label.class);
        UiFixture.await(() -> status.getText().contains("Checked"));
        // the check time is on the workstation's clock beside UTC (once when that clock is UTC)
        assertTrue(status.getText().contains(java.time.ZoneId.systemDefault().normalized().equals(java.time.ZoneOffset.UTC)
                ? " UTC." : java.time.ZoneId.systemDefault().getId() + " = "), status.getText());
        bench.services().custody().note(caseDir, bench.actor(), "Seal photographed", List.of());
        robot.interact(view::refresh);
        UiFixture.await(() -> status.getText().contains("verify again"));
        assertTrue(robot.lookup("#statusBox").query().getStyleClass().contains("stale"));
        robot.clickOn("#verifyButton");
        UiFixture.await(() -> !status.getText().contains("verify again"));
        assertTrue(status.getText().contains("3 events"), status.getText());
    }
}
