package org.sakshi.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.service.CaseSummary;
import org.sakshi.ui.SakshiApp;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartViewUiTest {
    @TempDir
    static Path dir;
    private Workbench bench;

    @Start
    void start(Stage stage) {
        bench = UiFixture.bench(dir);
        SakshiApp.showStart(bench, stage);
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anOfficerCreatesACaseWithTheMouseAndSeesItListed(FxRobot robot) throws Exception {
        robot.clickOn("#newButton");
        robot.interact(() -> {
            robot.lookup("#caseNumber").queryAs(TextField.class).setText("FIR 12/2026 PS Howrah");
            robot.lookup("#caseTitle").queryAs(TextField.class).setText("Trafficking ring, Howrah");
        });
        robot.clickOn("#createCaseButton");

        Path caseDir = dir.resolve("ws").resolve("FIR_12_2026_PS_Howrah");
        UiFixture.await(() -> Files.isRegularFile(caseDir.resolve("case.db")));
        TableView<CaseSummary> table = robot.lookup("#caseTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 1);
        assertEquals("FIR 12/2026 PS Howrah", table.getItems().get(0).info().number());
        assertEquals("SI Asha Rao", table.getItems().get(0).info().defaultOfficer());
        // the case window's heading is filled when its background load finishes: wait for the text itself
        UiFixture.await(() -> robot.lookup(".case-heading").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .map(t -> t != null && t.contains("FIR 12/2026 PS Howrah")).orElse(false));
        assertTrue(robot.lookup(".case-heading").queryLabeled().getText().contains("FIR 12/2026 PS Howrah"));
    }
}
