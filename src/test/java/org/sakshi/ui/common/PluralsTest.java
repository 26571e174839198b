package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts in the window take the plural form of each language: English "1 item", "2 items" (and "0
 * items"); Hindi the singular for 0 and 1 ("1 वस्तु", "2 वस्तुएँ", verbs agreeing); Bengali counts with
 * the classifier -টি and an unchanging noun; Nepali the singular verb for exactly 1.
 */
class PluralsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH, null);
    }

    private static String in(String lang, String key, Object... args) {
        Messages.use(Locale.of(lang), null);
        return Messages.get(key, args);
    }

    private static String n(String lang, long v) {
        return NumberFormat.getInstance(Locale.of(lang)).format(v);
    }

    @Test
    void englishSaysOneItemAndOtherwiseItems() {
        assertEquals("0 of 0 items shown.", in("en", "case.status", 0, 0));
        assertEquals("1 of 1 item shown.", in("en", "case.status", 1, 1));
        assertEquals("1 of 2 items shown.", in("en", "case.status", 1, 2));
        assertEquals("12 of 1,200 items shown.", in("en", "case.status", 12, 1200));
        assertEquals("1 item time-stamped; none is pending now.", in("en", "stamp.run.done", 1));
        assertEquals("2 items time-stamped; none is pending now.", in("en", "stamp.run.done", 2));
        assertEquals("Audit finished: 0 findings over 1 item.", in("en", "audit.done", 0, 1));
        assertEquals("Audit finished: 1 finding over 5 items.", in("en", "audit.done", 1, 5));
        assertEquals("Import 1 file or folder. Each is hashed, copied read-only into the case and recorded.",
                in("en", "import.header", 1));
        assertTrue(in("en", "import.header", 3).startsWith("Import 3 files or folders."));
        assertTrue(in("en", "custody.intact", 1, "ab12", 1, 0).startsWith(
                "CHAIN INTACT \u2014 1 event and links recompute; 1 signed head and 0 anchors verify."));
        assertTrue(in("en", "custody.intact", 40L, "ab12", 2, 1).startsWith(
                "CHAIN INTACT \u2014 all 40 events and links recompute; 2 signed heads and 1 anchor verify."));
        assertTrue(in("en", "stamp.run.noAnswer", 1).contains("so the pending item was not stamped;"));
        assertTrue(in("en", "stamp.run.noAnswer", 4).contains("none of the 4 pending items was stamped"));
    }

    @Test
    void hindiUsesTheSingularForZeroAndOneAndThePluralFromTwo() {
        assertEquals("5 में से 0 वस्तु दिखाई गई।", in("hi", "case.status", 0, 5));
        assertEquals("5 में से 1 वस्तु दिखाई गई।", in("hi", "case.status", 1, 5));
        assertEquals("5 में से 2 वस्तुएँ दिखाई गईं।", in("hi", "case.status", 2, 5));
        assertEquals("50 में से 17 वस्तुएँ दिखाई गईं।", in("hi", "case.status", 17, 50));
        assertEquals("1 वस्तु पर समय-मुहर लगी; अब कोई लंबित नहीं है।", in("hi", "stamp.run.done", 1));
        assertEquals("3 वस्तुओं पर समय-मुहर लगी; अब कोई लंबित नहीं है।", in("hi", "stamp.run.done", 3));
        assertEquals("3 में से 1 मामला दिखाया गया।", in("hi", "start.status", 1, 3));
        assertEquals("3 में से 2 मामले दिखाए गए।", in("hi", "start.status", 2, 3));
        assertEquals("ऑडिट पूरा: 1 वस्तु पर 0 निष्कर्ष।", in("hi", "audit.done", 0, 1));
        assertEquals("ऑडिट पूरा: 4 वस्तुओं पर 2 निष्कर्ष।", in("hi", "audit.done", 2, 4));
    }

    @Test
    void bengaliCountsWithTheClassifierAndAnUnchangingNoun() {
        for (int c : new int[] {0, 1, 2, 9}) {
            assertEquals(n("bn", 9) + "টির মধ্যে " + n("bn", c) + "টি বস্তু দেখানো হচ্ছে।", in("bn", "case.status", c, 9));
        }
    }

    @Test
    void nepaliUsesTheSingularVerbForExactlyOne() {
        assertTrue(in("ne", "stamp.run.partial", 2, 1).contains(n("ne", 1) + " अझै बाँकी छ किनकि"),
                in("ne", "stamp.run.partial", 2, 1));
        for (int c : new int[] {0, 2, 6}) {
            assertTrue(in("ne", "stamp.run.partial", 2, c).contains(n("ne", c) + " अझै बाँकी छन् किनकि"),
                    in("ne", "stamp.run.partial", 2, c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "bn", "ne"})
    void everyCountedMessageReadsWholeForZeroOneTwoAndMany(String lang) {
        ResourceBundle b = Messages.bundle(Locale.of(lang));
        List<String> problems = new ArrayList<>();
        Messages.use(Locale.of(lang), null);
        for (String key : b.keySet()) {
            String pattern = b.getString(key);
            if (!pattern.contains(",choice,")) {
                continue;
            }
            for (long count : new long[] {0, 1, 2, 5, 1000}) {
                Object[] args = {count, count, count, count};
                String s;
                try {
                    s = Messages.get(key, args);
                } catch (IllegalArgumentException e) {
                    problems.add(key + " with " + count + ": " + e.getMessage());
                    continue;
                }
                if (s.contains("{") || s.contains("(s)") || s.contains("#")) {
                    problems.add(key + " with " + count + ": " + s);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(String.join("\n", Messages.bundle(Locale.ENGLISH).keySet().stream()
                .map(k -> Messages.bundle(Locale.ENGLISH).getString(k)).toList()).contains("(s)"),
                "no English message counts with \"(s)\"");
    }
}
