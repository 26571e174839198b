package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Item;

/** Items imported and inputs that failed (CLI exit 4 when both lists are non-empty). */
public record ImportOutcome(List<Item> imported, List<Failure> failures) {
    public ImportOutcome {
        imported = List.copyOf(imported);
        failures = List.copyOf(failures);
    }

    /** One input that could not be imported, with the sentence to show. */
    public record Failure(Path path, String message) {
    }
}
