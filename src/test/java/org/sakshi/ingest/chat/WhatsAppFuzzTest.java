package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.FuzzFiles;

/**
 * Fuzzes the WhatsApp grammar and parser (docs/threat-model.md, item 30) from real exports (Android, iOS, US dates)
 * in {@code WhatsAppFuzzTestInputs/parse}. Property: the parse gives a result (with warnings) or
 * the documented AmbiguousDateOrderException; never another exception or error.
 */
@Tag("fuzz")
class WhatsAppFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("sakshi-fuzz-wa");

    @AfterAll
    static void clean() throws IOException {
        FILES.delete();
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) throws Exception {
        ParseInput in = ParseInput.ofFile("WhatsApp Chat with Ramesh.txt",
                FILES.write("WhatsApp Chat with Ramesh.txt", data), ChatTestSupport.options());
        try {
            assertNotNull(new ChatParser().parse(in, RecordSink.DISCARD, new CancelFlag()));
        } catch (AmbiguousDateOrderException documented) {
            // the officer is asked for the date order
        }
    }
}
