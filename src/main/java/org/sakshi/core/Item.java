package org.sakshi.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An evidence item (docs/cli.md#json-of-an-item). {@code id} is {@code E0001}, {@code E0002}, ...
 * {@code summary} is the kind's parsed summary (the {@code chat}, {@code image} or {@code device}
 * object of docs/cli.md#json-of-an-item) as JSON-compatible maps, lists, strings, longs and booleans; empty when none.
 * {@code folder} is true when the item is a folder whose files are listed in the vault manifest.
 */
public record Item(String id, ItemKind kind, String name, long size, Digests digests, Instant importedAt,
                   String importedBy, String sourcePath, SourceDetails source, ItemTimestamp timestamp,
                   String derivedFrom, List<String> warnings, boolean folder, Map<String, Object> summary) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digests, "digests");
        Objects.requireNonNull(importedAt, "importedAt");
        source = source == null ? SourceDetails.NONE : source;
        timestamp = timestamp == null ? ItemTimestamp.NONE : timestamp;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        summary = summary == null ? Map.of() : summary;
    }
}
