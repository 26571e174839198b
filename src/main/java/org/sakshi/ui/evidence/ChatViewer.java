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

    /** A row's nodes are made once per cell and refilled as the list scrolls (new nodes would each need styling). */
    private static final class RowCell extends ListCell<ChatViewModel.Row> {
        private final Label day = new Label();
        private final HBox dayBox = new HBox(day);
        private final Label who = new Label();
        private final Label text = new Label();
        private final Label attachment = new Label();
        private final Label time = new Label();
        private final VBox bubble = new VBox(2, who, text, attachment, time);
        private final HBox line = new HBox(bubble, new Region());
        private String senderClass;

        RowCell() {
            day.getStyleClass().add("chat-day");
            dayBox.setAlignment(Pos.CENTER);
            who.getStyleClass().add("chat-sender");
            text.setWrapText(true);
            text.getStyleClass().add("chat-text");
            attachment.getStyleClass().add("chat-attachment");
            time.getStyleClass().add("chat-time");
            bubble.setMaxWidth(560);
            for (Label l : new Label[] {who, attachment}) {
                l.managedProperty().bind(l.visibleProperty());
            }
        }

        @Override
        protected void updateItem(ChatViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row instanceof ChatViewModel.DayRow d) {
                day.setText(DAY.format(d.day()));
                setGraphic(dayBox);
                return;
            }
            ChatViewModel.MessageRow m = (ChatViewModel.MessageRow) row;
            bubble.getStyleClass().setAll(m.system() ? "chat-system" : "chat-bubble");
            who.setVisible(!m.system());
            if (senderClass != null) {
                who.getStyleClass().remove(senderClass);
                senderClass = null;
            }
            if (!m.system()) {
                who.setText(m.sender());
                senderClass = "sender-" + (m.senderIndex() % PALETTE);
                who.getStyleClass().add(senderClass);
            }
            text.setText(m.text());
            attachment.setVisible(m.attachment() != null);
            attachment.setText(m.attachment() == null ? null : Messages.get("chat.attachment", m.attachment()));
            time.setText((m.time() == null ? "" : TIME.format(m.time()))
                    + (m.flags().isEmpty() ? "" : "  \u00b7 " + String.join(", ", m.flags()))
                    + "  #" + m.index());
            line.setAlignment(m.system() ? Pos.CENTER : Pos.TOP_LEFT);
            setGraphic(line);
        }
    }
}
