package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi transfer}: Record a hand-over of items. */
@Command(name = "transfer", description = "Record a hand-over of items.")
final class TransferCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi transfer' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
