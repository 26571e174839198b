package org.sakshi.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Digests;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ItemTimestamp;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.StoredItem;

/**
 * Builds large cases fast for the big-case tests and the window benchmark (issue 15): items
 * written straight into the store (their vault bytes are not needed to list them), one chat item
 * whose parsed records file holds N messages in the exact shape the chat parsers write, and a
 * ledger grown by N sealed, chained events of a few types, items and officers. Deterministic for a
 * given size, so tests can name the rows they expect.
 * <p>Message {@code i}: sender {@link #sender(int)}, text {@link #text(int)}; every 1,000th
 * message mentions a {@code needle}; one message every 15 minutes from 2020-01-01 09:00 (96 a day),
 * message {@code i} with {@code i % 211 == 7} has no time.
 * <p>Item {@code k} (1-based, {@code E%04d}): name {@link #itemName(int)}; item 1 is the chat.
 * <p>Event {@code seq} beyond those already there: type {@link #eventType(long)}, item
 * {@link #eventItem(long)}, actor {@link #eventActor(long)}.
 */
public final class BigCase {
    public static final String[] SENDERS = {"Ravi Kumar", "রহিম", "सीमा", "Dev \"DJ\" Joshi", "Anita"};
    private static final String[] WORDS = {"payment", "station", "receipt", "tomorrow", "passport", "टिकट",
        "টাকা", "meet", "call", "ok"};
    private static final String[] KINDS = {"photo", "receipt", "statement", "screenshot", "letter"};
    private static final java.time.format.DateTimeFormatter WALL =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Workstation WS = new Workstation("bench", "bench", "sakshi bench");

    private BigCase() {
    }

    public static String itemName(int k) {
        return k == 1 ? "WhatsApp Chat with Ravi.txt" : KINDS[k % KINDS.length] + "-" + k + ".bin";
    }

    public static String sender(int i) {
        return i % 97 == 0 ? null : SENDERS[i % SENDERS.length];
    }

    public static String text(int i) {
        StringBuilder sb = new StringBuilder("message ").append(i).append(' ');
        for (int w = 0; w < 6; w++) {
            sb.append(WORDS[(i * 7 + w * 3) % WORDS.length]).append(' ');
        }
        if (i % 1000 == 500) {
            sb.append("the NEEDLE is here");
        }
        if (i % 13 == 0) {
            sb.append("\nsecond line with \"quotes\"");
        }
        return sb.toString().strip();
    }

    public static String eventType(long seq) {
        return seq % 10 == 0 ? "TRANSFERRED" : seq % 3 == 0 ? "ITEM_ACCESSED" : "NOTE";
    }

    public static String eventItem(long seq) {
        return seq % 5 == 0 ? null : String.format("E%04d", 1 + seq % 50);
    }

    public static Actor eventActor(long seq) {
        return seq % 4 == 0 ? new Actor("Insp. Meera Nair", "Insp.", "M-7", "CFSL", null)
                : new Actor("SI Bench", "SI", "B-1", "PS Bench", null);
    }

    /** Adds {@code items} items (item 1 a chat of {@code messages} messages) and {@code events} events to a case made by the service. */
    public static void fill(Path caseDir, int items, int messages, long events) throws Exception {
        Random rnd = new Random(items * 31L + messages);
        HexFormat hex = HexFormat.of();
        try (CaseStore s = CaseStore.openWrite(caseDir, Instant::now, WS, Duration.ofSeconds(10))) {
            List<CustodyEvent> last = s.lastEvents(1);
            UUID caseId = s.caseInfo().id();
            s.tx(() -> {
                for (int k = 1; k <= items; k++) {
                    byte[] d = new byte[32 + 20 + 16];
                    rnd.nextBytes(d);
                    String id = String.format("E%04d", k);
                    ItemKind kind = k == 1 ? ItemKind.CHAT : k % 3 == 0 ? ItemKind.SCREENSHOT : ItemKind.FILE;
                    Item it = new Item(id, kind, itemName(k), 1000L + k, new Digests(hex.formatHex(d, 0, 32),
                            hex.formatHex(d, 32, 52), hex.formatHex(d, 52, 68)), Instant.parse("2026-01-01T00:00:00Z")
                            .plusSeconds(k), "SI Bench", "/evidence/" + itemName(k),
                            new SourceDetails(k % 2 == 0 ? "seized phone of A" : "email from B", null, null, null, null,
                                    null), ItemTimestamp.NONE, null, k % 50 == 0 ? List.of("duplicate of E0002")
                            : List.of(), false, Map.of());
                    s.insertItem(new StoredItem(it, "blobs/none/" + id, 0, k == 1 ? "chat" : null,
                            k == 1 ? messages : 0));
                }
                String prev = last.get(0).hash();
                long seq = last.get(0).seq();
                Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
                for (long i = 0; i < events; i++) {
                    seq++;
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("text", "bench event " + seq);
                    CustodyEvent e = EventCodec.seal(new CustodyEvent(seq, UUID.randomUUID(), caseId,
                            t0.plusMillis(seq), eventType(seq), eventActor(seq), WS, eventItem(seq), null, d, prev,
                            null, null));
                    s.insertEvent(e);
                    prev = e.hash();
                }
                return null;
            });
        }
        if (messages > 0) {
            writeChat(caseDir.resolve("records").resolve("E0001.jsonl"), messages);
        }
    }

    /** The records file of a chat of {@code n} messages, as the import writes it (Jackson, one object a line). */
    public static void writeChat(Path file, int n) throws Exception {
        Files.createDirectories(file.getParent());
        ObjectMapper json = new ObjectMapper();
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 9, 0);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator g = json.getFactory().createGenerator(os)) {
            for (int i = 0; i < n; i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("index", i);
                r.put("time", i % 211 == 7 ? null : WALL.format(t0.plusMinutes(i * 15L)));
                r.put("sender", sender(i));
                r.put("text", text(i));
                r.put("attachment", i % 101 == 0 ? Map.of("name", "IMG-" + i + ".jpg", "present", true) : null);
                r.put("flags", i % 89 == 0 ? List.of("deleted") : List.of());
                json.writeValue(g, r);
                g.writeRaw('\n');
            }
        }
    }

    /** Every message index whose text, sender or attachment contains {@code q} (case-insensitive), the slow obvious way. */
    public static List<Integer> expectedHits(int n, String q) {
        List<Integer> out = new ArrayList<>();
        String lq = q.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < n; i++) {
            String att = i % 101 == 0 ? "IMG-" + i + ".jpg" : "";
            String snd = sender(i) == null ? "" : sender(i);
            if (text(i).toLowerCase(java.util.Locale.ROOT).contains(lq) || snd.toLowerCase(java.util.Locale.ROOT)
                    .contains(lq) || att.toLowerCase(java.util.Locale.ROOT).contains(lq)) {
                out.add(i);
            }
        }
        return out;
    }
}
