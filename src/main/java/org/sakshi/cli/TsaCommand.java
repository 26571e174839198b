package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi tsa}: Run a local RFC 3161 time-stamp authority (tsa serve). */
@Command(name = "tsa", description = "Run a local RFC 3161 time-stamp authority (tsa serve).")
final class TsaCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi tsa' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
