package org.sakshi.ingest;

import java.io.IOException;
import java.util.Map;

/**
 * Receives a parser's per-record output as it streams: chat messages or dump members, in the JSON
 * shapes of docs/cli.md#json-of-an-item ({@code messages} / {@code members} arrays). Parsers never collect these in memory.
 */
@FunctionalInterface
public interface RecordSink {
    RecordSink DISCARD = r -> { };

    void accept(Map<String, Object> record) throws IOException;
}
