package org.sakshi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.Verdict;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.sample.SampleCase;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.ui.common.Choosers;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.SettingsStore;
import org.sakshi.ui.common.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's "First five minutes", done in the window the way an officer does it, on a first run:
 * the profile is asked, Help → Open sample case, Custody ledger → Verify chain (CHAIN INTACT) and
 * Transfer to take custody from the sample officer, Import files (a screenshot and a WhatsApp chat),
 * Time-stamp pending items against a real RFC 3161 server on loopback, Open preview of E0001, Export
 * bundle, Verify a bundle with the agency and TSA roots (PASSED), and Audit of the bundle and of the
 * case: no ERROR. Native file choosers are answered through {@link Choosers#answerWith}, the only
 * step not done by clicking.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FirstFiveMinutesUiTest {
    private static final String ME = "SI Asha Rao";

    @TempDir
    static Path dir;
    private static LocalTsa tsa;
    private static Path screenshot;
    private static Path chat;
    private Workbench bench;
    private Stage start;
    private final List<Choosers.Question> asked = new ArrayList<>();

    @BeforeAll
    static void evidenceAndTsa() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
        Path seized = Files.createDirectories(dir.resolve("seized"));
        BufferedImage img = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 120, 60);
        g.dispose();
        screenshot = seized.resolve("Screenshot_20260312-101500.png");
        ImageIO.write(img, "png", screenshot.toFile());
        chat = seized.resolve("WhatsApp Chat with Dmitry S.txt");
        try (InputStream in = FirstFiveMinutesUiTest.class.getResourceAsStream("/chat/public/whatsjson-ios-hindi.txt")) {
            Files.copy(in, chat);
        }
    }

    @AfterAll
    static void stopTsa() {
        Choosers.answerWith(null);
        if (tsa != null) {
            tsa.close();
        }
    }

    @Start
    void start(Stage stage) {
        Path ws = dir.resolve("ws");
        // a first run: no settings yet, so no operator profile
        bench = new Workbench(new AppContext(ws).ui(), ws, new SettingsStore(dir.resolve("home")));
        start = stage;
        SakshiApp.showStart(bench, stage);
        stage.show();
        SakshiApp.firstRun(bench, stage);
    }

    @AfterEach
    void closeWindows() throws Exception {
        Choosers.answerWith(null);
        FxToolkit.cleanupStages();
    }

    @Test
    void theReadmesFirstFiveMinutesEndWithABundleThatVerifiesPassedAndAnAuditWithoutErrors(FxRobot robot)
            throws Exception {
        Path out = dir.resolve("out").resolve("SAMPLE-0001-bundle.zip");
        Choosers.answerWith(q -> {
            asked.add(q);
            if (q.title() != null && q.title().equals(Messages.get("profile.identity"))) {
                return List.of(tsa.pki().officerP12().toFile());
            }
            if (q.kind() == Choosers.Kind.OPEN_MANY && q.title().equals(Messages.get("import.choose.files"))) {
                return List.of(screenshot.toFile(), chat.toFile());
            }
            if (q.kind() == Choosers.Kind.SAVE && q.initialName() != null && q.initialName().endsWith(".zip")) {
                return List.of(out.toFile());
            }
            if (q.kind() == Choosers.Kind.OPEN_MANY && q.title().equals(Messages.get("verify.anchors.add"))) {
                return List.of(tsa.pki().agencyCaPem().toFile(), tsa.trustAnchorPem().toFile());
            }
            if (q.kind() == Choosers.Kind.OPEN && q.title().equals(Messages.get("verify.open"))) {
                return List.of(out.toFile());
            }
            return List.of(); // anything else: the officer cancels
        });

        // 1. first run: name (and signing identity) once; it goes into every custody record
        await(robot, "#profileName");
        robot.clickOn("#profileName").write(ME);
        robot.clickOn("#profileBrowse");
        assertEquals(tsa.pki().officerP12().toString(), robot.lookup("#profileIdentity").queryAs(TextField.class).getText());
        robot.clickOn(button(robot, robot.lookup("#profileName").query(), Messages.get("common.save")));
        UiFixture.await(() -> bench.settings().profile != null);
        assertEquals(ME, bench.actor().name());

        // 2. Help → Open sample case
        robot.clickOn(Messages.get("menu.help").replace("_", ""));
        robot.clickOn(Messages.get("help.sample"));
        Path caseDir = dir.resolve("ws").resolve(SampleCase.CASE_NUMBER);
        Stage caseWindow = awaitWindow(() -> bench.windows().find(new org.sakshi.ui.evidence.CaseView.Key(caseDir)));
        Parent caseRoot = caseWindow.getScene().getRoot();
        TableView<Item> items = robot.from(caseRoot).lookup("#itemTable").queryTableView();
        UiFixture.await(() -> items.getItems().size() == 3);

        // 4./5. Custody ledger → Verify chain: CHAIN INTACT; Custody → Transfer to take custody first
        robot.clickOn(in(robot, caseRoot, "#custodyButton"));
        Stage custodyWindow = awaitWindow(() -> bench.windows().find(new org.sakshi.ui.custody.CustodyView.Key(caseDir)));
        Parent custodyRoot = custodyWindow.getScene().getRoot();
        robot.clickOn(in(robot, custodyRoot, "#verifyButton"));
        Label chain = robot.from(custodyRoot).lookup("#chainStatus").queryAs(Label.class);
        UiFixture.await(() -> chain.getText() != null && !chain.getText().isEmpty());
        assertTrue(chain.getText().startsWith("CHAIN INTACT"), chain.getText());
        robot.clickOn(in(robot, custodyRoot, "#transferButton"));
        await(robot, "#transferFrom");
        assertEquals(SampleCase.OFFICER, robot.lookup("#transferFrom").queryAs(TextField.class).getText(),
                "From is the holder by the ledger");
        robot.clickOn("#transferTo").write(ME);
        robot.clickOn("#transferReceivedBy").write(ME);
        robot.clickOn("#transferHandedOverBy").write(SampleCase.OFFICER);
        robot.clickOn("#transferReason").write("investigation");
        robot.clickOn("#transferRecord");
        UiFixture.await(() -> events(caseDir).stream().anyMatch(e -> e.type().equals("TRANSFERRED")));
        robot.interact(custodyWindow::close);

        // Import files: a screenshot and a WhatsApp chat, with the seizure details
        robot.clickOn(in(robot, caseRoot, "#importButton"));
        await(robot, "#importLocation");
        robot.clickOn("#importSource").write("seized from accused");
        robot.clickOn("#importLocation").write("PS Sadar, Kolkata");
        robot.clickOn("#startImportButton");
        UiFixture.await(() -> items.getItems().size() == 5);
        assertTrue(items.getItems().stream().anyMatch(i -> i.name().equals(screenshot.getFileName().toString())));
        assertTrue(items.getItems().stream().anyMatch(i -> i.name().equals(chat.getFileName().toString())));

        // Case → Time-stamp pending items: no server remembered yet, so the window asks for one
        assertTrue(items.getItems().stream().anyMatch(i -> i.timestamp().status() == TimestampStatus.PENDING));
        robot.clickOn(in(robot, caseRoot, "#stampButton"));
        await(robot, "#stampTsaUrl");
        TextField tsaField = robot.lookup("#stampTsaUrl").queryAs(TextField.class);
        robot.clickOn(tsaField).write(tsa.url().toString());
        robot.clickOn(((DialogPane) tsaField.getScene().getRoot()).lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> items.getItems().size() == 5
                && items.getItems().stream().allMatch(i -> i.timestamp().status() == TimestampStatus.GRANTED));
        assertEquals(List.of(tsa.url().toString()), bench.settings().tsaUrls, "the server is remembered");

        // 3. Click E0001, Open preview (recorded as ITEM_ACCESSED with my name)
        java.util.function.Predicate<Node> e0001 = n -> n instanceof TableCell<?, ?> c && "E0001".equals(c.getText());
        UiFixture.await(() -> robot.from(items).lookup(e0001).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(items).lookup(e0001).queryAs(Node.class));
        UiFixture.await(() -> items.getSelectionModel().getSelectedItem() != null
                && "E0001".equals(items.getSelectionModel().getSelectedItem().id()));
        UiFixture.await(() -> robot.from(caseRoot).lookup("#openPreviewButton").tryQuery().isPresent());
        robot.clickOn(in(robot, caseRoot, "#openPreviewButton"));
        UiFixture.await(() -> events(caseDir).stream().anyMatch(e -> e.type().equals("ITEM_ACCESSED")
                && ME.equals(e.actor().name()) && "E0001".equals(e.itemId())));

        // Export bundle…: identity from the profile, password asked, where to save chosen, Seal
        robot.clickOn(in(robot, caseRoot, "#exportButton"));
        await(robot, "#exportSecret");
        assertEquals(tsa.pki().officerP12().toString(), robot.lookup("#exportIdentity").queryAs(TextField.class).getText());
        robot.clickOn("#exportSecret").write(new String(tsa.pki().officerPassword()));
        robot.clickOn("#exportOutBrowse");
        assertEquals(out.toString(), robot.lookup("#exportOut").queryAs(TextField.class).getText());
        robot.clickOn("#sealButton");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> robot.lookup("#resultPath").tryQuery().isPresent());
        assertEquals(out.toString(), robot.lookup("#resultPath").queryAs(TextField.class).getText());
        assertTrue(Files.isRegularFile(out));
        assertNotEquals(Messages.get("verdict.FAILED"), robot.lookup("#resultVerdict").queryAs(Label.class).getText());
        Node resultPath = robot.lookup("#resultPath").query();
        robot.clickOn(button(robot, resultPath, Messages.get("export.close")));
        UiFixture.await(() -> robot.lookup("#resultPath").tryQuery().isEmpty());

        // Verify a bundle… with the agency's and the TSA's roots, as a prosecutor would
        robot.interact(start::toFront); // the windows overlap: the officer brings the start window forward
        robot.clickOn(in(robot, start.getScene().getRoot(), "#verifyButton"));
        Stage verifyWindow = awaitWindow(() -> windowTitled(Messages.get("verify.window")));
        Parent verifyRoot = verifyWindow.getScene().getRoot();
        robot.clickOn(in(robot, verifyRoot, "#addAnchorButton"));
        robot.clickOn(in(robot, verifyRoot, "#openButton"));
        Label verdict = robot.from(verifyRoot).lookup("#verdictLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !verdict.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Messages.get("verdict." + Verdict.PASSED.name()), verdict.getText(),
                () -> robot.from(verifyRoot).lookup("#reasonLabel").queryAs(Label.class).getText());

        // Audit (of the bundle, from the verify window; and of the case, from the case window): no ERROR
        robot.clickOn(in(robot, verifyRoot, "#auditButton"));
        assertNoErrors(robot, awaitWindow(() -> windowTitled(Messages.get("audit.window", out.getFileName()))));
        robot.interact(caseWindow::toFront);
        robot.clickOn(in(robot, caseRoot, "#auditButton"));
        assertNoErrors(robot, awaitWindow(() -> windowTitled(Messages.get("audit.window", caseDir.getFileName()))));

        assertFalse(asked.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static void assertNoErrors(FxRobot robot, Stage audit) throws Exception {
        Parent root = audit.getScene().getRoot();
        Label headline = robot.from(root).lookup("#auditHeadline").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> headline.getText() != null && !headline.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Finding> findings = robot.from(root).lookup("#findingTable").queryAs(TableView.class);
        List<Finding> errors = findings.getItems().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(List.of(), errors, audit.getTitle());
        assertNotEquals(Messages.get("audit.headline.errors"), headline.getText(), audit.getTitle());
    }

    private List<CustodyEvent> events(Path caseDir) {
        try {
            return bench.services().custody().events(caseDir);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Node in(FxRobot robot, Parent root, String query) {
        return robot.from(root).lookup(query).query();
    }

    /** The button with this text in the same window as {@code near}. */
    private static Node button(FxRobot robot, Node near, String text) throws Exception {
        Parent root = near.getScene().getRoot();
        java.util.function.Predicate<Node> shown = n -> n instanceof javafx.scene.control.Button b
                && text.equals(b.getText()) && b.isVisible() && b.getScene() != null;
        UiFixture.await(() -> robot.from(root).lookup(shown).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(root).lookup(shown).query();
    }

    private static void await(FxRobot robot, String query) throws Exception {
        UiFixture.await(() -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Stage> windowTitled(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst();
    }

    private static Stage awaitWindow(java.util.function.Supplier<Optional<Stage>> find) throws Exception {
        UiFixture.await(() -> find.get().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return find.get().orElseThrow();
    }
}
