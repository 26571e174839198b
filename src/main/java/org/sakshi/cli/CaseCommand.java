package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi case}: Create cases (case init). */
@Command(name = "case", description = "Create cases (case init).")
final class CaseCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi case' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
