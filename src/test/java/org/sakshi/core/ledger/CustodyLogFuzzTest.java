package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the custody-log reader the verifier uses on {@code custody-log.jsonl} (docs/threat-model.md, item 30) from a
 * real three-event chain in {@code CustodyLogFuzzTestInputs/verify}. Property: the chain check
 * gives a result (intact or broken at a seq), never an exception; a single line either parses into
 * an event or is refused with the documented IllegalArgumentException.
 */
@Tag("fuzz")
class CustodyLogFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void verify(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        assertNotNull(ChainVerifier.verifyJsonl(new StringReader(text)));
        for (String line : text.split("\n", 8)) {
            try {
                assertNotNull(EventCodec.parseLine(line));
            } catch (IllegalArgumentException documented) {
                // not an event: the chain check reports it at its seq
            }
        }
    }
}
