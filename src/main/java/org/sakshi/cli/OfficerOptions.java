package org.sakshi.cli;

import org.sakshi.core.Actor;
import picocli.CommandLine.Option;

/** The acting officer (docs/cli.md#commands): {@code --officer} and optional rank, badge, agency. */
final class OfficerOptions {
    @Option(names = "--officer", description = "Acting officer's name (default: the case's default officer).")
    String officer;

    @Option(names = "--rank", description = "Acting officer's rank.")
    String rank;

    @Option(names = "--badge", description = "Acting officer's badge or staff number.")
    String badge;

    @Option(names = "--agency", description = "Acting officer's agency.")
    String agency;

    /** The actor named on the command line, or one named {@code fallbackName} (the case's default officer). */
    Actor actor(String fallbackName, String fallbackAgency) {
        String name = officer == null || officer.isBlank() ? fallbackName : officer;
        return new Actor(name, rank, badge, agency == null ? fallbackAgency : agency, null);
    }
}
