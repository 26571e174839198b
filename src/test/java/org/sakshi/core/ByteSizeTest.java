package org.sakshi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.00 KiB", "1536, 1.50 KiB", "10485760, 10.0 MiB",
            "4294967296, 4.00 GiB", "9223372036854775807, 8.00 EiB"})
    void sizesUseBinaryUnits(long bytes, String shown) {
        assertEquals(shown, ByteSize.format(bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12|12 bytes", "1536|1,536 bytes (1.50 KiB)",
            "2147483648|2,147,483,648 bytes (2.00 GiB)"})
    void reportsGiveTheExactCountWithTheShortForm(long bytes, String shown) {
        assertEquals(shown, ByteSize.withExactBytes(bytes));
    }
}
