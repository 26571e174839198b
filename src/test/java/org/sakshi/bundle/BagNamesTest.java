package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BagNamesTest {
    @Test
    void aLaterNameMeetingAnEarlierOneGetsTildeTwoBeforeTheExtension() {
        BagNames n = new BagNames();
        assertEquals("x_y.txt", n.claim("x_y.txt"));
        assertEquals("x_y~2.txt", n.claim("x_y.txt"));
        assertEquals("X_Y~3.TXT", n.claim("X_Y.TXT"), "the case of the name is kept");
        assertEquals(".bashrc", n.claim(".bashrc"));
        assertEquals(".bashrc~2", n.claim(".bashrc"));
    }

    @Test
    void namesEqualUnderUnicodeNormalisationCollide() {
        BagNames n = new BagNames();
        assertEquals("caf\u00e9.txt", n.claim("caf\u00e9.txt"));
        assertEquals("cafe\u0301~2.txt", n.claim("cafe\u0301.txt"));
    }

    @Test
    void aFileNeverTakesAFoldersNameNorAFolderAFilesName() {
        BagNames n = new BagNames();
        assertEquals("a_/b.txt", n.claim("a_/b.txt"));
        assertEquals("a_~2", n.claim("a_"));
        BagNames m = new BagNames();
        assertEquals("a_", m.claim("a_"));
        assertEquals("a_~2/b.txt", m.claim("a_/b.txt"));
        assertEquals("a_~2/c.txt", m.claim("a_/c.txt"), "siblings follow their renamed folder");
    }
}
