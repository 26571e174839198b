package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi export}: Export a signed evidence bundle. */
@Command(name = "export", description = "Export a signed evidence bundle.")
final class ExportCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi export' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
