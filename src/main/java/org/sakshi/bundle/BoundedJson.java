package org.sakshi.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON from a bundle is read only after its bytes matched the manifest, and then with caps, so that a
 * hostile {@code data/case.json} or custody log (deep nesting, millions of tokens, one endless line)
 * ends in a FAILED check instead of exhausting memory or the stack (docs/bundle-format.md#verdicts).
 * A genuine Sakshi bundle stays far inside these limits.
 */
public final class BoundedJson {
    /** Largest data/case.json read: 64 MiB. */
    public static final long MAX_CASE_JSON_BYTES = 64L << 20;
    /** At most this many JSON tokens in case.json (a genuine item takes well under 100). */
    public static final long MAX_CASE_JSON_TOKENS = 1_000_000;
    /** Nesting depth of case.json and of a custody event (both need fewer than 10 levels). */
    public static final int MAX_DEPTH = 64;
    /** Longest string value (e.g. an item's free-text source). */
    public static final int MAX_STRING = 4 << 20;
    /** Longest line (one event) of a custody log. */
    public static final int MAX_EVENT_LINE = 1 << 20;

    private static final ObjectMapper CASE_JSON = mapper(MAX_CASE_JSON_BYTES, MAX_CASE_JSON_TOKENS);
    private static final ObjectMapper EVENT = mapper(MAX_EVENT_LINE, 100_000);

    private BoundedJson() {
    }

    private static ObjectMapper mapper(long maxBytes, long maxTokens) {
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxDocumentLength(maxBytes).maxTokenCount(maxTokens)
                .maxStringLength(MAX_STRING).maxNumberLength(100).maxNameLength(10_000).build()).build());
    }

    /**
     * Reads {@code data/case.json} within the caps.
     *
     * @throws IOException with a readable sentence when it is not JSON or exceeds a cap
     */
    public static JsonNode readCaseJson(InputStream in) throws IOException {
        try {
            return CASE_JSON.readTree(in);
        } catch (StreamConstraintsException e) {
            throw new IOException("it exceeds the verifier's limits for case.json (" + e.getOriginalMessage()
                    + "); no genuine Sakshi bundle comes near them", e);
        } catch (StackOverflowError e) {
            throw new IOException("it is nested too deeply to be a Sakshi case.json", e);
        }
    }

    /** One custody event (one JSONL line) within the caps. */
    public static JsonNode readEvent(String line) throws IOException {
        try {
            return EVENT.readTree(line);
        } catch (StreamConstraintsException e) {
            throw new IOException("an event exceeds the verifier's limits (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * Splits a JSONL stream into lines of at most {@link #MAX_EVENT_LINE} bytes (blank lines skipped).
     *
     * @throws IOException when a line is longer, naming its number
     */
    public static void lines(InputStream in, LineSink sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        byte[] buf = new byte[1 << 16];
        long number = 1;
        for (int n; (n = in.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    emit(line, number++, sink);
                } else {
                    if (line.size() >= MAX_EVENT_LINE) {
                        throw new IOException("line " + number + " of the custody log is longer than "
                                + (MAX_EVENT_LINE >> 10) + " KiB, which no custody event is");
                    }
                    line.write(buf[i]);
                }
            }
        }
        emit(line, number, sink);
    }

    private static void emit(ByteArrayOutputStream line, long number, LineSink sink) throws IOException {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!s.isBlank()) {
            sink.line(number, s);
        }
    }

    /** Receives each non-blank line of a JSONL stream with its 1-based number. */
    @FunctionalInterface
    public interface LineSink {
        void line(long number, String line) throws IOException;
    }
}
