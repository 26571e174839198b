package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi import}: Import files or folders as evidence items. */
@Command(name = "import", description = "Import files or folders as evidence items.")
final class ImportCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi import' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
