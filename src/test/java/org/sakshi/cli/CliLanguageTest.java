package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/** {@code sakshi --lang}: the human output of import, export and verify in Hindi, Bengali, Nepali; machine output unchanged. */
class CliLanguageTest {
    @TempDir
    static Path tmp;
    static AppContext ctx;
    static LocalTsa tsa;
    static Path caseDir;
    static Path bundle;
    static Run exported;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(ctx.cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void exportABundleInBengali() throws Exception {
        ctx = new AppContext(tmp, org.sakshi.core.Clock.SYSTEM, new Workstation("ws1", "rao", "sakshi test"),
                new Ingest(), SinkFactory.DIRECT, Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
        tsa = LocalTsa.start(tmp.resolve("pki"));
        caseDir = tmp.resolve("case");
        assertEquals(0, run("case", "init", caseDir.toString(), "--number", "FIR-12/2026", "--title", "Ring",
                "--officer", "SI Rao", "--agency", "PS Sadar", "--jurisdiction", "IN").code());
        bundle = tmp.resolve("bundle.zip");
        exported = run("--lang", "bn", "export", caseDir.toString(), "--out", bundle.toString(), "--keystore",
                tsa.pki().officerP12().toString(), "--storepass-file", tsa.pki().officerPasswordFile().toString(),
                "--tsa", tsa.url().toString());
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
