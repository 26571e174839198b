package org.sakshi.ui.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Severity;
import org.sakshi.sample.SampleCase;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The README's step 5 in the window: the officer at the keyboard opens the sample case's ledger,
 * takes custody with Transfer (From pre-filled with the sample officer, who holds the items), opens
 * an item, and the audit has no ERROR.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TransferDialogUiTest {
    @TempDir
    static Path dir;

    private Workbench bench;
    private Path caseDir;

    @Start
    void start(Stage stage) throws Exception {
        bench = UiFixture.bench(dir);
        caseDir = dir.resolve("ws").resolve("sample-" + System.nanoTime());
        bench.services().samples().build(caseDir);
        CustodyView view = new CustodyView(bench, caseDir);
        stage.setScene(Workbench.scene(view.root(), 1100, 650));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private List<CustodyEvent> transfers() throws Exception {
        return bench.services().custody().events(caseDir).stream().filter(e -> e.type().equals("TRANSFERRED")).toList();
    }

    @Test
    void takingCustodyFromTheSampleOfficerThroughTheDialogLeavesAnAuditWithoutErrors(FxRobot robot) throws Exception {
        robot.clickOn("#transferButton");
        UiFixture.await(() -> robot.lookup("#transferFrom").tryQuery().isPresent());
        TextField from = robot.lookup("#transferFrom").queryAs(TextField.class);
        assertEquals(SampleCase.OFFICER, from.getText(), "From is the holder by the ledger, not the officer typing");

        robot.clickOn("#transferTo").write(bench.actor().name());
        robot.clickOn("#transferReceivedBy").write(bench.actor().name());
        robot.clickOn("#transferReason").write("investigation");
        robot.clickOn("#transferRecord");
        UiFixture.await(() -> {
            try {
                return !transfers().isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        CustodyEvent t = transfers().get(0);
        assertEquals(SampleCase.OFFICER, t.details().get("from"));
        assertEquals(bench.actor().name(), t.details().get("to"));
        assertEquals(bench.actor().name(), t.details().get("received_by"));
        assertEquals(bench.actor().name(), t.actor().name());

        bench.services().evidence().open(caseDir, "E0001", bench.actor(), "review");
        AuditReport r = bench.services().audits().auditCase(caseDir, AuditOptions.DEFAULTS);
        assertTrue(r.ledger().intact());
        assertEquals(0, r.count(Severity.ERROR), () -> r.findings().toString());
    }
}
