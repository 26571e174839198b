package org.sakshi.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.audit.Finding;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.service.TransferRequest;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The audit window on a case where the former holder opened an item after handing it over. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AuditViewUiTest {
    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Workbench bench = UiFixture.bench(dir);
        Actor me = bench.actor();
        Path caseDir = dir.resolve("ws").resolve("case-" + System.nanoTime());
        bench.services().cases().create(caseDir, new NewCase("FIR 10/2026", "Audit test", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), me));
        Path f = Files.writeString(dir.resolve("note-" + System.nanoTime() + ".txt"), "statement text for the audit");
        bench.services().imports().importPaths(caseDir, List.of(f),
                new ImportRequest(null, null, null, null, null, List.of(), me), null, null);
        bench.services().custody().transfer(caseDir, me, new TransferRequest("Dr. Iyer", "lab examination", null, null,
                List.of("E0001")));
        bench.services().evidence().open(caseDir, "E0001", me, "curiosity");
        AuditView view = new AuditView(bench, caseDir);
        stage.setScene(Workbench.scene(view.root(), 1200, 760));
        stage.show();
        view.run();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anActByTheFormerHolderShowsErrorsFoundAndTheFindingInTheTable(FxRobot robot) throws Exception {
        Label headline = robot.lookup("#auditHeadline").queryAs(Label.class);
        UiFixture.await(() -> !headline.getText().isEmpty());
        assertEquals("ERRORS FOUND", headline.getText());
        @SuppressWarnings("unchecked")
        TableView<Finding> table = robot.lookup("#findingTable").queryAs(TableView.class);
        TableView<?> timeline = robot.lookup("#timelineTable").queryAs(TableView.class);
        // The headline, the findings table and the timeline are filled one after the other on the FX
        // thread; under load the tables can still be empty when the headline shows, so wait for them.
        UiFixture.await(() -> !table.getItems().isEmpty() && timeline.getItems().size() >= 3);
        assertTrue(table.getItems().stream().anyMatch(x -> x.code().equals("ACT_BY_NON_CUSTODIAN")));
        assertTrue(timeline.getItems().size() >= 3);
    }
}
