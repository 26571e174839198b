package org.sakshi.ui.evidence;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sakshi.core.ByteSize;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Workbench;

/**
 * The detail pane of the selected item: Preview (opened on request, because opening records
 * ITEM_ACCESSED; image thumbnails stay blurred until clicked when the setting is on), Hashes
 * (all three, copyable, with the item's record) and Custody (this item's events).
 */
final class ItemDetailPane extends StackPane {
    private final Workbench bench;
    private final EvidenceViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Tab preview = new Tab(Messages.get("detail.preview"));
    private final Tab hashes = new Tab(Messages.get("detail.hashes"));
    private final Tab custody = new Tab(Messages.get("detail.custody"));
    private final TableView<CustodyEvent> events = new TableView<>();
    private final Label empty = new Label(Messages.get("detail.none"));
    private ImageView thumb;

    ItemDetailPane(Workbench bench, EvidenceViewModel vm) {
        this.bench = bench;
        this.vm = vm;
        getStyleClass().add("detail-pane");
        for (Tab t : List.of(preview, hashes, custody)) {
            t.setClosable(false);
        }
        tabs.getTabs().setAll(preview, hashes, custody);
        buildEventsTable();
        custody.setContent(events);
        empty.getStyleClass().add("placeholder");
        getChildren().setAll(empty);
        vm.selectedProperty().addListener((o, a, item) -> show(item));
        custody.selectedProperty().addListener((o, a, sel) -> {
            if (sel) {
                loadEvents(vm.selectedProperty().get());
            }
        });
    }

    private void show(Item item) {
        if (item == null) {
            getChildren().setAll(empty);
            return;
        }
        getChildren().setAll(tabs);
        hashes.setContent(hashesPane(item));
        preview.setContent(previewPlaceholder(item));
        events.getItems().clear();
        if (custody.isSelected()) {
            loadEvents(item);
        }
    }

    void refreshBlur() {
        if (thumb != null) {
            thumb.setEffect(bench.settings().blurImages ? new GaussianBlur(30) : null);
        }
    }

    private Node previewPlaceholder(Item item) {
        VBox box = new VBox(14);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(20));
        Label title = new Label(item.id() + "  " + item.name());
        title.getStyleClass().add("detail-title");
        box.getChildren().add(title);
        thumb = null;
        if (item.kind() == ItemKind.SCREENSHOT) {
            ImageView iv = new ImageView();
            iv.setPreserveRatio(true);
            iv.setFitWidth(260);
            iv.setFitHeight(260);
            iv.setAccessibleText(Messages.get("detail.thumbnail"));
            thumb = iv;
            refreshBlur();
            iv.setOnMouseClicked(e -> iv.setEffect(null));
            box.getChildren().add(iv);
            bench.background().run(() -> vm.thumbnail(item.id()), png -> png.ifPresent(bytes ->
                    iv.setImage(new Image(new ByteArrayInputStream(bytes)))), e -> { });
            if (bench.settings().blurImages) {
                Label hint = new Label(Messages.get("detail.blurred"));
                hint.getStyleClass().add("hint");
                box.getChildren().add(hint);
            }
        }
        Button open = new Button(Messages.get("detail.open"));
        open.setId("openPreviewButton");
        open.getStyleClass().add("primary");
        open.setDefaultButton(false);
        open.setAccessibleText(Messages.get("detail.open"));
        Label note = new Label(Messages.get("detail.open.note"));
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        open.setOnAction(e -> openPreview(item));
        box.getChildren().addAll(open, note);
        return box;
    }

    /** Opens the redaction window on a photo; the saved copy is shown selected in the refreshed table. */
    private void redact(Item item, java.nio.file.Path content) {
        RedactionViewModel r = new RedactionViewModel(vm.caseDir(), bench.services().imports(), item, content);
        RedactionDialog.open(bench, r, getScene().getWindow(), created -> bench.background().run(vm::fetch, data -> {
            vm.show(data);
            vm.items().stream().filter(i -> i.id().equals(created.id())).findFirst()
                    .ifPresent(i -> vm.selectedProperty().set(i));
        }, e -> Dialogs.error(getScene().getWindow(), Messages.get("case.action.load"), e)));
    }

    /** Enter in the item table: opens the selected item's preview, as its Open preview button does. */
    void openSelected() {
        Item item = vm.selectedProperty().get();
        if (item != null) {
            tabs.getSelectionModel().select(preview);
            openPreview(item);
        }
    }

    private void openPreview(Item item) {
        Label loading = new Label(Messages.get("status.loading"));
        preview.setContent(new StackPane(loading));
        bench.background().run(() -> vm.open(item.id(), bench.actor(), Messages.get("detail.purpose")),
                opened -> {
                    if (item.equals(vm.selectedProperty().get())) {
                        preview.setContent(Previews.of(item, opened, opened.view().content() == null ? null
                                : () -> redact(item, opened.view().content())));
                    }
                    if (custody.isSelected()) {
                        loadEvents(item);
                    }
                },
                err -> {
                    preview.setContent(previewPlaceholder(item));
                    Dialogs.error(getScene().getWindow(), Messages.get("detail.action.open", item.id()), err);
                });
    }

    private Node hashesPane(Item item) {
        GridPane g = new GridPane();
        g.getStyleClass().add("kv-grid");
        g.setHgap(10);
        g.setVgap(6);
        g.setPadding(new Insets(14));
        int r = 0;
        r = hashRow(g, r, "SHA-256", item.digests().sha256());
        r = hashRow(g, r, "SHA-1", item.digests().sha1());
        r = hashRow(g, r, "MD5", item.digests().md5());
        r = kv(g, r, "detail.id", item.id());
        r = kv(g, r, "detail.name", item.name());
        r = kv(g, r, "detail.kind", Messages.get("kind." + item.kind().json()));
        r = kv(g, r, "detail.size", ByteSize.format(item.size()) + " (" + item.size() + " B)");
        r = kv(g, r, "detail.imported", Formats.instant(item.importedAt(), caseZone()) + "  " + nz(item.importedBy()));
        r = kv(g, r, "detail.sourcePath", item.sourcePath());
        r = kv(g, r, "detail.source", describe(item));
        r = kv(g, r, "detail.stamp", Messages.get("stamp." + item.timestamp().status().json())
                + (item.timestamp().time() == null ? "" : "  " + Formats.instant(item.timestamp().time(), caseZone()) + "  "
                + nz(item.timestamp().tsa())));
        if (item.derivedFrom() != null) {
            r = kv(g, r, "detail.derived", item.derivedFrom());
        }
        if (!item.warnings().isEmpty()) {
            r = kv(g, r, "detail.warnings", String.join("\n", item.warnings()));
        }
        ScrollPane sp = new ScrollPane(g);
        sp.setFitToWidth(true);
        return sp;
    }

    private static String describe(Item item) {
        var s = item.source();
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {s.text(), s.deviceMake(), s.deviceModel(),
                s.deviceSerial() == null ? null : "S/N " + s.deviceSerial(),
                s.deviceImei() == null ? null : "IMEI " + s.deviceImei(), s.location()}) {
            if (part != null && !part.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(" \u00b7 ");
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    private static int hashRow(GridPane g, int r, String algo, String hex) {
        Label l = new Label(algo);
        l.getStyleClass().add("field-label");
        TextField f = new TextField(hex);
        f.setEditable(false);
        f.getStyleClass().add("hash-field");
        f.setAccessibleText(algo + " " + hex);
        GridPane.setHgrow(f, Priority.ALWAYS);
        Button copy = new Button(Messages.get("common.copy"));
        copy.setAccessibleText(Messages.get("common.copy") + " " + algo);
        copy.setOnAction(e -> Dialogs.copy(hex));
        g.addRow(r, l, f, copy);
        return r + 1;
    }

    private static int kv(GridPane g, int r, String key, String value) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("field-label");
        Label v = new Label(nz(value));
        v.setWrapText(true);
        g.add(l, 0, r);
        g.add(v, 1, r, 2, 1);
        return r + 1;
    }

    /** The case's zone, beside which every time is shown in UTC (null until the case is read: the workstation's). */
    private java.time.ZoneId caseZone() {
        return vm.infoProperty().get() == null ? null : vm.infoProperty().get().zone();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void buildEventsTable() {
        events.setPlaceholder(new Label(Messages.get("detail.custody.none")));
        TableColumn<CustodyEvent, String> seq = col("custody.col.seq", e -> String.valueOf(e.seq()), 50);
        TableColumn<CustodyEvent, String> at = col("custody.col.at", e -> Formats.instant(e.at(), caseZone()), 290);
        TableColumn<CustodyEvent, String> type = col("custody.col.type", CustodyEvent::type, 130);
        TableColumn<CustodyEvent, String> actor = col("custody.col.actor",
                e -> e.actor() == null ? "" : e.actor().name(), 120);
        TableColumn<CustodyEvent, String> details = col("custody.col.details", e -> detailsText(e.details()), 260);
        events.getColumns().setAll(List.of(seq, at, type, actor, details));
    }

    static String detailsText(Map<String, Object> details) {
        StringBuilder sb = new StringBuilder();
        details.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static TableColumn<CustodyEvent, String> col(String key, java.util.function.Function<CustodyEvent, String> f,
                                                         double w) {
        TableColumn<CustodyEvent, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(org.sakshi.ui.common.Controls.fullTextCells()); // a cut cell shows in full on hover
        c.setPrefWidth(w);
        return c;
    }

    private void loadEvents(Item item) {
        if (item == null) {
            return;
        }
        bench.background().run(() -> vm.itemEvents(item.id()), list -> {
            if (item.equals(vm.selectedProperty().get())) {
                events.getItems().setAll(list);
            }
        }, e -> Dialogs.error(getScene().getWindow(), Messages.get("detail.action.custody"), e));
    }
}
