package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi gui [CASE_DIR | BUNDLE.zip]... [--verify BUNDLE.zip]...}: documents the window's
 * arguments. The launcher ({@code app.Main}) opens the window itself before the command line is
 * parsed; this command is reached only for its help or from a program that cannot show a window.
 */
@Command(name = "gui", description = "Open the workstation window (also what 'sakshi' with no arguments does):"
        + " each CASE_DIR in a case window, each BUNDLE.zip in the verify view.",
        footer = {"  sakshi gui --verify FIR112.zip", "  sakshi gui --lang hi"})
final class GuiCommand extends CliCommand {
    @Parameters(paramLabel = "CASE_DIR|BUNDLE.zip", arity = "0..*", description = "Case folders or bundles to open.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--verify", paramLabel = "BUNDLE.zip", description = "Open this bundle in the verify view; repeatable.")
    List<Path> verify = new ArrayList<>();

    @Override
    public Integer call() {
        err().println("error: the window cannot be opened from here; run 'sakshi gui' from a desktop session, or use"
                + " the command line ('sakshi --help').");
        return SakshiCommand.INPUT_ERROR;
    }
}
