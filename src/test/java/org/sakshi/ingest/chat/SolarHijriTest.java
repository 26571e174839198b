package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Solar Hijri dates against Gregorian dates published for them (Nowruz of several years, known days). */
class SolarHijriTest {
    @ParameterizedTest(name = "{0}/{1}/{2} is {3}")
    @CsvSource({
        "1403, 1, 1, 2024-03-20",   // Nowruz 1403
        "1402, 1, 1, 2023-03-21",   // Nowruz 1402
        "1400, 1, 1, 2021-03-21",   // Nowruz 1400
        "1399, 1, 1, 2020-03-20",   // Nowruz 1399
        "1387, 1, 1, 2008-03-20",   // Nowruz 1387, before WhatsApp
        "1354, 1, 1, 1975-03-21",   // Nowruz 1354
        "1357, 11, 22, 1979-02-11", // 22 Bahman 1357
        "1402, 7, 15, 2023-10-07",  // 15 Mehr 1402
        "1399, 12, 30, 2021-03-20", // Esfand 30 of the leap year 1399
        "1402, 12, 29, 2024-03-19", // the last day of the common year 1402
        "1403, 12, 30, 2025-03-20", // Esfand 30 of the leap year 1403
        "1404, 1, 1, 2025-03-21",   // Nowruz 1404
        "1402, 6, 31, 2023-09-22",  // the last day of Shahrivar (months 1-6 have 31 days)
        "1402, 7, 1, 2023-09-23",   // 1 Mehr
    })
    void aSolarHijriDateIsTheGregorianDatePublishedForIt(int y, int m, int d, String gregorian) {
        assertEquals(LocalDate.parse(gregorian), SolarHijri.toGregorian(y, m, d));
    }

    @Test
    void leapYearsFollowTheThirtyThreeYearCycle() {
        assertTrue(SolarHijri.isLeap(1399));
        assertTrue(SolarHijri.isLeap(1403));
        assertFalse(SolarHijri.isLeap(1400));
        assertFalse(SolarHijri.isLeap(1402));
        assertFalse(SolarHijri.isLeap(1404));
    }

    @Test
    void daysThatDoNotExistAreRefused() {
        assertNull(SolarHijri.toGregorian(1402, 12, 30), "1402 is not a leap year");
        assertNull(SolarHijri.toGregorian(1402, 7, 31), "Mehr has 30 days");
        assertNull(SolarHijri.toGregorian(1402, 13, 1));
        assertNull(SolarHijri.toGregorian(1402, 0, 1));
        assertNull(SolarHijri.toGregorian(1402, 1, 0));
        assertNull(SolarHijri.toGregorian(0, 1, 1));
    }

    @Test
    void consecutiveSolarHijriDaysAreConsecutiveGregorianDaysAcrossTwoCenturies() {
        LocalDate expected = SolarHijri.toGregorian(1300, 1, 1);
        for (int y = 1300; y <= 1429; y++) {
            for (int m = 1; m <= 12; m++) {
                int length = m <= 6 ? 31 : m <= 11 ? 30 : SolarHijri.isLeap(y) ? 30 : 29;
                for (int d = 1; d <= length; d++) {
                    assertEquals(expected, SolarHijri.toGregorian(y, m, d), y + "/" + m + "/" + d);
                    expected = expected.plusDays(1);
                }
            }
        }
        assertEquals(LocalDate.of(1921, 3, 21), SolarHijri.toGregorian(1300, 1, 1));
    }
}
