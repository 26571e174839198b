package org.sakshi.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.LabServerSummary;
import org.sakshi.service.NewCase;
import org.sakshi.service.TransferRequest;
import org.sakshi.storage.ServerConfig;
import org.sakshi.testsupport.PgCluster;
import org.sakshi.testsupport.Tools;
import org.sakshi.ui.SakshiApp;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Connect to a lab server…: the server's cases listed, Audit all, Open — on the tests' PostgreSQL. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabViewUiTest {
    @TempDir
    static Path dir;
    private Workbench bench;
    private StartView start;

    @Start
    void start(Stage stage) {
        bench = UiFixture.bench(dir);
        start = SakshiApp.showStart(bench, stage);
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anOfficerPicksTheLabServerSeesItsCaseAuditsAllAndOpensTheCase(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.shared();
        String name = "gui-" + pg.newDatabase(); // the profile is shared by the test JVM: a name of its own
        Path vault = Files.createDirectories(dir.resolve("lab-vault"));
        ServerConfig server = pg.newServer(name, vault);
        bench.services().lab().servers().save(server);
        Path caseDir = vault.resolve("FIR-21-2026");
        bench.services().cases().create(caseDir, new NewCase("FIR 21/2026", "Cheating by SIM swap", "PS Salt Lake",
                Jurisdiction.IN, ZoneId.of("Asia/Kolkata"), bench.actor()), name);

        // a second case whose folder this workstation cannot reach (its shared folder is gone)
        Path lost = vault.resolve("FIR-22-2026");
        bench.services().cases().create(lost, new NewCase("FIR 22/2026", "Lost folder", "PS Salt Lake",
                Jurisdiction.IN, ZoneId.of("Asia/Kolkata"), bench.actor()), name);
        try (var files = Files.walk(lost)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        // a third case where the former holder opened the item after handing it over: an ERROR finding
        Path handed = vault.resolve("FIR-23-2026");
        bench.services().cases().create(handed, new NewCase("FIR 23/2026", "Handed over", "PS Salt Lake",
                Jurisdiction.IN, ZoneId.of("Asia/Kolkata"), bench.actor()), name);
        bench.services().imports().importPaths(handed, List.of(Files.writeString(dir.resolve("b.txt"), "b")),
                new ImportRequest(null, null, null, null, null, List.of(), bench.actor()), null, null);
        bench.services().custody().transfer(handed, bench.actor(), new TransferRequest("Dr. Iyer", "lab", null, null,
                List.of("E0001")));
        bench.services().evidence().open(handed, "E0001", bench.actor(), "curiosity");

        robot.interact(start::connectLab);
        assertTrue(robot.lookup("#labHint").queryLabeled().getText().contains("sakshi server add"),
                "the window says which command adds a server");
        ComboBox<LabServerSummary> box = robot.lookup("#labServer").queryComboBox();
        UiFixture.await(() -> box.getItems().stream().anyMatch(s -> s.name().equals(name)));
        robot.interact(() -> box.setValue(box.getItems().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow()));
        TableView<LabViewModel.Row> table = robot.lookup("#labCaseTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 3);
        assertEquals(3, table.getItems().size());
        LabViewModel.Row listed = table.getItems().get(0);
        assertEquals("FIR 21/2026", listed.entry().number());
        assertEquals("Cheating by SIM swap", listed.entry().title());
        assertEquals(null, listed.result(), "not audited yet");

        robot.clickOn("#labAuditButton");
        // the rows and the status line are set in one FX step: wait for the last of them, then read on the FX thread
        UiFixture.await(() -> robot.lookup("#labStatus").queryLabeled().getText().contains("cases audited"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        LabViewModel.Row audited = table.getItems().get(0);
        assertEquals("FIR 21/2026", audited.entry().number());
        assertTrue(audited.result().startsWith("Ledger intact, 0 errors"), audited.result());
        assertFalse(audited.bad(), audited.result());
        LabViewModel.Row notAudited = table.getItems().get(1);
        assertEquals("FIR 22/2026", notAudited.entry().number());
        assertTrue(notAudited.result().startsWith("Not audited: its folder " + lost + " is not reachable"),
                notAudited.result());
        assertTrue(notAudited.bad());
        LabViewModel.Row withError = table.getItems().get(2);
        assertEquals("FIR 23/2026", withError.entry().number());
        assertTrue(withError.result().startsWith("Ledger intact, 1 error,"), withError.result());
        assertFalse(withError.result().endsWith("no findings to look at"), "the codes are named: " + withError.result());
        assertTrue(withError.bad());
        String status = robot.lookup("#labStatus").queryLabeled().getText();
        assertTrue(status.contains("3 cases audited, 2 with an error"), status);

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#labOpenButton");
        UiFixture.await(() -> robot.lookup(".case-heading").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .map(t -> t != null && t.contains("FIR 21/2026")).orElse(false));
    }
    @Test
    void anOfficerCreatesACaseOnThePickedServerAndItIsListedAndOpened(FxRobot robot) throws Exception {
        PgCluster pg = PgCluster.shared();
        String name = "gui-new-" + pg.newDatabase();
        Path vault = Files.createDirectories(dir.resolve("new-vault"));
        bench.services().lab().servers().save(pg.newServer(name, vault));

        robot.interact(start::connectLab);
        ComboBox<LabServerSummary> box = robot.lookup("#labServer").queryComboBox();
        UiFixture.await(() -> box.getItems().stream().anyMatch(s -> s.name().equals(name)));
        robot.interact(() -> box.setValue(box.getItems().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow()));
        robot.clickOn("#labNewButton");
        robot.interact(() -> {
            robot.lookup("#caseNumber").queryAs(javafx.scene.control.TextField.class).setText("FIR 30/2026");
            robot.lookup("#caseTitle").queryAs(javafx.scene.control.TextField.class).setText("Loan app extortion");
        });
        robot.clickOn("#createCaseButton");

        Path made = vault.resolve("FIR-30-2026");
        UiFixture.await(() -> org.sakshi.storage.ServerLink.isLink(made));
        assertFalse(Files.exists(made.resolve("case.db")), "a server case keeps its records on the server");
        TableView<LabViewModel.Row> table = robot.lookup("#labCaseTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 1);
        assertEquals("FIR 30/2026", table.getItems().get(0).entry().number());
        assertEquals("FIR 30/2026", bench.services().lab().cases(name).get(0).number());
        UiFixture.await(() -> robot.lookup(".case-heading").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .map(t -> t != null && t.contains("FIR 30/2026")).orElse(false));
    }

    private void pick(FxRobot robot, String name) throws Exception {
        ComboBox<LabServerSummary> box = robot.lookup("#labServer").queryComboBox();
        UiFixture.await(() -> box.getItems().stream().anyMatch(s -> s.name().equals(name)));
        robot.interact(() -> box.setValue(box.getItems().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow()));
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextField.class).setText(text));
    }

    @Test
    void anOfficerAddsAServerInTheDialogAWrongPasswordFileIsRefusedInOneSentenceAndTheRightOneIsListed(FxRobot robot)
            throws Exception {
        PgCluster pg = PgCluster.shared();
        Path vault = Files.createDirectories(dir.resolve("add-vault"));
        String url = pg.newServer("x", vault).url();
        String name = "gui-add-" + url.substring(url.lastIndexOf('/') + 1);
        String address = url.replace("postgresql://", "postgresql://" + PgCluster.PASSWORD_USER + "@");
        Path wrong = Files.writeString(dir.resolve("wrong.pw"), "guess\n");
        Path right = Files.writeString(dir.resolve("right.pw"), PgCluster.PASSWORD_USER_SECRET + "\n");

        robot.interact(start::connectLab);
        robot.clickOn("#labAddServerButton");
        javafx.scene.Node add = robot.lookup("#addServerButton").query();
        assertTrue(add.isDisabled(), "Add waits for a name, an address and a vault");
        type(robot, "#serverName", name);
        type(robot, "#serverAddress", address);
        type(robot, "#serverPasswordFile", wrong.toString());
        type(robot, "#serverVault", vault.toString());
        assertFalse(add.isDisabled());
        robot.clickOn("#addServerButton");

        UiFixture.await(() -> robot.lookup(".alert").tryQuery().isPresent());
        javafx.scene.control.DialogPane alert = robot.lookup(".alert").queryAs(javafx.scene.control.DialogPane.class);
        String said = robot.from(alert).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).filter(t -> t != null).reduce("", (a, b) -> a + " " + b);
        assertTrue(said.contains("password") && said.contains(name), said);
        robot.interact(() -> ((javafx.scene.control.Button) alert.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        assertTrue(bench.services().lab().list().stream().noneMatch(s -> s.name().equals(name)), "nothing was saved");

        robot.clickOn("#labAddServerButton");
        type(robot, "#serverName", name);
        type(robot, "#serverAddress", address);
        type(robot, "#serverPasswordFile", right.toString());
        type(robot, "#serverVault", vault.toString());
        robot.clickOn("#addServerButton");
        ComboBox<LabServerSummary> box = robot.lookup("#labServer").queryComboBox();
        UiFixture.await(() -> box.getValue() != null && box.getValue().name().equals(name));
        assertEquals(PgCluster.PASSWORD_USER, box.getValue().user());
        UiFixture.await(() -> robot.lookup("#labStatus").queryLabeled().getText().contains("on " + name));
    }

    @Test
    void anOfficerMovesAFolderCaseOntoThePickedServerAndSeesTheLedgerVerifiedBeforeAndAfter(FxRobot robot)
            throws Exception {
        PgCluster pg = PgCluster.shared();
        String name = "gui-move-" + pg.newDatabase();
        Path vault = Files.createDirectories(dir.resolve("move-vault"));
        bench.services().lab().servers().save(pg.newServer(name, vault));
        Path folder = dir.resolve("FIR-40");
        bench.services().cases().create(folder, new NewCase("FIR 40/2026", "Phishing", "PS Salt Lake",
                Jurisdiction.IN, ZoneId.of("Asia/Kolkata"), bench.actor()), null);
        bench.services().imports().importPaths(folder, List.of(Files.writeString(dir.resolve("m.txt"), "m")),
                new ImportRequest(null, null, null, null, null, List.of(), bench.actor()), null, null);
        long before = bench.services().custody().verify(folder).events();

        robot.interact(start::connectLab);
        pick(robot, name);
        robot.clickOn("#labMoveButton");
        type(robot, "#moveFolder", folder.toString());
        robot.clickOn("#moveCaseButton");

        javafx.scene.control.Label verdict = robot.lookup("#moveVerdict").queryAs(javafx.scene.control.Label.class);
        UiFixture.await(() -> verdict.getText().startsWith("Moved to"));
        Path moved = vault.resolve("FIR-40");
        assertEquals("Moved to " + moved + ". The ledger verified before (" + before + " events) and after ("
                + (before + 1) + " events, ending with CASE_MOVED); the folder is closed to changes.", verdict.getText());
        assertTrue(robot.lookup("#moveCaseButton").query().isDisabled(), "a case moves once");
        assertTrue(bench.services().custody().verify(moved).intact());
        TableView<LabViewModel.Row> table = robot.lookup("#labCaseTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 1);
        assertEquals("FIR 40/2026", table.getItems().get(0).entry().number());
        if (Boolean.getBoolean("sakshi.screenshots")) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(1500);
            Tools.run(null, "import", "-window", "root", System.getProperty("sakshi.screenshotDir", "target") + "/lab-move.png");
        }

        assertTrue(bench.services().custody().verify(folder).intact(), "the folder, closed, still verifies");
    }
}
