package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.Item;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;

/** Importing evidence: hash while copying into the vault, parse, time-stamp, record. */
public final class ImportService {
    /**
     * Imports each path as one item. A path that fails is reported in the outcome and the others
     * still import. Throws only when nothing can be done at all (not a case, case busy) or when the
     * user must decide (ambiguous chat date order), or when cancelled.
     */
    public ImportOutcome importPaths(Path caseDir, List<Path> paths, ImportRequest request, ProgressListener progress,
                                     CancelFlag cancel) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Asks the TSAs for a token for every item still pending; returns the items that got one. */
    public List<Item> stampPending(Path caseDir, List<TimestampSource> tsas, Actor actor) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
