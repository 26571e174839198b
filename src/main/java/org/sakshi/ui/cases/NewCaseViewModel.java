package org.sakshi.ui.cases;

import java.time.DateTimeException;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.NewCase;
import org.sakshi.ui.common.Messages;

/**
 * The New case form: number, title, agency, jurisdiction, zone, default officer. Choosing a
 * jurisdiction proposes its usual zone; the form is valid when number, title and officer are given
 * and the zone is a known region id.
 */
public final class NewCaseViewModel {
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty agency = new SimpleStringProperty("");
    private final ObjectProperty<Jurisdiction> jurisdiction = new SimpleObjectProperty<>(Jurisdiction.IN);
    private final StringProperty zone = new SimpleStringProperty("Asia/Kolkata");
    private final StringProperty officer = new SimpleStringProperty("");
    private final Actor profileActor;
    private final StringBinding problem;
    private final BooleanBinding valid;

    public NewCaseViewModel(Actor profileActor) {
        this.profileActor = profileActor;
        if (profileActor != null) {
            officer.set(profileActor.name());
            agency.set(profileActor.agency() == null ? "" : profileActor.agency());
        }
        jurisdiction.addListener((o, was, now) -> {
            if (now != null && (zone.get().isBlank() || zone.get().equals(usualZone(was)))) {
                zone.set(usualZone(now));
            }
        });
        problem = Bindings.createStringBinding(this::findProblem, number, title, officer, zone);
        valid = problem.isEmpty();
    }

    /** The zone a case in this jurisdiction usually uses; the officer may change it. */
    public static String usualZone(Jurisdiction j) {
        if (j == null) {
            return ZoneId.systemDefault().getId();
        }
        return switch (j) {
            case IN -> "Asia/Kolkata";
            case NP -> "Asia/Kathmandu";
            case BD -> "Asia/Dhaka";
            case US -> "America/New_York";
            case OTHER -> ZoneId.systemDefault().getId();
        };
    }

    private String findProblem() {
        if (number.get().isBlank()) {
            return Messages.get("newcase.problem.number");
        }
        if (title.get().isBlank()) {
            return Messages.get("newcase.problem.title");
        }
        if (officer.get().isBlank()) {
            return Messages.get("newcase.problem.officer");
        }
        try {
            ZoneId.of(zone.get().strip());
        } catch (DateTimeException e) {
            return Messages.get("newcase.problem.zone", zone.get());
        }
        return "";
    }

    /** The request for CaseService.create; the profile's rank, badge and agency go with the officer when it is the operator. */
    public NewCase toRequest() {
        String name = officer.get().strip();
        Actor who = profileActor != null && profileActor.name().equals(name) ? profileActor : Actor.named(name);
        String ag = agency.get().isBlank() ? null : agency.get().strip();
        return new NewCase(number.get().strip(), title.get().strip(), ag, jurisdiction.get(),
                ZoneId.of(zone.get().strip()), who);
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty agencyProperty() {
        return agency;
    }

    public ObjectProperty<Jurisdiction> jurisdictionProperty() {
        return jurisdiction;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty officerProperty() {
        return officer;
    }

    /** Empty when the form can be submitted, else the sentence saying what is missing. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
