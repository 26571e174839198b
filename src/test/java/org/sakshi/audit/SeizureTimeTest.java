package org.sakshi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeizureTimeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Vivo Y20 seized 2026-07-25 21:00 at Howrah station | 2026-07-25T15:30:00Z",
            "seized 2026-07-25T15:30:00Z by SI Sen              | 2026-07-25T15:30:00Z",
            "seizure memo 12, 2026-07-25T21:00:30+05:30          | 2026-07-25T15:30:30Z",
            "seized 2026-07-25 21:00 +0545 in Kathmandu          | 2026-07-25T15:15:00Z",
            "seized on 2026-07-25, time not noted                | null",
            "no date here                                        | null",
            "bad 2026-13-45 10:00 then 2026-07-25 21:00          | 2026-07-25T15:30:00Z"})
    void theFirstIsoDateAndTimeInTheSourceTextIsTheSeizureTime(String text, String expected) {
        Instant want = expected == null ? null : Instant.parse(expected);
        assertEquals(want, SeizureTime.find(text.strip(), ZoneId.of("Asia/Kolkata")));
    }
}
