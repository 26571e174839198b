package org.sakshi.service;

import java.nio.file.Path;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;

/** Exporting a signed bundle (bundle-format-v1.md). */
public final class ExportService {
    /** Writes the bundle to {@code out.part}, re-reads and checks it, renames it to {@code out}. */
    public ExportResult export(Path caseDir, ExportRequest request, ProgressListener progress, CancelFlag cancel)
            throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
