package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CaseViewUiTest {
    @TempDir
    static Path dir;
    private CaseView view;
    private Workbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = UiFixture.bench(dir);
        Path caseDir = dir.resolve("ws").resolve("case-" + System.nanoTime());
        bench.services().cases().create(caseDir, new NewCase("FIR 5/2026", "Import test", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        view = new CaseView(bench, caseDir);
        stage.setScene(Workbench.scene(view.root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anImportedFileAppearsAsARowWithItsSha256(FxRobot robot) throws Exception {
        byte[] bytes = "UPI receipt 45,000 to ravi.k@okaxis\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("receipt.txt"), bytes);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        Platform.runLater(() -> view.importPaths(List.of(file)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startImportButton");

        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 1);
        Item row = table.getItems().get(0);
        assertEquals("E0001", row.id());
        assertEquals("receipt.txt", row.name());
        assertEquals(sha256, row.digests().sha256());
    }

    @Test
    void enterOnTheSelectedRowOpensThatItemAndRecordsTheAccess(FxRobot robot) throws Exception {
        Path file = Files.write(dir.resolve("note-" + System.nanoTime() + ".txt"), "seized note\n".getBytes(StandardCharsets.UTF_8));
        Platform.runLater(() -> view.importPaths(List.of(file)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startImportButton");
        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == 1);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        String id = table.getItems().get(0).id();
        UiFixture.await(() -> {
            try {
                return bench.services().custody().events(view.viewModel().caseDir()).stream()
                        .anyMatch(e -> e.type().equals("ITEM_ACCESSED") && id.equals(e.itemId()));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void openingACaseWindowRemovesPlainCopiesACrashedExportOrReceiptLeftButKeepsOtherFolders(FxRobot robot)
            throws Exception {
        Path c = dir.resolve("ws").resolve("crashed-" + System.nanoTime());
        bench.services().cases().create(c, new NewCase("FIR 6/2026", "Crash leftovers", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), bench.actor()));
        Path staging = Files.createDirectories(c.resolve("exports").resolve(".staging-crashed"));
        Files.writeString(staging.resolve("B.zip"), "plain bundle bytes");
        Files.writeString(staging.resolve(".lock"), ""); // a lock file no process holds: the run that made it died
        Path decrypt = Files.createDirectories(c.resolve(".decrypt-crashed"));
        Files.writeString(decrypt.resolve(".lock"), "");
        Path kept = Files.createDirectories(c.resolve("exports").resolve("kept"));

        robot.interact(() -> CaseView.open(bench, c, null));

        UiFixture.await(() -> !Files.exists(staging) && !Files.exists(decrypt));
        org.junit.jupiter.api.Assertions.assertTrue(Files.isDirectory(kept), "only the crashed runs' folders go");
    }
}
