package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi sample}: Build a sample case from fictional data. */
@Command(name = "sample", description = "Build a sample case from fictional data.")
final class SampleCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi sample' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
