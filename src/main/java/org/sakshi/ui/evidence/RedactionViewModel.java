package org.sakshi.ui.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sakshi.core.Actor;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;
import org.sakshi.service.DeriveRequest;
import org.sakshi.service.ImportService;

/**
 * Redaction of a photo: the rectangles drawn (in the photo's pixels) and the reason;
 * {@link #save} paints them black on a copy and records it as a new item derived from the photo.
 * The photo's own vault copy is only read.
 */
public final class RedactionViewModel {
    public static final String METHOD = "redaction";

    private final Path caseDir;
    private final ImportService imports;
    private final Item photo;
    private final Path content;
    private final ObservableList<Redactor.Region> regions = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty("");

    public RedactionViewModel(Path caseDir, ImportService imports, Item photo, Path content) {
        this.caseDir = caseDir;
        this.imports = imports;
        this.photo = photo;
        this.content = content;
    }

    /** The new item's file name: the photo's name without extension, {@code -redacted.png}. */
    public static String derivedName(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "-redacted.png";
    }

    /** Adds a rectangle drawn on screen; tiny ones (a click without a drag) are ignored. */
    public boolean add(Redactor.Region r) {
        if (r.w() < 2 || r.h() < 2) {
            return false;
        }
        regions.add(r);
        return true;
    }

    /** Paints the regions and records the copy as a new item (worker thread). */
    public Item save(Actor actor, List<TimestampSource> tsas) throws SakshiException {
        byte[] original;
        try {
            original = Files.readAllBytes(content);
        } catch (IOException e) {
            throw new InputException("the photo " + photo.id() + " could not be read from the vault (" + e.getMessage()
                    + ")", e);
        }
        Redactor.Result r = Redactor.redact(original, List.copyOf(regions));
        String why = reason.get() == null || reason.get().isBlank() ? null : reason.get().strip();
        return imports.derive(caseDir, new DeriveRequest(photo.id(), derivedName(photo.name()), r.png(), METHOD, why,
                r.regions().stream().map(Redactor.Region::asList).toList(), actor, tsas));
    }

    public Item photo() {
        return photo;
    }

    public Path content() {
        return content;
    }

    public ObservableList<Redactor.Region> regions() {
        return regions;
    }

    public StringProperty reasonProperty() {
        return reason;
    }
}
