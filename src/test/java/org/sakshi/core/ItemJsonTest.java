package org.sakshi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemJsonTest {
    private static Item item(ItemKind kind, Map<String, Object> summary) {
        return new Item("E0007", kind, "chat.zip", 42, new Digests("a".repeat(64), "b".repeat(40), "c".repeat(32)),
                Instant.parse("2026-07-28T08:35:00.123Z"), "SI Rao", "/evidence/chat.zip",
                new SourceDetails("seized", "Samsung", "A12", "SN1", "3569", null),
                new ItemTimestamp(TimestampStatus.GRANTED, Instant.parse("2026-07-28T08:35:01Z"), "Local TSA"),
                null, List.of("w1"), false, summary);
    }

    @Test
    void hasTheCommonMembersOfCliMdInOrder() {
        Map<String, Object> m = ItemJson.of(item(ItemKind.FILE, Map.of()));
        assertEquals(List.of("id", "kind", "name", "size", "sha256", "sha1", "md5", "imported_at", "imported_by",
                "source_path", "source", "timestamp", "derived_from", "warnings"), List.copyOf(m.keySet()));
        assertEquals("file", m.get("kind"));
        assertEquals("2026-07-28T08:35:00.123Z", m.get("imported_at"));
        assertEquals(Map.of("status", "granted", "time", "2026-07-28T08:35:01.000Z", "tsa", "Local TSA"),
                m.get("timestamp"));
        @SuppressWarnings("unchecked")
        Map<String, Object> src = (Map<String, Object>) m.get("source");
        assertEquals(List.of("text", "device_make", "device_model", "device_serial", "device_imei",
                "location"),
                List.copyOf(src.keySet()));
    }

    @Test
    void addsTheSummaryUnderTheKindsKey() {
        assertEquals(Map.of("platform", "whatsapp"),
                ItemJson.of(item(ItemKind.CHAT, Map.of("platform", "whatsapp"))).get("chat"));
        assertEquals(Map.of("format", "png"), ItemJson.of(item(ItemKind.SCREENSHOT, Map.of("format", "png"))).get("image"));
        assertFalse(ItemJson.of(item(ItemKind.DEVICE, Map.of())).containsKey("device"));
    }
}
