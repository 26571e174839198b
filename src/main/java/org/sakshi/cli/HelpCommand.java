package org.sakshi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sakshi help [COMMAND [SUBCOMMAND]]}: the same usage text as {@code sakshi COMMAND --help},
 * also for nested commands ({@code sakshi help case init}). A help command, so the parent's required
 * options and parameters never block it.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the usage of a command and its subcommands, e.g. 'sakshi help case init'.",
        footer = "  sakshi help case init")
final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> path = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine target = spec.parent().commandLine();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                spec.commandLine().getErr().println("error: '" + target.getCommandSpec().qualifiedName()
                        + "' has no command '" + name + "'; run '" + target.getCommandSpec().qualifiedName()
                        + " --help' for the list.");
                return SakshiCommand.INPUT_ERROR;
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut(), spec.commandLine().getColorScheme());
        return SakshiCommand.OK;
    }
}
