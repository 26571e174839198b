package org.sakshi.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * The one rule for finding a view: {@code Foo.fxml} in the same package as its controller class
 * {@code Foo}. The controller instance is built by the caller (constructor injection) and handed to
 * the loader; FXML files therefore carry no {@code fx:controller}.
 */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object controller) {
        Class<?> type = controller.getClass();
        URL url = type.getResource(type.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no view " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + url, e);
        }
    }
}
