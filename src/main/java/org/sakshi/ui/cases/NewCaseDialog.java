package org.sakshi.ui.cases;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.sakshi.core.Jurisdiction;
import org.sakshi.ui.common.Dialogs;
import org.sakshi.ui.common.FormGrid;
import org.sakshi.ui.common.Messages;

/** The New case form, bound to a {@link NewCaseViewModel}; Create stays disabled until the form is valid. */
public final class NewCaseDialog extends Dialog<Boolean> {
    public static final ButtonType CREATE = new ButtonType(Messages.get("newcase.create"), ButtonBar.ButtonData.OK_DONE);

    public NewCaseDialog(Window owner, NewCaseViewModel vm) {
        Dialogs.prepare(this, owner);
        setTitle(Messages.get("newcase.title"));
        setHeaderText(Messages.get("newcase.header"));
        FormGrid form = new FormGrid();
        TextField number = form.add("newcase.number", new TextField());
        number.setId("caseNumber");
        number.setPromptText(Messages.get("newcase.number.prompt"));
        number.textProperty().bindBidirectional(vm.numberProperty());
        TextField title = form.add("newcase.caseTitle", new TextField());
        title.setId("caseTitle");
        title.textProperty().bindBidirectional(vm.titleProperty());
        TextField agency = form.add("newcase.agency", new TextField());
        agency.setId("caseAgency");
        agency.textProperty().bindBidirectional(vm.agencyProperty());
        ComboBox<Jurisdiction> jur = form.add("newcase.jurisdiction", new ComboBox<>());
        jur.setId("caseJurisdiction");
        jur.getItems().setAll(Jurisdiction.values());
        jur.valueProperty().bindBidirectional(vm.jurisdictionProperty());
        TextField zone = form.add("newcase.zone", new TextField());
        zone.setId("caseZone");
        zone.textProperty().bindBidirectional(vm.zoneProperty());
        TextField officer = form.add("newcase.officer", new TextField());
        officer.setId("caseOfficer");
        officer.textProperty().bindBidirectional(vm.officerProperty());
        Label problem = form.addWide(new Label());
        problem.getStyleClass().add("form-problem");
        problem.textProperty().bind(vm.problemProperty());
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(CREATE, org.sakshi.ui.common.Buttons.cancel());
        getDialogPane().lookupButton(CREATE).disableProperty().bind(vm.validProperty().not());
        getDialogPane().lookupButton(CREATE).setId("createCaseButton");
        setResultConverter(b -> b == CREATE);
        setOnShown(e -> number.requestFocus());
    }
}
