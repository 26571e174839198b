package org.sakshi.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sakshi.core.ItemKind;

/**
 * What a parser found. {@code summaryKey} is {@code chat}, {@code image} or {@code device} (null
 * when there is no summary) and {@code summary} the object of docs/cli.md#json-of-an-item for that key. Records
 * (messages, members) went to the {@link RecordSink}; {@code records} says how many.
 */
public record ParseResult(ItemKind kind, String summaryKey, Map<String, Object> summary, long records,
                          List<String> warnings, List<Derived> derived, List<Assumption> assumptions) {
    public ParseResult {
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? Map.of() : summary;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        derived = derived == null ? List.of() : List.copyOf(derived);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    }

    /** An item kept as a plain file, with the reasons parsing did not succeed. */
    public static ParseResult plain(ItemKind kind, List<String> warnings) {
        return new ParseResult(kind, null, Map.of(), 0, warnings, List.of(), List.of());
    }
}
