package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.BigCase;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.custody.CustodyView;
import org.sakshi.ui.custody.CustodyViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Large cases in the window (issue 15), headless: the item table, the chat viewer and the custody view. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BigCaseUiTest {
    private static final int ITEMS = 2_000;
    private static final int MESSAGES = 20_000;
    private static final int EVENTS = 3_000;
    @TempDir
    static Path dir;
    private static Path caseDir;
    private Workbench bench;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        bench = UiFixture.bench(dir);
        if (caseDir == null) {
            caseDir = dir.resolve("ws").resolve("big");
            bench.services().cases().create(caseDir, new NewCase("FIR 15/2026", "Big case", null, Jurisdiction.IN,
                    ZoneId.of("Asia/Kolkata"), bench.actor()));
            BigCase.fill(caseDir, ITEMS, MESSAGES, EVENTS);
        }
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theItemTableShowsEveryItemAndTheFilterFindsTheRightOnes(FxRobot robot) throws Exception {
        CaseView[] view = new CaseView[1];
        robot.interact(() -> {
            view[0] = new CaseView(bench, caseDir);
            stage.setScene(Workbench.scene(view[0].root(), 1200, 760));
            stage.show();
        });
        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == ITEMS);
        assertEquals("E0001", table.getItems().get(0).id());
        assertEquals(String.format("E%04d", ITEMS / 2 + 1), table.getItems().get(ITEMS / 2).id());
        assertEquals(String.format("E%04d", ITEMS), table.getItems().get(ITEMS - 1).id());

        robot.clickOn("#filterField").write("statement-19");
        // statement items are those with k % 5 == 2: 192, 1902, 1907... of which these contain "statement-19"
        List<String> want = java.util.stream.IntStream.rangeClosed(1, ITEMS)
                .filter(k -> BigCase.itemName(k).contains("statement-19"))
                .mapToObj(k -> String.format("E%04d", k)).toList();
        UiFixture.await(() -> table.getItems().size() == want.size());
        assertEquals(want, table.getItems().stream().map(Item::id).toList());
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertTrue(status.getText().contains(String.valueOf(want.size())), status.getText());

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText(""));
        UiFixture.await(() -> table.getItems().size() == ITEMS);
    }

    /** The filter's rule written the obvious way: every word in id, name, kind, source or warnings, or a hash prefix of 6+. */
    private static boolean obviousMatch(Item i, String query) {
        String text = (i.id() + " " + i.name() + " " + i.kind().json() + " " + i.source().text() + " "
                + String.join(" ", i.warnings())).toLowerCase(java.util.Locale.ROOT);
        for (String w : query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+")) {
            boolean hash = w.length() >= 6 && (i.digests().sha256().startsWith(w) || i.digests().sha1().startsWith(w)
                    || i.digests().md5().startsWith(w));
            if (!hash && !text.contains(w)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theFilterFindsByNameKindSourceWarningAndHashPrefixAndKeepsTheSelectedItem(FxRobot robot) throws Exception {
        CaseView[] view = new CaseView[1];
        robot.interact(() -> {
            view[0] = new CaseView(bench, caseDir);
            stage.setScene(Workbench.scene(view[0].root(), 1200, 760));
            stage.show();
        });
        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == ITEMS);
        List<Item> all = List.copyOf(view[0].viewModel().items());
        Item e150 = all.get(149); // a screenshot "photo-150.bin" from "seized phone of A", warned as a duplicate
        assertEquals("E0150", e150.id());
        robot.interact(() -> table.getSelectionModel().select(e150));
        TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        for (String q : List.of("photo-150", "screenshot PHOTO-15", "duplicate", "seized e015",
                e150.digests().sha256().substring(0, 10), e150.digests().sha1().substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                e150.digests().md5().substring(0, 6) + " photo", "  photo-150  ", "0150")) {
            List<String> want = all.stream().filter(i -> obviousMatch(i, q)).map(Item::id).toList();
            assertTrue(want.contains("E0150"), q);
            robot.interact(() -> filter.setText(q));
            assertEquals(want, table.getItems().stream().map(Item::id).toList(), q);
            assertEquals(Messages.get("case.status", want.size(), ITEMS), status.getText(), q);
            assertEquals("E0150", table.getSelectionModel().getSelectedItem() == null ? null
                    : table.getSelectionModel().getSelectedItem().id(), "the selected item stays selected: " + q);
            assertEquals("E0150", view[0].viewModel().selectedProperty().get().id(), q);
        }
        // five characters of a hash are not a prefix search (too many chance hits); a word found nowhere shows nothing
        String five = e150.digests().sha256().substring(0, 5);
        robot.interact(() -> filter.setText(five));
        assertEquals(all.stream().filter(i -> obviousMatch(i, five)).map(Item::id).toList(),
                table.getItems().stream().map(Item::id).toList());
        robot.interact(() -> filter.setText("no-such-item"));
        assertEquals(0, table.getItems().size());
        assertEquals(Messages.get("case.status", 0, ITEMS), status.getText());
        robot.interact(() -> filter.setText(""));
        assertEquals(all.stream().map(Item::id).toList(), table.getItems().stream().map(Item::id).toList());
        assertEquals(Messages.get("case.status", ITEMS, ITEMS), status.getText());
    }

    @Test
    void aHashCellShowsTheWholeHashInATooltipOnceHoveredAndFollowsTheFilter(FxRobot robot) throws Exception {
        CaseView[] view = new CaseView[1];
        robot.interact(() -> {
            view[0] = new CaseView(bench, caseDir);
            stage.setScene(Workbench.scene(view[0].root(), 1200, 760));
            stage.show();
        });
        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == ITEMS);
        // the hash column comes after the import time: in this window size it is scrolled into view
        robot.interact(() -> table.scrollToColumn(table.getColumns().stream()
                .filter(c -> c.getText().equals(Messages.get("case.col.sha256"))).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Label first = robot.from(table).lookup(".hash").queryAll().stream().map(Label.class::cast)
                .filter(l -> l.getText().startsWith(table.getItems().get(0).digests().sha256().substring(0, 16)))
                .findFirst().orElseThrow();
        assertEquals(null, first.getTooltip(), "no tooltip is made before the pointer comes");
        robot.moveTo(first);
        UiFixture.await(() -> first.getTooltip() != null);
        assertEquals(table.getItems().get(0).digests().sha256(), first.getTooltip().getText());
        // the same cell now shows another item: its tooltip says that item's hash
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("E0150"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("E0150", table.getItems().get(0).id());
        assertEquals(table.getItems().get(0).digests().sha256(), first.getTooltip().getText());
    }

    @Test
    void theImportTimeShowsWholeWithItsUtcHalfAndInViewInTheDefaultSize(FxRobot robot) throws Exception {
        CaseView[] view = new CaseView[1];
        robot.interact(() -> {
            view[0] = new CaseView(bench, caseDir);
            stage.setScene(Workbench.scene(view[0].root(), 1280, 800));
            stage.show();
        });
        TableView<Item> table = robot.lookup("#itemTable").queryTableView();
        UiFixture.await(() -> table.getItems().size() == ITEMS);
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.TableCell<?, ?>> times = robot.from(table).lookup(".table-cell").queryAll().stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.isVisible() && c.getText() != null && c.getText().endsWith(" UTC")).toList();
        assertTrue(times.size() > 10, "time cells drawn: " + times.size());
        double tableRight = table.localToScene(table.getBoundsInLocal()).getMaxX();
        for (javafx.scene.control.TableCell<?, ?> c : times) {
            assertTrue(c.getText().contains("Asia/Kolkata = "), c.getText());
            assertTrue(!org.sakshi.ui.common.Controls.truncated(c), "cut: " + c.getText() + " in " + c.getWidth());
            double right = c.localToScene(c.getBoundsInLocal()).getMaxX();
            assertTrue(right <= tableRight, "the time ends at " + right + ", the table at " + tableRight);
        }
    }

    @Test
    void chatSearchWalksTheHitsInOrderAndWraps(FxRobot robot) throws Exception {
        ChatViewModel vm = ChatViewModel.load(bench.services().evidence(), caseDir, "E0001");
        ChatViewer[] viewer = new ChatViewer[1];
        robot.interact(() -> {
            viewer[0] = new ChatViewer(vm, false);
            stage.setScene(Workbench.scene(viewer[0], 900, 700));
            stage.show();
        });
        @SuppressWarnings("unchecked")
        ListView<ChatViewModel.Row> list = robot.lookup(".chat-list").queryAs(ListView.class);
        assertEquals(vm.rows().size(), list.getItems().size());
        assertTrue(vm.rows().rowsRead() < 4L * ChatViewModel.PAGE, "the list reads only the rows it shows: "
                + vm.rows().rowsRead());
        List<Integer> hits = BigCase.expectedHits(MESSAGES, "needle").stream().map(vm::rowOfMessage).toList();

        robot.clickOn("#chatSearch").write("needle");
        Label count = robot.lookup("#chatHits").queryAs(Label.class);
        // the search runs once typing pauses; its first hit is selected and the count shown
        UiFixture.await(() -> count.getText().equals(org.sakshi.ui.common.Messages.get("chat.hit", 1, hits.size()))
                && list.getSelectionModel().getSelectedIndex() == hits.get(0));
        for (int k = 1; k <= hits.size(); k++) {
            robot.clickOn("#chatNext");
            int want = hits.get(k % hits.size()); // the last "next" wraps to the first hit
            UiFixture.await(() -> list.getSelectionModel().getSelectedIndex() == want);
        }
        robot.clickOn("#chatPrev");
        UiFixture.await(() -> list.getSelectionModel().getSelectedIndex() == hits.get(hits.size() - 1));
        ChatViewModel.MessageRow m = (ChatViewModel.MessageRow) list.getSelectionModel().getSelectedItem();
        assertTrue(m.text().contains("NEEDLE"), m.text());

        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.rows().rowsRead() < MESSAGES / 2, "rows read after a search and a jump to the end: "
                + vm.rows().rowsRead());
    }

    @Test
    void theCustodyViewReadsOnlyThePagesItShows(FxRobot robot) throws Exception {
        CustodyView[] view = new CustodyView[1];
        robot.interact(() -> {
            view[0] = new CustodyView(bench, caseDir);
            stage.setScene(Workbench.scene(view[0].root(), 1100, 650));
            stage.show();
        });
        TableView<CustodyEvent> table = robot.lookup("#eventTable").queryTableView();
        CustodyViewModel vm = view[0].viewModel();
        UiFixture.await(() -> table.getItems().size() > EVENTS);
        long total = vm.total();
        assertEquals(total, table.getItems().size());
        assertEquals(1L, table.getItems().get(0).seq());
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(total, table.getItems().get(table.getItems().size() - 1).seq());
        assertTrue(vm.visible().rowsRead() <= 4L * CustodyViewModel.PAGE,
                "rows read to show the top and the bottom of " + total + " events: " + vm.visible().rowsRead());

        robot.interact(() -> vm.typeFilterProperty().set("TRANSFERRED"));
        UiFixture.await(() -> !table.getItems().isEmpty() && table.getItems().size() < total
                && "TRANSFERRED".equals(table.getItems().get(0).type()));
        assertTrue(table.getItems().stream().allMatch(e -> e.type().equals("TRANSFERRED")));
    }
}
