package org.sakshi.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sakshi.core.CustodyEvent;

/** Writes small bundle ZIPs for the audit tests: one top folder, the custody log, case.json and given files. */
final class AuditBundleFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditBundleFixture() {
    }

    static Map<String, Object> json(CustodyEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("id", e.id().toString());
        m.put("case_id", e.caseId().toString());
        m.put("at", AT.format(e.at()));
        m.put("type", e.type());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", e.actor().name());
        a.put("rank", e.actor().rank());
        a.put("id", e.actor().id());
        a.put("agency", e.actor().agency());
        a.put("cert_sha256", e.actor().certSha256());
        m.put("actor", a);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("host", e.workstation().host());
        w.put("os_user", e.workstation().osUser());
        w.put("tool_version", e.workstation().toolVersion());
        m.put("workstation", w);
        m.put("item_id", e.itemId());
        m.put("item_sha256", e.itemSha256());
        m.put("details", e.details());
        m.put("prev", e.prev());
        m.put("hash", e.hash());
        return m;
    }

    static String jsonl(List<CustodyEvent> events) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CustodyEvent e : events) {
            b.append(JSON.writeValueAsString(json(e))).append('\n');
        }
        return b.toString();
    }

    static Path write(Path zip, String bundleId, List<CustodyEvent> events, Map<String, Object> caseJson,
                      Map<String, byte[]> files) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
            put(z, bundleId + "/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
            put(z, bundleId + "/data/custody/custody-log.jsonl", jsonl(events).getBytes(StandardCharsets.UTF_8));
            put(z, bundleId + "/data/case.json", JSON.writeValueAsBytes(caseJson));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(z, bundleId + "/" + f.getKey(), f.getValue());
            }
        }
        return zip;
    }

    private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }
}
