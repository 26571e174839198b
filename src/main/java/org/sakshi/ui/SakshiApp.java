package org.sakshi.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.sakshi.app.AppContext;

/** The workstation window. A minimal shell until the GUI issue lands. */
public final class SakshiApp extends Application {
    private static AppContext context;

    public static void launchWith(AppContext ctx, String[] args) {
        context = ctx;
        Application.launch(SakshiApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Sakshi: workspace " + context.workspace()));
        stage.setTitle("Sakshi");
        stage.setScene(new Scene(root, 1024, 700));
        stage.show();
    }
}
