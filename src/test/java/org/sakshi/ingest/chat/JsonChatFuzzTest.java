package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.FuzzFiles;

/**
 * Fuzzes the Telegram and Messenger JSON readers (docs/threat-model.md, item 30) from a Telegram Desktop
 * {@code result.json} and a Messenger {@code message_1.json} in {@code JsonChatFuzzTestInputs/parse}.
 * Property: a result (with warnings), never an exception other than the parser's documented ones.
 */
@Tag("fuzz")
class JsonChatFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("sakshi-fuzz-json");

    @AfterAll
    static void clean() throws IOException {
        FILES.delete();
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) throws Exception {
        String name = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1)
                .contains("participants") ? "message_1.json" : "result.json";
        ParseInput in = ParseInput.ofFile(name, FILES.write(name, data), ChatTestSupport.options());
        try {
            assertNotNull(new ChatParser().parse(in, RecordSink.DISCARD, new CancelFlag()));
        } catch (AmbiguousDateOrderException documented) {
            // not for JSON exports, but part of the parser's contract
        }
    }
}
