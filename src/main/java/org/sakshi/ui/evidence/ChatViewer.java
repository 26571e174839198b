package org.sakshi.ui.evidence;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.sakshi.ui.common.Messages;

/**
 * A chat as bubbles: day separators, sender names in a stable colour, local times, attachments and
 * flags (deleted, edited, media omitted), search with next/previous. A virtualized ListView over
 * rows read a page at a time from the records file, so a chat of a million messages opens in about
 * a second and scrolls as fast as one of ten. Text is drawn by JavaFX's complex-text
 * layout, which shapes Devanagari and Bengali when a Noto font for them is installed.
 */
final class ChatViewer extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int PALETTE = 8;

    private final ChatViewModel vm;
    private final ListView<ChatViewModel.Row> list = new ListView<>();
    /** One search at a time for all chat viewers; a newer query cancels the older one. */
    private static final ExecutorService SEARCH = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sakshi-chat-search");
        t.setDaemon(true);
        return t;
    });

    private final Label hitLabel = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(150));
    private int[] hits = new int[0];
    private int hit = -1;
    private long generation;
    private Future<?> running;

    ChatViewer(ChatViewModel vm, boolean truncated) {
        super(6);
        this.vm = vm;
        setPadding(new Insets(6));
        getStyleClass().add("chat-viewer");
        TextField search = new TextField();
        search.setPromptText(Messages.get("chat.search"));
        search.setAccessibleText(Messages.get("chat.search"));
        search.setId("chatSearch");
        HBox.setHgrow(search, Priority.ALWAYS);
        Button prev = new Button("\u2191");
        prev.setAccessibleText(Messages.get("chat.prev"));
        Button next = new Button("\u2193");
        next.setAccessibleText(Messages.get("chat.next"));
        // the search runs off the FX thread once typing pauses: a million messages are scanned in the file
        hitLabel.setId("chatHits");
        prev.setId("chatPrev");
        next.setId("chatNext");
        typing.setOnFinished(e -> runSearch(search.getText()));
        search.textProperty().addListener((o, a, q) -> typing.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
            }
        });
        prev.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
        Label senders = new Label(Messages.get("chat.participants", String.join(", ", vm.senders())));
        senders.getStyleClass().add("hint");
        senders.setWrapText(true);
        HBox bar = new HBox(6, search, prev, next, hitLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        list.setItems(vm.rows()); // read a page at a time as the list scrolls
        list.setCellFactory(l -> new RowCell());
        list.setAccessibleText(Messages.get("chat.messages"));
        list.getStyleClass().add("chat-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, senders, list);
        if (truncated) {
            Label t = new Label(Messages.get("chat.truncated"));
            t.getStyleClass().add("hint");
            getChildren().add(t);
        }
    }

    private void runSearch(String q) {
        long gen = ++generation;
        if (running != null) {
            running.cancel(true);
        }
        if (q == null || q.isBlank()) {
            hits = new int[0];
            hit = -1;
            hitLabel.setText("");
            return;
        }
        hitLabel.setText("\u2026");
        running = SEARCH.submit(() -> {
            int[] found = vm.searchMessages(q);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            int[] rows = new int[found.length];
            for (int i = 0; i < found.length; i++) {
                rows[i] = vm.rowOfMessage(found[i]);
            }
            Platform.runLater(() -> {
                if (gen == generation) {
                    hits = rows;
                    hit = -1;
                    step(1);
                }
            });
        });
    }

    private void step(int dir) {
        if (hits.length == 0) {
            hitLabel.setText(generation == 0 ? "" : Messages.get("chat.nohits"));
            return;
        }
        hit = Math.floorMod(hit + dir, hits.length);
        int row = hits[hit];
        list.getSelectionModel().select(row);
        list.scrollTo(Math.max(0, row - 3));
        hitLabel.setText(Messages.get("chat.hit", hit + 1, hits.length));
    }

    private static final class RowCell extends ListCell<ChatViewModel.Row> {
        @Override
        protected void updateItem(ChatViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row instanceof ChatViewModel.DayRow d) {
                Label day = new Label(DAY.format(d.day()));
                day.getStyleClass().add("chat-day");
                HBox box = new HBox(day);
                box.setAlignment(Pos.CENTER);
                setGraphic(box);
                return;
            }
            ChatViewModel.MessageRow m = (ChatViewModel.MessageRow) row;
            VBox bubble = new VBox(2);
            bubble.getStyleClass().add(m.system() ? "chat-system" : "chat-bubble");
            if (!m.system()) {
                Label who = new Label(m.sender());
                who.getStyleClass().addAll("chat-sender", "sender-" + (m.senderIndex() % PALETTE));
                bubble.getChildren().add(who);
            }
            Label text = new Label(m.text());
            text.setWrapText(true);
            text.getStyleClass().add("chat-text");
            bubble.getChildren().add(text);
            if (m.attachment() != null) {
                Label a = new Label(Messages.get("chat.attachment", m.attachment()));
                a.getStyleClass().add("chat-attachment");
                bubble.getChildren().add(a);
            }
            String meta = (m.time() == null ? "" : TIME.format(m.time()))
                    + (m.flags().isEmpty() ? "" : "  \u00b7 " + String.join(", ", m.flags()))
                    + "  #" + m.index();
            Label time = new Label(meta);
            time.getStyleClass().add("chat-time");
            bubble.getChildren().add(time);
            bubble.setMaxWidth(560);
            Region spacer = new Region();
            HBox line = new HBox(bubble, spacer);
            if (m.system()) {
                line.setAlignment(Pos.CENTER);
            }
            setGraphic(line);
        }
    }
}
