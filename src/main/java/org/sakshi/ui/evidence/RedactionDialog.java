package org.sakshi.ui.evidence;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sakshi.core.Item;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.Tsas;
import org.sakshi.ui.common.Windows;
import org.sakshi.ui.common.Workbench;

/**
 * Draw rectangles over a photo and save a redacted copy as a new item. The photo is shown scaled to
 * fit; rectangles are kept in the photo's own pixels. Saving runs off the FX thread: SUCCEEDED closes
 * the window and hands the new item to the caller; FAILED shows the error and keeps the rectangles.
 */
final class RedactionDialog {
    private static final double MAX_W = 900;
    private static final double MAX_H = 620;

    private final Workbench bench;
    private final RedactionViewModel vm;
    private final Consumer<Item> onSaved;
    private Stage stage;
    private final Pane boxes = new Pane();
    private final Label status = new Label();
    private double scale = 1;

    private RedactionDialog(Workbench bench, RedactionViewModel vm, Consumer<Item> onSaved) {
        this.bench = bench;
        this.vm = vm;
        this.onSaved = onSaved;
    }

    static void open(Workbench bench, RedactionViewModel vm, Window owner, Consumer<Item> onSaved) {
        RedactionDialog d = new RedactionDialog(bench, vm, onSaved);
        d.stage = bench.windows().open(Windows.window(Messages.get("redact.title", vm.photo().id(), vm.photo().name()),
                960, 820).ownedBy(owner).modal(), d::build);
    }

    private BorderPane build() {
        Image img = new Image(vm.content().toUri().toString(), false);
        ImageView view = new ImageView(img);
        view.setPreserveRatio(true);
        view.setAccessibleText(Messages.get("image.view", vm.photo().name()));
        if (img.getWidth() > 0) {
            scale = Math.min(1, Math.min(MAX_W / img.getWidth(), MAX_H / img.getHeight()));
        }
        view.setFitWidth(img.getWidth() * scale);
        view.setFitHeight(img.getHeight() * scale);
        Pane canvas = new Pane(view, boxes);
        canvas.setPrefSize(img.getWidth() * scale, img.getHeight() * scale);
        canvas.setMaxSize(img.getWidth() * scale, img.getHeight() * scale);
        canvas.setCursor(Cursor.CROSSHAIR);
        canvas.setAccessibleText(Messages.get("redact.canvas"));
        boxes.setMouseTransparent(true);
        installDrawing(canvas, img);
        vm.regions().addListener((ListChangeListener<Redactor.Region>) c -> redraw());
        StackPane center = new StackPane(canvas);
        center.getStyleClass().add("image-stage");
        center.setPadding(new Insets(10));

        Label hint = new Label(Messages.get("redact.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        Label heading = new Label(Messages.get("redact.heading", vm.photo().id(), vm.photo().name()));
        heading.getStyleClass().add("detail-title");
        VBox top = new VBox(4, heading, hint);
        top.setPadding(new Insets(10, 12, 8, 12));

        TextField reason = new TextField();
        reason.setPromptText(Messages.get("redact.reason.prompt"));
        reason.setAccessibleText(Messages.get("redact.reason"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button undo = new Button(Messages.get("redact.undo"));
        undo.setOnAction(e -> {
            if (!vm.regions().isEmpty()) {
                vm.regions().remove(vm.regions().size() - 1);
            }
        });
        Button clear = new Button(Messages.get("redact.clear"));
        clear.setOnAction(e -> vm.regions().clear());
        Button save = new Button(Messages.get("redact.save"));
        save.setId("redactSaveButton");
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.regions()));
        save.setOnAction(e -> save(save));
        Button cancel = new Button(Messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        undo.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.regions()));
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.regions()));
        HBox row1 = new HBox(8, new Label(Messages.get("redact.reason")), reason);
        row1.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, undo, clear, status, new Pane(), save, cancel);
        HBox.setHgrow(row2.getChildren().get(3), Priority.ALWAYS);
        row2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, row1, row2);
        bottom.setPadding(new Insets(10, 12, 12, 12));
        status.setText(Messages.get("redact.count", 0));
        BorderPane root = new BorderPane(center, top, null, bottom, null);
        return root;
    }

    /** Press, drag, release draws one rectangle (clamped to the picture), kept in image pixels. */
    private void installDrawing(Pane canvas, Image img) {
        Rectangle band = new Rectangle();
        band.setFill(Color.rgb(0, 0, 0, 0.35));
        band.setStroke(Color.web("#d4a72c"));
        band.setStrokeWidth(2);
        band.setVisible(false);
        band.setMouseTransparent(true);
        canvas.getChildren().add(band);
        double[] start = new double[2];
        canvas.setOnMousePressed(e -> {
            start[0] = clamp(e.getX(), img.getWidth() * scale);
            start[1] = clamp(e.getY(), img.getHeight() * scale);
            band.setX(start[0]);
            band.setY(start[1]);
            band.setWidth(0);
            band.setHeight(0);
            band.setVisible(true);
        });
        canvas.setOnMouseDragged(e -> {
            double x = clamp(e.getX(), img.getWidth() * scale);
            double y = clamp(e.getY(), img.getHeight() * scale);
            band.setX(Math.min(x, start[0]));
            band.setY(Math.min(y, start[1]));
            band.setWidth(Math.abs(x - start[0]));
            band.setHeight(Math.abs(y - start[1]));
        });
        canvas.setOnMouseReleased(e -> {
            band.setVisible(false);
            Redactor.Region r = new Redactor.Region((int) Math.floor(band.getX() / scale),
                    (int) Math.floor(band.getY() / scale), (int) Math.ceil(band.getWidth() / scale),
                    (int) Math.ceil(band.getHeight() / scale));
            vm.add(r);
        });
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    private void redraw() {
        boxes.getChildren().clear();
        int n = 0;
        for (Redactor.Region r : vm.regions()) {
            Rectangle rect = new Rectangle(r.x() * scale, r.y() * scale, r.w() * scale, r.h() * scale);
            rect.setFill(Color.BLACK);
            rect.setStroke(Color.web("#d4a72c"));
            rect.setStrokeWidth(1);
            boxes.getChildren().add(rect);
            n++;
        }
        status.setText(Messages.get("redact.count", n));
    }

    private void save(Button save) {
        save.disableProperty().unbind();
        save.setDisable(true);
        status.setText(Messages.get("redact.saving"));
        bench.background().run(() -> vm.save(bench.actor(), Tsas.from(bench.services().timestamps(), bench.settings().tsaUrls)),
                item -> {
                    stage.close();
                    onSaved.accept(item);
                }, err -> {
                    save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.regions()));
                    status.setText(Messages.get("redact.count", vm.regions().size()));
                    Dialogs.error(stage, Messages.get("redact.action", vm.photo().id()), err);
                });
    }
}
