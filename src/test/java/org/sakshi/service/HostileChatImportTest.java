package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;

/**
 * Hostile Telegram exports imported by {@code sakshi import} in a separate JVM limited to
 * {@code -Xmx256m}: one message holding 8 million {@code {}} (a flat array), and one nested 8 million
 * levels deep. Each costs one warning; the item is recorded and the ordinary messages are listed.
 */
class HostileChatImportTest {
    private static final int HUGE = 8_000_000;

    @TempDir
    Path tmp;

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private static String message(int id, String text) {
        return "{\"id\": " + id + ", \"type\": \"message\", \"date\": \"2021-07-28T14:05:00\", \"date_unixtime\": \""
                + (1627461300 + id) + "\", \"from\": \"Ramesh\", \"from_id\": \"user1\", \"text\": \"" + text + "\"}";
    }

    /** result.json: a normal message, the hostile one ({@code open} + {@code HUGE} units + {@code close}), another. */
    private Path export(String name, String open, String unit, String sep, String close) throws IOException {
        Path f = tmp.resolve(name).resolve("result.json");
        Files.createDirectories(f.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"name\": \"Ramesh\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": [");
            w.write(message(1, "before"));
            w.write(", {\"id\": 2, \"type\": \"message\", \"from\": \"X\", \"text\": ");
            w.write(open);
            for (int i = 0; i < HUGE; i++) {
                if (i > 0) {
                    w.write(sep);
                }
                w.write(unit);
            }
            w.write(close);
            w.write("}, ");
            w.write(message(3, "after"));
            w.write("]}");
        }
        return f;
    }

    private int importInSmallJvm(Path caseDir, Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xss1m", "-Dsakshi.home=" + System.getProperty("sakshi.home", tmp.resolve("profile").toString()),
                "-cp", classPath(), "org.sakshi.app.Main", "import", caseDir.toString(),
                file.toString()));
        Path log = tmp.resolve(file.getParent().getFileName() + ".log");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the import did not finish: " + Files.readString(log));
            return child.exitValue();
        } finally {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aMessageOfEightMillionEmptyObjectsIsOneWarningAtXmx256m(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path f = export("flat", "[", "{}", ",", "]");
        assertEquals(0, importInSmallJvm(c, f), Files.readString(tmp.resolve("flat.log")));
        Item it = fx.evidence.items(c).get(0);
        assertEquals(ItemKind.CHAT, it.kind());
        assertEquals(Files.size(f), it.size());
        List<String> skipped = it.warnings().stream().filter(w -> w.contains("were skipped")).toList();
        assertEquals(1, skipped.size(), it.warnings().toString());
        List<String> texts = new ArrayList<>();
        fx.evidence.records(c, it.id(), r -> texts.add(String.valueOf(r.get("text"))));
        assertEquals(List.of("before", "after"), texts, "the messages around the hostile one are read");
        assertTrue(fx.custody.verify(c).intact());
    }

    /** Folder store only: the parser's limits are the subject, the same for both stores (above). */
    @Test
    void aMessageNestedEightMillionLevelsDeepIsOneWarningAtXmx256m() throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path f = export("deep", "", "[", "", "]".repeat(HUGE));
        assertEquals(0, importInSmallJvm(c, f), Files.readString(tmp.resolve("deep.log")));
        Item it = fx.evidence.items(c).get(0);
        assertEquals(ItemKind.CHAT, it.kind());
        List<String> limit = it.warnings().stream().filter(w -> w.contains("safety limit")).toList();
        assertEquals(1, limit.size(), it.warnings().toString());
        List<String> texts = new ArrayList<>();
        fx.evidence.records(c, it.id(), r -> texts.add(String.valueOf(r.get("text"))));
        assertEquals(List.of("before"), texts, "the messages before the fault are kept");
        assertTrue(fx.custody.verify(c).intact());
    }
}
