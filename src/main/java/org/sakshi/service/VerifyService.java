package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.VerificationReport;

/** Verifying a bundle. A bad bundle gives a FAILED report, never an exception. */
public final class VerifyService {
    /**
     * Verifies {@code bundle} with the given PEM trust anchors (agency CA, TSA roots).
     * InputException only when the file is not a bundle at all (CLI exit 2).
     */
    public VerificationReport verify(Path bundle, List<Path> trustAnchors, ProgressListener progress)
            throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes a verification report PDF a court clerk can read. */
    public void writeReportPdf(VerificationReport report, Path bundle, Path out) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
