package org.sakshi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: the command line's out/err writers. Each command gets the services it
 * uses through its constructor ({@link CommandFactory}).
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The human output's text in the language of {@code --lang} or {@code SAKSHI_LANG} (default English). */
    CliText text() {
        Object root = spec.root().userObject();
        return CliText.of(root instanceof SakshiCommand s ? s.lang : null);
    }
}
