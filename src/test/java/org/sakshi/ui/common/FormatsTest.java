package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every time on screen shows its zone and UTC side by side, as the report does. */
class FormatsTest {
    private static final Instant T = Instant.parse("2026-07-28T08:35:00Z");

    @BeforeEach
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH, null);
    }

    @Test
    void aTimeInTheCaseZoneIsThatZonesWallClockNamedAndBesideUtc() {
        assertEquals("2026-07-28 14:20:00 Asia/Kathmandu = 08:35:00 UTC", Formats.instant(T, ZoneId.of("Asia/Kathmandu")));
        assertEquals("2026-07-28 04:35:00 America/New_York = 08:35:00 UTC",
                Formats.instant(T, ZoneId.of("America/New_York")));
    }

    @Test
    void theUtcSideRepeatsTheDateWhenItIsAnotherDayThere() {
        Instant lateEvening = Instant.parse("2026-07-28T20:00:00Z");
        assertEquals("2026-07-29 01:30:00 Asia/Kolkata = 2026-07-28 20:00:00 UTC",
                Formats.instant(lateEvening, ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void aTimeWhoseZoneIsUtcIsShownOnce() {
        assertEquals("2026-07-28 08:35:00 UTC", Formats.instant(T, ZoneOffset.UTC));
        assertEquals("2026-07-28 08:35:00 UTC", Formats.instant(T, ZoneId.of("Etc/UTC")));
    }

    @Test
    void withoutACaseZoneTheWorkstationZoneIsNamedBesideUtc() {
        String s = Formats.instant(T);
        assertEquals(Formats.instant(T, ZoneId.systemDefault()), s);
        assertEquals(s, Formats.instant(T, null));
        assertTrue(s.endsWith(" UTC"), s);
        if (!ZoneId.systemDefault().normalized().equals(ZoneOffset.UTC)) {
            assertTrue(s.contains(" " + ZoneId.systemDefault().getId() + " = "), s);
        }
    }

    @Test
    void inBengaliBothSidesUseBengaliDigitsAndKeepTheZoneAndUtc() {
        Messages.use(Locale.of("bn"), null);
        String s = Formats.instant(T, ZoneId.of("Asia/Dhaka"));
        assertTrue(s.contains(" Asia/Dhaka = ") && s.endsWith(" UTC"), s);
        assertTrue(s.contains("\u09e8\u09e6\u09e8\u09ec"), "2026 in Bengali digits: " + s);
        assertTrue(!s.matches(".*[0-9].*"), "no Latin digit: " + s);
    }

    @Test
    void noTimeIsAnEmptyCell() {
        assertEquals("", Formats.instant(null));
        assertEquals("", Formats.instant(null, ZoneId.of("Asia/Kolkata")));
    }
}
