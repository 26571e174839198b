package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unsafe-name checks run once per member of a dump of hundreds of thousands: plain loops, same verdicts. */
class MemberNameTest {
    @ParameterizedTest(name = "\"{0}\" absolute: {1}")
    @CsvSource(delimiter = '|', value = {
            "/etc/passwd|true", "\\\\server\\share|true", "C:/Windows|true", "c:\\Users|true", "z:/|true",
            "C:|false", "C:x|false", "1:/x|false", ":/x|false", "etc/passwd|false", "''|false", "sdcard/C:/x|false",
            "é:/x|false"})
    void absoluteNamesAreThoseWithALeadingSlashOrADriveLetter(String name, boolean absolute) {
        assertEquals(absolute, MemberListing.isAbsolute(name));
    }

    @ParameterizedTest(name = "\"{0}\" has ..: {1}")
    @CsvSource(delimiter = '|', value = {
            "..|true", "../evil.sh|true", "a/../b|true", "a\\..\\b|true", "a/..|true", "a/b/..\\c|true",
            "a/...|false", "a/..b|false", "b..|false", ".|false", "a/./b|false", "''|false", "a//b|false"})
    void aParentSegmentIsTwoDotsBetweenSeparators(String name, boolean parent) {
        assertEquals(parent, MemberListing.hasParentSegment(name));
    }
}
