package org.sakshi.ingest.chat;

import java.time.LocalDate;

/**
 * Solar Hijri (Persian, "Jalali") dates as Iranian and Afghan phones write them in WhatsApp headers
 * ({@code ۱۴۰۲/۰۷/۱۵}), converted to the Gregorian calendar.
 *
 * <p>Written for Sakshi from the published arithmetic of Kazimierz M. Borkowski, "The Persian calendar
 * for 3000 years" (Earth, Moon and Planets 74, 1996): between the listed "break" years the leap years
 * follow 33-year cycles (8 leap years each), and the Gregorian day of 1 Farvardin (Nowruz) in March
 * follows from the numbers of leap years counted on both sides since a common epoch. The arithmetic
 * agrees with the astronomical calendar for Solar Hijri years 1..3177; WhatsApp dates lie far inside.
 * The Gregorian side is left to {@code java.time}: 1 Farvardin is a March day of Gregorian year
 * {@code jy + 621}, and the rest of the year is day arithmetic (months 1-6 have 31 days, 7-11 have
 * 30, Esfand 29 or 30 in a leap year).
 */
final class SolarHijri {
    private SolarHijri() {
    }

    /** Years at which the 33-year cycle pattern restarts (Borkowski's table). */
    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
            2192, 2262, 2324, 2394, 2456, 3178};

    /** 1 Farvardin of {@code jy} (March day) and whether {@code jy} is a leap year, or null out of range. */
    private record Year(int gregorianYear, int marchDay, boolean leap) {
    }

    private static Year year(int jy) {
        if (jy < 1 || jy >= BREAKS[BREAKS.length - 1]) {
            return null;
        }
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ += Math.floorDiv(jump, 33) * 8 + Math.floorDiv(Math.floorMod(jump, 33), 4);
            jp = jm;
        }
        int n = jy - jp;
        // leap years of the Persian calendar up to jy since the epoch of the count
        leapJ += Math.floorDiv(n, 33) * 8 + Math.floorDiv(Math.floorMod(n, 33) + 3, 4);
        if (Math.floorMod(jump, 33) == 4 && jump - n == 4) {
            leapJ++;
        }
        // leap years of the Gregorian calendar up to gy since the same epoch
        int leapG = Math.floorDiv(gy, 4) - Math.floorDiv((Math.floorDiv(gy, 100) + 1) * 3, 4) - 150;
        int march = 20 + leapJ - leapG;
        if (jump - n < 6) {
            n = n - jump + Math.floorDiv(jump + 4, 33) * 33;
        }
        // years since the last leap year within the cycle (0: jy itself is a leap year)
        int sinceLeap = Math.floorMod(Math.floorMod(n + 1, 33) - 1, 4);
        return new Year(gy, march, sinceLeap == 0);
    }

    /** True when {@code jy} has 366 days (Esfand 30 exists). */
    static boolean isLeap(int jy) {
        Year y = year(jy);
        return y != null && y.leap();
    }

    /** The Gregorian date of a Solar Hijri date, or null when the date does not exist. */
    static LocalDate toGregorian(int jy, int jm, int jd) {
        if (jm < 1 || jm > 12 || jd < 1) {
            return null;
        }
        Year y = year(jy);
        if (y == null) {
            return null;
        }
        int length = jm <= 6 ? 31 : jm <= 11 ? 30 : y.leap() ? 30 : 29;
        if (jd > length) {
            return null;
        }
        int dayOfYear = jm <= 6 ? (jm - 1) * 31 : 6 * 31 + (jm - 7) * 30;
        return LocalDate.of(y.gregorianYear(), 3, y.marchDay()).plusDays(dayOfYear + jd - 1L);
    }
}
