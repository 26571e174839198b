package org.sakshi.service;

import java.nio.file.Path;
import org.sakshi.core.VerificationReport;

/** A sealed bundle: where, its SHA-256, its id, and the verification of the fresh file. */
public record ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification,
                           java.util.List<String> warnings) {
    public ExportResult {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    /** Without warnings. */
    public ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification) {
        this(bundle, sha256, bundleId, verification, java.util.List.of());
    }
}
