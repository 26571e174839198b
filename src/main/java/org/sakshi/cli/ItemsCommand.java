package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi items}: List a case's items. */
@Command(name = "items", description = "List a case's items.")
final class ItemsCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi items' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
