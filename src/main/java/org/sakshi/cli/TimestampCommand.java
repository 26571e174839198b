package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi timestamp}: Time-stamp items still pending. */
@Command(name = "timestamp", description = "Time-stamp items still pending.")
final class TimestampCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi timestamp' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
