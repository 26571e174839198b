package org.sakshi.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.ledger.EventDetails;

/**
 * The chain across agencies (docs/bundle-format.md#provenance): each bundle a case received is kept
 * as the sender sealed it, minus its evidence, reports and derived files (which live on in the
 * receiving case as items): every tag file, {@code signature/*}, {@code data/case.json},
 * {@code data/custody/*} and {@code data/timestamps/*}, in the sender's own bag layout, so that in
 * that folder {@code openssl cms -verify ... -content tagmanifest-sha256.txt},
 * {@code sha256sum -c tagmanifest-sha256.txt} and {@code sha256sum -c --ignore-missing
 * manifest-sha256.txt} check it without Sakshi. The receiving case keeps it under
 * {@code received/<bundle-id>/}; a later export carries it under {@code data/provenance/<bundle-id>/}.
 *
 * <p>One hop is PASSED (code {@link CheckCode#PROVENANCE}) when: its tag files match its tag
 * manifest and the CMS signature over that manifest is intact; its carried payload files match its
 * payload manifest; its case.json and custody log agree (chain intact, head and count) and its
 * signed heads cover the log; its bundle time-stamp is valid; a BUNDLE_RECEIVED of the receiving log
 * (or of a later hop's log) names this bundle with the same signer certificate and custody head and
 * count; and every item that receipt brought in names a sender item of this hop with the same
 * SHA-256. A signer or time-stamp authority not chained to a given root makes the hop INDETERMINATE;
 * anything else wrong FAILS it, the target naming the hop's folder. A receipt without its hop folder
 * FAILS too: the provenance was stripped.
 */
public final class ProvenanceChecks {
    /** Where a bundle carries the hops of the cases it passed through. */
    public static final String BUNDLE_PREFIX = "data/provenance/";
    private static final String LOG = "data/custody/custody-log.jsonl";
    private static final String CASE_JSON = "data/case.json";
    private static final String TAGMANIFEST = "tagmanifest-sha256.txt";
    private static final String P7S = "signature/tagmanifest-sha256.txt.p7s";
    private static final String TSR = "signature/tagmanifest-sha256.txt.tsr";
    private static final int SMALL = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleChecks.Trust trust;
    private final BundleChecks.Ledger ledger;
    private final boolean askTrust;

    public ProvenanceChecks(BundleChecks.Trust trust, BundleChecks.Ledger ledger) {
        this(trust, ledger, true);
    }

    private ProvenanceChecks(BundleChecks.Trust trust, BundleChecks.Ledger ledger, boolean askTrust) {
        this.trust = trust;
        this.ledger = ledger;
        this.askTrust = askTrust;
    }

    /**
     * The checks for a receiving case's own folder: signatures and tokens are checked for integrity,
     * but whether their signers chain to a root is not asked again; that was decided at receipt and
     * recorded in BUNDLE_RECEIVED ({@code verdict}, {@code accepted_reason}).
     */
    public static ProvenanceChecks integrityOnly(BundleChecks.Trust trust, BundleChecks.Ledger ledger) {
        return new ProvenanceChecks(trust, ledger, false);
    }

    /** The files of one kept hop, by bag path relative to the hop's folder. */
    public interface HopFiles {
        List<String> paths();

        boolean has(String path);

        InputStream open(String path) throws IOException;

        /** The lower-case hex SHA-256 of the file's bytes. */
        String sha256(String path) throws IOException;

        default byte[] read(String path) throws IOException {
            try (InputStream in = open(path)) {
                byte[] b = in.readNBytes(SMALL + 1);
                if (b.length > SMALL) {
                    throw new IOException(path + " is larger than " + (SMALL >> 20) + " MiB");
                }
                return b;
            }
        }
    }

    /** The ids of the hops a payload carries under {@link #BUNDLE_PREFIX}, sorted. */
    public static List<String> hopIds(List<BundleSealer.PayloadFile> payload) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (BundleSealer.PayloadFile f : payload) {
            if (f.bagPath().startsWith(BUNDLE_PREFIX)) {
                int slash = f.bagPath().indexOf('/', BUNDLE_PREFIX.length());
                if (slash > BUNDLE_PREFIX.length()) {
                    ids.add(f.bagPath().substring(BUNDLE_PREFIX.length(), slash));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Which files of a received bundle are kept as its provenance (relative to the bag root). */
    public static boolean kept(String bagPath) {
        if (!bagPath.startsWith("data/")) {
            return true;
        }
        return bagPath.equals(CASE_JSON) || bagPath.startsWith("data/custody/") || bagPath.startsWith("data/timestamps/");
    }

    /** A BUNDLE_RECEIVED or an ITEM_IMPORTED with {@code received}, as found in a log. */
    public record ReceiptEvent(String logName, long seq, Instant at, String type, String actor, String itemId,
                               String itemSha256, Map<String, Object> details) {
    }

    /** The BUNDLE_RECEIVED and received ITEM_IMPORTED events of a custody log, read line by line (lenient). */
    public static List<ReceiptEvent> receipts(InputStream jsonl, String logName) throws IOException {
        List<ReceiptEvent> out = new ArrayList<>();
        BoundedJson.lines(jsonl, (n, line) -> {
            if (!line.contains("BUNDLE_RECEIVED") && !line.contains("\"received\"")) {
                return;
            }
            JsonNode e = BoundedJson.readEvent(line);
            String type = e.path("type").asText("");
            boolean receipt = type.equals("BUNDLE_RECEIVED");
            boolean item = type.equals("ITEM_IMPORTED") && e.path("details").path("received").isObject();
            if (receipt || item) {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = JSON.convertValue(e.path("details"), Map.class);
                Instant at = null;
                try {
                    at = Instant.parse(e.path("at").asText());
                } catch (RuntimeException ignored) {
                    // an unreadable time stays null; the chain check reports the event
                }
                out.add(new ReceiptEvent(logName, e.path("seq").asLong(-1), at, type,
                        e.path("actor").path("name").asText(null), e.path("item_id").asText(null),
                        e.path("item_sha256").asText(null), d));
            }
        });
        return out;
    }

    /** Checks every hop of a bundle: the folders under {@link #BUNDLE_PREFIX} against the bundle's own log. */
    public List<Check> checkBundle(SafeZip zip) throws IOException {
        Map<String, HopFiles> hops = new TreeMap<>();
        for (String p : zip.paths()) {
            if (p.startsWith(BUNDLE_PREFIX)) {
                int slash = p.indexOf('/', BUNDLE_PREFIX.length());
                if (slash > BUNDLE_PREFIX.length()) {
                    String id = p.substring(BUNDLE_PREFIX.length(), slash);
                    hops.computeIfAbsent(id, k -> zipHop(zip, BUNDLE_PREFIX + k + "/"));
                }
            }
        }
        List<ReceiptEvent> own = List.of();
        if (zip.has(LOG)) {
            try (InputStream in = zip.open(LOG)) {
                own = receipts(in, "the bundle's custody log");
            } catch (IOException e) {
                return List.of(Check.failed(CheckCode.PROVENANCE, LOG, "The received bundles this bundle's custody log"
                        + " records cannot be read: " + e.getMessage() + "."));
            }
        }
        return check(hops, own, BUNDLE_PREFIX);
    }

    private static HopFiles zipHop(SafeZip zip, String prefix) {
        return new HopFiles() {
            @Override
            public List<String> paths() {
                return zip.paths().stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                        .toList();
            }

            @Override
            public boolean has(String path) {
                return zip.has(prefix + path);
            }

            @Override
            public InputStream open(String path) throws IOException {
                return zip.open(prefix + path);
            }

            @Override
            public String sha256(String path) throws IOException {
                return zip.sha256(prefix + path);
            }
        };
    }

    /**
     * Checks the hops against the receipts of the receiving log ({@code own}); {@code prefix} is put before
     * a hop's id in check targets ({@code data/provenance/} in a bundle, {@code received/} in a case).
     * Receipts of earlier hops are looked for in the later hops' logs too.
     */
    public List<Check> check(Map<String, HopFiles> hops, List<ReceiptEvent> own, String prefix) throws IOException {
        List<Check> out = new ArrayList<>();
        List<ReceiptEvent> all = new ArrayList<>(own);
        for (Map.Entry<String, HopFiles> h : hops.entrySet()) {
            if (h.getValue().has(LOG)) {
                try (InputStream in = h.getValue().open(LOG)) {
                    all.addAll(receipts(in, "the custody log of hop " + h.getKey()));
                } catch (IOException e) {
                    // the hop's own check reports an unreadable log
                }
            }
        }
        for (ReceiptEvent r : own) {
            if (r.type().equals("BUNDLE_RECEIVED")) {
                String id = EventDetails.BundleReceived.read(r.details()).bundleId();
                if (id == null || !hops.containsKey(id)) {
                    out.add(Check.failed(CheckCode.PROVENANCE, prefix + id + "/", "The custody log records at seq "
                            + r.seq() + " that bundle " + id + " was received, but its signed custody log, case.json and"
                            + " signature are not kept under " + prefix + id + "/; the provenance of that hop was"
                            + " removed."));
                }
            }
        }
        for (Map.Entry<String, HopFiles> h : hops.entrySet()) {
            out.addAll(new Hop(h.getKey(), h.getValue(), prefix + h.getKey() + "/", all).check());
        }
        return out;
    }

    /** The check of one hop. */
    private final class Hop {
        private final String id;
        private final HopFiles f;
        private final String target;
        private final List<ReceiptEvent> receipts;
        private final List<String> failures = new ArrayList<>();
        private final List<String> doubts = new ArrayList<>();
        private byte[] tagmanifest;
        private String signerCert;
        private String signerSubject;
        private Instant sealedAt;
        private JsonNode caseJson;
        private String head;
        private long count = -1;
        private Instant lastAt;

        Hop(String id, HopFiles f, String target, List<ReceiptEvent> receipts) {
            this.id = id;
            this.f = f;
            this.target = target;
            this.receipts = receipts;
        }

        List<Check> check() throws IOException {
            tags();
            signature();
            Map<String, String> manifest = payload();
            caseAndLog(manifest);
            String receipt = link();
            List<Check> out = new ArrayList<>();
            for (String m : failures) {
                out.add(Check.failed(CheckCode.PROVENANCE, target, "Hop " + id + ": " + m));
            }
            if (!failures.isEmpty()) {
                return out;
            }
            String from = caseJson == null ? "?" : caseJson.path("case").path("number").asText("?") + " of "
                    + caseJson.path("case").path("agency").asText("an unnamed agency");
            out.add(new Check(CheckCode.PROVENANCE, doubts.isEmpty() ? CheckResult.PASSED : CheckResult.INDETERMINATE,
                    target, "Hop " + id + ": case " + from + ", sealed by " + signerSubject
                    + (sealedAt == null ? "" : " (time-stamped " + sealedAt + ")") + "; its " + count
                    + " custody events, case.json and signed tag files are intact; " + receipt
                    + (doubts.isEmpty() ? "" : " But " + String.join(" And ", doubts))));
            return out;
        }

        private void tags() throws IOException {
            if (!f.has(TAGMANIFEST)) {
                failures.add(TAGMANIFEST + " is missing, so nothing of this hop can be checked.");
                return;
            }
            tagmanifest = f.read(TAGMANIFEST);
            List<ManifestFile.Line> lines;
            try {
                lines = ManifestFile.parse(tagmanifest, TAGMANIFEST);
            } catch (BagFormatException e) {
                failures.add(e.getMessage());
                return;
            }
            Set<String> listed = new LinkedHashSet<>();
            for (ManifestFile.Line l : lines) {
                listed.add(l.path());
                if (!f.has(l.path())) {
                    failures.add(l.path() + " is listed in its " + TAGMANIFEST + " but missing.");
                } else if (!f.sha256(l.path()).equals(l.sha256())) {
                    failures.add(l.path() + " was changed: it no longer matches its " + TAGMANIFEST + ".");
                }
            }
            for (String p : f.paths()) {
                if (!p.startsWith("data/") && !p.startsWith("signature/") && !p.equals(TAGMANIFEST)
                        && !listed.contains(p)) {
                    failures.add(p + " is not listed in its " + TAGMANIFEST + "; it was added.");
                }
            }
            if (!listed.contains("manifest-sha256.txt") || !listed.contains("bag-info.txt")) {
                failures.add("its " + TAGMANIFEST + " does not list manifest-sha256.txt and bag-info.txt.");
            }
        }

        private void signature() throws IOException {
            if (tagmanifest == null) {
                return;
            }
            if (!f.has(P7S)) {
                failures.add(P7S + " is missing: the hop is not signed.");
                return;
            }
            if (trust == null) {
                doubts.add("this build cannot check CMS signatures.");
                return;
            }
            BundleChecks.SignatureOutcome s = trust.verifyCms(f.read(P7S), tagmanifest);
            signerCert = s.certSha256();
            signerSubject = s.subject();
            if (!s.intact()) {
                failures.add("the sender's signature over " + TAGMANIFEST + " is not valid: " + s.problem());
                return;
            }
            if (!s.trusted() && askTrust) {
                doubts.add("the sender's signer " + s.subject() + " does not chain to a trusted root"
                        + (s.trustProblem() == null ? "" : " (" + s.trustProblem() + ")")
                        + "; give the sending agency's CA certificate with --trust.");
            }
            if (f.has(TSR)) {
                BundleChecks.TokenOutcome t = trust.verifyToken(f.read(TSR),
                        BundleZipWriter.sha256().digest(tagmanifest));
                if (!t.valid()) {
                    failures.add("its time-stamp " + TSR + " is not valid: " + t.problem());
                } else {
                    sealedAt = t.time();
                    if (!t.trusted() && askTrust) {
                        doubts.add("its time-stamp authority " + t.tsa() + " does not chain to a trusted root; give"
                                + " the TSA's root with --tsa-trust.");
                    }
                }
            } else {
                doubts.add("it carries no time-stamp, so the time the sender sealed it rests on the sender's word.");
            }
        }

        private Map<String, String> payload() throws IOException {
            Map<String, String> manifest = new LinkedHashMap<>();
            if (!f.has("manifest-sha256.txt")) {
                failures.add("manifest-sha256.txt is missing.");
                return manifest;
            }
            try {
                for (ManifestFile.Line l : ManifestFile.parse(f.read("manifest-sha256.txt"), "manifest-sha256.txt")) {
                    manifest.put(l.path(), l.sha256());
                }
            } catch (BagFormatException e) {
                failures.add(e.getMessage());
                return manifest;
            }
            for (String p : f.paths()) {
                if (p.startsWith("data/")) {
                    String listed = manifest.get(p);
                    if (listed == null) {
                        failures.add(p + " is not listed in its manifest-sha256.txt; it was added.");
                    } else if (!listed.equals(f.sha256(p))) {
                        failures.add(p + " was changed: it no longer matches its manifest-sha256.txt.");
                    }
                }
            }
            return manifest;
        }

        private void caseAndLog(Map<String, String> manifest) throws IOException {
            if (!f.has(CASE_JSON) || !f.has(LOG)) {
                failures.add("its data/case.json or custody log is missing.");
                return;
            }
            if (!failures.isEmpty()) {
                return; // never parse what does not match what was sealed
            }
            try (InputStream in = f.open(CASE_JSON)) {
                caseJson = BoundedJson.readCaseJson(in);
            } catch (IOException e) {
                failures.add("its data/case.json cannot be read: " + e.getMessage() + ".");
                return;
            }
            if (!id.equals(caseJson.path("bundle_id").asText())) {
                failures.add("its case.json names bundle " + caseJson.path("bundle_id").asText() + ", not " + id + ".");
            }
            try {
                BagInfo info = BagInfo.parse(f.read("bag-info.txt"));
                if (!id.equals(info.get("Sakshi-Bundle-Id").orElse(""))) {
                    failures.add("its bag-info.txt names bundle " + info.get("Sakshi-Bundle-Id").orElse("none")
                            + ", not " + id + ".");
                }
            } catch (BagFormatException e) {
                failures.add(e.getMessage());
            }
            String exporter = caseJson.path("exported_by").path("cert_sha256").asText(null);
            if (signerCert != null && !signerCert.equalsIgnoreCase(exporter)) {
                failures.add("it is signed by certificate " + signerCert + " but its case.json names the exporter's"
                        + " certificate " + exporter + ".");
            }
            if (ledger == null) {
                doubts.add("this build cannot recompute a custody chain.");
                return;
            }
            BundleChecks.ChainOutcome chain;
            try (InputStream in = f.open(LOG)) {
                chain = ledger.verify(in);
            }
            if (!chain.intact()) {
                failures.add("its custody log is broken" + (chain.firstBadSeq() == null ? "" : " at seq "
                        + chain.firstBadSeq()) + ": " + chain.message());
                return;
            }
            head = chain.head();
            count = chain.events();
            if (!head.equals(caseJson.path("custody").path("head").asText())
                    || count != caseJson.path("custody").path("count").asLong(-1)) {
                failures.add("its custody log ends at " + head + " (" + count + " events) but its case.json records "
                        + caseJson.path("custody").path("head").asText() + ".");
            }
            signedHeads();
            try (InputStream in = f.open(LOG)) {
                String[] last = {null};
                BoundedJson.lines(in, (n, line) -> last[0] = line);
                if (last[0] != null) {
                    lastAt = Instant.parse(BoundedJson.readEvent(last[0]).path("at").asText());
                }
            } catch (RuntimeException e) {
                lastAt = null;
            }
        }

        private void signedHeads() throws IOException {
            String heads = BundleVerifier.CUSTODY_HEADS;
            if (!f.has(heads)) {
                doubts.add("it carries no signed custody heads.");
                return;
            }
            List<String> headLines = new String(f.read(heads), StandardCharsets.UTF_8).lines().toList();
            org.sakshi.core.ledger.LedgerVerifier v = new org.sakshi.core.ledger.LedgerVerifier(headLines, null,
                    trust == null ? null : (token, sha256) -> {
                        BundleChecks.TokenOutcome t = trust.verifyToken(token, sha256);
                        return t.valid() ? null : t.problem() == null ? "the token is not valid" : t.problem();
                    });
            try (InputStream in = f.open(LOG)) {
                BoundedJson.lines(in, (n, line) -> v.acceptLine(line));
            }
            org.sakshi.core.ledger.LedgerVerdict r = v.result();
            if (!r.intact()) {
                failures.add("its custody log fails its signed heads (" + r.fault() + (r.firstBadSeq() == null ? ""
                        : " at seq " + r.firstBadSeq()) + "): " + r.message() + ".");
            }
        }

        /** The receipt of this hop; returns the sentence describing it, or records why it does not continue. */
        private String link() {
            ReceiptEvent found = null;
            for (ReceiptEvent r : receipts) {
                if (r.type().equals("BUNDLE_RECEIVED") && id.equals(EventDetails.BundleReceived.read(r.details())
                        .bundleId())) {
                    found = r;
                    break;
                }
            }
            if (found == null) {
                failures.add("no BUNDLE_RECEIVED in the custody logs records that this bundle was received.");
                return "";
            }
            EventDetails.BundleReceived.Read rd = EventDetails.BundleReceived.read(found.details());
            if (signerCert != null && !signerCert.equalsIgnoreCase(rd.signerCertSha256())) {
                failures.add("it is signed by certificate " + signerCert + " but the receipt (seq " + found.seq()
                        + " of " + found.logName() + ") records the sender's certificate " + rd.signerCertSha256() + ".");
            }
            if (head != null && (!head.equals(rd.senderHead()) || count != rd.senderCount())) {
                failures.add("its custody log ends at " + head + " (" + count + " events) but the receipt (seq "
                        + found.seq() + " of " + found.logName() + ") records the sender's head " + rd.senderHead()
                        + " (" + rd.senderCount() + " events); the kept log is not the one received.");
            }
            items(found);
            String transit = lastAt == null || found.at() == null ? ""
                    : " after " + human(Duration.between(lastAt, found.at())) + " in transit";
            return "received at seq " + found.seq() + " of " + found.logName() + " at " + found.at() + transit
                    + " by " + (rd.receivedBy() != null ? rd.receivedBy() : found.actor())
                    + (rd.from() == null ? "" : " from " + rd.from())
                    + (rd.via() == null ? "" : " via " + rd.via())
                    + (rd.seals().isEmpty() ? "" : " (seals " + String.join(", ", rd.seals()) + ")")
                    + (askTrust ? "" : "; verdict at receipt " + found.details().get(
                    EventDetails.BundleReceived.VERDICT) + (rd.acceptedReason() == null ? ""
                    : ", accepted because: " + rd.acceptedReason())) + ".";
        }

        private void items(ReceiptEvent receipt) {
            if (caseJson == null) {
                return;
            }
            Map<String, String> sent = new LinkedHashMap<>();
            for (JsonNode it : caseJson.path("items")) {
                sent.put(it.path("id").asText(), it.path("sha256").asText());
            }
            for (ReceiptEvent r : receipts) {
                if (!r.type().equals("ITEM_IMPORTED") || !r.logName().equals(receipt.logName())) {
                    continue;
                }
                EventDetails.Received.Read rv = EventDetails.Received.read(r.details());
                if (rv == null || !id.equals(rv.bundleId())) {
                    continue;
                }
                String sha = sent.get(rv.itemId());
                if (sha == null) {
                    failures.add("item " + r.itemId() + " (seq " + r.seq() + ") is recorded as the sender's item "
                            + rv.itemId() + ", which this hop's case.json does not list.");
                } else if (!sha.equalsIgnoreCase(r.itemSha256()) || !sha.equalsIgnoreCase(rv.sha256())) {
                    failures.add("item " + r.itemId() + " (seq " + r.seq() + ") has SHA-256 " + r.itemSha256()
                            + " but the sender sealed its item " + rv.itemId() + " with " + sha + ".");
                }
            }
        }
    }

    /** "3 h 05 min", "2 d 4 h", "40 s": a transit time for people. */
    static String human(Duration d) {
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        return (s / 86_400) + " d " + ((s % 86_400) / 3600) + " h";
    }
}
