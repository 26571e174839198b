package org.sakshi.ui.evidence;

import java.util.List;
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
import org.sakshi.core.ByteSize;
import org.sakshi.ui.common.Messages;

/** The members of a device dump or folder item: path, size, SHA-256, type, with a filter box. */
final class MembersTable extends VBox {
    MembersTable(List<DumpMember> members, boolean truncated) {
        super(6);
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("members.filter"));
        filter.setAccessibleText(Messages.get("members.filter"));
        FilteredList<DumpMember> visible = new FilteredList<>(FXCollections.observableArrayList(members));
        filter.textProperty().addListener((o, a, q) -> visible.setPredicate(m -> DumpMember.matches(m, q)));
        TableView<DumpMember> table = new TableView<>();
        table.setAccessibleText(Messages.get("members.table"));
        TableColumn<DumpMember, String> path = new TableColumn<>(Messages.get("members.path"));
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(300);
        TableColumn<DumpMember, Long> size = new TableColumn<>(Messages.get("members.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : ByteSize.format(v));
            }
        });
        TableColumn<DumpMember, String> sha = new TableColumn<>("SHA-256");
        sha.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sha256()));
        sha.setPrefWidth(240);
        sha.getStyleClass().add("hash-column");
        TableColumn<DumpMember, String> type = new TableColumn<>(Messages.get("members.type"));
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        table.getColumns().setAll(List.of(path, size, sha, type));
        SortedList<DumpMember> sorted = new SortedList<>(visible);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("hint");
        Runnable upd = () -> count.setText(Messages.get("members.count", visible.size(), members.size())
                + (truncated ? " " + Messages.get("members.truncated") : ""));
        visible.addListener((javafx.collections.ListChangeListener<DumpMember>) c -> upd.run());
        upd.run();
        getChildren().addAll(filter, table, count);
    }
}
