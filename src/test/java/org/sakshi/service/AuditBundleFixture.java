package org.sakshi.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.ledger.EventCodec;

/** Writes small bundle ZIPs for the audit tests: one top folder, the custody log, case.json and given files. */
final class AuditBundleFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditBundleFixture() {
    }

    static String jsonl(List<CustodyEvent> events) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CustodyEvent e : events) {
            b.append(EventCodec.toJsonLine(e)).append('\n');
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
