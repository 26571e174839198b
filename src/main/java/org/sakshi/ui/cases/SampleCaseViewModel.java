package org.sakshi.ui.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CaseSummary;
import org.sakshi.service.SampleCaseService;

/**
 * Help → Open sample case: opens the workspace's sample case, or builds one (with
 * the same services the CLI's {@code sakshi sample} uses) in a free folder named after the sample
 * case number, {@code SAMPLE-0001}, else {@code SAMPLE-0001 (2)}, {@code SAMPLE-0001 (3)}...
 * Blocking; run it on a worker thread.
 */
public final class SampleCaseViewModel {
    /** The sample case's folder and whether it was built just now (false: it was already there). */
    public record Outcome(Path dir, boolean created, int items) {
    }

    private final CaseService cases;
    private final SampleCaseService samples;
    private final Path workspace;

    public SampleCaseViewModel(CaseService cases, SampleCaseService samples, Path workspace) {
        this.cases = cases;
        this.samples = samples;
        this.workspace = workspace;
    }

    /** A sample case already in the workspace (by its case number), the first by folder name. */
    public Optional<Path> existing() {
        return cases.list(workspace).stream()
                .filter(s -> SampleCaseService.CASE_NUMBER.equals(s.info().number()))
                .map(CaseSummary::dir)
                .min(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /** The first folder name not taken in the workspace: {@code SAMPLE-0001}, {@code SAMPLE-0001 (2)}, ... */
    public Path freeFolder() {
        Path dir = workspace.resolve(SampleCaseService.CASE_NUMBER);
        for (int n = 2; Files.exists(dir); n++) {
            dir = workspace.resolve(SampleCaseService.CASE_NUMBER + " (" + n + ")");
        }
        return dir;
    }

    /** Opens the existing sample case or builds a new one; returns its folder (worker thread). */
    public Outcome openOrBuild() throws SakshiException {
        Optional<Path> found = existing();
        if (found.isPresent()) {
            return new Outcome(found.get(), false, -1);
        }
        try {
            Files.createDirectories(workspace);
        } catch (IOException e) {
            throw new InputException("cannot create the workspace folder " + workspace + " (" + e.getMessage()
                    + "); choose another workspace", e);
        }
        Path dir = freeFolder();
        int n = samples.build(dir).imported().size();
        return new Outcome(dir, true, n);
    }
}
