package org.sakshi.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** A case's metadata as stored in its {@code case.db}. */
public record CaseInfo(UUID id, String number, String title, String agency, Jurisdiction jurisdiction,
                       String defaultOfficer, ZoneId zone, Instant createdAt) {
    public CaseInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(defaultOfficer, "defaultOfficer");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
