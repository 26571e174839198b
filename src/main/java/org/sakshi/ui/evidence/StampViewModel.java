package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.service.ImportService;
import org.sakshi.ui.common.Messages;

/**
 * Case window → Time-stamp pending items: asks the remembered time-stamp servers for a token for
 * every item still pending (the same service as the command line) and says how it went in one sentence.
 */
public final class StampViewModel {
    private final Path caseDir;
    private final ImportService imports;

    public StampViewModel(Path caseDir, ImportService imports) {
        this.caseDir = caseDir;
        this.imports = imports;
    }

    /** How many of {@code items} still wait for a time-stamp. */
    public static long pending(List<Item> items) {
        return items.stream().filter(i -> i.timestamp().status() == TimestampStatus.PENDING).count();
    }

    /**
     * Stamps the pending items (worker thread) and returns the sentence for the officer: how many were
     * stamped, that none was pending, that no server is remembered, or that no server answered.
     */
    public String stamp(Actor actor, long pendingBefore, List<TimestampSource> tsas) throws SakshiException {
        if (pendingBefore == 0) {
            return Messages.get("stamp.run.nonePending");
        }
        if (tsas == null || tsas.isEmpty()) {
            return Messages.get("stamp.run.noServer");
        }
        List<Item> stamped = imports.stampPending(caseDir, tsas, actor);
        if (stamped.isEmpty()) {
            return Messages.get("stamp.run.noAnswer", pendingBefore);
        }
        long left = pendingBefore - stamped.size();
        return left <= 0 ? Messages.get("stamp.run.done", stamped.size())
                : Messages.get("stamp.run.partial", stamped.size(), left);
    }
}
