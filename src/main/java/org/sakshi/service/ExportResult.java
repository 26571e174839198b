package org.sakshi.service;

import java.nio.file.Path;
import org.sakshi.core.VerificationReport;

/**
 * A sealed bundle: where, the SHA-256 of the bundle ZIP, its id, and the verification of the fresh
 * file. For an encrypted export, {@code bundle} is the {@code .p7m} (the plain ZIP is not kept),
 * {@code sha256} still that of the ZIP inside, and {@code encrypted} says what was written; else
 * {@code encrypted} is null.
 */
public record ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification,
                           EncryptionService.Encrypted encrypted) {
    /** A plain export. */
    public ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification) {
        this(bundle, sha256, bundleId, verification, null);
    }
}
