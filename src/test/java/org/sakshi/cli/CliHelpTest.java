package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import picocli.CommandLine;

/** Every command and subcommand answers --help, -h and 'sakshi help CMD' with usage, options and an example. */
class CliHelpTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run sakshi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(new AppContext(dir.resolve("ws")).cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The whole command tree, walked through picocli, as argument paths: [], [case], [case, init], ... */
    static List<List<String>> commandTree() {
        List<List<String>> paths = new ArrayList<>();
        walk(SakshiCommand.commandLine(new SakshiCommand(), new AppContext(Path.of("unused-ws")).cli()), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // skip aliases
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, paths);
            }
        });
    }

    @Test
    void aRunOfOneCommandBuildsThatCommandAloneWhileHelpAndMistypedNamesBuildTheWholeTree() {
        assertEquals(List.of(ItemsCommand.class), SakshiCommand.subcommandsFor("items", "/c"));
        assertEquals(List.of(ItemsCommand.class), SakshiCommand.subcommandsFor("--lang", "hi", "--debug", "items", "/c"));
        assertEquals(List.of(CustodyCommand.class), SakshiCommand.subcommandsFor("custody", "verify", "/c"));
        for (String[] all : new String[][] {{}, {"--help"}, {"help", "import"}, {"itemz", "/c"}, {"--lang", "items"}}) {
            assertEquals(SakshiCommand.SUBCOMMANDS, SakshiCommand.subcommandsFor(all), String.join(" ", all));
        }
        Run r = sakshi("--debug", "items", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: sakshi items") && r.out().contains("Example:")
                && r.out().contains("--lang"), r.out());
        Run wrong = sakshi("itemz");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("'itemz'") && wrong.err().contains("sakshi --help"), wrong.err());
    }

    @Test
    void theTreeHoldsEveryCommandTheReadmeNames() {
        List<String> names = commandTree().stream().map(p -> String.join(" ", p)).toList();
        for (String c : List.of("", "case", "case init", "import", "items", "show", "timestamp", "custody",
                "custody verify", "transfer", "note", "export", "encrypt", "decrypt", "verify", "audit", "keys", "keys new", "tsa",
                "tsa serve", "sample", "gui", "help")) {
            assertTrue(names.contains(c), "missing command '" + c + "' in " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithUsageOptionsAndItsOwnExample() {
        return commandTree().stream().flatMap(path -> Stream.of("--help", "-h").map(flag ->
                DynamicTest.dynamicTest("sakshi " + String.join(" ", path) + " " + flag, () -> {
                    List<String> args = new ArrayList<>(path);
                    args.add(flag);
                    Run r = sakshi(args.toArray(String[]::new));
                    assertEquals(0, r.exit(), r.err());
                    assertUsageWithExample(path, r.out());
                    assertFalse(r.err().contains("Missing required"), r.err());
                })));
    }

    @TestFactory
    Stream<DynamicTest> sakshiHelpCmdPrintsTheSameUsageAsCmdHelp() {
        return commandTree().stream().map(path ->
                DynamicTest.dynamicTest("sakshi help " + String.join(" ", path), () -> {
                    List<String> args = new ArrayList<>(List.of("help"));
                    args.addAll(path);
                    Run viaHelp = sakshi(args.toArray(String[]::new));
                    assertEquals(0, viaHelp.exit(), viaHelp.err());
                    assertUsageWithExample(path, viaHelp.out());
                    List<String> direct = new ArrayList<>(path);
                    direct.add("--help");
                    assertEquals(sakshi(direct.toArray(String[]::new)).out(), viaHelp.out());
                }));
    }

    private static void assertUsageWithExample(List<String> path, String out) {
        String qualified = String.join(" ", concat("sakshi", path));
        assertTrue(out.startsWith("Usage: " + qualified), out);
        assertTrue(out.contains("-h, --help"), "options are listed: " + out);
        int example = out.indexOf("Example:");
        assertTrue(example > 0, "an example: " + out);
        // the example is the command's own: it runs this very command
        assertTrue(out.substring(example).contains(qualified + (path.isEmpty() ? "" : " ")), out);
        // and it fits the 80 columns, so no argument is wrapped to the left margin (copy-paste works)
        out.substring(example).lines().skip(1).filter(l -> !l.isBlank())
                .forEach(l -> assertTrue(l.startsWith("  "), "wrapped example line '" + l + "' in " + out));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void aMissingRequiredParameterSaysToRunExactlyTheCommandsHelp() {
        Run r = sakshi("import");
        assertEquals(SakshiCommand.INPUT_ERROR, r.exit());
        assertTrue(r.err().startsWith("error: Missing required parameter"), r.err());
        assertTrue(r.err().contains("Run 'sakshi import --help' for the options."), r.err());
        Run help = sakshi("import", "--help");
        assertEquals(0, help.exit(), help.err());

        Run nested = sakshi("case", "init", "/tmp/x");
        assertEquals(SakshiCommand.INPUT_ERROR, nested.exit());
        assertTrue(nested.err().contains("Run 'sakshi case init --help' for the options."), nested.err());
    }

    @Test
    void helpForAnUnknownCommandIsAnInputErrorNamingIt() {
        Run r = sakshi("help", "case", "open");
        assertEquals(SakshiCommand.INPUT_ERROR, r.exit());
        assertEquals("error: 'sakshi case' has no command 'open'; run 'sakshi case --help' for the list.",
                r.err().strip());
    }

    @Test
    void versionNamesTheToolAndTheJarHash() {
        Run r = sakshi("--version");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertTrue(lines[0].startsWith("sakshi "), r.out());
        // the tests load classes from target/classes, not from a jar
        assertEquals("jar SHA-256: unknown (not running from a jar)", lines[1]);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-V", "import -V", "items --version"})
    void everyWayOfAskingForTheVersionStillNamesTheJarHash(String args) {
        Run r = sakshi(args.split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("jar SHA-256: "), r.out());
    }

    @Test
    void onlyArgumentsThatMayAskForTheVersionHashTheJar() {
        assertTrue(SakshiCommand.asksForVersion("--version"));
        assertTrue(SakshiCommand.asksForVersion("items", "-V"));
        assertTrue(SakshiCommand.asksForVersion("-hV"));
        assertFalse(SakshiCommand.asksForVersion("items", "/cases/V-2024"));
        assertFalse(SakshiCommand.asksForVersion("import", "CASE", "-", "--tsa", "http://tsa/V"));
        assertFalse(SakshiCommand.asksForVersion("verify", "-V1.zip"));
    }
}
