package org.sakshi.report;

import java.io.IOException;
import java.util.Map;
import org.sakshi.core.Item;

/**
 * Streams the parsed records of an item in order: for a chat, its messages; for a device dump, its
 * members; each a JSON-compatible map in the docs/cli.md#json-of-an-item shapes ({@code show} "messages" / "members"
 * arrays). The report consumes records one by one while it lays out pages; implementations must not
 * collect them in memory. Items without records stream nothing.
 */
@FunctionalInterface
public interface RecordSource {
    RecordSource NONE = (item, consumer) -> { };

    void stream(Item item, Consumer consumer) throws IOException;

    /** Receives one record. */
    @FunctionalInterface
    interface Consumer {
        void accept(Map<String, Object> record) throws IOException;
    }
}
