package org.sakshi.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Item;
import org.sakshi.core.ItemJson;
import org.sakshi.core.TimestampStatus;

/**
 * {@code data/case.json} of docs/bundle-format.md#datacasejson: format, version, bundle_id, exported_at,
 * exported_by, tool, case, custody {file, count, head} and one object per item with its bag path,
 * hashes, import facts, source, import time-stamp and the kind's summary (docs/cli.md#json-of-an-item shapes).
 */
public final class CaseJson {
    /** An exported item with where its bytes and its import token lie in the bag. */
    /**
     * One exported item. {@code renamed} lists the files of the item (folder entries, derived
     * files) whose bag path differs from their original name after cleaning or collision suffixes,
     * each as {@code {path, original}}; written to case.json as {@code renamed} when not empty.
     */
    public record ExportedItem(Item item, String path, String timestampFile, List<Map<String, String>> renamed) {
        public ExportedItem {
            renamed = renamed == null ? List.of() : List.copyOf(renamed);
        }

        public ExportedItem(Item item, String path, String timestampFile) {
            this(item, path, timestampFile, List.of());
        }
    }

    private CaseJson() {
    }

    public static byte[] render(String bundleId, Instant exportedAt, Actor exporter, String toolVersion, CaseInfo info,
                                String custodyFile, long custodyCount, String custodyHead, List<ExportedItem> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "sakshi-bundle");
        m.put("version", 1);
        m.put("bundle_id", bundleId);
        m.put("exported_at", instant(exportedAt));
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("name", exporter.name());
        by.put("rank", exporter.rank());
        by.put("id", exporter.id());
        by.put("agency", exporter.agency());
        by.put("cert_sha256", exporter.certSha256());
        m.put("exported_by", by);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "Sakshi");
        tool.put("version", toolVersion);
        m.put("tool", tool);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", info.id().toString());
        c.put("number", info.number());
        c.put("title", info.title());
        c.put("agency", info.agency());
        c.put("jurisdiction", info.jurisdiction().name());
        c.put("zone", info.zone().getId());
        c.put("created_at", instant(info.createdAt()));
        m.put("case", c);
        Map<String, Object> custody = new LinkedHashMap<>();
        custody.put("file", custodyFile);
        custody.put("count", custodyCount);
        custody.put("head", custodyHead);
        m.put("custody", custody);
        List<Object> list = new ArrayList<>();
        for (ExportedItem e : items) {
            list.add(item(e));
        }
        m.put("items", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("case.json cannot be written: " + ex.getMessage(), ex);
        }
    }

    /** The item's docs/cli.md#json-of-an-item JSON ({@link ItemJson}) with its bag {@code path} and the bundle's {@code timestamp} shape. */
    private static Map<String, Object> item(ExportedItem e) {
        Item i = e.item();
        Map<String, Object> base = ItemJson.of(i);
        Map<String, Object> o = new LinkedHashMap<>();
        for (var entry : base.entrySet()) {
            if (entry.getKey().equals("timestamp")) {
                if (e.timestampFile() != null && i.timestamp().status() == TimestampStatus.GRANTED) {
                    Map<String, Object> ts = new LinkedHashMap<>();
                    ts.put("file", e.timestampFile());
                    ts.put("time", instant(i.timestamp().time()));
                    ts.put("tsa", i.timestamp().tsa());
                    o.put("timestamp", ts);
                } else {
                    o.put("timestamp", null);
                }
                continue;
            }
            o.put(entry.getKey(), entry.getValue());
            if (entry.getKey().equals("name")) {
                o.put("path", e.path());
            }
        }
        if (!e.renamed().isEmpty()) {
            o.put("renamed", e.renamed());
        }
        return o;
    }

    static String instant(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
