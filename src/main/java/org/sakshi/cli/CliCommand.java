package org.sakshi.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sakshi.app.AppContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every subcommand: access to the AppContext and the command line's out/err writers. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    AppContext ctx() {
        return ((SakshiCommand) spec.root().userObject()).context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
