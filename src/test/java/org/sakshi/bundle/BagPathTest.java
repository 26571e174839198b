package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BagPathTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "data/a.txt|data/a.txt",
            "data/100%.txt|data/100%25.txt",
            "data/x%0Ay|data/x%250Ay"})
    void percentEncodesPercentSignsPerRfc8493(String raw, String encoded) {
        assertEquals(encoded, BagPath.encode(raw));
        assertEquals(raw, BagPath.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/line\nbreak.txt", "data/cr\rname", "data/both\r\n%"})
    void encodesLineBreaksSoEachManifestLineStaysOneLine(String raw) {
        String enc = BagPath.encode(raw);
        assertEquals(-1, enc.indexOf('\n'));
        assertEquals(-1, enc.indexOf('\r'));
        assertEquals(raw, BagPath.decode(enc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "b/../../x", "C:/win", "b\\..\\x", "b//x", "b/./x", ""})
    void refusesUnsafeEntryNames(String name) {
        assertNotNull(BagPath.unsafeReason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b/data/evidence/E0001/ছবি.jpg", "b/", "b/data/x..y"})
    void acceptsOrdinaryNamesIncludingUnicode(String name) {
        assertNull(BagPath.unsafeReason(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"100%.jpg|100_.jpg", "a/b.txt|a_b.txt", "..|_", "ফটো.jpg|ফটো.jpg"})
    void safeFileNamesNeedNoPercentEncoding(String raw, String safe) {
        assertEquals(safe, BagPath.safeFileName(raw));
    }
}
