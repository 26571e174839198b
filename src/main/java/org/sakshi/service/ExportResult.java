package org.sakshi.service;

import java.nio.file.Path;
import org.sakshi.core.VerificationReport;

/** A sealed bundle: where, its SHA-256, its id, and the verification of the fresh file. */
public record ExportResult(Path bundle, String sha256, String bundleId, VerificationReport verification) {
}
