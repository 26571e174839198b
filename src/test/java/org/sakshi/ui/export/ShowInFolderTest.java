package org.sakshi.ui.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Show in folder" without a usable file manager (a headless machine) tells the officer why. */
class ShowInFolderTest {
    @Test
    void withoutAFileManagerTheReasonIsReportedInsteadOfNothingHappening(@TempDir Path dir) throws Exception {
        // on a desktop a file manager would really open: this is the headless (CI) case
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null, "a display is present");
        Path bundle = Files.writeString(dir.resolve("b.zip"), "x");
        CompletableFuture<String> why = new CompletableFuture<>();
        ExportWizard.showInFolder(bundle, why::complete);
        String reason = why.get(30, TimeUnit.SECONDS);
        assertTrue(reason.startsWith("xdg-open") || reason.startsWith("open"), reason);
    }
}
