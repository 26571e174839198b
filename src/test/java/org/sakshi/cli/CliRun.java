package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.app.AppContext;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/** The CLI run in-process as {@code sakshi ARGS} would run, with its exit code and both outputs; shared by the CLI tests. */
final class CliRun {
    private CliRun() {
    }

    /** One command's exit code, standard output and standard error. */
    record Run(int code, String out, String err) {
        /** The {@code error: } lines of standard error. */
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }
    }

    /** The application on {@code workspace} with the real clock, parsers, vault and HTTP time-stamping. */
    static AppContext context(Path workspace) {
        return new AppContext(workspace, org.sakshi.core.Clock.SYSTEM, new Workstation("ws1", "rao", "sakshi test"),
                new Ingest(), SinkFactory.DIRECT, Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
    }

    static Run run(AppContext ctx, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(ctx.cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code case init} of FIR-12/2026 "Ring" (India, PS Sadar) at {@code caseDir}, which must succeed. */
    static void initCase(AppContext ctx, Path caseDir) {
        Run r = run(ctx, "case", "init", caseDir.toString(), "--number", "FIR-12/2026", "--title", "Ring",
                "--officer", "SI Rao", "--agency", "PS Sadar", "--jurisdiction", "IN");
        assertEquals(0, r.code(), r.err());
    }

    /** Imports a one-line seizure memo ({@code dir/memo.txt}) time-stamped by {@code tsa}, which must succeed. */
    static void importMemo(AppContext ctx, Path caseDir, Path dir, LocalTsa tsa) throws java.io.IOException {
        Path f = Files.writeString(dir.resolve("memo.txt"), "seizure memo\n");
        Run i = run(ctx, "import", caseDir.toString(), f.toString(), "--tsa", tsa.url().toString());
        assertEquals(0, i.code(), i.err());
    }

    /**
     * {@code export} of {@code caseDir} to {@code out}, signed with the test officer's key and
     * time-stamped by {@code tsa}; {@code before} go before the command (e.g. {@code --lang bn}),
     * {@code extra} after it. Returns the run without judging it.
     */
    static Run export(AppContext ctx, Path caseDir, Path out, LocalTsa tsa, List<String> before, String... extra) {
        List<String> a = new ArrayList<>(before);
        a.addAll(List.of("export", caseDir.toString(), "--out", out.toString(), "--keystore",
                tsa.pki().officerP12().toString(), "--storepass-file", tsa.pki().officerPasswordFile().toString(),
                "--tsa", tsa.url().toString()));
        a.addAll(List.of(extra));
        return run(ctx, a.toArray(String[]::new));
    }

    /**
     * A new case at {@code caseDir} holding the seizure memo of {@link #importMemo}, exported to
     * {@code out} (each step must succeed); returns {@code out}.
     */
    static Path memoBundle(AppContext ctx, Path caseDir, Path dir, LocalTsa tsa, Path out) throws java.io.IOException {
        initCase(ctx, caseDir);
        importMemo(ctx, caseDir, dir, tsa);
        Run e = export(ctx, caseDir, out, tsa, List.of());
        assertEquals(0, e.code(), e.err());
        return out;
    }
}
