package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level helpers: line reading, \xHH repair across buffer edges, the inflation cap. */
class StreamsTest {
    private static List<String> lines(byte[] bytes, int max) throws Exception {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), max)) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void crlfAndLfLinesReadTheSameAndALeadingBomIsDropped() throws Exception {
        byte[] b = "\uFEFFa\r\nb\nc".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a", "b", "c"), lines(b, 100));
    }

    @Test
    void aLineLongerThanTheCapIsSplitAtTheCap() throws Exception {
        assertEquals(List.of("abcd", "ef", "g"), lines("abcdef\ng".getBytes(StandardCharsets.US_ASCII), 4));
    }

    @Test
    void aLiteralReplacementCharacterInTheTextIsNotCountedAsInvalid() throws Exception {
        try (LineReader r = new LineReader(new ByteArrayInputStream("a\uFFFDb\n".getBytes(StandardCharsets.UTF_8)), 100)) {
            assertEquals("a\uFFFDb", r.readLine());
            assertNull(r.readLine());
            assertEquals(0, r.invalidLines());
        }
    }

    @ParameterizedTest(name = "escape at offset {0}")
    @ValueSource(ints = {65_533, 65_534, 65_535, 65_536})
    void anEscapeSplitAcrossTheRepairBufferIsStillRepaired(int at) throws Exception {
        String json = "\"" + "a".repeat(at - 1) + "\\x07\"";
        try (InputStream in = new JsonEscapeRepair(new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)))) {
            String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals("\"" + "a".repeat(at - 1) + "\\u0007\"", out);
        }
    }

    @Test
    void theInflationCapStopsReadingOneByteAfterTheLimit() throws Exception {
        InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[100]), 99, "m");
        assertThrows(InflationCapException.class, in::readAllBytes);
    }
}
