package org.sakshi.ui.evidence;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.BigCase;
import org.sakshi.ui.UiFixture;
import org.sakshi.ui.common.Workbench;
import org.sakshi.ui.custody.CustodyView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Large cases in the window (issue 15), headless (Monocle): a case of 20,000 items, a chat of
 * 1,000,000 messages, a ledger of 1,000,000 events. Prints a table; asserts nothing about time.
 * {@code mvn -Pbench test -Dtest=BigCaseBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (or {@code src/test/bench/bigcase-bench.sh}); {@code -Dsakshi.bench.dir=DIR} keeps the generated
 * case between runs (default {@code /tmp/sakshi-bigcase-bench}); {@code -Dsakshi.bench.items},
 * {@code .messages}, {@code .events} change the sizes.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class BigCaseBench {
    private static final int ITEMS = Integer.getInteger("sakshi.bench.items", 20_000);
    private static final int MESSAGES = Integer.getInteger("sakshi.bench.messages", 1_000_000);
    private static final int EVENTS = Integer.getInteger("sakshi.bench.events", 1_000_000);
    /** Which parts run (comma-separated: case, chat, custody); all by default. */
    private static final String PARTS = System.getProperty("sakshi.bench.parts", "case,chat,custody");
    private final Map<String, String> table = new LinkedHashMap<>();

    @Test
    void largeCasesInTheWindow(FxRobot robot) throws Exception {
        Path root = Path.of(System.getProperty("sakshi.bench.dir", "/tmp/sakshi-bigcase-bench"));
        Path caseDir = root.resolve("case-" + ITEMS + "-" + MESSAGES + "-" + EVENTS);
        Workbench bench = UiFixture.bench(root);
        if (!Files.exists(caseDir.resolve("case.db"))) {
            long t0 = mark();
            bench.services().cases().create(caseDir, new NewCase("FIR 15/2026", "Big case", null, Jurisdiction.IN,
                    ZoneId.of("Asia/Kolkata"), bench.actor()));
            BigCase.fill(caseDir, ITEMS, MESSAGES, EVENTS);
            System.err.printf("generated %s in %.1f s%n", caseDir, (System.nanoTime() - t0) / 1e9);
        }
        System.err.printf("bench: %d cores, load %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(), Runtime.getRuntime().maxMemory() >> 20);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
        });

        // ---- case window: open until the table holds every item
        phase("case open");
        List<Double> opens = new ArrayList<>();
        List<Double> opensLaidOut = new ArrayList<>();
        CaseView[] view = new CaseView[1];
        LaidOut[] clock = new LaidOut[1];
        for (int run = 0; run < 3; run++) {
            phase("case open run " + run);
            long t0 = mark();
            robot.interact(() -> {
                long fx0 = System.nanoTime();
                view[0] = new CaseView(bench, caseDir);
                javafx.scene.Scene scene = Workbench.scene(view[0].root(), 1280, 800);
                TableView<?>[] t = new TableView<?>[1]; // in a split pane: found once its skin is made
                clock[0] = new LaidOut(scene);
                clock[0].arm(fx0, () -> (t[0] != null || (t[0] = (TableView<?>) scene.lookup("#itemTable")) != null)
                        && t[0].getItems().size() == ITEMS);
                stage[0].setScene(scene);
                stage[0].show();
            });
            TableView<?> items = (TableView<?>) stage[0].getScene().lookup("#itemTable");
            await(() -> items.getItems().size() == ITEMS, 60);
            WaitForAsyncUtils.waitForFxEvents();
            opens.add(ms(t0));
            await(() -> clock[0].ms() >= 0, 60);
            opensLaidOut.add(clock[0].ms());
        }
        put("case window open, " + ITEMS + " items (ms)", opens);
        put("  case open, to the table laid out (ms)", opensLaidOut);
        heap("heap after case open (MiB)");

        // ---- filter as you type: each keystroke until the table shows its rows
        phase("filter");
        TextField filter = (TextField) stage[0].getScene().lookup("#filterField");
        TableView<?> items = (TableView<?>) stage[0].getScene().lookup("#itemTable");
        List<Double> keys = new ArrayList<>();
        List<Double> keysLaidOut = new ArrayList<>();
        for (String typed : List.of("s", "st", "sta", "stat", "state", "statem", "statement", "statement-1",
                "statement-19", "statement-199", "")) {
            long want = typed.isEmpty() ? ITEMS : view[0].viewModel().items().stream()
                    .filter(i -> EvidenceViewModel.matches(i, typed)).count();
            long t0 = mark();
            robot.interact(() -> {
                clock[0].arm(System.nanoTime(), () -> items.getItems().size() == want);
                filter.setText(typed);
            });
            await(() -> items.getItems().size() == want, 30);
            WaitForAsyncUtils.waitForFxEvents();
            keys.add(ms(t0));
            await(() -> clock[0].ms() >= 0, 30);
            keysLaidOut.add(clock[0].ms());
        }
        put("filter keystroke (ms)", keys);
        put("  keystroke, to the table laid out (ms)", keysLaidOut);
        phase("filter done");

        if (PARTS.contains("chat")) {
            chat(robot, bench, view[0]);
        }
        if (PARTS.contains("custody")) {
            custody(robot, bench, caseDir);
        }
        robot.interact(() -> stage[0].close());

        System.err.println();
        System.err.printf("%-58s %s%n", "measure", "values (median first)");
        table.forEach((k, v) -> System.err.printf("%-58s %s%n", k, v));
    }

    /**
     * The time from a moment taken on the FX thread (before the window is built, or before the filter
     * text is set) to the end of the first layout pulse after it in which the armed condition holds: the table
     * laid out with its new rows, without TestFX's waits (each {@code interact} and
     * {@code waitForFxEvents} sleeps 5 x 10 ms, which the first measure of each pair includes). Drawing
     * the laid-out frame (software rendering here) is not included.
     */
    private static final class LaidOut {
        private volatile BooleanSupplier ready;
        private volatile long start;
        private volatile long end = -1;
        private volatile boolean armed;

        LaidOut(javafx.scene.Scene scene) {
            scene.addPostLayoutPulseListener(() -> {
                if (armed && this.ready.getAsBoolean()) {
                    end = System.nanoTime();
                    armed = false;
                }
            });
        }

        /** Starts a measure (FX thread). */
        void arm(long startNanos, BooleanSupplier ready) {
            this.ready = ready;
            start = startNanos;
            end = -1;
            armed = true;
        }

        /** Milliseconds measured, or -1 while the pulse has not come. */
        double ms() {
            long e = end;
            return e < 0 ? -1 : (e - start) / 1e6;
        }
    }

    /** Prints the wall-clock time a stage starts (to cut a flight recording into stages). */
    private static void phase(String name) {
        System.err.println("phase " + name + " at " + java.time.Instant.now());
    }

    private void chat(FxRobot robot, Workbench bench, CaseView caseView) throws Exception {
        CaseView[] view = {caseView};

        // ---- chat viewer: open (ITEM_ACCESSED, index, first page drawn)
        phase("chat");
        Item chat = view[0].viewModel().items().get(0);
        List<Double> chatOpens = new ArrayList<>();
        Parent[] chatRoot = new Parent[1];
        Stage[] chatStage = new Stage[1];
        robot.interact(() -> chatStage[0] = new Stage());
        for (int run = 0; run < 3; run++) {
            chatRoot[0] = null;
            System.gc();
            long t0 = mark();
            EvidenceViewModel.Opened opened = view[0].viewModel().open(chat.id(), bench.actor(), "bench");
            robot.interact(() -> {
                Node n = Previews.of(chat, opened);
                chatRoot[0] = new javafx.scene.layout.StackPane(n);
                chatStage[0].setScene(Workbench.scene(chatRoot[0], 900, 700));
                chatStage[0].show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            chatOpens.add(ms(t0));
        }
        put("chat viewer open, " + MESSAGES + " messages (ms)", chatOpens);
        heap("heap with the chat open (MiB)");

        ListView<?> list = (ListView<?>) chatRoot[0].lookup(".chat-list");
        List<Double> scrolls = new ArrayList<>();
        for (double f : new double[] {0.25, 0.5, 0.75, 0.999, 0.1, 0.6}) {
            int row = (int) (list.getItems().size() * f);
            long t0 = mark();
            robot.interact(() -> {
                list.scrollTo(row);
                list.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            scrolls.add(ms(t0));
        }
        put("chat jump-scroll to a far row (ms)", scrolls);

        TextField search = (TextField) chatRoot[0].lookup("#chatSearch");
        List<Double> hits = new ArrayList<>();
        long t0 = mark();
        robot.interact(() -> search.setText("needle"));
        await(() -> list.getSelectionModel().getSelectedIndex() >= 0, 60);
        hits.add(ms(t0));
        Button next = (Button) chatRoot[0].lookupAll(".button").stream()
                .filter(b -> b instanceof Button bt && "\u2193".equals(bt.getText())).findFirst().orElseThrow();
        for (int k = 0; k < 5; k++) {
            int before = list.getSelectionModel().getSelectedIndex();
            long t1 = mark();
            robot.interact(next::fire);
            await(() -> list.getSelectionModel().getSelectedIndex() != before, 60);
            hits.add(ms(t1));
        }
        put("chat next search hit (ms; first = typing the query)", hits);
        Label hitLabel = (Label) chatRoot[0].lookupAll(".label").stream()
                .filter(l -> l instanceof Label lb && lb.getText() != null && lb.getText().contains(" of "))
                .findFirst().orElse(null);
        System.err.println("  hit label: " + (hitLabel == null ? "-" : hitLabel.getText()));
        robot.interact(() -> chatStage[0].close());
        chatRoot[0] = null;
    }

    private void custody(FxRobot robot, Workbench bench, Path caseDir) throws Exception {
        phase("custody");

        // ---- custody view: open until the count is shown
        List<Double> custody = new ArrayList<>();
        Stage[] cs = new Stage[1];
        robot.interact(() -> cs[0] = new Stage());
        for (int run = 0; run < 2; run++) {
            System.gc();
            long t2 = mark();
            robot.interact(() -> {
                CustodyView cv = new CustodyView(bench, caseDir);
                cs[0].setScene(Workbench.scene(cv.root(), 1150, 680));
                cs[0].show();
            });
            TableView<?> events = (TableView<?>) cs[0].getScene().lookup("#eventTable");
            boolean ok = await(() -> events.getItems().size() > EVENTS, 180);
            WaitForAsyncUtils.waitForFxEvents();
            custody.add(ok ? ms(t2) : Double.NaN);
            if (!ok) {
                break;
            }
        }
        put("custody view open, " + EVENTS + " events (ms)", custody);
        heap("heap with the custody view open (MiB)");
        TableView<?> events = (TableView<?>) cs[0].getScene().lookup("#eventTable");
        List<Double> pages = new ArrayList<>();
        for (double f : new double[] {0.5, 0.999, 0.25}) {
            int row = (int) (events.getItems().size() * f);
            long t3 = mark();
            robot.interact(() -> {
                events.scrollTo(row);
                events.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            pages.add(ms(t3));
        }
        put("custody jump-scroll to a far row (ms)", pages);
        robot.interact(() -> cs[0].close());
    }

    private void put(String key, List<Double> values) {
        List<Double> cpus = new ArrayList<>(CPU.subList(Math.max(0, CPU.size() - values.size()), CPU.size()));
        CPU.clear();
        Collections.sort(cpus);
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        StringBuilder sb = new StringBuilder(String.format("median %.0f  max %.0f  [", sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1)));
        for (double v : values) {
            sb.append(String.format(" %.0f", v));
        }
        sb.append(" ]");
        if (!cpus.isEmpty()) {
            sb.append(String.format("  process CPU median %.0f", cpus.get(cpus.size() / 2)));
        }
        table.put(key, sb.toString());
        System.err.println(key + ": " + table.get(key));
    }

    private void heap(String key) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        table.put(key, String.valueOf(used >> 20));
        System.err.println(key + ": " + (used >> 20));
    }

    private static double ms(long t0) {
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (cpu() - cpuAt.getOrDefault(t0, cpu())) / 1e6;
        CPU.add(cpuMs);
        return wall;
    }

    /** Process CPU time (all threads) since each start mark: on a loaded machine a steadier sign of the cost than wall time. */
    private static final List<Double> CPU = new ArrayList<>();
    private static final Map<Long, Long> cpuAt = new java.util.HashMap<>();

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long mark() {
        long t = System.nanoTime();
        cpuAt.put(t, cpu());
        return t;
    }

    private static boolean await(BooleanSupplier c, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c::getAsBoolean);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
