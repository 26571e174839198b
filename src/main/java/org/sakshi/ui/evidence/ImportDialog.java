package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sakshi.core.ItemKind;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/** Asks for the seizure details of the paths about to be imported. */
public final class ImportDialog extends Dialog<Boolean> {
    public ImportDialog(Window owner, ImportViewModel vm, List<Path> paths) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("import.title"));
        setHeaderText(Messages.get("import.header", paths.size()));
        FormGrid form = new FormGrid();
        ListView<Path> list = form.add("import.paths", new ListView<>());
        list.getItems().setAll(paths);
        list.setPrefHeight(Math.min(6, paths.size()) * 26 + 6);
        bind(form, "import.source", vm.sourceProperty(), "importSource");
        bind(form, "import.make", vm.deviceMakeProperty(), "importMake");
        bind(form, "import.model", vm.deviceModelProperty(), "importModel");
        bind(form, "import.serial", vm.deviceSerialProperty(), "importSerial");
        bind(form, "import.imei", vm.deviceImeiProperty(), "importImei");
        bind(form, "import.location", vm.locationProperty(), "importLocation");
        bind(form, "import.note", vm.noteProperty(), "importNote");
        bind(form, "import.zone", vm.zoneProperty(), "importZone");
        ComboBox<ItemKind> kind = form.add("import.kind", new ComboBox<>());
        kind.getItems().add(null);
        kind.getItems().addAll(ItemKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ItemKind k) {
                return k == null ? Messages.get("import.kind.auto") : Messages.get("kind." + k.json());
            }

            @Override
            public ItemKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        Label hint = form.addWide(new Label(Messages.get("import.hint")));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        Label problem = form.addWide(new Label());
        problem.getStyleClass().add("form-problem");
        problem.textProperty().bind(vm.problemProperty());
        getDialogPane().setContent(form);
        ButtonType go = new ButtonType(Messages.get("import.start"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(go, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(go).setId("startImportButton");
        getDialogPane().lookupButton(go).disableProperty().bind(vm.problemProperty().isNotEmpty());
        setResultConverter(b -> b == go);
    }

    private static void bind(FormGrid form, String key, javafx.beans.property.StringProperty p, String id) {
        TextField f = form.add(key, new TextField());
        f.setId(id);
        f.textProperty().bindBidirectional(p);
    }
}
