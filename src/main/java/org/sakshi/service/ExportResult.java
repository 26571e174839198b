package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.VerificationReport;

/**
 * A sealed bundle: where, the SHA-256 of the bundle ZIP, its id, the verification of the fresh file,
 * and what the officer should know (e.g. not sealed for the long term: run {@code sakshi extend}). For
 * an encrypted export, {@code bundle} is the {@code .p7m} (the plain ZIP is not kept), {@code sha256}
 * still that of the ZIP inside, and {@code encrypted} says what was written; else {@code encrypted} is null.
 */
public record ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification,
                           List<String> warnings, EncryptionService.Encrypted encrypted) {
    public ExportResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A plain export without warnings. */
    public ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification) {
        this(bundle, sha256, bundleId, verification, List.of(), null);
    }

    /** An encrypted export without warnings. */
    public ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification,
                        EncryptionService.Encrypted encrypted) {
        this(bundle, sha256, bundleId, verification, List.of(), encrypted);
    }
}
