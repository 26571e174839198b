package org.sakshi.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sakshi.service.ImportService;

/**
 * The vault copy of a {@code sakshi import CASE FILE ...} started as the first thing of the process
 * (docs/performance.md, seventh round): hashing the file is most of an import, and it can begin while the
 * JVM is still loading the command line, the services and the case, on the core those leave idle.
 * Only the plain form is recognised, {@code import} followed directly by the case folder and the first
 * file (neither an option, an argument file nor {@code --}), which picocli parses the same way; any other
 * command line starts nothing here and the import starts its copy as before. The copy writes only a temp
 * file in the case's vault; {@link ImportCommand} takes it over (and commits it only under the case's
 * write lock, after every check), and {@link #close()} stops and removes whatever was not taken over.
 */
public final class ImportHeadStart {
    private static final AtomicReference<Started> STARTED = new AtomicReference<>();

    private record Started(Path caseDir, Path source, ImportService.EarlyCopy copy) {
    }

    private ImportHeadStart() {
    }

    /** Starts the copy when {@code args} is a plain {@code import CASE FILE ...} of a large file into a case. */
    public static void start(String[] args) {
        if (args.length < 3 || !args[0].equals("import") || !plain(args[1]) || !plain(args[2])) {
            return;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return;
            }
        }
        Path caseDir;
        Path source;
        try {
            caseDir = Path.of(args[1]);
            source = Path.of(args[2]);
        } catch (InvalidPathException e) {
            return; // picocli says what is wrong with it
        }
        ImportService.EarlyCopy copy = ImportService.EarlyCopy.startFirst(caseDir, source);
        if (!copy.holdsCopy()) {
            return; // not a large file into a case folder: the import copies it as usual
        }
        Started old = STARTED.getAndSet(new Started(caseDir, source, copy));
        if (old != null) {
            old.copy().close();
        }
    }

    private static boolean plain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
    }

    /**
     * The copy started for this import (case folder and first file as parsed), or null; a copy started
     * for anything else is stopped and removed.
     */
    static ImportService.EarlyCopy take(Path caseDir, List<Path> paths) {
        Started s = STARTED.getAndSet(null);
        if (s == null) {
            return null;
        }
        if (paths != null && !paths.isEmpty() && s.caseDir().equals(caseDir) && s.source().equals(paths.get(0))) {
            return s.copy();
        }
        s.copy().close();
        return null;
    }

    /** Whether a copy was started and not yet taken over or closed. */
    static boolean started() {
        return STARTED.get() != null;
    }

    /** Stops and removes a copy no import took over (the command line was refused, help was asked for...). */
    public static void close() {
        Started s = STARTED.getAndSet(null);
        if (s != null) {
            s.copy().close();
        }
    }
}
