package org.sakshi.cli;

import picocli.CommandLine.Command;

/** {@code sakshi audit}: Audit the custody of a case or a bundle. */
@Command(name = "audit", description = "Audit the custody of a case or a bundle.")
final class AuditCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi audit' is not available in this build yet.");
        return SakshiCommand.INPUT_ERROR;
    }
}
