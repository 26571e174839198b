package org.sakshi.cli;

import java.io.PrintWriter;
import org.sakshi.core.ProgressListener;

/** A progress bar on stderr when stderr is a terminal and the command is not printing JSON (cli.md). */
final class BundleProgress implements ProgressListener {
    private final PrintWriter err;
    private long lastPercent = -1;

    private BundleProgress(PrintWriter err) {
        this.err = err;
    }

    static ProgressListener forStderr(PrintWriter err, boolean json) {
        return System.console() != null && !json ? new BundleProgress(err) : ProgressListener.NONE;
    }

    @Override
    public void progress(long done, long total, String what) {
        if (total <= 0) {
            return;
        }
        long pct = done * 100 / total;
        if (pct == lastPercent) {
            return;
        }
        lastPercent = pct;
        int bars = (int) (pct / 5);
        err.print("\r[" + "#".repeat(bars) + " ".repeat(20 - bars) + "] " + pct + "% " + (pct == 100 ? "\n" : ""));
        err.flush();
    }
}
