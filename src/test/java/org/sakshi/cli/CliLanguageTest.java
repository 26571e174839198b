package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.app.AppContext;
import org.sakshi.testsupport.LocalTsa;

/** {@code sakshi --lang}: the human output of import, export and verify in Hindi, Bengali, Nepali; machine output unchanged. */
class CliLanguageTest {
    @TempDir
    static Path tmp;
    static AppContext ctx;
    static LocalTsa tsa;
    static Path caseDir;
    static Path bundle;
    static Run exported;

    static Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    @BeforeAll
    static void exportABundleInBengali() throws Exception {
        ctx = CliRun.context(tmp);
        tsa = LocalTsa.start(tmp.resolve("pki"));
        caseDir = tmp.resolve("case");
        CliRun.initCase(ctx, caseDir);
        bundle = tmp.resolve("bundle.zip");
        exported = CliRun.export(ctx, caseDir, bundle, tsa, List.of("--lang", "bn"));
        assertEquals(0, exported.code(), exported.err());
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void exportSummaryIsInBengaliWithTheHashAndIdsUnchanged() {
        assertTrue(exported.out().startsWith("রপ্তানি হয়েছে " + bundle), exported.out());
        assertTrue(exported.out().contains("বান্ডেল আইডি "), exported.out());
        assertTrue(exported.out().matches("(?s).*sha256    [0-9a-f]{64}.*"), exported.out());
    }

    @Test
    void importSummaryIsInHindiAndTheOptionMayFollowTheCommand() throws IOException {
        Path f = Files.writeString(tmp.resolve("memo.txt"), "seizure memo\n");
        Run r = run("import", caseDir.toString(), f.toString(), "--lang", "hi");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("आयातित E"), r.out());
        assertTrue(r.out().contains("memo.txt") && r.out().contains("sha256 "), r.out());
    }

    @Test
    void verifyVerdictLineIsInNepaliKeepingTheEnglishVerdictWordCheckCodesAndExitCode() {
        Run en = run("verify", bundle.toString());
        Run ne = run("--lang", "ne", "verify", bundle.toString());
        assertEquals(en.code(), ne.code(), "the exit code does not depend on the language");
        String first = ne.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("अनिर्णीत (INDETERMINATE): bundle.zip (बन्डल "), first);
        assertTrue(en.out().startsWith("INDETERMINATE: bundle.zip (bundle "), en.out());
        assertTrue(ne.out().contains("\nकारण: "), ne.out());
        // check lines: result, code and the engine's sentence stay as in English
        List<String> enChecks = en.out().lines().filter(l -> l.startsWith("  [")).toList();
        List<String> neChecks = ne.out().lines().filter(l -> l.startsWith("  [")).toList();
        assertFalse(enChecks.isEmpty());
        assertEquals(enChecks, neChecks);
    }

    @Test
    void jsonOutputIsTheSameInEveryLanguage() {
        String en = run("verify", bundle.toString(), "--json").out();
        String hi = run("--lang", "hi", "verify", bundle.toString(), "--json").out();
        assertEquals(en.replaceAll("\"(checkedAt|verifiedAt)\" : \"[^\"]*\"", ""),
                hi.replaceAll("\"(checkedAt|verifiedAt)\" : \"[^\"]*\"", ""));
        assertTrue(en.contains("\"verdict\""), en);
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingTheLanguagesOffered() {
        Run r = run("--lang", "fr", "verify", bundle.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("en, hi, bn, ne"), r.err());
    }

    @Test
    void theEnvironmentVariableChoosesTheLanguageWhenTheOptionIsNotGiven() {
        assertEquals("bn", CliText.of(null, "bn_IN.UTF-8").locale().getLanguage());
        assertEquals("hi", CliText.of(CliText.Lang.hi, "bn").locale().getLanguage());
        assertEquals("en", CliText.of(null, "de").locale().getLanguage());
        assertEquals("en", CliText.of(null, null).locale().getLanguage());
    }

    @Test
    void everyOtherCommandSpeaksTheChosenLanguageKeepingIdsHashesAndEventTypes() throws IOException {
        Path other = tmp.resolve("case-hi");
        Run created = run("--lang", "hi", "case", "init", other.toString(), "--number", "FIR-13/2026", "--title", "Ring 2",
                "--officer", "SI Rao", "--jurisdiction", "IN");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().startsWith("मामला FIR-13/2026 (Ring 2) " + other + " में बनाया गया"), created.out());
        Run none = run("--lang", "bn", "items", other.toString());
        assertTrue(none.out().startsWith(other + "-এ এখনও কোনো বস্তু নেই"), none.out());
        Run note = run("note", other.toString(), "seal intact", "--lang", "ne");
        assertEquals(0, note.code(), note.err());
        assertTrue(note.out().matches("क्रम \\d+ मा NOTE अभिलेख गरियो\\s*"), note.out());
        Run custody = run("--lang", "hi", "custody", "verify", other.toString());
        assertEquals(0, custody.code(), custody.err());
        assertTrue(custody.out().startsWith("अभिरक्षा लेजर अक्षुण्ण: "), custody.out());
        assertTrue(custody.out().matches("(?s).*शीर्ष [0-9a-f]{64}.*"), "the head hash stays as it is: " + custody.out());
        Run audit = run("--lang", "bn", "audit", other.toString());
        assertTrue(audit.out().contains("খতিয়ান: ") && audit.out().contains("ফলাফল: "), audit.out());
        Run compact = run("--lang", "bn", "case", "compact", other.toString());
        assertEquals(0, compact.code(), compact.err());
        assertTrue(compact.out().matches(java.util.regex.Pattern.quote(other.resolve("case.db") + " সংকুচিত করা হয়েছে: পৃষ্ঠা ")
                + "\\d+ -> 32768 বাইট, \\d+ -> \\d+ বাইট; ক্রম \\d+-এ CASE_COMPACTED লিপিবদ্ধ হয়েছে; .*\\(শীর্ষ [0-9a-f]{64}\\)।\\s*"),
                "sizes as plain digits, the event type and head as they are: " + compact.out());
        Run english = run("custody", "verify", other.toString());
        assertTrue(english.out().startsWith("custody ledger intact: "), english.out());
        Run json = run("--lang", "hi", "custody", "verify", other.toString(), "--json");
        assertEquals(run("custody", "verify", other.toString(), "--json").out(), json.out(), "--json stays English");
    }

    @Test
    void theSettingsLanguageIsUsedWhenNeitherOptionNorEnvironmentGiveOne(@TempDir Path profile) throws IOException {
        Files.writeString(profile.resolve("settings.json"), "{\"language\": \"ne\", \"workspace\": \"/tmp/ws\"}");
        CliText.Settings s = CliText.Settings.read(profile);
        assertEquals("ne", s.language());
        assertEquals(Path.of("/tmp/ws"), s.workspace());
        assertEquals("ne", CliText.of(null, null, s.language(), null).locale().getLanguage());
        assertEquals("bn", CliText.of(null, "bn", s.language(), null).locale().getLanguage(), "the environment wins");
        assertEquals("hi", CliText.of(CliText.Lang.hi, "bn", "ne", null).locale().getLanguage(), "the option wins");
        Files.writeString(profile.resolve("settings.json"), "{ not json");
        assertEquals(null, CliText.Settings.read(profile).language(), "unreadable settings mean none");
    }

    @Test
    void aLabCorrectsACommandLineStringWithAFileInTheWorkspaceAndABadCorrectionIsIgnored(@TempDir Path ws)
            throws IOException {
        Files.writeString(ws.resolve("cli-messages_hi.properties"), String.join("\n",
                "note.recorded=क्रम {0} पर टिप्पणी (NOTE) दर्ज की गई",
                "note.recordedOn=wrong arguments {7}",
                "no.such.key=x", ""), StandardCharsets.UTF_8);
        CliText hi = CliText.of(CliText.Lang.hi, null, null, ws);
        assertEquals("क्रम 5 पर टिप्पणी (NOTE) दर्ज की गई", hi.get("note.recorded", "5"));
        assertEquals("क्रम 5 पर E0001 के लिए NOTE दर्ज किया गया", hi.get("note.recordedOn", "5", "E0001"),
                "a correction with other arguments is ignored");
        assertEquals("Recorded seq 5 NOTE", CliText.of(CliText.Lang.en, null, null, ws).get("note.recorded", "5"),
                "English is never corrected by the Hindi file");
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliLanguageTest.class.getResourceAsStream("/org/sakshi/cli/" + file)) {
            assertTrue(in != null, file + " is shipped");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "bn", "ne"})
    void everyCommandLineTranslationHasEveryKeyWithTheSamePlaceholders(String lang) throws IOException {
        Properties en = load("messages.properties");
        Properties tr = load("messages_" + lang + ".properties");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String t = tr.getProperty(key);
            if (t == null || t.isBlank()) {
                problems.add("missing " + key);
            } else if (!placeholders(t).equals(placeholders(en.getProperty(key)))) {
                problems.add(key + " placeholders differ");
            }
        }
        tr.stringPropertyNames().stream().filter(k -> !en.containsKey(k)).forEach(k -> problems.add("unknown " + k));
        assertEquals(List.of(), problems, lang);
    }
}
