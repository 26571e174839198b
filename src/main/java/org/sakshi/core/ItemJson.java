package org.sakshi.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sakshi.core.ledger.EventCodec;

/**
 * The JSON object of an item (docs/cli.md#json-of-an-item), as plain ordered maps for Jackson:
 * {@code id, kind, name, size, sha256, sha1, md5, imported_at, imported_by, source_path,
 * source {text, device_make, device_model, device_serial, device_imei, location}, timestamp {status, time,
 * tsa}, derived_from, warnings}, then the kind's summary under {@code chat}, {@code image} or
 * {@code device} when the parser produced one. Times are RFC 3339 UTC with {@code Z}.
 */
public final class ItemJson {
    private ItemJson() {
    }

    /** The summary key for a kind: chat, image (screenshots) or device; null for plain files. */
    public static String summaryKey(ItemKind kind) {
        return switch (kind) {
            case CHAT -> "chat";
            case SCREENSHOT -> "image";
            case DEVICE -> "device";
            case FILE -> null;
        };
    }

    public static Map<String, Object> of(Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("kind", item.kind().json());
        m.put("name", item.name());
        m.put("size", item.size());
        m.put("sha256", item.digests().sha256());
        m.put("sha1", item.digests().sha1());
        m.put("md5", item.digests().md5());
        m.put("imported_at", EventCodec.formatAt(item.importedAt()));
        m.put("imported_by", item.importedBy());
        m.put("source_path", item.sourcePath());
        m.put("source", source(item.source()));
        Map<String, Object> ts = new LinkedHashMap<>();
        ts.put("status", item.timestamp().status().json());
        ts.put("time", item.timestamp().time() == null ? null : EventCodec.formatAt(item.timestamp().time()));
        ts.put("tsa", item.timestamp().tsa());
        m.put("timestamp", ts);
        m.put("derived_from", item.derivedFrom());
        m.put("warnings", new ArrayList<>(item.warnings()));
        String key = summaryKey(item.kind());
        if (key != null && !item.summary().isEmpty()) {
            m.put(key, item.summary());
        }
        return m;
    }

    /**
     * The {@code source} object: free-text seizure details, device identifiers and the location of
     * seizure; the same object goes into the ITEM_IMPORTED event, so whatever a report prints about
     * where and from what an item was seized is inside the hash-chained record.
     */
    public static Map<String, Object> source(SourceDetails s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", s.text());
        m.put("device_make", s.deviceMake());
        m.put("device_model", s.deviceModel());
        m.put("device_serial", s.deviceSerial());
        m.put("device_imei", s.deviceImei());
        m.put("location", s.location());
        return m;
    }
}
