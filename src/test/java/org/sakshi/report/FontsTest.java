package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FontsTest {
    private static Fonts.Shaped shape(String s, Fonts.Family f) {
        return Fonts.shape(new Fonts.Run(new Fonts.Face(f, false), s, s));
    }

    @ParameterizedTest
    @CsvSource({"कि,DEVANAGARI,क", "কি,BENGALI,ক", "কে,BENGALI,ক"})
    void preBaseVowelSignIsDrawnBeforeItsConsonant(String syllable, Fonts.Family family, String consonant) {
        Fonts.Shaped s = shape(syllable, family);
        int consonantGlyph = shape(consonant, family).gids()[0];
        assertEquals(2, s.gids().length);
        assertEquals(consonantGlyph, s.gids()[1], "consonant second");
        assertNotEquals(consonantGlyph, s.gids()[0], "vowel sign first");
    }

    @ParameterizedTest
    @CsvSource({"क्ष,DEVANAGARI", "प्र,DEVANAGARI", "न्द,DEVANAGARI", "ক্ষ,BENGALI", "ন্দ,BENGALI"})
    void conjunctsBecomeFewerGlyphsThanCharacters(String conjunct, Fonts.Family family) {
        assertTrue(shape(conjunct, family).gids().length < conjunct.length(), conjunct);
    }

    @Test
    void textSplitsIntoRunsByScriptKeepingSpacesWithTheirRun() {
        List<Fonts.Run> runs = Fonts.runs("Ravi: कृपया प्रमाण দেখুন ok", false);
        assertEquals(List.of("Ravi: ", "कृपया प्रमाण ", "দেখুন ", "ok"), runs.stream().map(Fonts.Run::actual).toList());
        assertEquals(List.of(Fonts.Family.LATIN, Fonts.Family.DEVANAGARI, Fonts.Family.BENGALI, Fonts.Family.LATIN),
                runs.stream().map(r -> r.face().family()).toList());
    }

    @Test
    void emojiAreDrawnWithTheSymbolFaceTheirModifierOnlyInTheActualText() {
        for (boolean bold : new boolean[] {false, true}) {
            List<Fonts.Run> runs = Fonts.runs("ok 👍🏽!", bold);
            assertEquals(List.of("ok ", "👍", "!"), runs.stream().map(Fonts.Run::visual).toList());
            assertEquals(List.of("ok ", "👍🏽", "!"), runs.stream().map(Fonts.Run::actual).toList());
            assertEquals(List.of(Fonts.Family.LATIN, Fonts.Family.SYMBOLS, Fonts.Family.LATIN),
                    runs.stream().map(r -> r.face().family()).toList());
            Fonts.Shaped thumb = Fonts.shape(runs.get(1));
            assertEquals(1, thumb.gids().length);
            assertTrue(thumb.gids()[0] > 0 && thumb.advance() > 0, "a real glyph with a width");
        }
    }

    @Test
    void anEmojiSequenceShowsItsPartsAndAFlagItsLetters() {
        List<Fonts.Run> family = Fonts.runs("👨\u200D👩\u200D👧\uFE0F", false);
        assertEquals(1, family.size());
        assertEquals("👨👩👧", family.get(0).visual());
        assertEquals("👨\u200D👩\u200D👧\uFE0F", family.get(0).actual());
        assertEquals(2, Fonts.shape(Fonts.runs("🇮🇳", false).get(0)).gids().length);
    }

    @Test
    void aCodePointNoFaceCoversBecomesOnePlaceholderButKeepsItsActualText() {
        // U+1FAE8 (Unicode 15) is newer than every embedded face
        List<Fonts.Run> runs = Fonts.runs("ok \uD83E\uDEE8!", false);
        assertEquals(1, runs.size());
        assertEquals("ok \uFFFD!", runs.get(0).visual());
        assertEquals("ok \uD83E\uDEE8!", runs.get(0).actual());
    }

    @Test
    void dandaStaysWithTheBengaliRunItEnds() {
        List<Fonts.Run> runs = Fonts.runs("আমি।", false);
        assertEquals(1, runs.size());
        assertEquals(Fonts.Family.BENGALI, runs.get(0).face().family());
    }

    @Test
    void widthGrowsWithSizeAndText() {
        float w9 = Fonts.width("प्रमाण abc", false, 9);
        assertEquals(w9 * 2, Fonts.width("प्रमाण abc", false, 18), 0.01);
        assertTrue(Fonts.width("প্রমাণ abcd", false, 9) > Fonts.width("প্রমাণ abc", false, 9));
    }
}
