package org.sakshi.app;

import java.nio.file.Path;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ExportService;
import org.sakshi.service.ImportService;
import org.sakshi.service.VerifyService;

/**
 * The one place that constructs services, wired by hand (no DI framework, no singletons). The CLI
 * and the GUI each make one and take what they need from it.
 */
public final class AppContext {
    private final Path workspace;
    private final CaseService cases = new CaseService();
    private final ImportService imports = new ImportService();
    private final EvidenceService evidence = new EvidenceService();
    private final CustodyService custody = new CustodyService();
    private final ExportService exports = new ExportService();
    private final VerifyService verifier = new VerifyService();

    public AppContext(Path workspace) {
        this.workspace = workspace;
    }

    /** {@code ~/Sakshi} unless the {@code sakshi.workspace} system property or SAKSHI_WORKSPACE says otherwise. */
    public static Path defaultWorkspace() {
        String p = System.getProperty("sakshi.workspace");
        if (p == null || p.isBlank()) {
            p = System.getenv("SAKSHI_WORKSPACE");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), "Sakshi");
        }
        return Path.of(p);
    }

    public Path workspace() {
        return workspace;
    }

    public CaseService cases() {
        return cases;
    }

    public ImportService imports() {
        return imports;
    }

    public EvidenceService evidence() {
        return evidence;
    }

    public CustodyService custody() {
        return custody;
    }

    public ExportService exports() {
        return exports;
    }

    public VerifyService verifier() {
        return verifier;
    }
}
