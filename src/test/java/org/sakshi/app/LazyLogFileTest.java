package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file is opened by the first line logged, and holds the lines of the configured pattern. */
class LazyLogFileTest {
    @TempDir
    Path tmp;

    @Test
    void noFileIsOpenedUntilALineIsLoggedThenEachLineHasTheTimeLevelThreadLoggerAndMessage() throws Exception {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as logback's provider does
        LogSetup.LazyFile file = new LogSetup.LazyFile(tmp.toString());
        file.setContext(ctx);
        file.setName("FILE");
        file.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        Logger log = ctx.getLogger("org.sakshi.service.ImportService");

        log.debug("below the level: never written");
        assertFalse(file.opened());
        assertFalse(Files.exists(tmp.resolve("sakshi.log")));

        log.info("imported {} as {}", "memo.txt", "E0001");
        log.warn("second line");
        assertTrue(file.opened());
        ctx.stop();
        List<String> lines = Files.readAllLines(tmp.resolve("sakshi.log"));
        assertEquals(2, lines.size(), lines + " " + ctx.getStatusManager().getCopyOfStatusList());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[[^]]+\\]"
                + " org.sakshi.service.ImportService - imported memo.txt as E0001"), lines.get(0));
        assertTrue(lines.get(1).matches(".* WARN  \\[[^]]+\\] org.sakshi.service.ImportService - second line"),
                lines.get(1));
    }
}
