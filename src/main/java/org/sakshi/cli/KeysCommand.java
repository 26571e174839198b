package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi keys}: Create signing identities (keys new). */
@Command(name = "keys", description = "Create signing identities (keys new).")
final class KeysCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi keys' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
