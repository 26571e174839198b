package org.sakshi.bundle;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Digests;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ItemTimestamp;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.TimestampToken;
import org.sakshi.report.PadesSigner;
import org.sakshi.report.ReportData;
import org.sakshi.report.ReportWriter;
import org.sakshi.testsupport.LocalTsa;

/**
 * Test fixture: a complete signed bundle sealed by {@link BundleSealer} with the test PKI and a real
 * TSA on loopback: a photo (STORED), a chat text, its import token, case.json, the custody log, a
 * PAdES-signed report. {@code custodyJsonl} supplies the ledger lines and head.
 */
public final class SealedFixture {
    public static final String CASE_NUMBER = "FIR 77/2026";

    /** The ledger to put into the bundle: JSONL bytes, event count and head hash. */
    public record Custody(byte[] jsonl, long count, String head) {
    }

    /** What was built. */
    public record Built(Path bundle, String bundleId, List<Item> items, BundleSealer.Sealed sealed) {
    }

    private SealedFixture() {
    }

    public static Built build(Path dir, LocalTsa tsa, Signer signer, Custody custody, BundleVerifier recheck)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        String bundleId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        CaseInfo info = new CaseInfo(UUID.randomUUID(), CASE_NUMBER, "Trafficking ring, Howrah", "West Bengal Police",
                Jurisdiction.IN, "Inspector Asha Verma", ZoneId.of("Asia/Kolkata"), now.minusSeconds(3600));
        byte[] photo = new byte[200_000];
        new java.util.Random(7).nextBytes(photo);
        byte[] chat = "[28/07/21, 2:05:00 PM] Ravi: नमस्ते, আমি আসছি\n".getBytes(StandardCharsets.UTF_8);
        List<Item> items = new ArrayList<>();
        List<BundleSealer.PayloadFile> payload = new ArrayList<>();
        List<CaseJson.ExportedItem> exported = new ArrayList<>();
        Object[][] raw = {{"E0001", "IMG-20210728-WA0001.jpg", photo, ItemKind.SCREENSHOT},
                {"E0002", "WhatsApp Chat with Ravi.txt", chat, ItemKind.CHAT}};
        for (Object[] r : raw) {
            String id = (String) r[0];
            String name = (String) r[1];
            byte[] bytes = (byte[]) r[2];
            Path f = work.resolve(id + ".blob");
            Files.write(f, bytes);
            String sha = hex("SHA-256", bytes);
            TimestampToken t = tsa.source().stamp(HexFormat.of().parseHex(sha));
            Path tsr = work.resolve(id + ".tsr");
            Files.write(tsr, t.response());
            Item item = new Item(id, (ItemKind) r[3], name, bytes.length, new Digests(sha, hex("SHA-1", bytes),
                    hex("MD5", bytes)), now.minusSeconds(600), "Inspector Asha Verma", "/seized/" + name,
                    new SourceDetails("Seized phone", "Samsung", "SM-A105F", "R58M", "356789104321000", "Howrah PS"),
                    new ItemTimestamp(TimestampStatus.GRANTED, t.genTime(), t.tsaName()), null, List.of(), false,
                    Map.of());
            items.add(item);
            String path = "data/evidence/" + id + "/" + BagPath.safeFileName(name);
            payload.add(new BundleSealer.PayloadFile(path, f, sha, id));
            payload.add(new BundleSealer.PayloadFile("data/timestamps/" + id + ".tsr", tsr, null, null));
            exported.add(new CaseJson.ExportedItem(item, path, "data/timestamps/" + id + ".tsr"));
        }
        Path log = work.resolve("custody.jsonl");
        Files.write(log, custody.jsonl());
        payload.add(new BundleSealer.PayloadFile("data/custody/custody-log.jsonl", log, null, null));
        Actor exporter = signer.actor();
        Path caseJson = work.resolve("case.json");
        Files.write(caseJson, CaseJson.render(bundleId, now, exporter, "test", info, "data/custody/custody-log.jsonl",
                custody.count(), custody.head(), exported));
        payload.add(new BundleSealer.PayloadFile("data/case.json", caseJson, null, null));
        Path unsigned = work.resolve("report-unsigned.pdf");
        ReportData data = new ReportData(info, bundleId, now, exporter, "test", custody.head(), items, List.of(),
                null, null);
        try (OutputStream os = Files.newOutputStream(unsigned)) {
            new ReportWriter().writeReport(data, os);
        }
        Path report = work.resolve("report.pdf");
        new PadesSigner().sign(unsigned, report, signer, tsa.source());
        payload.add(new BundleSealer.PayloadFile("data/report/report.pdf", report, null, null));
        BagInfo bagInfo = new BagInfo().add("Source-Organization", info.agency())
                .add("Contact-Name", exporter.name()).add("External-Identifier", CASE_NUMBER)
                .add("External-Description", info.title()).add("Bagging-Date", now.toString().substring(0, 10))
                .add("Sakshi-Bundle-Version", "1").add("Sakshi-Bundle-Id", bundleId)
                .add("Sakshi-Custody-Head", custody.head());
        Path out = dir.resolve("bundle.zip");
        BundleSealer.Sealed sealed = new BundleSealer(recheck).seal(new BundleSealer.Plan(out, bundleId, now, payload,
                bagInfo, CASE_NUMBER, signer, List.of(tsa.source())), null, null);
        return new Built(out, bundleId, items, sealed);
    }

    static String hex(String alg, byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(b));
    }
}
