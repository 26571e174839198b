package org.sakshi.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sakshi.core.SakshiException;
import org.sakshi.core.ToolIdentity;
import org.sakshi.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code sakshi} command line (docs/cli.md). Exit codes: 0 done, 1 verification failed,
 * 2 usage or input error, 3 indeterminate, 4 partly done. Errors are one {@code error:} line on
 * stderr; stack traces only with {@code --debug}.
 */
@Command(name = "sakshi", mixinStandardHelpOptions = true, versionProvider = SakshiCommand.VersionProvider.class,
        description = "Evidence workstation: import, custody ledger, signed bundles, verification.",
        // every subcommand inherits -h/--help/-V/--version and the "Example:" heading; each gives its own footer
        scope = CommandLine.ScopeType.INHERIT, footerHeading = "%nExample:%n",
        footer = {"  sakshi sample /tmp/sample-case && sakshi items /tmp/sample-case",
                "  sakshi help import        (one command's options, as 'sakshi import --help')"})
public final class SakshiCommand {
    public static final int OK = 0;
    public static final int VERIFY_FAILED = 1;
    public static final int INPUT_ERROR = 2;
    public static final int INDETERMINATE = 3;
    public static final int PARTIAL = 4;

    /**
     * The subcommands, in the order {@code sakshi --help} lists them. They are added when the command
     * line is built (see {@link #subcommandsFor}), not named in the annotation, so that a run of one
     * command builds only that command's model.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CaseCommand.class, ImportCommand.class, ItemsCommand.class, ShowCommand.class,
            TimestampCommand.class, CustodyCommand.class, TransferCommand.class, NoteCommand.class,
            ExportCommand.class, EncryptCommand.class, DecryptCommand.class, ReceiveCommand.class,
            TransmittalCommand.class, VerifyCommand.class, LongTermCommand.Extend.class,
            LongTermCommand.Renew.class, AuditCommand.class, KeysCommand.class,
            TsaCommand.class, SampleCommand.class, ServerCommand.class, GuiCommand.class, HelpCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, paramLabel = "LANG",
            description = "Language of every command's human output, and of the window with 'sakshi gui --lang':"
                    + " en, hi, bn or ne (draft translations); default: the SAKSHI_LANG environment variable, else the"
                    + " language setting (settings.json), else English (the window: else the system's). --json output,"
                    + " CSV, check codes and error sentences stay English.")
    CliText.Lang lang;

    /** Runs the command line with the process's stdout and stderr (UTF-8). */
    public static int run(CommandFactory commands, String... args) {
        return run(commands, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the command line writing to the given streams; tests use this. */
    public static int run(CommandFactory commands, PrintWriter out, PrintWriter err, String... args) {
        VersionProvider.asked = asksForVersion(args);
        SakshiCommand root = new SakshiCommand();
        CommandLine cl = commandLine(root, commands, args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean dbg = root.debug;
            if (ex instanceof SakshiException se) {
                commandLine.getErr().println("error: " + se.getMessage());
            } else {
                commandLine.getErr().println("error: unexpected failure (" + ex
                        + "); nothing further was changed. Run again with --debug and report the output.");
            }
            if (dbg) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return INPUT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            c.getErr().flush();
            return INPUT_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line for these arguments, with the subcommands they need ({@link #subcommandsFor}). */
    static CommandLine commandLine(SakshiCommand root, CommandFactory commands, String... args) {
        CommandLine cl = new CommandLine(root, commands);
        for (Class<?> sub : subcommandsFor(args)) {
            cl.addSubcommand(sub);
        }
        return cl;
    }

    /**
     * The subcommands to build for these arguments: when the first word after the top-level options
     * names a command (other than {@code help}), that command alone (picocli reads every command's
     * annotations and fields to build its model: a quarter of the CPU of {@code sakshi items}); else
     * all of them, for the top-level help, {@code help CMD}, and the suggestions after a mistyped name.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        String first = null;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--lang")) {
                k++; // its value
            } else if (a.equals("--")) {
                break;
            } else if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if (first != null && !first.equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                Command cmd = c.getAnnotation(Command.class);
                if (cmd != null && !cmd.name().equals("help")
                        && (cmd.name().equals(first) || List.of(cmd.aliases()).contains(first))) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /**
     * True when the arguments may ask for the version ({@code --version}, {@code -V}, or a cluster of
     * short options holding V): only then is the jar hashed for it.
     */
    static boolean asksForVersion(String... args) {
        for (String a : args) {
            if (a.equals("--version") || (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-'
                    && a.indexOf('V') > 0 && a.chars().skip(1).allMatch(Character::isLetter))) {
                return true;
            }
        }
        return false;
    }

    /**
     * picocli asks for the version of every subcommand while it builds them (scope INHERIT), so the
     * SHA-256 of the jar (tens of MB) would be taken at every start; it is taken only when the
     * arguments ask for the version.
     */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        static volatile boolean asked = true;

        @Override
        public String[] getVersion() {
            if (!asked) {
                return new String[] {Version.toolVersion()};
            }
            String jar = ToolIdentity.jarSha256().orElse("unknown (not running from a jar)");
            return new String[] {Version.toolVersion(), "jar SHA-256: " + jar};
        }
    }
}
