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
import org.sakshi.core.ItemKind;
import org.sakshi.core.TimestampStatus;

/**
 * {@code data/case.json} of bundle-format-v1.md: format, version, bundle_id, exported_at,
 * exported_by, tool, case, custody {file, count, head} and one object per item with its bag path,
 * hashes, import facts, source, import time-stamp and the kind's summary (cli.md shapes).
 */
public final class CaseJson {
    /** An exported item with where its bytes and its import token lie in the bag. */
    public record ExportedItem(Item item, String path, String timestampFile) {
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

    private static Map<String, Object> item(ExportedItem e) {
        Item i = e.item();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", i.id());
        o.put("kind", i.kind().json());
        o.put("name", i.name());
        o.put("path", e.path());
        o.put("size", i.size());
        o.put("sha256", i.digests().sha256());
        o.put("sha1", i.digests().sha1());
        o.put("md5", i.digests().md5());
        o.put("imported_at", instant(i.importedAt()));
        o.put("imported_by", i.importedBy());
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("text", i.source().text());
        src.put("device_make", i.source().deviceMake());
        src.put("device_model", i.source().deviceModel());
        src.put("device_serial", i.source().deviceSerial());
        src.put("device_imei", i.source().deviceImei());
        src.put("location", i.source().location());
        o.put("source", src);
        if (e.timestampFile() != null && i.timestamp().status() == TimestampStatus.GRANTED) {
            Map<String, Object> ts = new LinkedHashMap<>();
            ts.put("file", e.timestampFile());
            ts.put("time", instant(i.timestamp().time()));
            ts.put("tsa", i.timestamp().tsa());
            o.put("timestamp", ts);
        } else {
            o.put("timestamp", null);
        }
        o.put("derived_from", i.derivedFrom());
        o.put("warnings", i.warnings());
        if (!i.summary().isEmpty()) {
            o.put(summaryKey(i), i.summary());
        }
        return o;
    }

    /** The cli.md key of an item's summary: chat, image or device. */
    static String summaryKey(Item i) {
        if (i.kind() == ItemKind.CHAT) {
            return "chat";
        }
        if (i.kind() == ItemKind.DEVICE) {
            return "device";
        }
        return "image";
    }

    static String instant(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
