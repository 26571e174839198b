package org.sakshi.ui.cases;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sakshi.ui.common.Messages;

/**
 * The Add server… form's state: name, address, password file, shared vault folder and the lab's
 * TLS root certificate, as {@code sakshi server add} takes them. {@link #problemProperty()} names
 * the first missing field (empty when the form may be sent); the server's own checks run on Add.
 */
public final class AddServerForm {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty passwordFile = new SimpleStringProperty("");
    private final StringProperty vault = new SimpleStringProperty("");
    private final StringProperty tlsRoot = new SimpleStringProperty("");
    private final StringBinding problem = Bindings.createStringBinding(this::firstProblem, name, address, vault);

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordFileProperty() {
        return passwordFile;
    }

    public StringProperty vaultProperty() {
        return vault;
    }

    public StringProperty tlsRootProperty() {
        return tlsRoot;
    }

    /** The first thing missing, in words; empty when the form may be sent. */
    public StringBinding problemProperty() {
        return problem;
    }

    private String firstProblem() {
        if (!name.get().strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return Messages.get("lab.addServer.problem.name");
        }
        if (!address.get().strip().matches("(jdbc:)?postgres(ql)?://.+/.+")) {
            return Messages.get("lab.addServer.problem.address");
        }
        if (vault.get().isBlank()) {
            return Messages.get("lab.addServer.problem.vault");
        }
        return "";
    }

    public String name() {
        return name.get().strip();
    }

    public String address() {
        return address.get().strip();
    }

    public Path passwordFile() {
        return path(passwordFile);
    }

    public Path vault() {
        return path(vault);
    }

    public Path tlsRoot() {
        return path(tlsRoot);
    }

    private static Path path(StringProperty p) {
        return p.get() == null || p.get().isBlank() ? null : Path.of(p.get().strip());
    }
}
