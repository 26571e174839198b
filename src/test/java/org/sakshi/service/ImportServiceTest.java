package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.DateOrder;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.bundle.CaseJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.sakshi.testsupport.Sinks;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.Derived;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;
import org.sakshi.vault.SinkFactory;

class ImportServiceTest {
    @TempDir
    Path tmp;

    private Path file(String name, byte[] content) throws IOException {
        Path f = tmp.resolve("src").resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
        return f;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String hex(String alg, byte[] d) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(d));
    }

    private static List<String> types(List<CustodyEvent> events) {
        return events.stream().map(CustodyEvent::type).toList();
    }

    private static long vaultFiles(Path caseDir) throws IOException {
        try (Stream<Path> s = Files.walk(caseDir.resolve("vault"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aFileIsHashedStoredAndRecorded(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        byte[] data = random(2_500_000);
        Path src = file("photo.dat", data);
        ImportOutcome out = fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null);
        Item it = out.imported().get(0);
        assertEquals("E0001", it.id());
        assertEquals(ItemKind.FILE, it.kind());
        assertEquals(hex("SHA-256", data), it.digests().sha256());
        assertEquals(hex("SHA-1", data), it.digests().sha1());
        assertEquals(hex("MD5", data), it.digests().md5());
        assertEquals(src.toAbsolutePath().toString(), it.sourcePath());
        assertArrayEquals(data, Files.readAllBytes(fx.evidence.blobPath(c, "E0001")));
        List<CustodyEvent> ev = fx.custody.events(c);
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), types(ev));
        CustodyEvent imp = ev.get(1);
        assertEquals("E0001", imp.itemId());
        assertEquals(it.importedAt(), imp.at(), "imported_at is the time of the ITEM_IMPORTED event");
        assertEquals(it.digests().sha256(), imp.itemSha256());
        assertEquals(it.digests().md5(), imp.details().get("md5"));
        assertEquals(it.digests().sha1(), imp.details().get("sha1"));
        assertEquals(src.toAbsolutePath().toString(), imp.details().get("source_path"));
        assertEquals("SI Rao", imp.actor().name());
        assertEquals("ws1", imp.workstation().host());
        assertTrue(fx.custody.verify(c).intact());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theLocationOfSeizureIsInTheImportEventAndInCaseJson(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        ImportRequest req = new ImportRequest(null, null, null,
                new SourceDetails("seized from the accused", "Xiaomi", "Redmi 9", null, null, "12 MG Road, Howrah"),
                null, null, Fixture.OFFICER);
        Item it = fx.imports.importPaths(c, List.of(file("a.txt", random(10))), req, null, null).imported().get(0);
        assertEquals("12 MG Road, Howrah", it.source().location());

        CustodyEvent imp = fx.custody.events(c).get(1);
        assertEquals("ITEM_IMPORTED", imp.type());
        assertEquals("12 MG Road, Howrah", EventDetails.ItemImported.location(imp.details()),
                "the location is inside the hash-chained event, not only in the item row");
        assertTrue(fx.custody.verify(c).intact());

        JsonNode cj = new ObjectMapper().readTree(CaseJson.render("b1", Instant.EPOCH, Fixture.OFFICER, "test",
                fx.cases.open(c), "data/custody/custody-log.jsonl", 2, "00", List.of(
                        new CaseJson.ExportedItem(it, "data/evidence/E0001/a.txt", null, List.of()))));
        assertEquals("12 MG Road, Howrah", cj.get("items").get(0).get("source").get("location").asText());
        assertEquals(imp.details().get("source"),
                new ObjectMapper().convertValue(cj.get("items").get(0).get("source"), Map.class),
                "case.json's source is the event's source");
    }

    /** Each store with each folder walk: holding its folders open, and by whole paths (other platforms). */
    static Stream<Arguments> storesAndWalks() {
        return Stream.of(Fixture.Store.values()).flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @ParameterizedTest(name = "{0}, folders held open: {1}")
    @MethodSource("storesAndWalks")
    void aFolderIsOneItemListingEveryFileWithAManifestHash(Fixture.Store store, boolean held) throws Exception {
        Fixture fx = store.fixture();
        fx.imports.holdFolders = held;
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/backup");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Files.writeString(dir.resolve("sub/b.txt"), "beta");
        Item it = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null).imported().get(0);
        assertTrue(it.folder());
        assertEquals(9, it.size());
        List<org.sakshi.core.FolderEntry> entries = fx.evidence.entries(c, it.id());
        assertEquals(List.of("a.txt", "sub/b.txt"), entries.stream().map(org.sakshi.core.FolderEntry::path).toList());
        assertEquals("alpha", Files.readString(entries.get(0).blob()));
        String manifest = hex("SHA-256", "alpha".getBytes(StandardCharsets.UTF_8)) + "  a.txt\n"
                + hex("SHA-256", "beta".getBytes(StandardCharsets.UTF_8)) + "  sub/b.txt\n";
        assertEquals(hex("SHA-256", manifest.getBytes(StandardCharsets.UTF_8)), it.digests().sha256());
        // the members get their SHA-256 only; the item's three digests are the manifest's
        assertEquals(hex("SHA-1", manifest.getBytes(StandardCharsets.UTF_8)), it.digests().sha1());
        assertEquals(hex("MD5", manifest.getBytes(StandardCharsets.UTF_8)), it.digests().md5());
        assertEquals(hex("SHA-256", "beta".getBytes(StandardCharsets.UTF_8)), entries.get(1).sha256());
        assertEquals(manifest, Files.readString(fx.evidence.blobPath(c, it.id())));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "folders held open: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aFolderKeepsItsFilesAndNamesButNeverFollowsItsLinksOrReadsAPipe(boolean held) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "symbolic links and named pipes: POSIX");
        Fixture fx = new Fixture();
        fx.imports.holdFolders = held;
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.writeString(dir.resolve("sub/deeper/c.txt"), "gamma");
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("notes.txt"), "the officer's private notes");
        Files.createSymbolicLink(dir.resolve("notes-link.txt"), outside.resolve("notes.txt"));
        Files.createSymbolicLink(dir.resolve("sub/outside-link"), outside);
        Path fifo = dir.resolve("sub/pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        Item it = out.imported().get(0);
        assertEquals(List.of("a.txt", "sub/deeper/c.txt"),
                fx.evidence.entries(c, it.id()).stream().map(org.sakshi.core.FolderEntry::path).toList());
        assertEquals(List.of("sub/pipe is not a regular file and is not part of this item", // sorted: stable
                        "symbolic link notes-link.txt was not followed and is not part of this item",
                        "symbolic link sub/outside-link was not followed and is not part of this item"),
                it.warnings().stream().filter(w -> w.contains("is not part of this item")).toList());
        assertEquals(3, vaultFiles(c), "the two files and the manifest, nothing reached through a link");
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void identicalContentMakesASecondItemWarningNamingTheFirst(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path a = file("a.bin", random(1000));
        Path b = file("copy-of-a.bin", random(1000));
        fx.imports.importPaths(c, List.of(a), Fixture.plain(), null, null);
        Item second = fx.imports.importPaths(c, List.of(b), Fixture.plain(), null, null).imported().get(0);
        assertEquals("E0002", second.id());
        assertTrue(second.warnings().stream().anyMatch(w -> w.contains("already imported as E0001")),
                second.warnings().toString());
        assertEquals(fx.evidence.blobPath(c, "E0001"), fx.evidence.blobPath(c, "E0002"));
        assertEquals(1, vaultFiles(c));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aMissingFileIsReportedAndNothingIsRecorded(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        ImportOutcome out = fx.imports.importPaths(c, List.of(tmp.resolve("nope.jpg")), Fixture.plain(), null, null);
        assertTrue(out.imported().isEmpty());
        assertTrue(out.failures().get(0).message().contains("nope.jpg"));
        assertEquals(1, fx.custody.events(c).size());
        assertEquals(0, vaultFiles(c));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void anUnreadableFileIsReportedAndNothingIsRecorded(Fixture.Store store) throws Exception {
        // not a missing tool (so not Tools.require, and no failure under CI): root reads a file whatever its
        // permissions, so this case cannot be built as root
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads every file whatever its permissions; run the tests as a normal user to cover this");
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path f = file("secret.bin", random(10));
        Files.setPosixFilePermissions(f, java.util.Set.of());
        ImportOutcome out = fx.imports.importPaths(c, List.of(f), Fixture.plain(), null, null);
        assertTrue(out.failures().get(0).message().contains("not readable"));
        assertEquals(1, fx.custody.events(c).size());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void whenOneOfSeveralFilesFailsTheOthersAreImported(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        ImportOutcome out = fx.imports.importPaths(c, List.of(file("a", random(5)), tmp.resolve("missing"),
                file("b", random(6))), Fixture.plain(), null, null);
        assertEquals(List.of("E0001", "E0002"), out.imported().stream().map(Item::id).toList());
        assertEquals(1, out.failures().size());
        assertEquals(tmp.resolve("missing"), out.failures().get(0).path());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aFullDiskLeavesNoItemNoOrphanAndAnIntactLedger(Fixture.Store store) throws Exception {
        Fixture full = store.fixture(Sinks.diskFullAfter(1_000_000), new Ingest());
        Path c = full.newCase(tmp.resolve("case"));
        Path src = file("big.bin", random(3_000_000));
        ImportOutcome out = full.imports.importPaths(c, List.of(src), Fixture.plain(), null, null);
        assertTrue(out.imported().isEmpty());
        assertTrue(out.failures().get(0).message().contains("disk holding the case is full"),
                out.failures().get(0).message());
        assertEquals(0, vaultFiles(c));
        assertTrue(full.evidence.items(c).isEmpty());
        assertTrue(full.custody.verify(c).intact());
        assertEquals(1, full.custody.events(c).size());
        Fixture ok = store.fixture();
        // the failed import took no item number (on a lab server ids are handed out in the recording transaction)
        assertEquals("E0001", ok.imports.importPaths(c, List.of(src), Fixture.plain(), null, null).imported().get(0).id());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void cancellingLeavesNothing(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        CancelFlag cancel = new CancelFlag();
        Path src = file("big.bin", random(5_000_000));
        assertThrows(CancelledException.class, () -> fx.imports.importPaths(c, List.of(src), Fixture.plain(),
                (d, t, w) -> {
                    if (d > 1_000_000) {
                        cancel.cancel();
                    }
                }, cancel));
        assertEquals(0, vaultFiles(c));
        assertEquals(1, fx.custody.events(c).size());
    }

    /**
     * Folder store only: a lab-server case's folder is shared by workstations whose imports may be
     * half-way, so no writer tidies it (CaseAccess.write); see KillDuringImportTest for the server side.
     */
    @Test
    void leftoversOfAKilledImportAreRemovedByTheNextWriter() throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Files.createDirectories(c.resolve("vault/.tmp"));
        Files.write(c.resolve("vault/.tmp/dead.part"), random(100));
        Files.createDirectories(c.resolve("vault/ab"));
        Files.write(c.resolve("vault/ab/" + "ab".repeat(32)), random(100)); // renamed, never committed
        Files.writeString(c.resolve("records/E0001.jsonl"), "{}\n");
        fx.custody.note(c, null, "after the crash", List.of());
        assertEquals(0, vaultFiles(c));
        assertFalse(Files.exists(c.resolve("records/E0001.jsonl")));
    }

    /** A parser for "*.chat" test files: one record per line; "AMBIGUOUS" needs a date order. */
    static final class LineChatParser implements Parser {
        @Override
        public ItemKind detect(ParseInput input) {
            return input.name().endsWith(".chat") ? ItemKind.CHAT : null;
        }

        @Override
        public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws IOException,
                AmbiguousDateOrderException {
            List<String> lines = Files.readAllLines(input.file());
            if (lines.contains("AMBIGUOUS") && input.options().dateOrder() == null) {
                throw new AmbiguousDateOrderException(input.name(), List.of(DateOrder.DMY, DateOrder.MDY));
            }
            int i = 0;
            for (String l : lines) {
                sink.accept(Map.of("index", i++, "text", l));
            }
            return new ParseResult(ItemKind.CHAT, "chat", Map.of("platform", "test", "messages", lines.size()), i,
                    List.of(), List.of(new Derived("thumbnail.png", "image/png", new byte[] {1, 2, 3})),
                    List.of(new Assumption("zone", input.options().zone().getId(), "the case's zone")));
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void parsedRecordsSummaryThumbnailAndAssumptionsAreKept(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture(SinkFactory.DIRECT, new Ingest(List.of(new LineChatParser())));
        Path c = fx.newCase(tmp.resolve("case"));
        Path src = file("talk.chat", "hello\nworld\n".getBytes(StandardCharsets.UTF_8));
        Item it = fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null).imported().get(0);
        assertEquals(ItemKind.CHAT, it.kind());
        assertEquals("test", fx.evidence.item(c, it.id()).summary().get("platform"));
        List<Map<String, Object>> recs = new ArrayList<>();
        fx.evidence.records(c, it.id(), recs::add);
        assertEquals(List.of("hello", "world"), recs.stream().map(r -> r.get("text")).toList());
        assertArrayEquals(new byte[] {1, 2, 3}, fx.evidence.thumbnail(c, it.id()).orElseThrow());
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED", "ASSUMPTION_RECORDED", "ITEM_DERIVED"),
                types(fx.custody.events(c)));
        assertEquals("Asia/Kolkata", fx.custody.events(c).get(2).details().get("value"));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void anAmbiguousDateOrderKeepsTheItemRecordedAndTheChosenOrderListsItsMessagesUnderIt(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture(SinkFactory.DIRECT, new Ingest(List.of(new LineChatParser())));
        Path c = fx.newCase(tmp.resolve("case"));
        Path src = file("talk.chat", "AMBIGUOUS\n".getBytes(StandardCharsets.UTF_8));
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class,
                () -> fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null));
        assertEquals(List.of(DateOrder.DMY, DateOrder.MDY), e.choices());
        Item waiting = fx.evidence.items(c).get(0);
        assertTrue(waiting.warnings().stream().anyMatch(w -> w.startsWith(ImportService.DATE_ORDER_PENDING)),
                waiting.warnings().toString());
        assertEquals(1, vaultFiles(c));
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), types(fx.custody.events(c)));
        try (Stream<Path> s = Files.list(c.resolve("records"))) {
            assertEquals(0, s.count());
        }
        ImportRequest chosen = new ImportRequest(null, null, DateOrder.DMY, null, null, null, Fixture.OFFICER);
        Item it = fx.imports.importPaths(c, List.of(src), chosen, null, null).imported().get(0);
        assertEquals("E0001", it.id(), "the chosen order completes the waiting item, no second item");
        assertEquals(1, fx.evidence.items(c).size());
        assertTrue(it.warnings().stream().noneMatch(w -> w.startsWith(ImportService.DATE_ORDER_PENDING)));
        assertEquals("test", fx.evidence.item(c, "E0001").summary().get("platform"));
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED", "ASSUMPTION_RECORDED", "ITEM_DERIVED"),
                types(fx.custody.events(c)));
        assertTrue(fx.custody.verify(c).intact());
    }

    /** A parser that breaks the way hostile content breaks real parsers. */
    static final class BrokenParser implements Parser {
        private final Supplier<Throwable> failure;

        BrokenParser(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public ItemKind detect(ParseInput input) {
            return ItemKind.CHAT;
        }

        @Override
        public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws IOException {
            sink.accept(Map.of("index", 0, "text", "half a record set"));
            Throwable t = failure.get();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) t;
        }
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    static List<Arguments> failures() {
        return List.of(
                // a real heap exhaustion at -Xmx256m is in HostileChatImportTest; here, the error itself
                Arguments.of("OutOfMemoryError", (Supplier<Throwable>) () -> new OutOfMemoryError("Java heap space")),
                Arguments.of("StackOverflowError", (Supplier<Throwable>) () -> {
                    try {
                        return new IllegalStateException("recursed " + recurse(0));
                    } catch (StackOverflowError so) {
                        return so;
                    }
                }),
                Arguments.of("IOException", (Supplier<Throwable>) () -> new IOException("vault copy vanished")),
                Arguments.of("AssertionError", (Supplier<Throwable>) () -> new AssertionError("parser bug")),
                Arguments.of("NullPointerException", (Supplier<Throwable>) NullPointerException::new));
    }

    /** Folder store only: the parser's failures are the subject; the store's part is the same as above. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aParserThatThrowsAnythingLeavesTheItemRecordedWithAWarningAndTheLedgerIntact(String what,
            Supplier<Throwable> failure) throws Exception {
        Fixture fx = new Fixture(SinkFactory.DIRECT, new Ingest(List.of(new BrokenParser(failure))));
        Path c = fx.newCase(tmp.resolve("case"));
        byte[] data = random(10_000);
        Path src = file("evil.json", data);
        ImportOutcome out = fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null);
        assertTrue(out.failures().isEmpty(), out.failures().toString());
        Item it = fx.evidence.item(c, "E0001");
        assertEquals(hex("SHA-256", data), it.digests().sha256());
        assertArrayEquals(data, Files.readAllBytes(fx.evidence.blobPath(c, "E0001")));
        assertTrue(it.warnings().stream().anyMatch(w -> w.contains("could not be parsed") && w.contains(what)),
                it.warnings().toString());
        assertTrue(it.warnings().stream().noneMatch(w -> w.equals(ImportService.PARSE_PENDING)));
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), types(fx.custody.events(c)));
        assertFalse(Files.exists(c.resolve("records/E0001.jsonl")), "no half record set is kept");
        assertTrue(fx.custody.verify(c).intact());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theItemIsRecordedBeforeItsParserRuns(Fixture.Store store) throws Exception {
        Path caseDir = tmp.resolve("case");
        List<List<String>> seenByParser = new ArrayList<>();
        Fixture[] fx = new Fixture[1];
        Parser spy = new Parser() {
            @Override
            public ItemKind detect(ParseInput input) {
                return ItemKind.CHAT;
            }

            @Override
            public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) {
                // the case is locked by the import; its database is readable and already holds the event
                try (org.sakshi.storage.CaseStore st = org.sakshi.storage.CaseStore.openRead(caseDir, fx[0].clock,
                        fx[0].ws, name -> fx[0].server)) {
                    seenByParser.add(types(st.events()));
                    seenByParser.add(st.item("E0001").orElseThrow().item().warnings());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return ParseResult.plain(ItemKind.CHAT, List.of());
            }
        };
        fx[0] = store.fixture(SinkFactory.DIRECT, new Ingest(List.of(spy)));
        fx[0].newCase(caseDir);
        fx[0].imports.importPaths(caseDir, List.of(file("a.json", random(100))), Fixture.plain(), null, null);
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), seenByParser.get(0));
        assertTrue(seenByParser.get(1).contains(ImportService.PARSE_PENDING), seenByParser.get(1).toString());
        assertFalse(fx[0].evidence.item(caseDir, "E0001").warnings().contains(ImportService.PARSE_PENDING));
    }

    @ParameterizedTest(name = "{0}, folders held open: {1}")
    @MethodSource("storesAndWalks")
    void aFolderFileSwappedForASymbolicLinkAfterListingIsRefusedAndNotCopied(Fixture.Store store, boolean held) throws Exception {
        Fixture fx = store.fixture();
        fx.imports.holdFolders = held;
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Files.writeString(dir.resolve("b.txt"), "beta");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "the officer's private notes");
        fx.imports.afterListing = listed -> {
            if (!listed.file().endsWith("b.txt")) {
                return;
            }
            try {
                Files.delete(dir.resolve("b.txt"));
                Files.createSymbolicLink(dir.resolve("b.txt"), secret);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertTrue(out.imported().isEmpty());
        String why = out.failures().get(0).message();
        assertTrue(why.contains("b.txt was replaced by a symbolic link") && why.contains("Import it again"), why);
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(1, fx.custody.events(c).size());
        assertEquals(0, vaultFiles(c), "nothing of the folder, and never the link's target, is in the vault");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "replaced by a {0}, folders held open: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"symbolic link,true", "folder,true", "symbolic link,false",
            "folder,false"})
    void aSubFolderSwappedAfterItsFirstFileWasListedIsRefusedAndNothingOfItIsKept(String by, boolean held)
            throws Exception {
        Fixture fx = new Fixture();
        fx.imports.holdFolders = held;
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.txt"), "alpha");
        Files.writeString(dir.resolve("sub/b.txt"), "beta");
        // a folder outside the import with a file of the same name: the walk, still listing sub/, finds it
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.txt"), "the officer's private notes");
        Files.writeString(elsewhere.resolve("b.txt"), "the officer's private notes");
        boolean[] swapped = {false};
        fx.imports.afterListing = listed -> {
            if (swapped[0] || !listed.file().getParent().endsWith("sub")) {
                return;
            }
            swapped[0] = true;
            try {
                Files.move(dir.resolve("sub"), dir.resolve("sub-old"));
                if (by.equals("folder")) {
                    Files.move(elsewhere, dir.resolve("sub"));
                } else {
                    Files.createSymbolicLink(dir.resolve("sub"), elsewhere);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertTrue(swapped[0]);
        assertTrue(out.imported().isEmpty(), "nothing of the folder is imported");
        String why = out.failures().get(0).message();
        assertTrue(why.contains("a folder on the way to") && why.contains("was replaced")
                && why.contains("Import it again"), why);
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(1, fx.custody.events(c).size(), "only the case's creation is in the ledger");
        assertEquals(0, vaultFiles(c), "nothing of the folder, and never a file of the other folder, is in the vault");
    }

    @Test
    void aSmallFolderFileThatGrowsPastTheSmallFileLimitAfterListingIsStoredWhole() throws Exception {
        Fixture fx = new Fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir);
        Files.write(dir.resolve("a.bin"), random(1000));
        byte[] grown = random(400_000); // past the 256 KiB of the small-file path
        fx.imports.afterListing = listed -> {
            try {
                Files.write(listed.file(), grown); // the same file (same inode), written over and longer
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertEquals(1, out.imported().size(), out.failures().toString());
        var entries = fx.evidence.entries(c, out.imported().get(0).id());
        assertEquals(1, entries.size());
        assertEquals(grown.length, entries.get(0).size(), "every byte it had when read, not only the first 256 KiB");
        assertEquals(hex("SHA-256", grown), entries.get(0).sha256());
        assertArrayEquals(grown, Files.readAllBytes(entries.get(0).blob()));
    }

    @ParameterizedTest(name = "{0}, folders held open: {1}")
    @MethodSource("storesAndWalks")
    void aFolderFileReplacedByAnotherFileAfterListingIsRefused(Fixture.Store store, boolean held) throws Exception {
        Fixture fx = store.fixture();
        fx.imports.holdFolders = held;
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.txt"), "alpha");
        Path other = Files.writeString(tmp.resolve("other.txt"), "planted");
        fx.imports.afterListing = listed -> {
            if (!listed.file().endsWith("a.txt")) {
                return;
            }
            try {
                Files.move(other, dir.resolve("a.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertTrue(out.imported().isEmpty());
        assertTrue(out.failures().get(0).message().contains("replaced by another file"), out.failures().toString());
        assertEquals(0, vaultFiles(c));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aVaultWriteThatFailsMidFolderRecordsNothingLeavesNoBlobAndKeepsTheLedgerVerifiable(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path dir = tmp.resolve("src/phone");
        Files.createDirectories(dir.resolve("sub"));
        for (int i = 0; i < 60; i++) {
            Files.write(dir.resolve((i % 2 == 0 ? "" : "sub/") + "f" + i + ".bin"), random(1000 + i * 97));
        }
        byte[] poisoned = random(20_000);
        Files.write(dir.resolve("sub/poisoned.bin"), poisoned);
        Files.write(dir.resolve("big.bin"), random(700_000)); // a large file takes the streaming path
        // a file where the poisoned file's blob directory must go: the writer thread's mkdir fails
        String sha = hex("SHA-256", poisoned);
        Path shard = c.resolve("vault").resolve(sha.substring(0, 2));
        Files.createDirectories(shard.getParent());
        Files.write(shard, new byte[] {1});
        ImportOutcome out = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertTrue(out.imported().isEmpty(), "nothing of the folder is imported");
        assertTrue(out.failures().get(0).message().contains("nothing was recorded"), out.failures().toString());
        assertTrue(fx.evidence.items(c).isEmpty());
        assertEquals(1, fx.custody.events(c).size(), "only the case's creation is in the ledger");
        assertTrue(fx.custody.verify(c).intact());
        Files.delete(shard);
        if (store == Fixture.Store.FOLDER) { // a lab server's shared vault never deletes a finished blob (Vault#shared)
            assertEquals(0, vaultFiles(c), "every blob the writer thread wrote before the failure was removed");
        }

        ImportOutcome again = fx.imports.importPaths(c, List.of(dir), Fixture.plain(), null, null);
        assertEquals(1, again.imported().size(), again.failures().toString());
        assertEquals(62, fx.evidence.entries(c, again.imported().get(0).id()).size());
        assertEquals(62 + 1, vaultFiles(c), "every file and the manifest");
        assertTrue(fx.custody.verify(c).intact());
    }

    // ---- a vault copy started before the case is opened (ImportService.startCopy); folder cases only:
    // a lab server's vault is shared, and startCopy leaves it alone

    private static List<Path> tempFiles(Path caseDir) throws IOException {
        Path t = caseDir.resolve("vault/.tmp");
        if (!Files.isDirectory(t)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(t)) {
            return s.toList();
        }
    }

    private static void awaitTempFile(Path caseDir) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tempFiles(caseDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    @Test
    void aCopyStartedBeforeTheCaseIsOpenedGivesTheSameItemAndLeavesNoTempFile() throws Exception {
        Fixture fx = new Fixture();
        fx.imports.earlyCopyMinBytes = 1;
        Path c = fx.newCase(tmp.resolve("case"));
        byte[] data = random(3_000_001);
        Path src = file("early.dat", data);
        ImportOutcome out;
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(src))) {
            out = fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null, early);
        }
        Item it = out.imported().get(0);
        assertEquals(hex("SHA-256", data), it.digests().sha256());
        assertEquals(hex("SHA-1", data), it.digests().sha1());
        assertEquals(hex("MD5", data), it.digests().md5());
        assertEquals(data.length, it.size());
        assertArrayEquals(data, Files.readAllBytes(c.resolve("vault").resolve(org.sakshi.vault.Vault.relPathOf(
                it.digests().sha256()))));
        assertEquals(1, vaultFiles(c), "the one blob, no temp file");
        assertEquals(List.of("CASE_CREATED", "ITEM_IMPORTED"), types(fx.custody.events(c)));
        assertTrue(fx.custody.verify(c).intact());
    }

    @Test
    void aCaseFoundBusyAfterTheEarlyCopyStartedIsRefusedWithNothingInTheVaultAndTheLedgerUnchanged() throws Exception {
        Fixture fx = new Fixture();
        fx.imports.earlyCopyMinBytes = 1;
        Path c = fx.newCase(tmp.resolve("case"));
        Path src = file("busy.dat", random(4_000_000));
        List<CustodyEvent> before = fx.custody.events(c);
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(src))) {
            awaitTempFile(c);
            assertEquals(1, tempFiles(c).size(), "the copy has started");
            try (org.sakshi.storage.CaseStore other = fx.access.write(c)) { // another writer takes the case
                assertThrows(org.sakshi.core.CaseBusyException.class,
                        () -> fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null, early));
            }
        }
        assertEquals(0, vaultFiles(c), "no blob and no temp file");
        assertEquals(before, fx.custody.events(c));
        assertTrue(fx.evidence.items(c).isEmpty());
        assertTrue(fx.custody.verify(c).intact());
    }

    @Test
    void aCaseMovedAwayAfterTheEarlyCopyStartedIsRefusedWithNothingInTheVaultAndTheLedgerUnchanged() throws Exception {
        Fixture fx = new Fixture();
        fx.imports.earlyCopyMinBytes = 1;
        Path c = fx.newCase(tmp.resolve("case"));
        Path src = file("moved.dat", random(4_000_000));
        List<CustodyEvent> before = fx.custody.events(c);
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(src))) {
            awaitTempFile(c);
            // the case is closed here meanwhile (what a finished 'sakshi case move' leaves behind)
            Files.writeString(c.resolve(org.sakshi.storage.CaseStore.MOVED_FILE),
                    "{\"to\":\"the lab server\",\"state\":\"moved\"}");
            org.sakshi.core.InputException e = assertThrows(org.sakshi.core.InputException.class,
                    () -> fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null, early));
            assertTrue(e.getMessage().contains("was moved to the lab server"), e.getMessage());
        }
        assertEquals(0, vaultFiles(c), "no blob and no temp file");
        assertEquals(before, fx.custody.events(c));
        assertTrue(fx.evidence.items(c).isEmpty());
    }

    @Test
    void anEarlyCopyWhoseTempFileAnotherWriterRemovedIsCopiedAgainAndRecordedWhole() throws Exception {
        Fixture fx = new Fixture();
        fx.imports.earlyCopyMinBytes = 1;
        Path c = fx.newCase(tmp.resolve("case"));
        byte[] data = random(6_000_000);
        Path src = file("again.dat", data);
        ImportOutcome out;
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(src))) {
            awaitTempFile(c);
            for (Path p : tempFiles(c)) { // what another process's tidying under the lock does
                Files.deleteIfExists(p);
            }
            out = fx.imports.importPaths(c, List.of(src), Fixture.plain(), null, null, early);
        }
        Item it = out.imported().get(0);
        assertEquals(hex("SHA-256", data), it.digests().sha256());
        assertArrayEquals(data, Files.readAllBytes(c.resolve("vault").resolve(org.sakshi.vault.Vault.relPathOf(
                it.digests().sha256()))));
        assertEquals(1, vaultFiles(c));
        assertTrue(fx.custody.verify(c).intact());
    }

    @Test
    void noEarlyCopyIsStartedForAFolderThatIsNotACaseOrASmallFileOrASymbolicLink() throws Exception {
        Fixture fx = new Fixture();
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.createDirectories(plain.resolve("vault"));
        Path src = file("x.dat", random(3_000_000));
        fx.imports.earlyCopyMinBytes = 1;
        try (ImportService.EarlyCopy early = fx.imports.startCopy(plain, List.of(src))) {
            assertFalse(Files.exists(plain.resolve("vault/.tmp")), "nothing is written into a folder that is not a case");
        }
        Path c = fx.newCase(tmp.resolve("case"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.dat"), src);
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(link))) {
            assertTrue(tempFiles(c).isEmpty());
            ImportOutcome out = fx.imports.importPaths(c, List.of(link), Fixture.plain(), null, null, early);
            assertTrue(out.imported().isEmpty(), "a symbolic link is refused as before");
        }
        fx.imports.earlyCopyMinBytes = 16L << 20;
        try (ImportService.EarlyCopy early = fx.imports.startCopy(c, List.of(src))) {
            assertTrue(tempFiles(c).isEmpty(), "a small file is copied as usual, under the lock");
        }
        assertEquals(0, vaultFiles(c));
    }
}
