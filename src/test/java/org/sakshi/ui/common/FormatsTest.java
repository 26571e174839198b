package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every time on screen names its clock: the workstation's zone or the one given. */
class FormatsTest {
    @Test
    void aTimeInTheWorkstationZoneNamesThatZone() {
        String s = Formats.instant(Instant.parse("2026-07-28T08:35:00Z"));
        assertTrue(s.endsWith(" " + ZoneId.systemDefault().getId()), s);
    }

    @Test
    void aTimeInTheCaseZoneIsThatZonesWallClockAndNamesIt() {
        String s = Formats.instant(Instant.parse("2026-07-28T08:35:00Z"), ZoneId.of("Asia/Kathmandu"));
        assertTrue(s.endsWith(" Asia/Kathmandu"), s);
        if (Messages.locale().getLanguage().equals("en")) {
            assertEquals("2026-07-28 14:20:00 Asia/Kathmandu", s);
        }
    }

    @Test
    void noTimeIsAnEmptyCell() {
        assertEquals("", Formats.instant(null));
    }
}
