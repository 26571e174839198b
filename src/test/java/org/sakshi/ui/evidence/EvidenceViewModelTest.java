package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Digests;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;

class EvidenceViewModelTest {
    static Item item(String id, ItemKind kind, String name, List<String> warnings, Map<String, Object> summary) {
        return new Item(id, kind, name, 42, new Digests("ab".repeat(32), "cd".repeat(20), "ef".repeat(16)),
                Instant.parse("2026-07-28T08:35:00Z"), "Asha Rao", "/media/usb/" + name, null, null, null, warnings,
                false, summary);
    }

    @Test
    void theFilterMatchesIdNameKindAndWarnings() {
        Item chat = item("E0002", ItemKind.CHAT, "WhatsApp Chat with Ravi.txt", List.of("3 lines could not be parsed"), Map.of());
        assertTrue(EvidenceViewModel.matches(chat, "e0002"));
        assertTrue(EvidenceViewModel.matches(chat, "whatsapp ravi"));
        assertTrue(EvidenceViewModel.matches(chat, "chat"));
        assertTrue(EvidenceViewModel.matches(chat, "parsed"));
        assertFalse(EvidenceViewModel.matches(chat, "screenshot"));
    }

    @Test
    void aPastedHashPrefixFindsTheItem() {
        Item i = item("E0001", ItemKind.SCREENSHOT, "shot.png", List.of(), Map.of());
        assertTrue(EvidenceViewModel.matches(i, "ababab"));
        assertTrue(EvidenceViewModel.matches(i, "efefef"));
        assertFalse(EvidenceViewModel.matches(i, "abcdef"));
    }

    @Test
    void summaryValuesAreReadByDottedPath() {
        Item i = item("E0001", ItemKind.SCREENSHOT, "shot.jpg", List.of(),
                Map.of("format", "jpeg", "exif", Map.of("make", "Xiaomi")));
        assertEquals("Xiaomi", EvidenceViewModel.summaryValue(i, "exif.make"));
        assertNull(EvidenceViewModel.summaryValue(i, "exif.model"));
        assertNull(EvidenceViewModel.summaryValue(i, "format.deeper"));
    }

    @Test
    void exifRowsLeaveOutAbsentParts() {
        Item i = item("E0001", ItemKind.SCREENSHOT, "shot.jpg", List.of(),
                Map.of("format", "jpeg", "width", 1080L, "height", 2400L, "exif", Map.of("make", "Xiaomi")));
        Map<String, String> rows = EvidenceViewModel.imageFacts(i);
        assertEquals(3, rows.size());
        assertEquals("1080 \u00d7 2400", rows.get("Size (pixels)"));
    }

    @Test
    void dumpMembersFilterByPathOrHashPrefix() {
        DumpMember m = new DumpMember("data/data/com.whatsapp/databases/msgstore.db", 10, "0a1b2c3d", "file");
        assertTrue(DumpMember.matches(m, "MSGSTORE"));
        assertTrue(DumpMember.matches(m, "0a1b"));
        assertFalse(DumpMember.matches(m, "telegram"));
    }
}
