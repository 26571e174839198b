package org.sakshi.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ProgressListener;

/** Test helper: an unsigned bag written by BundleZipWriter with a photo, a text file and case.json. */
final class PlainBag {
    static final String ID = "0b9a3a52-4d0e-4c3e-9a55-0c5f1f0e7a11";

    private PlainBag() {
    }

    static Path write(Path dir) throws Exception {
        return write(dir, null);
    }

    /** The same bag with {@code caseJsonBytes} (when not null) as data/case.json, listed in the manifest as it is. */
    static Path write(Path dir, byte[] caseJsonBytes) throws Exception {
        return write(dir, caseJsonBytes, null);
    }

    /** ... and {@code log} (when not null) as the custody log. */
    static Path write(Path dir, byte[] caseJsonBytes, byte[] log) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        byte[] jpg = new byte[50_000];
        for (int i = 0; i < jpg.length; i++) {
            jpg[i] = (byte) (i * 31 + 7);
        }
        Files.write(photo, jpg);
        Path out = dir.resolve("bag.zip");
        try (BundleZipWriter w = new BundleZipWriter(out, ID, Instant.parse("2026-07-28T08:35:00Z"))) {
            String sha = w.putFile("data/evidence/E0001/photo.jpg", photo, null, "E0001", ProgressListener.NONE,
                    new CancelFlag());
            w.putBytes("data/evidence/E0002/note.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
            w.putBytes("data/custody/custody-log.jsonl", log != null ? log : "{}\n".getBytes(StandardCharsets.UTF_8));
            byte[] given = caseJsonBytes;
            String caseJson = "{\"format\":\"sakshi-bundle\",\"version\":1,\"bundle_id\":\"" + ID + "\","
                    + "\"exported_at\":\"2026-07-28T08:35:00Z\",\"case\":{\"number\":\"FIR 12/2026\"},"
                    + "\"custody\":{\"file\":\"data/custody/custody-log.jsonl\",\"count\":1,\"head\":\"" + "a".repeat(64)
                    + "\"},\"items\":[{\"id\":\"E0001\",\"path\":\"data/evidence/E0001/photo.jpg\",\"sha256\":\"" + sha
                    + "\",\"timestamp\":null}]}";
            w.putBytes("data/case.json", given != null ? given : caseJson.getBytes(StandardCharsets.UTF_8));
            BagInfo info = new BagInfo().add("Source-Organization", "Test Police").add("Contact-Name", "Insp. A")
                    .add("External-Identifier", "FIR 12/2026").add("External-Description", "Test")
                    .add("Bagging-Date", "2026-07-28").add("Sakshi-Bundle-Version", "1")
                    .add("Sakshi-Bundle-Id", ID).add("Sakshi-Custody-Head", "a".repeat(64));
            Map<String, byte[]> extra = new LinkedHashMap<>();
            extra.put("VERIFY.txt", VerifyText.render(ID, "FIR 12/2026", "CN=Test", 0));
            w.writeTagFiles(info, extra);
            w.finish();
        }
        return out;
    }

    static byte[] sha256(byte[] b) {
        return BundleZipWriter.sha256().digest(b);
    }

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        return rc + "\n" + out;
    }
}
