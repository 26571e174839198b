package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/** The engine's commands end to end through picocli: output shapes, exit codes, error lines (docs/cli.md). */
class EngineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private AppContext ctx;
    private Path caseDir;

    /** Claims "*.chat" files and always finds their dates ambiguous unless told the order. */
    static final class AmbiguousChat implements Parser {
        @Override
        public ItemKind detect(ParseInput input) {
            return input.name().endsWith(".chat") ? ItemKind.CHAT : null;
        }

        @Override
        public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws AmbiguousDateOrderException {
            if (input.options().dateOrder() == null) {
                throw new AmbiguousDateOrderException(input.name(), List.of(DateOrder.DMY, DateOrder.MDY));
            }
            return ParseResult.plain(ItemKind.CHAT, List.of());
        }
    }

    @BeforeEach
    void setUp() {
        AtomicLong t = new AtomicLong();
        ctx = new AppContext(tmp, () -> Instant.parse("2026-07-28T08:35:00Z").plusMillis(t.incrementAndGet()),
                new Workstation("ws1", "rao", "sakshi test"), new Ingest(List.of(new AmbiguousChat())),
                SinkFactory.DIRECT, Duration.ofMillis(300), url -> new HttpTimestampSource(URI.create(url)));
        caseDir = tmp.resolve("case");
    }

    private Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    private void init() {
        Run r = run("case", "init", caseDir.toString(), "--number", "FIR-12/2026", "--title", "Ring",
                "--officer", "SI Rao", "--agency", "PS Sadar", "--jurisdiction", "IN", "--zone", "Asia/Kolkata");
        assertEquals(0, r.code(), r.err());
    }

    private Path file(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void anUnknownCertificateKindIsAUsageErrorListingTheKindsAndNothingIsExported() throws Exception {
        init();
        Path pw = file("pw.txt", "x\n");
        Path out = tmp.resolve("b.zip");
        Run r = run("export", caseDir.toString(), "--out", out.toString(), "--keystore", tmp.resolve("k.p12").toString(),
                "--storepass-file", pw.toString(), "--certificate", "IN-BSA65");
        assertEquals(SakshiCommand.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("IN-BSA63|US-FRE902|NP|BD|US-3505|GENERIC"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void importJsonPrintsTheItemShapeOfCliMdAndNothingElse() throws Exception {
        init();
        Run r = run("import", caseDir.toString(), file("a.txt", "hello\n").toString(), "--source", "seized at home",
                "--device-imei", "356938035643809", "--location", "12 MG Road, Howrah", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode arr = JSON.readTree(r.out());
        JsonNode it = arr.get(0);
        assertEquals("E0001", it.get("id").asText());
        assertEquals("file", it.get("kind").asText());
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", it.get("sha256").asText());
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", it.get("sha1").asText());
        assertEquals("b1946ac92492d2347c6235b4d2611184", it.get("md5").asText());
        assertEquals("seized at home", it.get("source").get("text").asText());
        assertEquals("356938035643809", it.get("source").get("device_imei").asText());
        assertEquals("12 MG Road, Howrah", it.get("source").get("location").asText());
        assertEquals("pending", it.get("timestamp").get("status").asText());
        assertTrue(it.get("imported_at").asText().endsWith("Z"));
        assertEquals("SI Rao", it.get("imported_by").asText());
        Run show = run("show", caseDir.toString(), "E0001", "--json");
        assertEquals(0, show.code(), show.err());
        assertEquals("12 MG Road, Howrah", JSON.readTree(show.out()).get("source").get("location").asText(),
                "show --json prints the location of seizure");
    }

    @Test
    void itemsAndShowPrintTheSameItemAndShowRecordsAnAccess() throws Exception {
        init();
        run("import", caseDir.toString(), file("a.txt", "x").toString());
        JsonNode items = JSON.readTree(run("items", caseDir.toString(), "--json").out());
        Run show = run("show", caseDir.toString(), "E0001", "--json", "--officer", "HC Devi");
        assertEquals(0, show.code(), show.err());
        assertEquals(items.get(0), JSON.readTree(show.out()));
        JsonNode events = JSON.readTree(run("custody", caseDir.toString(), "--json").out());
        JsonNode last = events.get(events.size() - 1);
        assertEquals("ITEM_ACCESSED", last.get("type").asText());
        assertEquals("HC Devi", last.get("actor").get("name").asText());
    }

    @Test
    void aMissingFileExitsTwoWithOneErrorLineAndRecordsNothing() {
        init();
        Run r = run("import", caseDir.toString(), tmp.resolve("gone.jpg").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains("gone.jpg"));
        assertEquals("", r.out());
        assertEquals(1, countEvents());
    }

    private int countEvents() {
        try {
            return JSON.readTree(run("custody", caseDir.toString(), "--json").out()).size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void severalFilesWithOneFailingExitFourAndImportTheRest() throws Exception {
        init();
        Run r = run("import", caseDir.toString(), file("a", "1").toString(), tmp.resolve("nope").toString(),
                file("b", "2").toString());
        assertEquals(4, r.code());
        assertEquals(1, r.errorLines().size());
        assertEquals(2, JSON.readTree(run("items", caseDir.toString(), "--json").out()).size());
    }

    @Test
    void aFolderThatIsNotACaseExitsTwo() throws Exception {
        Files.createDirectories(tmp.resolve("plain"));
        Run r = run("items", tmp.resolve("plain").toString());
        assertEquals(2, r.code());
        assertTrue(r.errorLines().get(0).contains("not a Sakshi case folder"), r.err());
    }

    @Test
    void aCaseFromANewerSchemaExitsTwoSayingSo() throws Exception {
        init();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE schema_version SET version = 7");
        }
        Run r = run("import", caseDir.toString(), file("a", "1").toString());
        assertEquals(2, r.code());
        assertTrue(r.errorLines().get(0).contains("newer Sakshi"), r.err());
    }

    @Test
    void custodyVerifyExitsOneNamingTheFirstBadSeq() throws Exception {
        init();
        run("import", caseDir.toString(), file("a.txt", "x").toString());
        run("note", caseDir.toString(), "sealed in bag 4", "--items", "E0001");
        assertEquals(0, run("custody", "verify", caseDir.toString()).code());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER events_no_update");
            st.executeUpdate("UPDATE events SET json = replace(json, 'bag 4', 'bag 5') WHERE seq = 3");
        }
        Run r = run("custody", "verify", caseDir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("seq 3"), r.out());
        assertTrue(r.errorLines().get(0).contains("seq 3"), r.err());
    }

    @Test
    void caseCompactGivesAnOldCaseLargePagesPrintsJsonAndRefusesABrokenLedgerWithExitTwo() throws Exception {
        init();
        run("import", caseDir.toString(), file("a.txt", "x").toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("PRAGMA page_size=4096");
            st.execute("VACUUM");
            st.execute("PRAGMA journal_mode=WAL");
        }
        Run r = run("case", "compact", caseDir.toString(), "--officer", "Dr. N. Sen", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(4096, j.get("page_size_before").asInt());
        assertEquals(32768, j.get("page_size").asInt());
        Run v = run("custody", "verify", caseDir.toString(), "--json");
        assertEquals(0, v.code(), v.out());
        assertEquals(j.get("head").asText(), JSON.readTree(v.out()).get("head").asText());
        assertEquals(j.get("events").asLong(), JSON.readTree(v.out()).get("events").asLong());

        Run text = run("case", "compact", caseDir.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Compacted " + caseDir.resolve("case.db") + ": pages 32768 -> 32768 bytes"),
                text.out());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER events_no_update");
            st.executeUpdate("UPDATE events SET json = replace(json, '\"a.txt\"', '\"b.txt\"') WHERE type = 'ITEM_IMPORTED'");
        }
        Run refused = run("case", "compact", caseDir.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.errorLines().get(0).contains("does not verify")
                && refused.errorLines().get(0).contains("nothing was changed: run 'sakshi custody verify"), refused.err());
    }

    @Test
    void custodyJsonIsAnArrayOfTheEventsExactlyAsStored() throws Exception {
        init();
        run("transfer", caseDir.toString(), "--to", "FSL", "--reason", "analysis", "--seal", "S-1");
        JsonNode arr = JSON.readTree(run("custody", caseDir.toString(), "--json").out());
        assertEquals(2, arr.size());
        assertEquals("TRANSFERRED", arr.get(1).get("type").asText());
        assertEquals(arr.get(0).get("hash").asText(), arr.get(1).get("prev").asText());
        List<String> names = new ArrayList<>();
        arr.get(0).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("actor", "at", "case_id", "details", "hash", "id", "item_id", "item_sha256", "prev", "seq",
                "type", "workstation"), names);
        Run csv = run("custody", caseDir.toString(), "--csv");
        assertEquals(3, csv.out().split("\r\n").length);
    }

    @Test
    void transferSendsFromTheCurrentHolderByDefaultAndRecordsWhoReceivedAndHandedOver() throws Exception {
        init();
        run("import", caseDir.toString(), file("a.txt", "x").toString(), "--officer", "Insp. A. Demo");
        Run r = run("transfer", caseDir.toString(), "--to", "SI Rao", "--received-by", "SI Rao",
                "--handed-over-by", "HC Paul", "--reason", "investigation", "--officer", "SI Rao");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("from Insp. A. Demo to SI Rao"), r.out());
        JsonNode arr = JSON.readTree(run("custody", caseDir.toString(), "--json").out());
        JsonNode d = arr.get(arr.size() - 1).get("details");
        assertEquals("Insp. A. Demo", d.get("from").asText(), "the sender is the holder, not the officer typing");
        assertEquals("SI Rao", d.get("received_by").asText());
        assertEquals("HC Paul", d.get("handed_over_by").asText());
        assertEquals("SI Rao", arr.get(arr.size() - 1).get("actor").get("name").asText());

        Run named = run("transfer", caseDir.toString(), "--from", "SI Rao", "--to", "FSL", "--reason", "analysis",
                "--officer", "SI Rao");
        assertEquals(0, named.code(), named.err());
        assertTrue(named.out().contains("from SI Rao to FSL"), named.out());
    }

    @Test
    void anAmbiguousChatExitsTwoNamingTheChoicesAndKeepsTheFileRecordedUntilTheOrderIsChosen() throws Exception {
        init();
        Run r = run("import", caseDir.toString(), file("talk.chat", "x").toString());
        assertEquals(2, r.code());
        assertTrue(r.errorLines().get(0).contains("--date-order dmy|mdy"), r.err());
        assertEquals(2, countEvents(), "CASE_CREATED and ITEM_IMPORTED: the evidence is kept before parsing");
        assertEquals(0, run("import", caseDir.toString(), tmp.resolve("talk.chat").toString(), "--date-order", "dmy")
                .code());
        assertEquals(2, countEvents(), "the chosen order completes E0001; no second item");
    }

    @Test
    void importWithATsaStampsTheItemAndTimestampStampsPendingOnes() throws Exception {
        init();
        run("import", caseDir.toString(), file("late.txt", "late").toString());
        try (LocalTsa tsa = LocalTsa.start(tmp.resolve("pki"))) {
            Run r = run("import", caseDir.toString(), file("a.txt", "x").toString(), "--tsa", tsa.url().toString(),
                    "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals("granted", JSON.readTree(r.out()).get(0).get("timestamp").get("status").asText());
            Run ts = run("timestamp", caseDir.toString(), "--tsa", tsa.url().toString());
            assertEquals(0, ts.code(), ts.err());
            assertTrue(ts.out().contains("E0001 time-stamped"), ts.out());
        }
    }

    @Test
    void caseInitRefusesAFolderThatAlreadyHoldsACase() {
        init();
        Run r = run("case", "init", caseDir.toString(), "--number", "2", "--title", "t", "--officer", "o");
        assertEquals(2, r.code());
        assertTrue(r.errorLines().get(0).contains("already holds a case"));
    }
}
