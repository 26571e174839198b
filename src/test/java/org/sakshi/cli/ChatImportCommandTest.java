package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/** {@code import} of real WhatsApp texts through the command line: ambiguous and refused date orders exit 2. */
class ChatImportCommandTest {
    @TempDir
    Path tmp;

    private AppContext ctx;
    private Path caseDir;

    @BeforeEach
    void setUp() {
        AtomicLong t = new AtomicLong();
        ctx = new AppContext(tmp, () -> Instant.parse("2026-07-28T08:35:00Z").plusMillis(t.incrementAndGet()),
                new Workstation("ws1", "rao", "sakshi test"), new Ingest(), SinkFactory.DIRECT, Duration.ofMillis(300),
                url -> new HttpTimestampSource(URI.create(url)));
        caseDir = tmp.resolve("case");
        assertEquals(0, run("case", "init", caseDir.toString(), "--number", "FIR-12/2026", "--title", "Ring",
                "--officer", "SI Rao", "--zone", "Asia/Kolkata").code());
    }

    private Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    private Path chat(String text) throws Exception {
        Path f = tmp.resolve("WhatsApp Chat with Ramesh.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aDateOrderThatMakesTheChatOnePreambleExitsTwoSayingSoAndImportsNothing() throws Exception {
        Path f = chat("28/07/21, 09:00 - A: x\n29/07/21, 09:00 - A: y\n");
        Run r = run("import", caseDir.toString(), f.toString(), "--date-order", "mdy");
        assertEquals(2, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertTrue(errors.get(0).contains("one preamble") && errors.get(0).contains("--date-order dmy"), r.err());
        assertEquals(0, run("import", caseDir.toString(), f.toString(), "--date-order", "dmy").code());
    }

    @Test
    void anAmbiguousChatExitsTwoWithTheDateOrderHint() throws Exception {
        Path f = chat("01/03/21, 09:00 - A: x\n02/03/21, 09:00 - A: y\n");
        Run r = run("import", caseDir.toString(), f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("import it again with --date-order dmy|mdy"), r.err());
    }
}
