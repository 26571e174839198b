package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sakshi.core.Item;
import org.sakshi.ui.common.Messages;

/** An image item from its read-only vault copy: zoom in/out, 100 %, fit; EXIF and image facts below. */
final class ImageViewer extends VBox {
    private final ImageView view = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final Label zoomLabel = new Label();
    private double zoom = 1;
    private boolean fit = true;

    ImageViewer(Item item, Path content) {
        this(item, content, null);
    }

    /** With a Redact button when {@code redact} is not null (it opens the redaction window). */
    ImageViewer(Item item, Path content, Runnable redact) {
        super(6);
        setPadding(new Insets(6));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleText(Messages.get("image.view", item.name()));
        Image img = new Image(content.toUri().toString(), true);
        view.setImage(img);
        StackPane center = new StackPane(view);
        center.getStyleClass().add("image-stage");
        scroll.setContent(center);
        scroll.setPannable(true);
        center.minWidthProperty().bind(scroll.widthProperty().subtract(4));
        center.minHeightProperty().bind(scroll.heightProperty().subtract(4));
        Button in = button("image.zoomIn", "+", () -> setZoom(currentZoom() * 1.25));
        Button out = button("image.zoomOut", "\u2212", () -> setZoom(currentZoom() / 1.25));
        Button actual = button("image.actual", "100 %", () -> setZoom(1));
        Button fitB = button("image.fit", Messages.get("image.fit"), this::fit);
        Label err = new Label();
        err.getStyleClass().add("form-problem");
        img.errorProperty().addListener((o, a, e) -> {
            if (e) {
                err.setText(Messages.get("image.cannot", item.name()));
            }
        });
        img.progressProperty().addListener((o, a, p) -> {
            if (p.doubleValue() >= 1 && fit) {
                fit();
            }
        });
        scroll.widthProperty().addListener((o, a, w) -> {
            if (fit) {
                fit();
            }
        });
        HBox bar = new HBox(6, in, out, actual, fitB, zoomLabel, err);
        if (redact != null) {
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button red = new Button(Messages.get("redact.button"));
            red.setId("redactButton");
            red.setAccessibleText(Messages.get("redact.tooltip"));
            red.setTooltip(new javafx.scene.control.Tooltip(Messages.get("redact.tooltip")));
            red.setOnAction(e -> redact.run());
            bar.getChildren().addAll(gap, red);
        }
        bar.getStyleClass().add("mini-toolbar");
        TableView<Map.Entry<String, String>> exif = exifTable(item);
        SplitPane sp = new SplitPane(scroll, exif);
        sp.setOrientation(javafx.geometry.Orientation.VERTICAL);
        sp.setDividerPositions(0.74);
        VBox.setVgrow(sp, Priority.ALWAYS);
        getChildren().addAll(bar, sp);
        setOnScroll(e -> {
            if (e.isShortcutDown()) {
                setZoom(currentZoom() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
    }

    private Button button(String key, String text, Runnable r) {
        Button b = new Button(text);
        b.setAccessibleText(Messages.get(key));
        b.setTooltip(new javafx.scene.control.Tooltip(Messages.get(key)));
        b.setOnAction(e -> r.run());
        return b;
    }

    private double currentZoom() {
        Image img = view.getImage();
        if (img == null || img.getWidth() == 0) {
            return zoom;
        }
        return view.getBoundsInLocal().getWidth() / img.getWidth();
    }

    private void setZoom(double z) {
        Image img = view.getImage();
        if (img == null || img.getWidth() == 0) {
            return;
        }
        fit = false;
        zoom = Math.max(0.05, Math.min(16, z));
        view.setFitWidth(img.getWidth() * zoom);
        view.setFitHeight(img.getHeight() * zoom);
        zoomLabel.setText(Math.round(zoom * 100) + " %");
    }

    private void fit() {
        Image img = view.getImage();
        if (img == null || img.getWidth() == 0) {
            return;
        }
        fit = true;
        double w = Math.max(50, scroll.getWidth() - 20);
        double h = Math.max(50, scroll.getHeight() - 20);
        zoom = Math.min(1, Math.min(w / img.getWidth(), h / img.getHeight()));
        view.setFitWidth(img.getWidth() * zoom);
        view.setFitHeight(img.getHeight() * zoom);
        zoomLabel.setText(Messages.get("image.fitted", Math.round(zoom * 100)));
    }

    private static TableView<Map.Entry<String, String>> exifTable(Item item) {
        TableView<Map.Entry<String, String>> t = new TableView<>();
        t.setAccessibleText(Messages.get("exif.table"));
        TableColumn<Map.Entry<String, String>, String> k = new TableColumn<>(Messages.get("exif.field"));
        k.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        k.setPrefWidth(160);
        TableColumn<Map.Entry<String, String>, String> v = new TableColumn<>(Messages.get("exif.value"));
        v.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        v.setPrefWidth(300);
        t.getColumns().setAll(List.of(k, v));
        t.getItems().setAll(EvidenceViewModel.imageFacts(item).entrySet());
        t.setPlaceholder(new Label(Messages.get("exif.none")));
        return t;
    }
}
