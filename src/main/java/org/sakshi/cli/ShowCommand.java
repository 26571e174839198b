package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi show}: Show one item (records ITEM_ACCESSED). */
@Command(name = "show", description = "Show one item (records ITEM_ACCESSED).")
final class ShowCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi show' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
