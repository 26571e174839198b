package org.sakshi.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.sakshi.service.VerifyService;

/**
 * The payload hashing of a {@code sakshi verify BUNDLE ...} started as the first thing of the process
 * (docs/performance.md, eighth round): hashing the payload is the longest path of a verify, and it can
 * begin while the JVM still loads the command line and the services, on the core those leave idle. Only
 * the plain form is recognised, {@code verify} followed directly by the bundle (neither an option, an
 * argument file nor {@code --}), which picocli parses the same way; any other command line starts nothing
 * here and the verification starts its hashing as before. The verification of that same path takes the
 * opened bundle over ({@link VerifyService#startEarly}); {@link #close()} stops whatever was not taken over.
 */
public final class VerifyHeadStart {
    private VerifyHeadStart() {
    }

    /** Starts hashing when {@code args} is a plain {@code verify BUNDLE ...}. */
    public static void start(String[] args) {
        if (args.length < 2 || !args[0].equals("verify") || args[1].isEmpty() || args[1].startsWith("-")
                || args[1].startsWith("@")) {
            return;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return;
            }
        }
        Path bundle;
        try {
            bundle = Path.of(args[1]);
        } catch (InvalidPathException e) {
            return; // picocli says what is wrong with it
        }
        VerifyService.startEarly(bundle);
    }

    /** Whether an early start waits to be taken over. */
    static boolean started() {
        return VerifyService.earlyPending();
    }

    /** Stops and closes an early start no verification took over (the command line was refused...). */
    public static void close() {
        VerifyService.dropEarly();
    }
}
