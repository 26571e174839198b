package org.sakshi.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExportWizardUiTest {
    @TempDir
    static Path dir;
    private static LocalTsa tsa;

    @Start
    void start(Stage stage) throws Exception {
        Workbench bench = UiFixture.bench(dir);
        tsa = LocalTsa.start(dir.resolve("pki-" + System.nanoTime()));
        Path caseDir = dir.resolve("ws").resolve("case-" + System.nanoTime());
        bench.services().cases().create(caseDir, new NewCase("FIR 21/2026", "Export test", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        Path photo = Files.write(dir.resolve("photo-" + System.nanoTime() + ".bin"), new byte[] {1, 2, 3});
        bench.services().imports().importPaths(caseDir, List.of(photo),
                new ImportRequest(null, null, null, null, null, List.of(), bench.actor()), null, null);
        bench.settings().profile = new org.sakshi.ui.common.OperatorProfile("SI Asha Rao", "SI", "4711",
                "CID West Bengal", tsa.pki().officerP12().toString(), false);
        stage.setScene(Workbench.scene(new Label("case"), 400, 300));
        stage.show();
        ExportWizard.open(bench, caseDir, bench.services().cases().open(caseDir),
                bench.services().evidence().items(caseDir), stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    void aWrongPasswordKeepsTheWizardOpenWithTheFileChosenAndSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#exportSecret").write("not-the-password");
        robot.clickOn("#sealButton");
        // the form is replaced by the progress view until the wrong password is found; wait for it to return
        UiFixture.await(() -> robot.lookup("#secretProblem").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        Label problem = robot.lookup("#secretProblem").queryAs(Label.class);
        assertTrue(problem.getText().startsWith("Wrong password for "), problem.getText());
        assertEquals(tsa.pki().officerP12().toString(), robot.lookup("#exportIdentity").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#sealButton").query().getScene().getWindow().isShowing(), "the wizard is still open");
        assertTrue(robot.lookup("#exportSecret").queryAs(PasswordField.class).getText().isEmpty(), "the wrong password is wiped");
        robot.clickOn("#exportSecret").write("x");
        assertFalse(problem.isVisible(), "typing again clears the message");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecipientInTheListMakesTheWizardWriteOnlyTheEncryptedBundle(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<java.security.cert.X509Certificate> list =
                robot.lookup("#exportRecipients").queryAs(javafx.scene.control.ListView.class);
        org.sakshi.testsupport.TestPki.Identity prosecutor = tsa.pki().issueRecipient("Public Prosecutor", "RSA");
        org.sakshi.testsupport.TestPki.Identity lab = tsa.pki().issueRecipient("Lab", "secp384r1");
        robot.interact(() -> list.getItems().addAll(prosecutor.cert(), lab.cert()));
        assertTrue(robot.lookup("#removeRecipient").query().isDisabled(), "nothing chosen to remove");
        // the list draws its cells on a later pulse (slow on a loaded machine): wait for the row, then click it
        robot.interact(() -> list.scrollTo(lab.cert()));
        UiFixture.await(() -> robot.lookup("Lab (EC P-384)").tryQuery().isPresent());
        robot.clickOn(robot.lookup("Lab (EC P-384)").queryLabeled());
        robot.clickOn("#removeRecipient");
        assertEquals(List.of(prosecutor.cert()), List.copyOf(list.getItems()));
        robot.clickOn("#exportSecret").write(new String(tsa.pki().officerPassword()));
        robot.clickOn("#sealButton");
        // sealing, re-reading and encrypting take a while on a loaded machine
        org.testfx.util.WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> !robot.lookup("#resultPath").queryAll().isEmpty());
        Path written = Path.of(robot.lookup("#resultPath").queryAs(TextField.class).getText());
        assertTrue(written.getFileName().toString().endsWith(".zip.p7m"), written.toString());
        assertTrue(Files.isRegularFile(written));
        Path zip = written.resolveSibling(written.getFileName().toString().replace(".p7m", ""));
        assertFalse(Files.exists(zip), "no plain bundle beside the encrypted one");
    }
}
