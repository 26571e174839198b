package org.sakshi.ui.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.bundle.BundleVerifier;
import org.sakshi.bundle.SealedFixture;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VerifyViewUiTest {
    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static Path tampered;
    private VerifyView view;

    @BeforeAll
    static void sealAndTamper() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
        SealedFixture.Custody custody = new SealedFixture.Custody("{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8), 1,
                "c".repeat(64));
        SealedFixture.Built built = SealedFixture.build(dir, tsa, tsa.pki().officerSigner(), custody,
                new BundleVerifier(null, null, null, null));
        tampered = dir.resolve("tampered.zip");
        // One bit of the chat's bytes flipped, everything else copied as is (what an editor with a ZIP tool does).
        try (ZipFile in = new ZipFile(built.bundle().toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("data/evidence/E0002/WhatsApp Chat with Ravi.txt")) {
                    b[3] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Start
    void start(Stage stage) {
        Workbench bench = UiFixture.bench(dir);
        view = new VerifyView(bench);
        stage.setScene(Workbench.scene(view.root(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aTamperedBundleShowsFailedNamingTheChangedFile(FxRobot robot) throws Exception {
        robot.interact(() -> view.verify(tampered));
        Label verdict = robot.lookup("#verdictLabel").queryAs(Label.class);
        Label reasonLabel = robot.lookup("#reasonLabel").queryAs(Label.class);
        // both labels are set in one FX runnable; wait for the whole of it before reading
        UiFixture.await(() -> !verdict.getText().isEmpty() && !reasonLabel.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FAILED", verdict.getText());
        String reason = reasonLabel.getText();
        assertTrue(reason.contains("data/evidence/E0002/WhatsApp Chat with Ravi.txt"), reason);
    }

    @Test
    void atTenTwentyFourBySevenSixtyEightAndAtTheWindowMinimumEveryToolbarButtonShowsItsWholeLabel(FxRobot robot)
            throws Exception {
        robot.interact(() -> view.verify(tampered));
        Label verdict = robot.lookup("#verdictLabel").queryAs(Label.class);
        UiFixture.await(() -> !verdict.getText().isEmpty());
        for (double width : new double[] {1024, org.sakshi.ui.common.WindowSize.WINDOW_MIN_WIDTH}) {
            robot.interact(() -> {
                javafx.stage.Window w = view.root().getScene().getWindow();
                w.setWidth(width);
                w.setHeight(768);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : java.util.List.of("#openButton", "#reverifyButton", "#saveButton", "#auditButton")) {
                javafx.scene.control.Button b = robot.lookup(id).queryAs(javafx.scene.control.Button.class);
                assertTrue(!org.sakshi.ui.common.Controls.truncated(b),
                        id + " is cut at " + width + ": width " + b.getWidth() + " for '" + b.getText() + "'");
            }
        }
        Label bundle = robot.lookup("#bundleLabel").queryAs(Label.class);
        assertEquals(tampered.toString(), bundle.getTooltip().getText(), "the path, when cut, shows in full in its tooltip");
    }
}
