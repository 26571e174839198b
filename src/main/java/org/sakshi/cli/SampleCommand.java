package org.sakshi.cli;

import java.nio.file.Path;
import org.sakshi.core.SakshiException;
import org.sakshi.service.ImportOutcome;
import org.sakshi.service.SampleCaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sakshi sample CASE_DIR}: builds a demonstration case from generated, fictional data. */
@Command(name = "sample", description = "Build a demonstration case from generated, clearly fictional data.",
        footer = "  sakshi sample /tmp/sample-case")
final class SampleCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "Folder for the sample case (must not hold a case).")
    Path caseDir;

    private final SampleCaseService samples;

    SampleCommand(SampleCaseService samples) {
        this.samples = samples;
    }

    @Override
    public Integer call() throws SakshiException {
        ImportOutcome outcome = samples.build(caseDir);
        out().println(text().get("sample.created", caseDir.toAbsolutePath(), String.valueOf(outcome.imported().size())));
        outcome.failures().forEach(f -> err().println("error: " + f.path() + ": " + f.message()));
        return outcome.failures().isEmpty() ? SakshiCommand.OK : SakshiCommand.PARTIAL;
    }
}
