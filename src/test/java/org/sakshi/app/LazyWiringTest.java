package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.cli.SakshiCommand;
import org.sakshi.core.Clock;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/**
 * The services are made at their first use: a command makes only what it uses, and a profile that
 * cannot be read is still reported, in the same sentence, when a command first needs it.
 */
class LazyWiringTest {
    @TempDir
    Path tmp;
    private String home;
    private Path profile;

    @BeforeEach
    void ownProfile() throws Exception {
        home = System.getProperty("sakshi.home");
        profile = Files.createDirectories(tmp.resolve("profile"));
        System.setProperty("sakshi.home", profile.toString());
    }

    @AfterEach
    void restoreProfile() {
        if (home == null) {
            System.clearProperty("sakshi.home");
        } else {
            System.setProperty("sakshi.home", home);
        }
    }

    private static AppContext context(Path workspace) {
        return new AppContext(workspace, Clock.SYSTEM, new Workstation("ws1", "rao", "sakshi test"), new Ingest(),
                SinkFactory.DIRECT, Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
    }

    private record Run(int code, String out, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }
    }

    private static Run run(AppContext ctx, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(ctx.cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run initCase(AppContext ctx, Path caseDir) {
        return run(ctx, "case", "init", caseDir.toString(), "--number", "FIR-12/2026", "--title", "Ring",
                "--officer", "SI Rao", "--agency", "PS Sadar", "--jurisdiction", "IN");
    }

    @Test
    void nothingIsMadeUntilAFrontEndAsksAndItemsMakesOnlyTheCaseAccessAndTheEvidenceService() {
        Path caseDir = tmp.resolve("FIR-12");
        Run init = initCase(context(tmp), caseDir);
        assertEquals(0, init.code(), init.err());

        AppContext ctx = context(tmp);
        ctx.cli();
        ctx.ui();
        assertEquals(List.of(), ctx.made());
        Run items = run(ctx, "items", caseDir.toString());
        assertEquals(0, items.code(), items.err());
        assertTrue(items.out().contains("No items in"), items.out());
        assertEquals(List.of("access", "evidence"), ctx.made());
    }

    @Test
    void aDamagedLedgerKeyIsReportedWhenACommandFirstNeedsItInTheSameSentenceEachTime() throws Exception {
        Path key = Files.writeString(profile.resolve("workstation-key.pem"), "-----BEGIN NONSENSE-----\n");
        AppContext ctx = context(tmp);
        assertEquals(List.of(), ctx.made());
        for (int attempt = 0; attempt < 2; attempt++) {
            Run r = initCase(ctx, tmp.resolve("FIR-" + attempt));
            assertEquals(SakshiCommand.INPUT_ERROR, r.code(), r.out());
            assertEquals(1, r.errorLines().size(), r.err());
            String line = r.errorLines().get(0);
            assertTrue(line.startsWith("error: cannot open this workstation's ledger key " + key + " ("), line);
            assertTrue(line.endsWith("move a damaged key file away so a new one is made"), line);
        }
    }

    @Test
    void damagedLabServerSettingsAreReportedWhenAServerCommandFirstReadsThem() throws Exception {
        Path settings = Files.writeString(profile.resolve("lab-servers.json"), "{\"servers\": [ {\"name\": ");
        AppContext ctx = context(tmp);
        Run r = run(ctx, "server", "list");
        assertEquals(SakshiCommand.INPUT_ERROR, r.code(), r.out());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).startsWith("error: cannot read the lab-server settings " + settings + " ("),
                r.err());
    }
}
