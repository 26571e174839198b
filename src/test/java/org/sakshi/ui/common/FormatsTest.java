package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {
    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.00 KiB", "1536, 1.50 KiB", "10485760, 10.0 MiB",
            "4294967296, 4.00 GiB"})
    void sizesUseBinaryUnits(long bytes, String shown) {
        assertEquals(shown, Formats.size(bytes));
    }
}
