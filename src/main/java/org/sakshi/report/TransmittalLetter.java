package org.sakshi.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sakshi.core.Actor;

/**
 * What a mutual legal assistance transmittal letter says about one sealed bundle: the authorities
 * and the legal basis, the bundle file and its SHA-256 (known only after sealing, so the letter is a
 * separate signed PDF beside the bundle), the items with their SHA-256, seals and courier. Times are
 * printed in {@code zone} beside UTC; {@code values} fill or override other template placeholders.
 */
public record TransmittalLetter(String requesting, String requested, String basis, String reference, String courier,
                                List<String> seals, String caseNumber, String caseTitle, String caseAgency,
                                String bundleId, String bundleFile, long bundleSize, String bundleSha256,
                                Instant sealedAt, String sealedBy, String verification, List<Entry> items,
                                Actor sender, Instant preparedAt, ZoneId zone, String toolVersion,
                                Map<String, String> values) {
    /** One item of the bundle as its case.json lists it. */
    public record Entry(String id, String name, long size, String sha256, String path) {
    }

    public TransmittalLetter {
        Objects.requireNonNull(bundleSha256, "bundleSha256");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(preparedAt, "preparedAt");
        Objects.requireNonNull(zone, "zone");
        seals = seals == null ? List.of() : List.copyOf(seals);
        items = items == null ? List.of() : List.copyOf(items);
        values = values == null ? Map.of() : Map.copyOf(values);
        toolVersion = toolVersion == null ? "" : toolVersion;
    }
}
