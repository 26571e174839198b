package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.service.ExportRequest;
import org.sakshi.service.ExportResult;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.service.SigningIdentity;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.OperatorProfile;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An encrypted bundle ({@code .zip.p7m}) dropped on the case window is opened with the officer's own
 * key (password asked), verified, received with the encrypted file named in BUNDLE_RECEIVED, and the
 * plain copy made for it is gone afterwards; a wrong password records nothing and leaves nothing plain.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReceiveDropUiTest {
    @TempDir
    static Path dir;
    private static LocalTsa tsa;
    private static Path p7m;
    private CaseView view;
    private Path caseDir;
    private Workbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = UiFixture.bench(dir);
        bench.settings().profile = new OperatorProfile("SI Asha Rao", "SI", "4711", "CID West Bengal",
                tsa.pki().officerP12().toString(), false);
        bench.settings().trustAnchors = new java.util.ArrayList<>(List.of(tsa.pki().agencyCaPem().toString(),
                tsa.pki().tsaRootPem().toString()));
        caseDir = dir.resolve("ws").resolve("receiving-" + System.nanoTime());
        bench.services().cases().create(caseDir, new NewCase("CID 9/2026", "Received", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        view = new CaseView(bench, caseDir);
        stage.setScene(Workbench.scene(view.root(), 1200, 760));
        stage.show();
    }

    /** Agency A's bundle, encrypted to this officer's certificate (made once, off the FX thread). */
    @org.junit.jupiter.api.BeforeAll
    static void encryptedBundle() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
        org.sakshi.ui.common.UiServices sending = new org.sakshi.app.AppContext(dir.resolve("sending-ws")).ui();
        org.sakshi.core.Actor thapa = org.sakshi.core.Actor.named("Insp. Sita Thapa");
        Path sender = dir.resolve("sending-ws").resolve("sender");
        sending.cases().create(sender, new NewCase("KTM 4/2082", "Sent", "Nepal Police", Jurisdiction.NP,
                ZoneId.of("Asia/Kathmandu"), thapa));
        Path photo = Files.write(dir.resolve("photo.bin"), new byte[] {7, 7, 7, 7});
        sending.imports().importPaths(sender, List.of(photo),
                new ImportRequest(null, null, null, null, null, List.of(tsa.source()), thapa), null, null);
        Signer signer = sending.identities().open(SigningIdentity.pkcs12(tsa.pki().officerP12(), null),
                tsa.pki().officerPassword());
        Files.createDirectories(dir.resolve("out"));
        ExportResult r = sending.exports().export(sender, new ExportRequest(dir.resolve("out/KTM-4.zip"),
                signer, List.of(tsa.source()), List.of(), List.of(), thapa, List.of(tsa.pki().officerCert()))
                .withLongTerm(false), null, null);
        assertTrue(r.bundle().getFileName().toString().endsWith(".zip.p7m"), r.bundle().toString());
        p7m = r.bundle();
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

    private boolean plainCopyLeft() throws Exception {
        try (Stream<Path> s = Files.list(caseDir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".decrypt-"));
        }
    }

    @Test
    void aDroppedP7mIsDecryptedWithTheOfficersKeyVerifiedAndReceivedLeavingNoPlainCopy(FxRobot robot)
            throws Exception {
        Platform.runLater(() -> view.dropFiles(List.of(p7m)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tsa.pki().officerP12().toString(), robot.lookup("#decryptKey").queryAs(TextField.class).getText(),
                "the key remembered in the profile");
        robot.clickOn("#decryptSecret").write(new String(tsa.pki().officerPassword()));
        robot.clickOn("#decryptOpen");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#receiveFrom").tryQuery().map(n -> n.isVisible() && n.getScene() != null
                        && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#receiveFrom").write("Nepal Police, CIB");
        if (!robot.lookup("#receiveReason").query().isDisabled()) {
            robot.clickOn("#receiveReason").write("revocation not checked offline");
        }
        robot.clickOn("#receiveRecord");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> bench.services().evidence().items(caseDir).size() == 1);
        CustodyEvent received = bench.services().custody().events(caseDir).stream()
                .filter(e -> e.type().equals("BUNDLE_RECEIVED")).findFirst().orElseThrow();
        String via = String.valueOf(received.details().get("via"));
        assertTrue(via.contains("encrypted file KTM-4.zip.p7m (SHA-256 "), via);
        assertTrue(via.contains(org.sakshi.bundle.Hashes.sha256(p7m)), "the SHA-256 of the file as it arrived: " + via);
        UiFixture.await(() -> {
            try {
                return !plainCopyLeft();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aWrongPasswordAsksAgainKeepingTheChosenKeyAndRecordsNothingAndLeavesNoPlainCopy(FxRobot robot)
            throws Exception {
        long before = bench.services().custody().events(caseDir).size();
        // a key file other than the profile's, to see that the one chosen is kept
        Path chosen = Files.copy(tsa.pki().officerP12(), dir.resolve("chosen-" + System.nanoTime() + ".p12"));
        Platform.runLater(() -> view.dropFiles(List.of(p7m)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#decryptKey").queryAs(TextField.class).setText(chosen.toString()));
        robot.clickOn("#decryptSecret").write("not-the-password");
        robot.clickOn("#decryptOpen");
        // the dialog comes back with a sentence for the window (not the command line's "password file")
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#decryptProblem").tryQuery().isPresent());
        String said = robot.lookup("#decryptProblem").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(said.contains("KTM-4.zip.p7m") && said.contains("check the password and try again"), said);
        assertTrue(!said.contains("password file"), said);
        assertEquals(chosen.toString(), robot.lookup("#decryptKey").queryAs(TextField.class).getText(),
                "the key chosen before is kept");
        assertTrue(robot.lookup("#receiveRecord").tryQuery().isEmpty(), "no verdict without the key");
        assertEquals(before, bench.services().custody().events(caseDir).size(), "nothing recorded");
        assertEquals(0, bench.services().evidence().items(caseDir).size());
        assertTrue(!plainCopyLeft(), "no plain copy left in the case");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#decryptProblem").tryQuery().isEmpty(), "cancelled");
        assertEquals(before, bench.services().custody().events(caseDir).size(), "nothing recorded");
    }
}
