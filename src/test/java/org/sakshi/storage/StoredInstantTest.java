package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sakshi.core.ledger.EventCodec;

/** The item reader's own time parser gives what {@link Instant#parse} gives, and fails where it fails. */
class StoredInstantTest {
    @Test
    void everyTimeTheStoreWritesReadsBackAsInstantParseReadsIt() {
        SplittableRandom r = new SplittableRandom(15);
        for (int k = 0; k < 200_000; k++) {
            // years 0000-9999, any millisecond
            long ms = r.nextLong(-62_167_219_200_000L, 253_402_300_799_999L);
            String s = EventCodec.formatAt(Instant.ofEpochMilli(ms));
            assertEquals(Instant.parse(s), CaseStore.storedInstant(s), s);
        }
        for (String s : List.of("2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
                "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2026-12-31T00:00:00.001Z",
                "2026-07-28T08:35:00Z", "2026-07-28T08:35:00.123456Z", "2026-07-28t08:35:00.123z",
                "2016-12-31T23:59:60.000Z", "2026-01-01T24:00:00.000Z")) {
            assertEquals(Instant.parse(s), CaseStore.storedInstant(s), s);
        }
    }

    @Test
    void whatInstantParseRefusesIsRefusedTheSameWay() {
        for (String s : List.of("2023-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-00-10T00:00:00.000Z", "2026-01-00T00:00:00.000Z", "2026-01-01T24:00:01.000Z",
                "2026-01-01T23:60:00.000Z", "2026-01-01T23:00:61.000Z", "2026-01-01T23:00:00.0a0Z",
                "2026-0x-01T00:00:00.000Z", "+026-01-01T00:00:00.000Z", "2026-01-01 00:00:00.000Z", "")) {
            DateTimeParseException want = assertThrows(DateTimeParseException.class, () -> Instant.parse(s), s);
            DateTimeParseException got = assertThrows(DateTimeParseException.class, () -> CaseStore.storedInstant(s), s);
            assertEquals(want.getMessage(), got.getMessage(), s);
        }
    }
}
