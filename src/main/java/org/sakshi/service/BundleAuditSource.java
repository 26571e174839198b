package org.sakshi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sakshi.audit.ItemFacts;
import org.sakshi.audit.SeizureTime;
import org.sakshi.audit.TimeProof;
import org.sakshi.bundle.BoundedJson;
import org.sakshi.bundle.ManifestFile;
import org.sakshi.bundle.SafeZip;
import org.sakshi.core.Check;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.ledger.EventCodec;

/**
 * What an audit reads from a bundle (docs/bundle-format.md): {@code data/custody/custody-log.jsonl},
 * {@code data/case.json}, {@code data/timestamps/*.tsr} and the signature token. Entries are read
 * straight from the ZIP through the bundle package's {@link SafeZip}, which screens every entry
 * name and size first; nothing is extracted.
 */
final class BundleAuditSource implements Closeable {
    static final String LOG = "data/custody/custody-log.jsonl";
    static final String CASE_JSON = "data/case.json";
    static final String BUNDLE_TOKEN = "signature/tagmanifest-sha256.txt.tsr";
    private static final int MAX_CASE_JSON = 64 << 20;
    private static final int MAX_TOKEN = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path bundle;
    private final SafeZip zip;
    private final byte[] log;
    private final JsonNode caseJson;
    private final List<CustodyEvent> events = new ArrayList<>();
    private int firstBadLine;
    private String badLineMessage;
    /** Why the custody log was not read (it does not match the manifest), or null. */
    private final String logProblem;

    private BundleAuditSource(Path bundle, SafeZip zip, byte[] log, JsonNode caseJson, String logProblem) {
        this.bundle = bundle;
        this.zip = zip;
        this.log = log;
        this.caseJson = caseJson;
        this.logProblem = logProblem;
    }

    /** Reads the log and case.json whatever the manifest says (tests of the analysis on hand-made ZIPs). */
    static BundleAuditSource open(Path bundle) throws InputException, IOException {
        return open(bundle, false);
    }

    /**
     * @param sealedOnly read the custody log and case.json only when their SHA-256 is the one
     *                   manifest-sha256.txt lists (a log or case.json changed after sealing is never parsed)
     */
    static BundleAuditSource open(Path bundle, boolean sealedOnly) throws InputException, IOException {
        SafeZip zip = SafeZip.open(bundle, SafeZip.Limits.DEFAULT);
        try {
            List<Check> bad = zip.violations();
            if (zip.root().isEmpty() || !zip.has(LOG)) {
                throw new InputException(bundle + " is not a Sakshi bundle: it has no single top folder holding "
                        + LOG + (bad.isEmpty() ? "" : " (" + bad.get(0).message() + ")") + ".");
            }
            List<ManifestFile.Line> manifest = sealedOnly ? manifest(zip) : null;
            String logProblem = sealedOnly ? unsealed(zip, manifest, LOG) : null;
            byte[] log = logProblem == null ? readAll(zip, LOG) : new byte[0];
            JsonNode caseJson = null;
            if (zip.has(CASE_JSON) && (!sealedOnly || unsealed(zip, manifest, CASE_JSON) == null)) {
                try (InputStream in = zip.open(CASE_JSON)) {
                    caseJson = BoundedJson.readCaseJson(in);
                } catch (IOException e) {
                    throw new InputException(bundle + ": " + CASE_JSON + " cannot be read (" + e.getMessage()
                            + "); the bundle is damaged.", e);
                }
            }
            BundleAuditSource src = new BundleAuditSource(bundle, zip, log, caseJson, logProblem);
            src.parseEvents();
            return src;
        } catch (InputException | IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static List<ManifestFile.Line> manifest(SafeZip zip) throws IOException {
        String name = "manifest-sha256.txt";
        if (!zip.has(name)) {
            return null;
        }
        try {
            return ManifestFile.parse(zip.read(name, MAX_CASE_JSON), name);
        } catch (org.sakshi.bundle.BagFormatException e) {
            return null;
        }
    }

    /** Null when the manifest lists {@code path} with the SHA-256 its bytes have; else why it is not read. */
    private static String unsealed(SafeZip zip, List<ManifestFile.Line> manifest, String path) throws IOException {
        if (manifest == null) {
            return path + " cannot be checked: the bundle has no readable manifest-sha256.txt, so it was not read";
        }
        String listed = manifest.stream().filter(l -> l.path().equals(path)).map(ManifestFile.Line::sha256)
                .findFirst().orElse(null);
        if (listed == null) {
            return path + " is not listed in manifest-sha256.txt, so it was not read";
        }
        if (!listed.equalsIgnoreCase(zip.sha256(path))) {
            return path + " does not match manifest-sha256.txt: it was changed after the bundle was sealed, so it"
                    + " was not read";
        }
        return null;
    }

    private static byte[] readAll(SafeZip zip, String path) throws IOException {
        try (InputStream in = zip.open(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /**
     * Parses every line; a line that is not an event is skipped here (and remembered) so that the
     * chain verification reports the damage as a finding naming its line, instead of the audit failing.
     */
    private void parseEvents() {
        String[] lines = new String(log, StandardCharsets.UTF_8).split("\n");
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(EventCodec.parseLine(line));
            } catch (RuntimeException e) {
                if (firstBadLine == 0) {
                    firstBadLine = n;
                    badLineMessage = e.getMessage();
                }
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    List<CustodyEvent> events() {
        return events;
    }

    String bundleId() {
        String id = caseJson == null ? null : text(caseJson, "bundle_id");
        return id != null ? id : zip.rootName();
    }

    /** "number - title" of the case the bundle was exported from, or null. */
    String label() {
        JsonNode c = caseJson == null ? null : caseJson.path("case");
        if (c == null || !c.isObject()) {
            return null;
        }
        String number = text(c, "number");
        String title = text(c, "title");
        return number == null ? title : title == null ? number : number + " - " + title;
    }

    String declaredHead() {
        return caseJson == null ? null : text(caseJson.path("custody"), "head");
    }

    Long declaredCount() {
        JsonNode c = caseJson == null ? null : caseJson.path("custody").get("count");
        return c == null || !c.canConvertToLong() ? null : c.asLong();
    }

    /** Recomputes the chain over the log's bytes exactly as stored. */
    LedgerSummary verifyChain(org.sakshi.bundle.BundleChecks.Ledger chain) throws IOException {
        if (logProblem != null) {
            return new LedgerSummary(0, null, false, null, logProblem);
        }
        org.sakshi.bundle.BundleChecks.ChainOutcome o = chain.verify(new ByteArrayInputStream(log));
        if (o.intact() && firstBadLine > 0) {
            return new LedgerSummary(o.events(), o.head(), false, null, "line " + firstBadLine + " of " + LOG
                    + " is not a custody event (" + badLineMessage + ")");
        }
        return new LedgerSummary(o.events(), o.head(), o.intact(), o.firstBadSeq(), o.message());
    }

    List<ItemFacts> items() {
        List<ItemFacts> out = new ArrayList<>();
        if (caseJson == null) {
            return out;
        }
        for (JsonNode item : caseJson.path("items")) {
            JsonNode src = item.path("source");
            String text = src.isTextual() ? src.asText() : text(src, "text");
            Instant seized = src.isObject() ? instant(text(src, "seized_at")) : null;
            if (seized == null) {
                seized = SeizureTime.find(text, zone());
            }
            out.add(new ItemFacts(item.path("id").asText(), text(item, "sha256"), text(item, "derived_from"), text,
                    seized));
        }
        return out;
    }

    private ZoneId zone() {
        String z = caseJson == null ? null : text(caseJson.path("case"), "zone");
        try {
            return z == null ? ZoneId.of("UTC") : ZoneId.of(z);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** The tokens of the bundle: each item's import token and the signature token over the tag manifest. */
    List<TimeProof> proofs(AuditService.TokenTimes tokens) throws IOException {
        List<TimeProof> out = new ArrayList<>();
        if (caseJson != null) {
            for (JsonNode item : caseJson.path("items")) {
                String id = item.path("id").asText();
                JsonNode ts = item.path("timestamp");
                if (!ts.isObject()) {
                    continue;
                }
                String file = ts.path("file").asText("data/timestamps/" + id + ".tsr");
                Instant g = null;
                if (zip.has(file) && zip.size(file) <= MAX_TOKEN) {
                    g = tokens.genTime(zip.read(file, MAX_TOKEN), hex(text(item, "sha256")));
                }
                if (g != null) {
                    out.add(TimeProof.item(id, file, g));
                } else if (instant(text(ts, "time")) != null) {
                    out.add(TimeProof.item(id, CASE_JSON + " (item " + id + ")", instant(text(ts, "time"))));
                }
            }
        }
        if (zip.has(BUNDLE_TOKEN) && zip.size(BUNDLE_TOKEN) <= MAX_TOKEN && !events.isEmpty()) {
            byte[] imprint = zip.has("tagmanifest-sha256.txt") ? sha256(readAll(zip, "tagmanifest-sha256.txt")) : null;
            Instant g = tokens.genTime(zip.read(BUNDLE_TOKEN, MAX_TOKEN), imprint);
            if (g != null) {
                out.add(TimeProof.export(BUNDLE_TOKEN, g, events.get(events.size() - 1).seq()));
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String s) {
        try {
            return s == null ? null : HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
