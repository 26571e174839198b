package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {
    private static final String DIR = "/org/sakshi/ui/";

    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.ENGLISH, null);
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(DIR + file)) {
            assertTrue(in != null, file + " is shipped");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String text(String file) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(DIR + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void everyTranslationHasEveryEnglishKeyWithTheSamePlaceholdersAndNoOtherKey(String lang) throws IOException {
        Properties english = load("messages.properties");
        Properties tr = load("messages_" + lang + ".properties");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String t = tr.getProperty(key);
            if (t == null || t.isBlank()) {
                problems.add("missing " + key);
            } else if (!Messages.placeholders(t).equals(Messages.placeholders(english.getProperty(key)))) {
                problems.add(key + " has placeholders " + Messages.placeholders(t) + ", English "
                        + Messages.placeholders(english.getProperty(key)));
            } else {
                try {
                    new MessageFormat(t, Locale.of(lang)).format(new Object[] {2, 3, 4, 5});
                } catch (IllegalArgumentException e) {
                    problems.add(key + " is not a valid pattern: " + e.getMessage());
                }
            }
        }
        for (String key : tr.stringPropertyNames()) {
            if (!english.containsKey(key)) {
                problems.add("unknown key " + key);
            }
        }
        assertEquals(List.of(), problems, "messages_" + lang + ".properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void everyTranslationIsMarkedAsADraftInItsHeader(String lang) throws IOException {
        assertTrue(text("messages_" + lang + ".properties").startsWith("# DRAFT TRANSLATION"),
                "messages_" + lang + ".properties starts with the draft marker");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void theTranslationIsInItsOwnScript(String lang) {
        Messages.use(Locale.of(lang), null);
        Character.UnicodeScript expected = lang.equals("bn") ? Character.UnicodeScript.BENGALI
                : Character.UnicodeScript.DEVANAGARI;
        String s = Messages.get("start.new");
        assertTrue(s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == expected), s);
        assertTrue(Messages.isDraft());
    }

    @Test
    void theLanguageComesFromTheOptionThenTheSettingThenTheSystemElseEnglish() {
        assertEquals("hi", Messages.choose("hi", "bn", Locale.of("ne")).getLanguage());
        assertEquals("bn", Messages.choose(null, "bn", Locale.of("ne")).getLanguage());
        assertEquals("bn", Messages.choose("xx", "bn-IN", Locale.of("ne")).getLanguage());
        assertEquals("ne", Messages.choose(null, null, Locale.of("ne", "NP")).getLanguage());
        assertEquals("en", Messages.choose(null, null, Locale.GERMANY).getLanguage());
        assertEquals("en", Messages.choose("fr", null, Locale.FRANCE).getLanguage());
    }

    @Test
    void aMissingKeyShowsTheKeyAndEnglishIsNotADraft() {
        Messages.use(Locale.ENGLISH, null);
        assertEquals("no.such.key", Messages.get("no.such.key"));
        assertEquals("New case\u2026", Messages.get("start.new"));
        assertFalse(Messages.isDraft());
    }

    @Test
    void aLabCorrectsAStringWithAFileInTheWorkspaceAndABadCorrectionIsIgnored(@TempDir Path ws) throws IOException {
        Files.writeString(ws.resolve("messages_hi.properties"), String.join("\n",
                "start.new=\u0928\u092f\u093e \u0915\u0947\u0938\u2026",
                "start.status={0} / {1} \u0915\u0947\u0938",
                "case.status=\u0935\u0938\u094d\u0924\u0941\u090f\u0901 {0}",
                "no.such.key=x", ""), StandardCharsets.UTF_8);
        Messages.use(Locale.of("hi"), ws);
        assertEquals(ws.resolve("messages_hi.properties"), Messages.overrideFile());
        assertEquals("\u0928\u092f\u093e \u0915\u0947\u0938\u2026", Messages.get("start.new"));
        assertEquals("3 / 7 \u0915\u0947\u0938", Messages.get("start.status", 3, 7));
        // {1} dropped: the correction is ignored and the shipped Hindi text stays
        assertEquals(Messages.bundle().getString("case.status"), Messages.get("case.status"));
        // a correction for another language is not used
        Messages.use(Locale.of("bn"), ws);
        assertEquals(Messages.bundle().getString("start.new"), Messages.get("start.new"));
        assertEquals(null, Messages.overrideFile());
    }

    @Test
    void datesFollowTheLanguageAndKeepTheZone() {
        java.time.Instant t = java.time.Instant.parse("2026-07-28T08:35:00Z");
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        Messages.use(Locale.ENGLISH, null);
        assertEquals("2026-07-28 14:05:00 Asia/Kolkata = 08:35:00 UTC", Formats.instant(t, kolkata));
        Messages.use(Locale.of("bn"), null);
        String bn = Formats.instant(t, kolkata);
        assertTrue(bn.contains(" Asia/Kolkata = ") && bn.endsWith(" UTC"), bn);
        assertTrue(bn.contains("\u09e8\u09e6\u09e8\u09ec"), "2026 in Bengali digits: " + bn);
        Messages.use(Locale.of("hi"), null);
        String hi = Formats.instant(t, java.time.ZoneOffset.UTC);
        assertTrue(hi.contains("2026") && hi.endsWith(" UTC") && !hi.contains("="), hi);
    }
}
