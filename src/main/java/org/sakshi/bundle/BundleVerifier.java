package org.sakshi.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.InputException;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.Verdicts;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.VerificationReport.ItemResult;
import org.sakshi.core.VerificationReport.SignerInfo;
import org.sakshi.core.VerificationReport.TimestampInfo;

/**
 * Runs every check of docs/bundle-format.md over a bundle ZIP and returns the report model; a bad
 * bundle gives FAILED checks, never an exception. Check codes: ZIP_ENTRY, BAGIT_DECLARATION,
 * BAG_INFO, MANIFEST, TAG_HASH, PAYLOAD_HASH, PAYLOAD_MISSING, PAYLOAD_UNLISTED, PAYLOAD_OXUM,
 * CASE_JSON, CUSTODY_CHAIN, CUSTODY_HEAD, SIGNATURE, SIGNER_TRUST, BUNDLE_TIMESTAMP, ITEM_TIMESTAMP,
 * REPORT_SIGNATURE, REPORT_HASHES, SIGNER_MISMATCH ({@link CheckCode}). The verdict is {@link Verdicts#of}.
 *
 * <p>Who signed, in which role: the CMS signer must be the certificate the bundle's own custody log
 * records for this export (the {@code actor.cert_sha256} of the EXPORT_STARTED / EXPORT_SEALED events
 * whose {@code details.bundle_id} is this bundle), the one case.json names as exporter, the one in
 * {@code certs/signer-chain.pem}, and the signer of every PDF under data/report/; and, when the reader
 * pins one ({@link #expectingSigner}), that certificate. Anything else is FAILED SIGNER_MISMATCH, even
 * when the other signature is valid and trusted. data/case.json and the custody log are hashed against
 * the manifest before they are parsed, and parsed within {@link BoundedJson}'s caps.
 */
public final class BundleVerifier {
    public static final String BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    public static final String P7S = "signature/tagmanifest-sha256.txt.p7s";
    /** The custody log's signed heads in a bundle (docs/custody-ledger.md#signed-heads). */
    public static final String CUSTODY_HEADS = "data/custody/custody-heads.jsonl";
    private static final Pattern TSR = Pattern.compile("signature/tagmanifest-sha256\\.txt(\\.\\d+)?\\.tsr");
    private static final int SMALL = 64 << 20;

    private final BundleChecks.Trust trust;
    private final BundleChecks.Ledger ledger;
    private final BundleChecks.PdfText pdfText;
    private final SafeZip.Limits limits;
    private final boolean crcRecheck;
    /** With {@link #crcRecheck}: entries the exporter read back itself (see {@link #forRecheck(java.util.Map)}). */
    private java.util.Map<String, BundleZipWriter.ReadBack> readBack = java.util.Map.of();
    private final String expectedSigner;
    private final BundleChecks.LongTerm longTerm;

    /** Any of the collaborators may be null: its checks then come out INDETERMINATE ("not checked"). */
    public BundleVerifier(BundleChecks.Trust trust, BundleChecks.Ledger ledger, BundleChecks.PdfText pdfText,
                          SafeZip.Limits limits) {
        this.trust = trust;
        this.ledger = ledger;
        this.pdfText = pdfText;
        this.limits = limits == null ? SafeZip.Limits.DEFAULT : limits;
        this.crcRecheck = false;
        this.expectedSigner = null;
        this.longTerm = null;
    }

    private BundleVerifier(BundleVerifier base, boolean crcRecheck, String expectedSigner,
                           BundleChecks.LongTerm longTerm) {
        this.trust = base.trust;
        this.ledger = base.ledger;
        this.pdfText = base.pdfText;
        this.limits = base.limits;
        this.crcRecheck = crcRecheck;
        this.expectedSigner = expectedSigner;
        this.longTerm = longTerm;
        this.readBack = base.readBack;
    }

    /**
     * The same checks plus long-term validation (LONG_TERM, RENEWAL_DUE) of the bundle signature and of
     * every PDF signature by {@code longTerm} (EU DSS); without it those checks are not made.
     */
    public BundleVerifier withLongTerm(BundleChecks.LongTerm longTerm) {
        return new BundleVerifier(this, crcRecheck, expectedSigner, longTerm);
    }

    /**
     * The same checks, and the bundle must be signed with the certificate whose SHA-256 (hex) is
     * {@code certSha256}; any other signer, or a signer that cannot be established, is FAILED SIGNER_MISMATCH.
     */
    public BundleVerifier expectingSigner(String certSha256) {
        return new BundleVerifier(this, crcRecheck, certSha256 == null ? null
                : certSha256.replace(":", "").toLowerCase(java.util.Locale.ROOT), longTerm);
    }

    /**
     * The same checks for an exporter re-reading the file it has just written: payload files are
     * compared with the CRC-32 their ZIP headers record (computed from the very bytes whose SHA-256
     * was checked against the vault while they were written) instead of being hashed again; every
     * other check is unchanged. A prosecutor's verification always hashes.
     */
    public BundleVerifier forRecheck() {
        return new BundleVerifier(this, true, expectedSigner, longTerm);
    }

    /**
     * As {@link #forRecheck()}; a payload entry in {@code readBack} (the writer read its bytes back from
     * this very file and found the SHA-256 and the CRC-32 of its headers) is not read again when it is
     * STORED at the same data offset with the same size and the manifest records the same SHA-256;
     * any other entry is CRC-read as usual.
     */
    public BundleVerifier forRecheck(java.util.Map<String, BundleZipWriter.ReadBack> readBack) {
        BundleVerifier v = forRecheck();
        v.readBack = java.util.Map.copyOf(readBack);
        return v;
    }

    /**
     * Verifies {@code bundle}.
     *
     * @throws InputException only when the file is not a ZIP or holds no bag at all
     */
    public VerificationReport verify(Path bundle, ProgressListener progress) throws InputException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        Early early = takeEarly(bundle, limits, crcRecheck);
        try (SafeZip zip = early != null ? early.zip() : SafeZip.open(bundle, limits)) {
            if (!zip.has("bagit.txt") && !zip.has("bag-info.txt") && !zip.has("manifest-sha256.txt")
                    && !zip.has("data/case.json")) {
                if (early != null) {
                    early.hashing().pool.shutdownNow();
                }
                throw new InputException(bundle + " is a ZIP but not a Sakshi bundle: it holds no BagIt bag"
                        + " (no bagit.txt, bag-info.txt, manifest-sha256.txt or data/case.json in one folder).");
            }
            return new Run(zip, p, early == null ? null : early.hashing()).run();
        } catch (IOException e) {
            throw new InputException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** A verification opened early: its ZIP, opened and screened, and the payload's hashing under way. */
    private record Early(Path bundle, SafeZip.Limits limits, SafeZip zip, Hashing hashing) {
        void close() {
            hashing.pool.shutdownNow();
            try {
                zip.close();
            } catch (IOException e) {
                // nothing was read from it for anyone
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicReference<Early> EARLY =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Opens {@code bundle} and starts hashing its payload now, on other threads, for a verification
     * of that path that is about to begin (a {@code sakshi verify} while the JVM still loads the command
     * line and the services: docs/performance.md, eighth round). The next {@link #verify} of the same
     * path with the same limits by a verifier that hashes (not {@link #forRecheck()}) takes the open ZIP
     * and the hashes under way over, so it reads one and the same opened file as it would have opened
     * itself, and reports exactly the same; nothing else ever uses them. Does nothing when the file
     * cannot be opened as a ZIP: the verification then opens it and says why as usual.
     */
    public static void startEarly(Path bundle, SafeZip.Limits limits) {
        // the largest payload files' hashing begins from the ZIP's own layout, before Commons Compress
        // and the screening (SafeZip.openEarly); the verification uses it only for files the screening admits
        java.util.concurrent.ExecutorService pool = Hashing.newPool();
        SafeZip zip;
        try {
            zip = SafeZip.openEarly(bundle, limits, pool, Hashing.threads());
        } catch (InputException | RuntimeException ex) {
            pool.shutdownNow();
            return;
        }
        Early e;
        try {
            e = new Early(bundle, limits, zip, new Hashing(pool, zip, false, java.util.Map.of()));
        } catch (RuntimeException ex) {
            pool.shutdownNow();
            try {
                zip.close();
            } catch (IOException | RuntimeException ignored) {
                // the verification opens the bundle itself and meets the same problem there
            }
            return;
        }
        Early old = EARLY.getAndSet(e);
        if (old != null) {
            old.close();
        }
    }

    /** Stops and closes an early start no verification took over (see {@link #startEarly}). */
    public static void dropEarly() {
        Early old = EARLY.getAndSet(null);
        if (old != null) {
            old.close();
        }
    }

    /** Whether an early start is waiting to be taken over (for tests). */
    public static boolean earlyPending() {
        return EARLY.get() != null;
    }

    /** The early start for this verification, or null; one for anything else is closed. */
    private static Early takeEarly(Path bundle, SafeZip.Limits limits, boolean crcRecheck) {
        Early e = EARLY.getAndSet(null);
        if (e == null) {
            return null;
        }
        if (!crcRecheck && e.bundle().equals(bundle) && e.limits().equals(limits)) {
            return e;
        }
        e.close();
        return null;
    }

    /**
     * The payload's hashing: manifest-sha256.txt read and parsed, and every data/ file it lists being
     * hashed on up to two threads, largest first, so that two workers finish together. A manifest that
     * cannot be parsed is {@link #manifestProblem}; one that cannot be read is {@link #unreadable},
     * reported where it always was, after the tag files' checks.
     */
    private static final class Hashing {
        final java.util.concurrent.ExecutorService pool;
        final Map<String, java.util.concurrent.Future<String>> hashes = new HashMap<>();
        List<ManifestFile.Line> manifestLines;
        String manifestProblem;
        IOException unreadable;

        /** Threads hashing the payload: two, or one on a single core. */
        static int threads() {
            return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        }

        /**
         * The payload's hashing threads. Loads the JDK's SHA-512 and SHA-1 first: hashing compiles the
         * SHA-256 path while it is the only digest class loaded, and a digest class loaded later (SHA-512 by
         * an Ed25519 check of the custody heads, SHA-1 by EU DSS) invalidated that compiled code mid-payload,
         * which then ran slower until compiled again (docs/performance.md, ninth round). No hash depends on it.
         */
        static java.util.concurrent.ExecutorService newPool() {
            for (String other : new String[] {"SHA-512", "SHA-1"}) {
                try {
                    java.security.MessageDigest.getInstance(other);
                } catch (java.security.NoSuchAlgorithmException e) {
                    // not in this JDK: nothing to load
                }
            }
            return java.util.concurrent.Executors.newFixedThreadPool(threads(), r -> {
                Thread t = new Thread(r, "verify-sha256");
                t.setDaemon(true);
                return t;
            });
        }

        Hashing(SafeZip zip, boolean crcRecheck, java.util.Map<String, BundleZipWriter.ReadBack> readBack) {
            this(newPool(), zip, crcRecheck, readBack);
        }

        /** {@code pool} may already run hashes {@link SafeZip#openEarly} began for {@code zip}. */
        Hashing(java.util.concurrent.ExecutorService pool, SafeZip zip, boolean crcRecheck,
                java.util.Map<String, BundleZipWriter.ReadBack> readBack) {
            this.pool = pool;
            try {
                start(zip, crcRecheck, readBack);
            } catch (IOException e) {
                unreadable = e;
            } finally {
                zip.dropUnclaimed(); // a hash begun early for a file not hashed here reads no more
            }
        }

        private void start(SafeZip zip, boolean crcRecheck, java.util.Map<String, BundleZipWriter.ReadBack> readBack)
                throws IOException {
            String name = "manifest-sha256.txt";
            if (!zip.has(name)) {
                return;
            }
            try {
                manifestLines = ManifestFile.parse(zip.read(name, SMALL), name);
            } catch (BagFormatException e) {
                manifestProblem = e.getMessage();
                return;
            }
            // largest first, so that two workers finish together
            List<ManifestFile.Line> bySize = new ArrayList<>(manifestLines);
            // only what the payload check waits for: a line outside data/ is reported, not hashed (a task nobody
            // waits for would be interrupted at the end, and an interrupted read closes the ZIP's file channel)
            bySize.removeIf(l -> !zip.has(l.path()) || !l.path().startsWith("data/"));
            bySize.sort((a, b) -> Long.compare(zip.size(b.path()), zip.size(a.path())));
            for (ManifestFile.Line l : bySize) {
                BundleZipWriter.ReadBack rb = crcRecheck ? readBack.get(l.path()) : null;
                if (!hashes.containsKey(l.path()) && rb != null && rb.sha256().equals(l.sha256())
                        && zip.readBackAt(l.path(), rb.dataOffset(), rb.size(), rb.crc32())) {
                    hashes.put(l.path(), java.util.concurrent.CompletableFuture.completedFuture(l.sha256()));
                }
                java.util.concurrent.Future<String> started = crcRecheck || hashes.containsKey(l.path()) ? null
                        : zip.claimStarted(l.path());
                if (started != null) {
                    hashes.put(l.path(), started); // begun by SafeZip.openEarly for this very entry
                }
                if (!hashes.containsKey(l.path())) {
                    hashes.put(l.path(), pool.submit(() -> !crcRecheck ? zip.sha256(l.path())
                            : zip.crcMatches(l.path()) ? l.sha256() : "a different value (its CRC-32 no longer matches)"));
                }
            }
        }
    }

    /** One verification, with its accumulating state. */
    private final class Run {
        private final SafeZip zip;
        private final ProgressListener progress;
        /** Checks by section, in the order they are reported; {@link #checks} points at the current one. */
        private final Map<String, List<Check>> sections = new LinkedHashMap<>();
        private List<Check> checks;
        /** The payload's hashing, begun by {@link #startEarly} or else at the start of {@link #runChecks}. */
        private Hashing hashing;
        private Map<String, java.util.concurrent.Future<String>> hashes;
        private List<ManifestFile.Line> manifestLines;
        private String manifestProblem;
        private final Map<String, CheckResult> payloadResults = new HashMap<>();
        /** Files already reported as damaged in the ZIP (ZIP_ENTRY). */
        private final Set<String> damaged = new java.util.HashSet<>();
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final List<TimestampInfo> timestamps = new ArrayList<>();
        private final List<ItemResult> items = new ArrayList<>();
        private BagInfo bagInfo;
        private JsonNode caseJson;
        private String caseJsonProblem;
        private SignerInfo signer;
        private byte[] tagmanifest;
        private String signerMismatch;
        /** The bundle signature's long-term verdict, once known (it vouches for the PDFs' bytes). */
        private BundleChecks.LongTermOutcome bundleLongTerm;
        /** Long-term validations started early on their own thread (EU DSS), by target. */
        private final Map<String, java.util.concurrent.Future<BundleChecks.LongTermOutcome>> longTermRuns = new HashMap<>();

        Run(SafeZip zip, ProgressListener progress, Hashing early) {
            this.zip = zip;
            this.progress = progress;
            this.hashing = early;
        }

        private void section(String name) {
            checks = sections.computeIfAbsent(name, k -> new ArrayList<>());
        }

        VerificationReport run() throws IOException {
            for (String name : List.of("zip", "bagit", "baginfo", "tags", "payload", "case", "custody", "provenance",
                    "signature",
                    "timestamps", "items", "reports")) {
                sections.put(name, new ArrayList<>());
            }
            section("zip");
            List<Check> zipChecks = zip.violations();
            if (zipChecks.isEmpty()) {
                checks.add(Check.passed(CheckCode.ZIP_ENTRY, "", "Every entry of the ZIP is a plain file or folder inside the"
                        + " single folder '" + zip.rootName() + "', with a safe name, and its local headers and central"
                        + " directory describe the same entries byte for byte."));
            } else {
                checks.addAll(zipChecks);
            }
            try {
                runChecks();
            } catch (IOException e) {
                // a damaged entry met while reading: every check so far stands, and the bundle fails
                checks.add(Check.failed(CheckCode.ZIP_ENTRY, "", "The bundle could not be read to the end ("
                        + e.getMessage() + "); it cannot be trusted."));
            }
            List<Check> all = new ArrayList<>();
            sections.values().forEach(all::addAll);
            String caseNumber = caseJson != null && caseJson.path("case").hasNonNull("number")
                    ? caseJson.path("case").path("number").asText()
                    : bagInfo == null ? null : bagInfo.get("External-Identifier").orElse(null);
            return new VerificationReport(Verdicts.of(all), zip.rootName(), caseNumber, signer, timestamps, all,
                    items);
        }

        private void runChecks() throws IOException {
            // the payload is hashed on other cores while signatures, time-stamps and PDFs are checked here; it
            // starts first (when no early start began it), before anything else is read, because on two cores
            // it is the longest path
            if (hashing == null) {
                hashing = new Hashing(zip, crcRecheck, readBack);
            }
            java.util.concurrent.ExecutorService pool = hashing.pool;
            hashes = hashing.hashes;
            manifestLines = hashing.manifestLines;
            manifestProblem = hashing.manifestProblem;
            // EU DSS's long-term validations need only the signature, the tag manifest and the PDFs: they
            // start on their own thread once the tag manifest is read and run while the payload is hashed
            java.util.concurrent.ExecutorService ltPool = longTerm == null || trust == null ? null
                    : java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "verify-long-term");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                IOException manifestUnreadable = hashing.unreadable;
                section("bagit");
                declaration();
                section("baginfo");
                bagInfo();
                section("tags");
                tagManifest();
                startLongTerm(ltPool);
                if (manifestUnreadable != null) {
                    throw manifestUnreadable;
                }
                loadCaseJson();
                section("custody");
                custody();
                section("provenance"); // docs/bundle-format.md#provenance: each received bundle's hop
                checks.addAll(new ProvenanceChecks(trust, ledger).checkBundle(zip));
                section("signature");
                signature();
                section("timestamps");
                bundleTimestamps();
                section("items");
                itemTimestamps();
                section("reports");
                reports();
                section("payload");
                payloadManifest();
                section("case");
                caseJson();
                section("signature");
                expectations();
            } finally {
                pool.shutdownNow();
                if (ltPool != null) {
                    ltPool.shutdownNow();
                }
            }
            section("zip");
            for (String p : zip.paths()) {
                String damage = damaged.contains(p) ? null : zip.damage(p);
                if (damage != null) {
                    checks.removeIf(c -> c.code() == CheckCode.ZIP_ENTRY && c.result() == CheckResult.PASSED);
                    checks.add(Check.failed(CheckCode.ZIP_ENTRY, p, damage));
                }
            }
        }

        private void startLongTerm(java.util.concurrent.ExecutorService ltPool) {
            if (ltPool == null || tagmanifest == null || !zip.has(P7S)) {
                return;
            }
            final byte[] tags = tagmanifest;
            longTermRuns.put(P7S, ltPool.submit(() -> longTerm.cms(small(P7S), tags)));
            for (String p : zip.paths()) {
                if (p.startsWith("data/report/") && p.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                        && zip.size(p) <= SMALL) {
                    longTermRuns.put(p, ltPool.submit(() -> longTerm.pdf(zip.read(p, SMALL),
                            p.substring(p.lastIndexOf('/') + 1))));
                }
            }
        }

        /** The early run's outcome for {@code target}, or {@code now} computed here when there was none. */
        private BundleChecks.LongTermOutcome longTermOf(String target,
                                                         java.util.function.Supplier<BundleChecks.LongTermOutcome> now) {
            java.util.concurrent.Future<BundleChecks.LongTermOutcome> f = longTermRuns.get(target);
            if (f == null) {
                return now.get();
            }
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return null; // cannot be read: reported INDETERMINATE as when DSS cannot read the signature
            }
        }

        private String hashOf(String path) throws IOException {
            java.util.concurrent.Future<String> f = hashes.get(path);
            try {
                return f == null ? zip.sha256(path) : f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing " + path, e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }

        private void loadCaseJson() throws IOException {
            if (manifestLines != null) {
                for (ManifestFile.Line l : manifestLines) {
                    if (l.path().startsWith("data/")) {
                        manifest.putIfAbsent(l.path(), l.sha256());
                    }
                }
            }
            String name = "data/case.json";
            if (!zip.has(name)) {
                return;
            }
            // hashed against the manifest first: a case.json that is not the sealed one is never parsed
            caseJsonProblem = manifestMismatch(name);
            if (caseJsonProblem == null && zip.size(name) > BoundedJson.MAX_CASE_JSON_BYTES) {
                caseJsonProblem = "data/case.json is " + zip.size(name) + " bytes, more than the "
                        + (BoundedJson.MAX_CASE_JSON_BYTES >> 20) + " MiB this verifier reads; it was not parsed.";
            }
            if (caseJsonProblem != null) {
                return;
            }
            try (InputStream in = zip.open(name)) {
                caseJson = BoundedJson.readCaseJson(in);
                if (!caseJson.isObject()) {
                    caseJson = null;
                    caseJsonProblem = "data/case.json is not a JSON object.";
                }
            } catch (IOException e) {
                caseJson = null;
                caseJsonProblem = "data/case.json cannot be read: " + e.getMessage() + ".";
            }
        }

        /**
         * Null when {@code path} is listed in the manifest and its bytes have that SHA-256; else a sentence
         * saying why the file is not read. Uses the hash already being computed for the payload check.
         */
        private String manifestMismatch(String path) throws IOException {
            if (manifestLines == null) {
                return path + " cannot be checked against manifest-sha256.txt, which is missing or unreadable;"
                        + " it was not read.";
            }
            String listed = manifest.get(path);
            if (listed == null) {
                return path + " is not listed in manifest-sha256.txt; it was not read.";
            }
            String actual = hashOf(path);
            if (!listed.equals(actual)) {
                return path + " does not match manifest-sha256.txt (SHA-256 " + actual + ", manifest " + listed
                        + "); it was changed after sealing and was not read.";
            }
            return null;
        }

        private byte[] small(String path) throws IOException {
            return zip.read(path, SMALL);
        }

        private void declaration() throws IOException {
            if (!zip.has("bagit.txt")) {
                checks.add(Check.failed(CheckCode.BAGIT_DECLARATION, "bagit.txt", "bagit.txt is missing, so this is not a"
                        + " complete BagIt bag (RFC 8493 §2.1.1)."));
                return;
            }
            String s = new String(small("bagit.txt"), StandardCharsets.UTF_8);
            if (s.equals(BAGIT_TXT)) {
                checks.add(Check.passed(CheckCode.BAGIT_DECLARATION, "bagit.txt", "bagit.txt declares BagIt 1.0 with UTF-8 tag"
                        + " files."));
            } else {
                checks.add(Check.failed(CheckCode.BAGIT_DECLARATION, "bagit.txt", "bagit.txt does not read exactly"
                        + " 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8'; it was changed."));
            }
        }

        private void bagInfo() throws IOException {
            if (!zip.has("bag-info.txt")) {
                checks.add(Check.failed(CheckCode.BAG_INFO, "bag-info.txt", "bag-info.txt is missing."));
                return;
            }
            try {
                bagInfo = BagInfo.parse(small("bag-info.txt"));
            } catch (BagFormatException e) {
                checks.add(Check.failed(CheckCode.BAG_INFO, "bag-info.txt", e.getMessage()));
                return;
            }
            List<String> missing = BagInfo.REQUIRED.stream().filter(l -> bagInfo.get(l).isEmpty()).toList();
            if (!missing.isEmpty()) {
                checks.add(Check.failed(CheckCode.BAG_INFO, "bag-info.txt", "bag-info.txt lacks " + String.join(", ", missing)
                        + "."));
            } else if (!bagInfo.get("Sakshi-Bundle-Id").orElse("").equals(zip.rootName())) {
                checks.add(Check.failed(CheckCode.BAG_INFO, "bag-info.txt", "bag-info.txt names bundle "
                        + bagInfo.get("Sakshi-Bundle-Id").orElse("") + " but the bag folder is " + zip.rootName() + "."));
            } else if (!"1".equals(bagInfo.get("Sakshi-Bundle-Version").orElse(""))) {
                checks.add(Check.failed(CheckCode.BAG_INFO, "bag-info.txt", "bag-info.txt declares bundle format version "
                        + bagInfo.get("Sakshi-Bundle-Version").orElse("") + "; this verifier reads version 1."));
            } else {
                checks.add(Check.passed(CheckCode.BAG_INFO, "bag-info.txt", "bag-info.txt holds every required field."));
            }
        }

        private void tagManifest() throws IOException {
            String name = "tagmanifest-sha256.txt";
            if (!zip.has(name)) {
                checks.add(Check.failed(CheckCode.TAG_HASH, name, name + " is missing, so the tag files cannot be checked."));
                return;
            }
            tagmanifest = small(name);
            List<ManifestFile.Line> lines;
            try {
                lines = ManifestFile.parse(tagmanifest, name);
            } catch (BagFormatException e) {
                checks.add(Check.failed(CheckCode.TAG_HASH, name, e.getMessage()));
                return;
            }
            Set<String> listed = new LinkedHashSet<>();
            boolean allOk = true;
            for (ManifestFile.Line l : lines) {
                listed.add(l.path());
                if (l.path().startsWith("data/") || BagPath.unsafeReason(l.path()) != null) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, l.path(), name + " lists '" + l.path()
                            + "', which is not a tag file of this bag."));
                    allOk = false;
                } else if (!zip.has(l.path())) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, l.path(), l.path() + " is listed in " + name
                            + " but is missing from the bundle."));
                    allOk = false;
                } else {
                    String actual;
                    try {
                        actual = zip.sha256(l.path());
                    } catch (SafeZip.ZipDataException e) {
                        damaged.add(l.path());
                        checks.add(Check.failed(CheckCode.ZIP_ENTRY, l.path(), e.getMessage()));
                        allOk = false;
                        continue;
                    }
                    if (!actual.equals(l.sha256())) {
                        checks.add(Check.failed(CheckCode.TAG_HASH, l.path(), l.path() + " has been changed: its SHA-256 is "
                                + actual + " but " + name + " records " + l.sha256() + "."));
                        allOk = false;
                    }
                }
            }
            for (String required : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt")) {
                if (!listed.contains(required)) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, required, required + " is not listed in " + name
                            + ", so it is not protected by the signature."));
                    allOk = false;
                }
            }
            for (String p : zip.paths()) {
                if (!p.startsWith("data/") && !p.startsWith("signature/") && !p.equals(name) && !listed.contains(p)) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, p, p + " is in the bundle but not listed in " + name
                            + "; it was added after the bundle was sealed."));
                    allOk = false;
                }
                if (p.startsWith("signature/") && !p.equals(P7S) && !TSR.matcher(p).matches()) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, p, p + " is not a signature or time-stamp file this format"
                            + " knows; it was added after the bundle was sealed."));
                    allOk = false;
                }
                if (p.equals("fetch.txt")) {
                    checks.add(Check.failed(CheckCode.TAG_HASH, p, "fetch.txt is present; Sakshi bundles fetch nothing."));
                    allOk = false;
                }
            }
            if (allOk) {
                checks.add(Check.passed(CheckCode.TAG_HASH, name, "All " + lines.size() + " tag files match " + name + "."));
            }
        }

        private void payloadManifest() throws IOException {
            String name = "manifest-sha256.txt";
            if (!zip.has(name)) {
                checks.add(Check.failed(CheckCode.MANIFEST, name, name + " is missing, so the evidence cannot be checked."));
                return;
            }
            if (manifestProblem != null) {
                checks.add(Check.failed(CheckCode.MANIFEST, name, manifestProblem));
                return;
            }
            List<ManifestFile.Line> lines = manifestLines;
            manifest.clear();
            long total = 0;
            for (ManifestFile.Line l : lines) {
                if (zip.has(l.path())) {
                    total += zip.size(l.path());
                }
            }
            long done = 0;
            int ok = 0;
            for (ManifestFile.Line l : lines) {
                if (!l.path().startsWith("data/") || manifest.containsKey(l.path())) {
                    checks.add(Check.failed(CheckCode.MANIFEST, l.path(), name + " lists '" + l.path()
                            + "' twice or outside data/; the manifest was edited."));
                    continue;
                }
                manifest.put(l.path(), l.sha256());
                if (!zip.has(l.path())) {
                    payloadResults.put(l.path(), CheckResult.FAILED);
                    checks.add(Check.failed(CheckCode.PAYLOAD_MISSING, l.path(), l.path() + " is listed in the manifest but"
                            + " is missing from the bundle."));
                    continue;
                }
                progress.progress(done, total, l.path());
                String actual;
                try {
                    actual = hashOf(l.path());
                } catch (SafeZip.ZipDataException e) {
                    damaged.add(l.path());
                    payloadResults.put(l.path(), CheckResult.FAILED);
                    checks.add(Check.failed(CheckCode.ZIP_ENTRY, l.path(), e.getMessage()));
                    continue;
                }
                done += zip.size(l.path());
                if (actual.equals(l.sha256())) {
                    payloadResults.put(l.path(), CheckResult.PASSED);
                    ok++;
                } else {
                    payloadResults.put(l.path(), CheckResult.FAILED);
                    checks.add(Check.failed(CheckCode.PAYLOAD_HASH, l.path(), l.path() + " has been changed: its SHA-256 is "
                            + actual + " but the manifest records " + l.sha256() + "."));
                }
            }
            progress.progress(total, total, "");
            if (ok == manifest.size() && ok > 0) {
                checks.add(Check.passed(CheckCode.PAYLOAD_HASH, "data/", crcRecheck
                        ? "All " + ok + " files under data/ read back with the CRC-32 recorded while their SHA-256 was"
                        + " checked against manifest-sha256.txt."
                        : "All " + ok + " files under data/ match manifest-sha256.txt byte for byte."));
            }
            boolean unlisted = false;
            long bytes = 0;
            int count = 0;
            for (String p : zip.paths()) {
                if (p.startsWith("data/")) {
                    bytes += zip.size(p);
                    count++;
                    if (!manifest.containsKey(p)) {
                        unlisted = true;
                        checks.add(Check.failed(CheckCode.PAYLOAD_UNLISTED, p, p + " is in the bundle but not in the"
                                + " manifest; it was added after the bundle was sealed."));
                    }
                }
            }
            if (!unlisted) {
                checks.add(Check.passed(CheckCode.PAYLOAD_UNLISTED, "data/", "Every file under data/ is listed in the"
                        + " manifest."));
            }
            if (bagInfo != null && bagInfo.get("Payload-Oxum").isPresent()) {
                String declared = bagInfo.get("Payload-Oxum").get();
                String actual = bytes + "." + count;
                if (declared.equals(actual)) {
                    checks.add(Check.passed(CheckCode.PAYLOAD_OXUM, "bag-info.txt", "The payload holds " + count + " files, "
                            + bytes + " bytes, as bag-info.txt declares."));
                } else {
                    checks.add(Check.failed(CheckCode.PAYLOAD_OXUM, "bag-info.txt", "bag-info.txt declares Payload-Oxum "
                            + declared + " but the payload holds " + actual + " (bytes.files)."));
                }
            }
        }

        private void caseJson() throws IOException {
            String name = "data/case.json";
            if (!zip.has(name)) {
                checks.add(Check.failed(CheckCode.CASE_JSON, name, "data/case.json is missing."));
                return;
            }
            if (caseJson == null) {
                checks.add(Check.failed(CheckCode.CASE_JSON, name, caseJsonProblem != null ? caseJsonProblem
                        : "data/case.json is not valid JSON."));
                return;
            }
            List<String> problems = new ArrayList<>();
            if (!"sakshi-bundle".equals(caseJson.path("format").asText()) || caseJson.path("version").asInt() != 1) {
                problems.add("it does not declare format 'sakshi-bundle' version 1");
            }
            if (!zip.rootName().equals(caseJson.path("bundle_id").asText())) {
                problems.add("its bundle_id '" + caseJson.path("bundle_id").asText() + "' is not the bag folder's name '"
                        + zip.rootName() + "'");
            }
            for (JsonNode item : caseJson.path("items")) {
                String id = item.path("id").asText();
                String path = item.path("path").asText();
                String sha = item.path("sha256").asText();
                String listed = manifest.get(path);
                if (listed == null) {
                    problems.add("item " + id + " points at '" + path + "', which the manifest does not list");
                } else if (!listed.equals(sha)) {
                    problems.add("item " + id + " records SHA-256 " + sha + " but the manifest lists " + listed
                            + " for " + path);
                }
                CheckResult r = payloadResults.getOrDefault(path, CheckResult.FAILED);
                if (listed != null && !listed.equals(sha)) {
                    r = CheckResult.FAILED;
                }
                items.add(new ItemResult(id, path, sha, r));
            }
            if (problems.isEmpty()) {
                checks.add(Check.passed(CheckCode.CASE_JSON, name, "data/case.json describes " + items.size()
                        + " items whose hashes equal the manifest's."));
            } else {
                for (String pr : problems) {
                    checks.add(Check.failed(CheckCode.CASE_JSON, name, "data/case.json: " + pr + "."));
                }
            }
        }

        private void custody() throws IOException {
            String file = caseJson != null && caseJson.path("custody").hasNonNull("file")
                    ? caseJson.path("custody").path("file").asText() : "data/custody/custody-log.jsonl";
            if (!zip.has(file)) {
                checks.add(Check.failed(CheckCode.CUSTODY_CHAIN, file, "The custody log " + file + " is missing."));
                return;
            }
            String notSealed = manifestMismatch(file);
            if (notSealed != null) {
                checks.add(Check.failed(CheckCode.CUSTODY_CHAIN, file, notSealed));
                return;
            }
            if (ledger == null) {
                checks.add(Check.indeterminate(CheckCode.CUSTODY_CHAIN, file, "This build cannot recompute the custody chain."));
                return;
            }
            BundleChecks.ChainOutcome chain;
            try (InputStream in = zip.open(file)) {
                chain = ledger.verify(in);
            } catch (IOException e) {
                checks.add(Check.failed(CheckCode.CUSTODY_CHAIN, file, "The custody log " + file + " cannot be read: "
                        + e.getMessage()));
                return;
            }
            if (chain.intact()) {
                checks.add(Check.passed(CheckCode.CUSTODY_CHAIN, file, "The custody log's " + chain.events() + " events form an"
                        + " unbroken hash chain."));
            } else {
                String seq = chain.firstBadSeq() == null ? "" : "seq " + chain.firstBadSeq();
                checks.add(Check.failed(CheckCode.CUSTODY_CHAIN, file, "The custody log is broken"
                        + (seq.isEmpty() ? "" : " at " + seq) + ": " + chain.message()));
            }
            if (chain.intact()) {
                custodySignedHeads(file);
            }
            String head = chain.head() == null ? "" : chain.head();
            String inCase = caseJson == null ? null : caseJson.path("custody").path("head").asText(null);
            String inBag = bagInfo == null ? null : bagInfo.get("Sakshi-Custody-Head").orElse(null);
            long count = caseJson == null ? -1 : caseJson.path("custody").path("count").asLong(-1);
            if (head.equals(inCase) && head.equals(inBag) && count == chain.events()) {
                checks.add(Check.passed(CheckCode.CUSTODY_HEAD, file, "The custody log's last hash " + head
                        + " equals the head recorded in case.json and bag-info.txt."));
            } else {
                checks.add(Check.failed(CheckCode.CUSTODY_HEAD, file, "The custody log ends at " + head + " (" + chain.events()
                        + " events) but case.json records " + inCase + " (" + count + " events) and bag-info.txt "
                        + inBag + "; events were added or removed."));
            }
        }

        /**
         * docs/custody-ledger.md#signed-heads and #anchors: the log's signed-head file (listed in the
         * manifest, so already hashed) matches the log, every head's signature verifies with a key
         * enrolled in the log, every event is covered, and every LEDGER_ANCHORED head and token is
         * right. Key trust is not asked: the bundle's own signature vouches for the log as a whole.
         * A log without enrolled keys comes from a Sakshi older than signed heads: a WARNING.
         */
        private void custodySignedHeads(String logFile) throws IOException {
            String heads = CUSTODY_HEADS;
            List<String> headLines = null;
            if (zip.has(heads)) {
                headLines = new String(small(heads), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            }
            org.sakshi.core.ledger.LedgerVerifier v = new org.sakshi.core.ledger.LedgerVerifier(headLines, null,
                    trust == null ? null : (token, sha256) -> {
                        BundleChecks.TokenOutcome t = trust.verifyToken(token, sha256);
                        return t.valid() ? null : t.problem() == null ? "the token is not valid" : t.problem();
                    });
            boolean enrolled = false;
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(zip.open(logFile),
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        enrolled |= line.contains("\"key_sha256\"");
                        v.acceptLine(line);
                    }
                }
            }
            org.sakshi.core.ledger.LedgerVerdict r = v.result();
            if (headLines == null && !enrolled) {
                checks.add(Check.warning(CheckCode.CUSTODY_SIGNED_HEADS, heads, "The custody log carries no signed heads:"
                        + " it was sealed by a Sakshi older than signed heads, so only the bundle's own signature"
                        + " vouches for it."));
            } else if (r.intact()) {
                checks.add(Check.passed(CheckCode.CUSTODY_SIGNED_HEADS, heads, "Every custody event is covered by a valid"
                        + " signed head (" + r.signedHeads() + " head(s), " + r.keys().size() + " enrolled key(s)) and "
                        + r.anchors() + " ledger anchor(s) match the log."));
            } else {
                checks.add(Check.failed(CheckCode.CUSTODY_SIGNED_HEADS, heads, "The custody log fails its signed heads ("
                        + r.fault() + (r.firstBadSeq() == null ? "" : " at seq " + r.firstBadSeq()) + "): "
                        + r.message() + "."));
            }
        }

        private void signature() throws IOException {
            if (!zip.has(P7S)) {
                checks.add(Check.failed(CheckCode.SIGNATURE, P7S, "The bundle is not signed: " + P7S + " is missing."));
                return;
            }
            if (tagmanifest == null) {
                checks.add(Check.failed(CheckCode.SIGNATURE, P7S, "The signature cannot be checked without"
                        + " tagmanifest-sha256.txt."));
                return;
            }
            if (trust == null) {
                checks.add(Check.indeterminate(CheckCode.SIGNATURE, P7S, "This build cannot check CMS signatures."));
                return;
            }
            BundleChecks.SignatureOutcome s = trust.verifyCms(small(P7S), tagmanifest);
            signer = new SignerInfo(s.subject(), s.certSha256(), s.intact() && s.trusted());
            if (!s.intact()) {
                checks.add(Check.failed(CheckCode.SIGNATURE, P7S, "The signature over tagmanifest-sha256.txt is not valid: "
                        + s.problem()));
                return;
            }
            String chainProblem = embeddedChainProblem(s);
            if (chainProblem != null) {
                checks.add(Check.failed(CheckCode.SIGNATURE, P7S, chainProblem));
                return;
            }
            checks.add(Check.passed(CheckCode.SIGNATURE, P7S, "tagmanifest-sha256.txt is signed by " + s.subject()
                    + " and unchanged since."));
            signerRole(s);
            if (s.trusted()) {
                checks.add(Check.passed(CheckCode.SIGNER_TRUST, P7S, "The signer's certificate chains to a trusted root."));
            } else {
                checks.add(Check.indeterminate(CheckCode.SIGNER_TRUST, P7S, "The signer " + s.subject()
                        + " does not chain to a trusted root"
                        + (s.trustProblem() == null ? "" : " (" + s.trustProblem() + ")")
                        + "; give the agency's CA certificate with --trust."));
            }
            if (longTerm != null) {
                final byte[] p7s = small(P7S);
                bundleLongTerm = longTermOf(P7S, () -> longTerm.cms(p7s, tagmanifest));
                longTermChecks(P7S, "The bundle signature", bundleLongTerm, true);
            }
        }

        /**
         * LONG_TERM from a DSS verdict: PASSED and FAILED as DSS says; INDETERMINATE as DSS says, except an
         * advisory WARNING when nobody could ever check revocation (the certificate names no revocation
         * service) or, for a PDF, when the bundle signature's archive time-stamp vouches for its bytes.
         */
        private void longTermChecks(String target, String what, BundleChecks.LongTermOutcome o, boolean bundleSig) {
            java.time.Instant at = longTerm.at();
            if (o == null) {
                checks.add(Check.indeterminate(CheckCode.LONG_TERM, target, what + " cannot be read by the"
                        + " long-term validator (EU DSS)."));
                return;
            }
            String level = o.level() == null ? "an unknown level" : o.level();
            switch (o.result()) {
                case PASSED -> {
                    checks.add(Check.passed(CheckCode.LONG_TERM, target, what + " passes long-term validation"
                            + " (EU DSS, ETSI EN 319 102-1) as of " + at + " at " + level
                            + (o.bestSignatureTime() == null ? "" : "; it existed at " + o.bestSignatureTime())
                            + (o.archives().size() > 1 ? "; archive time-stamps " + o.archives() + " (renewed "
                            + (o.archives().size() - 1) + " time(s))"
                            : o.lastArchive() == null ? "" : "; archive time-stamp " + o.lastArchive()) + "."));
                    if (!o.archived()) {
                        checks.add(Check.warning(CheckCode.LONG_TERM, target, what + " is valid today but not sealed"
                                + " for the long term (" + level + ", no archive time-stamp): run 'sakshi extend'"
                                + " while its certificates are valid."));
                    } else if (bundleSig && o.archiveExpiry() != null
                            && o.archiveExpiry().isBefore(at.plus(java.time.Duration.ofDays(365)))) {
                        checks.add(Check.warning(CheckCode.RENEWAL_DUE, target, "The certificate of the TSA that made"
                                + " the last archive time-stamp (" + o.lastArchive() + ") expires " + o.archiveExpiry()
                                + ": run 'sakshi renew' on this bundle before then, or its long-term proof ends."));
                    }
                }
                case FAILED -> checks.add(Check.failed(CheckCode.LONG_TERM, target, what + " fails long-term"
                        + " validation (EU DSS) as of " + at + ": " + o.summary() + "."));
                default -> {
                    if (!o.revocable() && !o.archived()) {
                        checks.add(Check.warning(CheckCode.LONG_TERM, target, what + " cannot be validated for the"
                                + " long term: its certificate names no revocation service (no OCSP, no CRL), so its"
                                + " revocation can never be checked (EU DSS: " + o.summary() + ")."));
                    } else if (!bundleSig && bundleLongTerm != null && bundleLongTerm.archived()
                            && bundleLongTerm.result() == CheckResult.PASSED) {
                        checks.add(Check.warning(CheckCode.LONG_TERM, target, what + "'s own long-term proof is"
                                + " incomplete (EU DSS: " + o.summary() + "); its bytes are covered by the bundle"
                                + " signature's archive time-stamp, which passes."));
                    } else {
                        checks.add(Check.indeterminate(CheckCode.LONG_TERM, target, what + " is not proven for the"
                                + " long term as of " + at + " (EU DSS: " + o.summary() + ")"
                                + (o.archived() ? "." : "; it carries no revocation data: run 'sakshi extend' online,"
                                + " or verify with --online.")));
                    }
                }
            }
        }

        /** The signer must be the exporter the sealed records name, and the pinned signer when one is expected. */
        private void signerRole(BundleChecks.SignatureOutcome s) throws IOException {
            String cert = s.certSha256();
            List<String> problems = new ArrayList<>();
            if (signerMismatch != null) {
                problems.add(signerMismatch);
            }
            String recorded = caseJson == null ? null : caseJson.path("exported_by").path("cert_sha256").asText(null);
            if (recorded == null || !recorded.equalsIgnoreCase(cert)) {
                problems.add("The bundle is signed with certificate " + cert + " but case.json names the exporting"
                        + " officer's certificate " + recorded + "; someone other than the exporting officer sealed it.");
            }
            List<ExportEvent> recordedBy = new ArrayList<>();
            String logProblem = exportEvents(recordedBy);
            if (logProblem != null) {
                problems.add(logProblem);
            } else {
                for (ExportEvent r : recordedBy) {
                    if (!r.certSha256().equalsIgnoreCase(cert)) {
                        problems.add("The custody log records the export of this bundle at seq " + r.seq()
                                + " by certificate " + r.certSha256() + ", but the bundle is signed with certificate "
                                + cert + " (" + s.subject() + "); it was re-sealed by someone else.");
                    }
                }
            }
            if (expectedSigner != null && !expectedSigner.equalsIgnoreCase(cert)) {
                problems.add("The bundle is signed with certificate " + cert + " (" + s.subject()
                        + ") but the expected signer is " + expectedSigner + ".");
            }
            if (problems.isEmpty()) {
                checks.add(Check.passed(CheckCode.SIGNER_MISMATCH, P7S, "The signer " + s.subject() + " is the exporting"
                        + " officer that the custody log (seq " + recordedBy.stream().map(ExportEvent::seq)
                        .collect(java.util.stream.Collectors.joining(", ")) + ") and case.json record"
                        + (expectedSigner != null ? ", and the expected signer." : ".")));
            } else {
                for (String p : problems) {
                    checks.add(Check.failed(CheckCode.SIGNER_MISMATCH, P7S, p));
                }
            }
        }

        /**
         * Collects the custody log's EXPORT_STARTED / EXPORT_SEALED events for this bundle; returns why they
         * cannot be had (log not sealed, unreadable, or no such event), else null.
         */
        private String exportEvents(List<ExportEvent> out) throws IOException {
            String file = "data/custody/custody-log.jsonl";
            if (!zip.has(file)) {
                return "The custody log is missing, so nothing records who exported this bundle.";
            }
            String notSealed = manifestMismatch(file);
            if (notSealed != null) {
                return "Who exported this bundle cannot be read from the custody log: " + notSealed;
            }
            String id = zip.rootName();
            try (InputStream in = zip.open(file)) {
                BoundedJson.lines(in, (n, line) -> {
                    JsonNode e = BoundedJson.readEvent(line);
                    String type = e.path("type").asText("");
                    if ((type.equals("EXPORT_STARTED") || type.equals("EXPORT_SEALED"))
                            && id.equals(e.path("details").path("bundle_id").asText(null))) {
                        out.add(new ExportEvent(e.path("seq").asText("?"),
                                e.path("actor").path("cert_sha256").asText("none")));
                    }
                });
            } catch (IOException e) {
                return "Who exported this bundle cannot be read from the custody log: " + e.getMessage() + ".";
            }
            if (out.isEmpty()) {
                return "The custody log records no export of bundle " + id + ", so nothing says who was to seal it.";
            }
            return null;
        }

        /** An expectation the reader gave that no check confirmed is never left to pass (docs/threat-model.md#who-signed-in-which-role). */
        private void expectations() {
            if (expectedSigner == null) {
                return;
            }
            boolean confirmed = sections.values().stream().flatMap(List::stream).anyMatch(c ->
                    c.code() == CheckCode.SIGNER_MISMATCH && c.result() == CheckResult.PASSED);
            boolean refuted = sections.values().stream().flatMap(List::stream).anyMatch(c ->
                    c.code() == CheckCode.SIGNER_MISMATCH && c.result() == CheckResult.FAILED);
            if (!confirmed && !refuted) {
                checks.add(Check.failed(CheckCode.SIGNER_MISMATCH, P7S, "The expected signer " + expectedSigner
                        + " could not be confirmed because the bundle's signature could not be checked."));
            }
        }

        /**
         * Every certificate carried inside the signature must be one of certs/signer-chain.pem, which the
         * tag manifest protects; the certificate set of a CMS is unsigned (RFC 5652 §5.1), so this is what
         * makes a change to it detectable.
         */
        private String embeddedChainProblem(BundleChecks.SignatureOutcome s) throws IOException {
            String pem = "certs/signer-chain.pem";
            java.util.Set<String> listed = pemSet(pem);
            if (listed == null) {
                return pem + " is missing or unreadable, so the certificates inside the signature cannot be checked.";
            }
            if (s.embedded().isEmpty() || !listed.contains(der(s.embedded().get(0)))) {
                // signed by someone else than the sealing officer: trust decides, the reader is told
                signerMismatch = "The signature was made with a certificate that is not the one in " + pem
                        + "; the bundle was re-signed after it was sealed.";
                return null;
            }
            // the certificate sets of a CMS and of its time-stamp token are unsigned (RFC 5652 §5.1):
            // they must be those the sealed certs/ files list, plus validation material a long-term seal adds
            // (CA, TSA and OCSP responder certificates, covered by its archive time-stamp) — never another
            // signing identity
            java.util.Set<String> tsaListed = pemSet("certs/tsa-chain.pem");
            for (java.security.cert.X509Certificate c : s.embedded()) {
                if (!listed.contains(der(c)) && !(tsaListed != null && tsaListed.contains(der(c)))
                        && !validationMaterial(c)) {
                    return "The signature file carries a certificate (" + c.getSubjectX500Principal().getName()
                            + ") that is not in " + pem + "; the signature file was altered.";
                }
            }
            java.util.Set<String> tsa = pemSet("certs/tsa-chain.pem");
            for (java.security.cert.X509Certificate c : s.embeddedTsa()) {
                if (tsa == null || !tsa.contains(der(c))) {
                    return "The time-stamp inside the signature file carries a certificate ("
                            + c.getSubjectX500Principal().getName() + ") that is not in certs/tsa-chain.pem; the"
                            + " signature file was altered.";
                }
            }
            return null;
        }

        /** A CA, TSA or OCSP responder certificate: chain and revocation material, not a signing identity. */
        private static boolean validationMaterial(java.security.cert.X509Certificate c) {
            if (c.getBasicConstraints() >= 0) {
                return true;
            }
            try {
                List<String> eku = c.getExtendedKeyUsage();
                return eku != null && !eku.isEmpty() && eku.stream().allMatch(o -> o.equals("1.3.6.1.5.5.7.3.8")
                        || o.equals("1.3.6.1.5.5.7.3.9"));
            } catch (java.security.cert.CertificateParsingException e) {
                return false;
            }
        }

        private java.util.Set<String> pemSet(String path) throws IOException {
            if (!zip.has(path)) {
                return null;
            }
            java.util.Set<String> out = new java.util.HashSet<>();
            try {
                for (java.security.cert.X509Certificate c : org.sakshi.signing.Pem.parseCertificates(small(path))) {
                    out.add(der(c));
                }
            } catch (java.security.cert.CertificateException e) {
                return null;
            }
            return out;
        }

        private static String der(java.security.cert.X509Certificate c) {
            try {
                return HexFormat.of().formatHex(c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                return "";
            }
        }

        private void bundleTimestamps() throws IOException {
            List<String> tokens = zip.paths().stream().filter(p -> TSR.matcher(p).matches()).toList();
            if (tokens.isEmpty()) {
                checks.add(Check.indeterminate(CheckCode.BUNDLE_TIMESTAMP, "signature/", "The bundle carries no time-stamp,"
                        + " so the time of sealing rests on the signer's word."));
                return;
            }
            if (tagmanifest == null) {
                return;
            }
            byte[] imprint = BundleZipWriter.sha256().digest(tagmanifest);
            for (String t : tokens) {
                token(CheckCode.BUNDLE_TIMESTAMP, t, imprint, "tagmanifest-sha256.txt");
            }
        }

        private void token(CheckCode code, String file, byte[] imprint, String what) throws IOException {
            if (trust == null) {
                checks.add(Check.indeterminate(code, file, "This build cannot check RFC 3161 time-stamps."));
                return;
            }
            BundleChecks.TokenOutcome o = trust.verifyToken(small(file), imprint);
            timestamps.add(new TimestampInfo(file, o.time(), o.tsa(), o.valid(), o.valid() && o.trusted()));
            if (o.valid() && file.startsWith("signature/")) {
                java.util.Set<String> tsa = pemSet("certs/tsa-chain.pem");
                for (java.security.cert.X509Certificate c : o.embedded()) {
                    if (tsa == null || !tsa.contains(der(c))) {
                        checks.add(Check.failed(code, file, "The time-stamp " + file + " carries a certificate ("
                                + c.getSubjectX500Principal().getName() + ") that is not in certs/tsa-chain.pem;"
                                + " the time-stamp file was altered or replaced."));
                        return;
                    }
                }
            }
            if (!o.valid()) {
                checks.add(Check.failed(code, file, "The time-stamp " + file + " does not prove the time of " + what
                        + ": " + o.problem()));
            } else if (!o.trusted()) {
                checks.add(Check.indeterminate(code, file, "The time-stamp " + file + " over " + what + " ("
                        + o.time() + ") is intact, but its authority " + o.tsa() + " does not chain to a trusted root"
                        + (o.trustProblem() == null ? "" : " (" + o.trustProblem() + ")")
                        + "; give the TSA's root certificate with --trust."));
            } else {
                checks.add(Check.passed(code, file, what + " existed unchanged at " + o.time() + " according to "
                        + o.tsa() + "."));
            }
        }

        private void itemTimestamps() throws IOException {
            if (caseJson == null) {
                return;
            }
            Instant exported = null;
            try {
                exported = Instant.parse(caseJson.path("exported_at").asText());
            } catch (DateTimeParseException ignored) {
                // reported by the time comparison being skipped
            }
            for (JsonNode item : caseJson.path("items")) {
                JsonNode ts = item.path("timestamp");
                String id = item.path("id").asText();
                if (ts.isMissingNode() || ts.isNull()) {
                    checks.add(Check.warning(CheckCode.ITEM_TIMESTAMP, id, "Item " + id + " was not time-stamped at import."));
                    continue;
                }
                String file = ts.path("file").asText("data/timestamps/" + id + ".tsr");
                if (!zip.has(file)) {
                    checks.add(Check.failed(CheckCode.ITEM_TIMESTAMP, file, "Item " + id + "'s time-stamp " + file
                            + " is missing."));
                    continue;
                }
                byte[] imprint;
                try {
                    imprint = HexFormat.of().parseHex(item.path("sha256").asText());
                } catch (IllegalArgumentException e) {
                    checks.add(Check.failed(CheckCode.ITEM_TIMESTAMP, file, "Item " + id + " has no valid SHA-256 in case.json."));
                    continue;
                }
                int before = timestamps.size();
                token(CheckCode.ITEM_TIMESTAMP, file, imprint, "item " + id);
                if (timestamps.size() > before && exported != null) {
                    TimestampInfo t = timestamps.get(timestamps.size() - 1);
                    if (t.valid() && t.time() != null && t.time().isAfter(exported)) {
                        checks.add(Check.failed(CheckCode.ITEM_TIMESTAMP, file, "Item " + id + "'s time-stamp (" + t.time()
                                + ") is later than the export (" + exported + "); it is not the import token."));
                    }
                }
            }
        }

        private void reports() throws IOException {
            List<String> pdfs = zip.paths().stream()
                    .filter(p -> p.startsWith("data/report/") && p.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
                    .toList();
            if (!zip.has("data/report/report.pdf")) {
                checks.add(Check.failed(CheckCode.REPORT_SIGNATURE, "data/report/report.pdf", "The report"
                        + " data/report/report.pdf is missing."));
            }
            for (String pdf : pdfs) {
                if (trust == null) {
                    checks.add(Check.indeterminate(CheckCode.REPORT_SIGNATURE, pdf, "This build cannot check PDF signatures."));
                    continue;
                }
                Path file = zip.extract(pdf);
                BundleChecks.SignatureOutcome s = trust.verifyPdf(file);
                if (!s.intact()) {
                    checks.add(Check.failed(CheckCode.REPORT_SIGNATURE, pdf, pdf + " is not validly signed: " + s.problem()));
                } else if (signer != null && signer.certSha256() != null
                        && !signer.certSha256().equals(s.certSha256())) {
                    checks.add(Check.failed(CheckCode.SIGNER_MISMATCH, pdf, pdf + " is signed by " + s.subject()
                            + " (certificate " + s.certSha256() + "), not by the bundle's signer " + signer.subject()
                            + " (certificate " + signer.certSha256() + "); the report was signed by someone else."));
                } else if (!s.trusted()) {
                    checks.add(Check.indeterminate(CheckCode.REPORT_SIGNATURE, pdf, pdf + " is signed by " + s.subject()
                            + " and unchanged, but the signer does not chain to a trusted root."));
                } else {
                    checks.add(Check.passed(CheckCode.REPORT_SIGNATURE, pdf, pdf + " is signed by " + s.subject()
                            + " over the whole document and unchanged since."));
                }
                if (longTerm != null && s.intact()) {
                    longTermChecks(pdf, pdf, longTermOf(pdf, () -> longTerm.pdf(file)), false);
                }
            }
            if (zip.has("data/report/report.pdf") && caseJson != null) {
                if (pdfText == null) {
                    checks.add(Check.indeterminate(CheckCode.REPORT_HASHES, "data/report/report.pdf", "This build cannot read"
                            + " PDF text."));
                    return;
                }
                // what the check below looks for; the text is read page by page only until all of it was seen
                // (the text so far is the start of the whole text, so the outcome is the same)
                List<String> wanted = new ArrayList<>();
                for (JsonNode item : caseJson.path("items")) {
                    wanted.add(item.path("sha256").asText());
                    String listed = manifest.get(item.path("path").asText());
                    if (listed != null) {
                        wanted.add(listed);
                    }
                }
                String text;
                try {
                    text = pdfText.text(zip.extract("data/report/report.pdf"), hex(wanted)
                            ? soFar -> wanted.stream().allMatch(flat(soFar)::contains) : soFar -> false);
                } catch (IOException e) {
                    checks.add(Check.failed(CheckCode.REPORT_HASHES, "data/report/report.pdf", "The report's text cannot be"
                            + " read: " + e.getMessage()));
                    return;
                }
                String flat = flat(text);
                List<String> absent = new ArrayList<>();
                for (JsonNode item : caseJson.path("items")) {
                    String sha = item.path("sha256").asText();
                    String listed = manifest.get(item.path("path").asText());
                    if (!flat.contains(sha) || (listed != null && !flat.contains(listed))) {
                        absent.add(item.path("id").asText());
                    }
                }
                if (absent.isEmpty()) {
                    checks.add(Check.passed(CheckCode.REPORT_HASHES, "data/report/report.pdf", "The report lists the same"
                            + " SHA-256 for every item as the manifest."));
                } else {
                    checks.add(Check.failed(CheckCode.REPORT_HASHES, "data/report/report.pdf", "The report does not list the"
                            + " manifest's SHA-256 for item(s) " + String.join(", ", absent) + "."));
                }
            }
        }
    }

    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");

    /** A report's text as REPORT_HASHES searches it: no white space, lower case. */
    static String flat(String text) {
        return SPACE.matcher(text).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether every string is made of the digits 0-9 and letters a-f only: such a string is found in the
     * flattened start of a text exactly when it is found there in the flattened whole text (lower-casing
     * changes no such character by its context).
     */
    static boolean hex(List<String> wanted) {
        for (String w : wanted) {
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An export event of the custody log for this bundle: its seq and the actor's certificate SHA-256. */
    private record ExportEvent(String seq, String certSha256) {
    }

    static List<String> lines(String s) {
        return Arrays.asList(s.split("\n"));
    }
}
