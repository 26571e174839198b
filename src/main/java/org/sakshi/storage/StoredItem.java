package org.sakshi.storage;

import org.sakshi.core.Item;

/**
 * An item as the store keeps it: the public record plus where its bytes are ({@code blob}, relative
 * to the vault root; for a folder, its manifest), the CRC-32 of those bytes (for a STORED zip
 * entry), the summary key of its parser ({@code chat|image|device} or null) and its record count.
 */
public record StoredItem(Item item, String blob, long crc32, String summaryKey, long records) {
}
