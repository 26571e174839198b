package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi verify}: Verify an evidence bundle. */
@Command(name = "verify", description = "Verify an evidence bundle.")
final class VerifyCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi verify' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
