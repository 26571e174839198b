package org.sakshi.service;

import java.nio.file.Path;
import java.time.Instant;
import org.sakshi.core.CaseInfo;

/** A case as listed in a workspace. */
public record CaseSummary(Path dir, CaseInfo info, int itemCount, Instant lastActivity) {
}
