package org.sakshi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;

class IngestTest {
    @TempDir
    Path tmp;

    private final ParseOptions options = ParseOptions.defaults(ZoneId.of("Asia/Kolkata"));

    @Test
    void emptyFileIsKeptAsAFileWithAWarningSayingItIsEmpty() throws Exception {
        Path f = Files.createFile(tmp.resolve("chat.txt"));
        ParseResult r = new Ingest().parse(ParseInput.ofFile("chat.txt", f, options), RecordSink.DISCARD, new CancelFlag());
        assertEquals(ItemKind.FILE, r.kind());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("empty")), r.warnings().toString());
    }

    @Test
    void parserThatThrowsIsContainedAndTheItemKeptWithAWarning() throws Exception {
        Path f = Files.writeString(tmp.resolve("x.bin"), "content");
        Parser exploding = new Parser() {
            @Override
            public ItemKind detect(ParseInput input) {
                return ItemKind.DEVICE;
            }

            @Override
            public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) {
                throw new IllegalStateException("boom");
            }
        };
        ParseResult r = new Ingest(List.of(exploding)).parse(ParseInput.ofFile("x.bin", f, options),
                RecordSink.DISCARD, new CancelFlag());
        assertEquals(ItemKind.DEVICE, r.kind());
        assertTrue(r.warnings().get(0).contains("boom"), r.warnings().toString());
    }

    @Test
    void forcedKindWinsOverDetectionAndReachesTheMatchingParser() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "12/01/2024, 10:00 - A: hello\n");
        List<Map<String, Object>> records = new ArrayList<>();
        ParseResult r = new Ingest().parse(ParseInput.ofFile("notes.txt", f, options.withKind(ItemKind.FILE)),
                records::add, new CancelFlag());
        assertEquals(ItemKind.FILE, r.kind());
        assertTrue(records.isEmpty(), "a forced plain file is not parsed");
    }
}
