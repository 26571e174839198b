package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi custody}: Print or verify the custody ledger. */
@Command(name = "custody", description = "Print or verify the custody ledger.")
final class CustodyCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi custody' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
