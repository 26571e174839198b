package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi note}: Record a note in the custody ledger. */
@Command(name = "note", description = "Record a note in the custody ledger.")
final class NoteCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi note' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
