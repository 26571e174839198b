package org.sakshi.service;

import java.nio.file.Path;
import java.time.Instant;

/** A signing identity just created: its key store file, certificate subject, end of validity and SHA-256. */
public record IdentitySummary(Path file, String subject, Instant notAfter, String sha256) {
}
