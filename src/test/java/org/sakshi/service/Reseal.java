package org.sakshi.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.sakshi.bundle.BagInfo;
import org.sakshi.bundle.BundleSealer;
import org.sakshi.bundle.BundleVerifier;
import org.sakshi.core.Signer;
import org.sakshi.signing.Certificates;
import org.sakshi.testsupport.LocalTsa;

/**
 * What a forger with his own key does to a genuine bundle: unpacks it, optionally deletes an item
 * (its evidence, token and derived files, and its case.json entry), points case.json's exporter at his
 * own certificate, and seals it again with the real sealer (fresh manifests, signature, time-stamp) under
 * the same bundle id. The custody log and the officer's signed report stay as they were.
 */
final class Reseal {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reseal() {
    }

    static Path reseal(Path genuine, Path out, Signer signer, LocalTsa tsa, String dropItem) throws Exception {
        return reseal(genuine, out, signer, tsa, dropItem, null);
    }

    /** As above; when {@code reportSigner} is not null, each PDF under data/report/ is signed again by it. */
    static Path reseal(Path genuine, Path out, Signer signer, LocalTsa tsa, String dropItem, Signer reportSigner)
            throws Exception {
        Path work = Files.createTempDirectory(out.getParent(), "reseal");
        List<BundleSealer.PayloadFile> payload = new ArrayList<>();
        String root = null;
        BagInfo original = null;
        try (ZipFile zip = new ZipFile(genuine.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                root = name.substring(0, name.indexOf('/'));
                String bagPath = name.substring(root.length() + 1);
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (bagPath.equals("bag-info.txt")) {
                    original = BagInfo.parse(bytes);
                }
                if (!bagPath.startsWith("data/")) {
                    continue;
                }
                if (dropItem != null && (bagPath.contains("/" + dropItem + "/") || bagPath.endsWith("/" + dropItem + ".tsr"))) {
                    continue;
                }
                if (bagPath.equals("data/case.json")) {
                    ObjectNode c = (ObjectNode) JSON.readTree(bytes);
                    ArrayNode items = (ArrayNode) c.get("items");
                    for (int i = items.size() - 1; i >= 0; i--) {
                        if (items.get(i).path("id").asText().equals(dropItem)) {
                            items.remove(i);
                        }
                    }
                    ((ObjectNode) c.get("exported_by")).put("cert_sha256", Certificates.sha256Hex(signer.chain().get(0)));
                    bytes = JSON.writeValueAsBytes(c);
                }
                Path f = work.resolve("f" + payload.size());
                Files.write(f, bytes);
                if (reportSigner != null && bagPath.startsWith("data/report/") && bagPath.endsWith(".pdf")) {
                    Path signed = work.resolve("s" + payload.size());
                    new org.sakshi.report.PadesSigner().sign(f, signed, reportSigner, null);
                    f = signed;
                }
                payload.add(new BundleSealer.PayloadFile(bagPath, f, null, null));
            }
        }
        BagInfo info = new BagInfo();
        for (BagInfo.Field f : original.fields()) {
            if (!f.label().equals("Payload-Oxum") && !f.label().equals("Bag-Size")) {
                info.add(f.label(), f.value());
            }
        }
        new BundleSealer(new BundleVerifier(null, null, null, null)).seal(new BundleSealer.Plan(out, root,
                Instant.now(), payload, info, info.get("External-Identifier").orElse(""), signer,
                List.of(tsa.source())), null, null);
        return out;
    }

    /** The same entries, bytes and order, written again by java.util.zip (what a copy through any ZIP tool does). */
    static Path rezip(Path genuine, Path out) throws Exception {
        return rezip(genuine, out, (path, bytes) -> bytes);
    }

    /** Written again with {@code change} applied to each (bag-relative path, bytes). */
    static Path rezip(Path genuine, Path out, java.util.function.BiFunction<String, byte[], byte[]> change)
            throws Exception {
        try (ZipFile in = new ZipFile(genuine.toFile());
             OutputStream os = Files.newOutputStream(out);
             ZipOutputStream z = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    z.write(change.apply(e.getName().substring(e.getName().indexOf('/') + 1), is.readAllBytes()));
                }
                z.closeEntry();
            }
        }
        return out;
    }
}
