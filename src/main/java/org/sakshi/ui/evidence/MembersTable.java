package org.sakshi.ui.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;

/** The members of a device dump or folder item: path, size, SHA-256, type, with a filter box. */
final class MembersTable extends VBox {
    /** One member in cli.md's {@code members} shape. */
    record Member(String path, long size, String sha256, String type) {
        static Member of(Map<String, Object> r) {
            return new Member(String.valueOf(r.get("path")), r.get("size") instanceof Number n ? n.longValue() : 0,
                    r.get("sha256") == null ? "" : String.valueOf(r.get("sha256")),
                    r.get("type") == null ? "file" : String.valueOf(r.get("type")));
        }
    }

    /** True when the member's path contains the query or its SHA-256 starts with it (case-insensitive). */
    static boolean matches(Member m, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String s = q.strip().toLowerCase(Locale.ROOT);
        return m.path().toLowerCase(Locale.ROOT).contains(s) || m.sha256().startsWith(s);
    }

    MembersTable(List<Member> members, boolean truncated) {
        super(6);
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("members.filter"));
        filter.setAccessibleText(Messages.get("members.filter"));
        FilteredList<Member> visible = new FilteredList<>(FXCollections.observableArrayList(members));
        filter.textProperty().addListener((o, a, q) -> visible.setPredicate(m -> matches(m, q)));
        TableView<Member> table = new TableView<>();
        table.setAccessibleText(Messages.get("members.table"));
        TableColumn<Member, String> path = new TableColumn<>(Messages.get("members.path"));
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(300);
        TableColumn<Member, Long> size = new TableColumn<>(Messages.get("members.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Formats.size(v));
            }
        });
        TableColumn<Member, String> sha = new TableColumn<>("SHA-256");
        sha.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sha256()));
        sha.setPrefWidth(240);
        sha.getStyleClass().add("hash-column");
        TableColumn<Member, String> type = new TableColumn<>(Messages.get("members.type"));
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        table.getColumns().setAll(List.of(path, size, sha, type));
        SortedList<Member> sorted = new SortedList<>(visible);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("hint");
        Runnable upd = () -> count.setText(Messages.get("members.count", visible.size(), members.size())
                + (truncated ? " " + Messages.get("members.truncated") : ""));
        visible.addListener((javafx.collections.ListChangeListener<Member>) c -> upd.run());
        upd.run();
        getChildren().addAll(filter, table, count);
    }
}
