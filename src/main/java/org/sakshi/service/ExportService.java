package org.sakshi.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.sakshi.bundle.BagInfo;
import org.sakshi.bundle.BagNames;
import org.sakshi.bundle.BagPath;
import org.sakshi.bundle.BundleSealer;
import org.sakshi.bundle.CaseJson;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.ToolIdentity;
import org.sakshi.core.ledger.ChainResult;
import org.sakshi.core.ledger.ChainVerifier;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.report.PadesSigner;
import org.sakshi.report.RecordSource;
import org.sakshi.report.ReportData;
import org.sakshi.report.ReportWriter;
import org.sakshi.report.ThumbnailSource;
import org.sakshi.signing.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exporting a signed bundle (docs/bundle-format.md). Order of acts: EXPORT_STARTED is recorded (and,
 * when a TSA answers, LEDGER_ANCHORED over the new head) before anything is written, so both are
 * inside the bundle's custody log; the payload is staged (custody log JSONL + CSV, case.json,
 * derived files, the PAdES-signed report and certificates) and sealed by {@link BundleSealer}
 * (evidence streamed from the vault and re-hashed); EXPORT_SEALED with the bundle's SHA-256 is
 * recorded after the rename.
 */
public final class ExportService {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    static final String CUSTODY_JSONL = "data/custody/custody-log.jsonl";

    private final CaseAccess access;
    private final CaseService cases;
    private final EvidenceService evidence;
    private final CustodyService custody;
    private final ReportWriter reports;

    public ExportService(CaseAccess access, CaseService cases, EvidenceService evidence, CustodyService custody) {
        this.access = access;
        this.cases = cases;
        this.evidence = evidence;
        this.custody = custody;
        this.reports = new ReportWriter();
    }

    /**
     * Writes the bundle to {@code out.part}, re-reads and checks it, renames it to {@code out}. With
     * recipients, the bundle is sealed and checked as {@code <staging>/<name>.zip} inside the case's
     * owner-only staging folder, then streamed through the encryptor into {@code out.p7m.part}, which is
     * renamed to {@code out.p7m}; the plain ZIP is deleted at once and never reaches {@code out}'s folder.
     */
    public ExportResult export(Path caseDir, ExportRequest request, ProgressListener progress, CancelFlag cancel)
            throws SakshiException {
        if (request.signer() == null) {
            throw new InputException("export needs a signing identity (--keystore or --pkcs11).");
        }
        toolSha256OnTheSide();
        CaseInfo info = cases.open(caseDir);
        LedgerStatus ledger = custody.verify(caseDir);
        return export(caseDir, request, info, ledger, progress, cancel);
    }

    /** Opens the signing identity named for an export: a key store (with its password) or a token (with its PIN). */
    @FunctionalInterface
    public interface IdentityOpening {
        org.sakshi.core.Signer open() throws SakshiException;
    }

    /** The export request for the identity {@link IdentityOpening} opened. */
    @FunctionalInterface
    public interface RequestFor {
        ExportRequest request(org.sakshi.core.Signer signer) throws SakshiException;
    }

    /**
     * As {@link #export(Path, ExportRequest, ProgressListener, CancelFlag)}, with the identity opened on
     * another thread while the case is opened and its ledger checked on this one: a PKCS#12 key store's
     * key derivation is a few hundred milliseconds of CPU that used to come before the case was even
     * opened. The outcome is the same as opening the identity first, then making the request, then
     * exporting: a failure to open the identity is reported before anything the request or the case
     * check found, and the request's failure before the case's; nothing is recorded in the ledger before
     * all three succeeded.
     */
    public ExportResult export(Path caseDir, IdentityOpening identity, RequestFor request, ProgressListener progress,
                               CancelFlag cancel) throws SakshiException {
        java.util.concurrent.FutureTask<org.sakshi.core.Signer> opening = new java.util.concurrent.FutureTask<>(identity::open);
        Thread.ofPlatform().daemon().name("export-identity").start(opening);
        toolSha256OnTheSide();
        CaseInfo info = null;
        LedgerStatus ledger = null;
        SakshiException caseFault = null;
        try {
            info = cases.open(caseDir);
            ledger = custody.verify(caseDir);
        } catch (SakshiException e) {
            caseFault = e;
        }
        ExportRequest made = request.request(opened(opening));
        if (caseFault != null) {
            throw caseFault;
        }
        if (made.signer() == null) {
            throw new InputException("export needs a signing identity (--keystore or --pkcs11).");
        }
        return export(caseDir, made, info, ledger, progress, cancel);
    }

    /** The identity the side thread opened, or its failure; waits for it whatever interrupts this thread. */
    private static org.sakshi.core.Signer opened(java.util.concurrent.FutureTask<org.sakshi.core.Signer> opening)
            throws SakshiException {
        try {
            // the opening ends by itself (a file read and a key derivation, or a login)
            return org.sakshi.core.Waits.uninterruptibly(opening);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SakshiException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The SHA-256 of the tool's jar (bag-info.txt, taken once per process) is read on the side while the
     * case is opened and checked, instead of on the exporting thread just before the evidence streams.
     */
    private static void toolSha256OnTheSide() {
        Thread.ofPlatform().daemon().name("export-tool-sha256").start(ToolIdentity::jarSha256);
    }

    private ExportResult export(Path caseDir, ExportRequest request, CaseInfo info, LedgerStatus ledger,
                                ProgressListener progress, CancelFlag cancel) throws SakshiException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        if (!ledger.intact()) {
            throw new IntegrityException("the custody ledger of " + caseDir + " fails verification"
                    + (ledger.firstBadSeq() == null ? "" : " at seq " + ledger.firstBadSeq()) + " (" + ledger.fault()
                    + ": " + ledger.message() + "); no bundle was sealed. Run 'sakshi custody verify " + caseDir
                    + "', keep the case folder as it is and report it; do not export until the cause is known.");
        }
        List<Item> items = choose(evidence.items(caseDir), request.items(), caseDir);
        List<String> certificateIds = new ArrayList<>();
        for (CertificateKind kind : request.certificates()) {
            certificateIds.addAll(kind.templates());
        }
        // a missing template or translation stops the export before anything is recorded
        new ReportWriter(request.forms().templates()).checkTemplates(certificateIds, request.forms().languages(),
                request.forms().reportLanguage());
        // an encrypted export writes only OUT.p7m; the plain ZIP is sealed and checked inside the case folder
        Path out = request.encrypted() ? EncryptionService.encryptedName(request.out().toAbsolutePath())
                : request.out().toAbsolutePath();
        String zipName = request.encrypted() ? EncryptionService.decryptedName(out).getFileName().toString()
                : out.getFileName().toString();
        org.sakshi.core.OutputFiles.requireAbsent(out); // an existing file or a planted link: never written
        if (!Files.isDirectory(out.getParent())) {
            throw new InputException("the folder of " + out + " does not exist; create it first.");
        }
        for (X509Certificate r : request.recipients()) {
            org.sakshi.signing.BundleEncryptor.checkRecipient(r, Certificates.commonName(r), access.clock().now());
        }
        X509Certificate signerCert = request.signer().chain().get(0);
        Actor signerActor = request.signer().actor();
        Actor base = request.actor() != null ? request.actor() : signerActor;
        Actor actor = new Actor(base.name(), base.rank(), base.id(),
                base.agency() != null ? base.agency() : info.agency(), Certificates.sha256Hex(signerCert));
        String bundleId = UUID.randomUUID().toString();
        Instant now = access.clock().now();

        Map<String, Object> started = EventDetails.ExportStarted.of(bundleId, zipName,
                items.stream().map(Item::id).toList(), certificateIds,
                request.tsas().stream().map(TimestampSource::name).toList());
        custody.record(caseDir, actor, EventType.EXPORT_STARTED.name(), null, started);
        if (!request.tsas().isEmpty()) {
            try {
                custody.anchor(caseDir, actor, request.tsas());
            } catch (TimestampException e) {
                LOG.warn("ledger head not anchored for export {}: {}", bundleId, e.getMessage());
            }
        }

        WorkFolders.sweep(caseDir); // plain copies left by an export or receipt that crashed
        Path staging = caseDir.resolve("exports").resolve(WorkFolders.STAGING_PREFIX + bundleId);
        WorkFolders.Held held = null;
        try {
            org.sakshi.core.OwnerOnly.dir(staging); // holds copies of the evidence while the bundle is sealed
            held = WorkFolders.hold(staging); // a crash leaves it unlocked, and the next export removes it
            // encrypted: the plain ZIP is sealed and re-read in the owner-only staging folder, beside the
            // vault's own plain copies, and only ciphertext reaches the destination
            Path sealTo = request.encrypted() ? staging.resolve(zipName) : out;
            // the report thread adds a warning for each PDF it could not seal for the long term
            List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
            BundleSealer.Sealed sealed = stageAndSeal(caseDir, request, info, items, certificateIds, actor, bundleId,
                    now, staging, sealTo, warnings, p, c);
            long zipSize = Files.size(sealed.bundle());
            warnings.addAll(sealed.warnings());
            if (!request.encrypted()) {
                Map<String, Object> done = EventDetails.ExportSealed.of(bundleId, zipName, sealed.sha256(), zipSize,
                        sealed.verification().verdict().name());
                custody.record(caseDir, actor, EventType.EXPORT_SEALED.name(), null, done);
                return new ExportResult(sealed.bundle(), sealed.sha256(), bundleId, sealed.verification(), warnings,
                        null);
            }
            EncryptionService.Encrypted enc = new EncryptionService(access.clock()).encrypt(sealed.bundle(), out,
                    request.recipients(), sealed.sha256(), p, c);
            Files.deleteIfExists(sealed.bundle()); // at once; the staging folder goes too, below
            Map<String, Object> done = EventDetails.ExportSealed.ofEncrypted(bundleId, zipName, sealed.sha256(),
                    zipSize, sealed.verification().verdict().name(), out.getFileName().toString(), enc.sha256(),
                    enc.size(), enc.recipients());
            custody.record(caseDir, actor, EventType.EXPORT_SEALED.name(), null, done);
            return new ExportResult(enc.file(), sealed.sha256(), bundleId, sealed.verification(), warnings, enc);
        } catch (IOException e) {
            StorageException se = new StorageException("export of " + caseDir + " failed while staging files in "
                    + staging + ": " + e.getMessage() + "; nothing was written to " + out + ".", e);
            recordFailure(caseDir, actor, bundleId, se);
            throw se;
        } catch (SakshiException e) {
            recordFailure(caseDir, actor, bundleId, e);
            throw e;
        } finally {
            if (held != null) {
                held.close();
            }
            deleteTree(staging);
        }
    }

    /**
     * A recipient to encrypt a bundle to, read from a PEM (or DER) certificate file and checked (RSA
     * of 2048 bits or more, EC P-256 or P-384, valid now); for the export wizard's recipient list.
     */
    public X509Certificate recipient(Path pem) throws InputException {
        return new EncryptionService(access.clock()).recipient(pem);
    }

    /** The ledger says what happened: EXPORT_STARTED was recorded, so a failed export gets a NOTE. */
    private void recordFailure(Path caseDir, Actor actor, String bundleId, SakshiException cause) {
        try {
            custody.note(caseDir, actor, "Export of bundle " + bundleId + " did not complete; no bundle was kept: "
                    + cause.getMessage(), List.of());
        } catch (SakshiException e) {
            LOG.warn("could not record the failed export {}: {}", bundleId, e.getMessage());
        }
    }

    private static List<Item> choose(List<Item> all, List<String> wanted, Path caseDir) throws InputException {
        if (wanted.isEmpty()) {
            return all;
        }
        Map<String, Item> byId = new LinkedHashMap<>();
        for (Item i : all) {
            byId.put(i.id(), i);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Item> out = new ArrayList<>();
        for (String id : wanted) {
            Item i = byId.get(id.strip());
            if (i == null) {
                throw new InputException("item " + id + " is not in the case " + caseDir
                        + "; run 'sakshi items " + caseDir + "' for the ids.");
            }
            if (seen.add(i.id())) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparing(Item::id));
        return out;
    }

    private BundleSealer.Sealed stageAndSeal(Path caseDir, ExportRequest request, CaseInfo info, List<Item> items,
                                             List<String> certificateIds, Actor actor, String bundleId, Instant now,
                                             Path staging, Path sealTo, List<String> warnings, ProgressListener p,
                                             CancelFlag c)
            throws SakshiException, IOException {
        long t0 = System.nanoTime();
        List<BundleSealer.PayloadFile> payload = new ArrayList<>();
        // the custody log exactly as stored, and the same events as CSV
        Path jsonl = staging.resolve("custody-log.jsonl");
        try (OutputStream os = Files.newOutputStream(jsonl)) {
            custody.writeJsonl(caseDir, os);
        }
        ChainResult chain;
        try (Reader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            chain = ChainVerifier.verifyJsonl(r);
        }
        if (!chain.intact()) {
            throw new IntegrityException("the custody ledger of " + caseDir + " is broken"
                    + (chain.firstBadSeq() == null ? "" : " at seq " + chain.firstBadSeq()) + " (" + chain.message()
                    + "); no bundle was written. Run 'sakshi custody verify' and report it.");
        }
        // the signed heads, as the case holds them, must cover exactly the staged log
        Path heads = staging.resolve("custody-heads.jsonl");
        java.util.List<String> headLines = custody.headLines(caseDir);
        Files.write(heads, headLines == null ? List.of() : headLines, StandardCharsets.UTF_8);
        org.sakshi.core.ledger.LedgerVerifier signed = new org.sakshi.core.ledger.LedgerVerifier(headLines, null, null);
        try (java.io.BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            r.lines().filter(l -> !l.isBlank()).forEach(signed::acceptLine);
        }
        org.sakshi.core.ledger.LedgerVerdict sv = signed.result();
        if (!sv.intact()) {
            throw new IntegrityException("the custody ledger of " + caseDir + " is not covered by its signed heads"
                    + (sv.firstBadSeq() == null ? "" : " at seq " + sv.firstBadSeq()) + " (" + sv.message()
                    + "); no bundle was written. Run 'sakshi custody verify' and report it.");
        }
        Path csv = staging.resolve("custody-log.csv");
        try (OutputStream os = Files.newOutputStream(csv)) {
            custody.writeCsv(caseDir, os);
        }
        payload.add(new BundleSealer.PayloadFile(CUSTODY_JSONL, jsonl, null, "custody log"));
        payload.add(new BundleSealer.PayloadFile("data/custody/custody-log.csv", csv, null, "custody log (CSV)"));
        payload.add(new BundleSealer.PayloadFile(org.sakshi.bundle.BundleVerifier.CUSTODY_HEADS, heads, null,
                "custody log signed heads"));
        ReceiveService.provenancePayload(access, caseDir, payload); // docs/bundle-format.md#provenance

        List<CaseJson.ExportedItem> exported = new ArrayList<>();
        for (Item item : items) {
            c.throwIfCancelled();
            exported.add(stageItem(caseDir, item, staging, payload));
        }

        Path caseJson = staging.resolve("case.json");
        Files.write(caseJson, CaseJson.render(bundleId, now, actor, toolVersion(), info, CUSTODY_JSONL, chain.events(),
                chain.head(), exported));
        payload.add(new BundleSealer.PayloadFile("data/case.json", caseJson, null, "case.json"));

        // the report and the certificates, PAdES-signed by the same identity, are made on another thread
        // while the evidence streams into the bundle (they are written after it, as before)
        java.util.concurrent.ExecutorService later = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-report");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<List<BundleSealer.PayloadFile>> reportFiles = later.submit(() ->
                    stageReports(caseDir, request, info, items, certificateIds, actor, bundleId, now, chain, staging,
                            warnings));
            LOG.info("export {}: staged custody log, case.json and derived files in {} ms; report and {} certificate(s)"
                    + " being made", bundleId, (System.nanoTime() - t0) / 1_000_000, certificateIds.size());
            return seal(request, info, actor, bundleId, now, chain, payload, reportFiles, sealTo, p, c);
        } finally {
            // the staging folder is deleted after this returns: the report thread must have stopped
            later.shutdownNow();
            try {
                if (!later.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("export {}: the report thread did not stop", bundleId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Renders and PAdES-signs the report and the certificates into {@code staging}. */
    private List<BundleSealer.PayloadFile> stageReports(Path caseDir, ExportRequest request, CaseInfo info,
                                                        List<Item> items, List<String> certificateIds, Actor actor,
                                                        String bundleId, Instant now, ChainResult chain, Path staging,
                                                        List<String> warnings)
            throws SakshiException, IOException {
        long t0 = System.nanoTime();
        List<BundleSealer.PayloadFile> payload = new ArrayList<>();
        TimestampSource firstTsa = request.tsas().isEmpty() ? null : request.tsas().get(0);
        List<CustodyEvent> events = custody.events(caseDir);
        RecordSource records = (item, consumer) -> {
            try {
                evidence.records(caseDir, item.id(), consumer::accept);
            } catch (SakshiException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
        ThumbnailSource thumbs = item -> {
            try {
                return evidence.thumbnail(caseDir, item.id());
            } catch (SakshiException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
        ReportData data = new ReportData(info, bundleId, now, actor, toolVersion(), chain.head(), items, events,
                records, thumbs);
        Path unsigned = staging.resolve("report-unsigned.pdf");
        try (OutputStream os = Files.newOutputStream(unsigned)) {
            new ReportWriter(request.forms().templates()).writeReport(data, request.forms().reportLanguage(), os);
        }
        Path report = staging.resolve("report.pdf");
        new PadesSigner().sign(unsigned, report, request.signer(), firstTsa);
        longTerm(request, report, "data/report/report.pdf", warnings);
        payload.add(new BundleSealer.PayloadFile("data/report/report.pdf", report, null, "report"));
        for (String id : certificateIds) {
            Path u = staging.resolve("certificate-" + id + "-unsigned.pdf");
            try (OutputStream os = Files.newOutputStream(u)) {
                new ReportWriter(request.forms().templates())
                        .writeCertificate(id, data, request.forms().templateValues(), request.forms().languages(), os);
            }
            Path s = staging.resolve("certificate-" + id + ".pdf");
            new PadesSigner().sign(u, s, request.signer(), firstTsa);
            longTerm(request, s, "data/report/certificate-" + id + ".pdf", warnings);
            payload.add(new BundleSealer.PayloadFile("data/report/certificate-" + id + ".pdf", s, null,
                    "certificate " + id));
        }

        LOG.info("export {}: report and {} certificate(s) made and signed in {} ms", bundleId, certificateIds.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return payload;
    }

    /** How long one OCSP, CRL or caIssuers request may take while sealing. */
    static final java.time.Duration REVOCATION_TIMEOUT = LongTermPdf.REVOCATION_TIMEOUT;

    /** The long-term augmenter of this export, or null when it is off. */
    private static org.sakshi.signing.ltv.LtvAugmenter augmenter(ExportRequest request) {
        return request.longTerm() ? LongTermPdf.augmenter(request.signer(), request.tsas()) : null;
    }

    /**
     * PAdES-BASELINE-LTA for a signed PDF, in place, before it enters the bag (the manifest covers the
     * augmented file); when revocation data cannot be fetched it stays PAdES-BASELINE-T and the warning
     * goes to {@code warnings} for the export result.
     */
    private static void longTerm(ExportRequest request, Path pdf, String bagPath, List<String> warnings)
            throws SakshiException, IOException {
        if (!request.longTerm()) {
            return;
        }
        String warning = LongTermPdf.augment(pdf, bagPath, request.signer(), request.tsas());
        if (warning != null) {
            warnings.add(warning);
        }
    }

    private BundleSealer.Sealed seal(ExportRequest request, CaseInfo info, Actor actor, String bundleId, Instant now,
                                     ChainResult chain, List<BundleSealer.PayloadFile> payload,
                                     java.util.concurrent.Future<List<BundleSealer.PayloadFile>> reportFiles,
                                     Path sealTo, ProgressListener p, CancelFlag c) throws SakshiException {
        BagInfo bagInfo = new BagInfo()
                .add("Source-Organization", info.agency() == null || info.agency().isBlank() ? "unknown" : info.agency())
                .add("Contact-Name", actor.name())
                .add("External-Identifier", info.number())
                .add("External-Description", info.title())
                .add("Bagging-Date", now.atZone(ZoneOffset.UTC).toLocalDate().toString())
                .add("Bag-Software-Agent", toolVersion())
                .add("Sakshi-Bundle-Version", "1")
                .add("Sakshi-Bundle-Id", bundleId)
                .add("Sakshi-Custody-Head", chain.head());
        ToolIdentity.jarSha256().ifPresent(sha -> bagInfo.add(BagInfo.TOOL_SHA256, sha));
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> chainCerts = request.signer().chain();
        anchors.add(chainCerts.get(chainCerts.size() - 1));
        // the re-read must find the bundle signed by this very identity, in every role (SIGNER_MISMATCH)
        BundleSealer sealer = new BundleSealer(VerifyService.verifier(anchors, true)
                .expectingSigner(Certificates.sha256Hex(chainCerts.get(0))));
        org.sakshi.signing.ltv.LtvAugmenter aug = augmenter(request);
        if (aug != null) {
            sealer = sealer.withLongTerm(aug);
        }
        return sealer.seal(new BundleSealer.Plan(sealTo, bundleId, now, payload, bagInfo,
                info.number(), request.signer(), request.tsas(), reportFiles), p, c);
    }

    /** Adds one item's evidence, import token and derived files to the payload; returns its case.json entry. */
    private CaseJson.ExportedItem stageItem(Path caseDir, Item item, Path staging, List<BundleSealer.PayloadFile> payload)
            throws SakshiException, IOException {
        String id = item.id();
        String dir = "data/evidence/" + id + "/";
        String name = BagPath.safeFileName(item.name());
        String path;
        List<Map<String, String>> renamed = new ArrayList<>();
        if (item.folder()) {
            // a folder item: its files below <name>/, and its manifest (whose SHA-256 is the item's) beside it;
            // cleaned names that meet (x%y, x_y; A.txt, a.txt) get ~2, ~3 in the order of the sorted originals
            path = dir + name + ".manifest.txt";
            payload.add(new BundleSealer.PayloadFile(path, evidence.blobPath(caseDir, id), item.digests().sha256(), id));
            String top = name;
            BagNames inside = new BagNames();
            for (FolderEntry e : evidence.entries(caseDir, id)) {
                StringBuilder rel = new StringBuilder();
                for (String seg : e.path().split("/")) {
                    if (!seg.isEmpty()) {
                        rel.append(rel.length() == 0 ? "" : "/").append(BagPath.safeFileName(seg));
                    }
                }
                String bagRel = inside.claim(rel.toString());
                if (!bagRel.equals(e.path())) {
                    renamed.add(Map.of("path", dir + top + "/" + bagRel, "original", e.path()));
                }
                payload.add(new BundleSealer.PayloadFile(dir + top + "/" + bagRel, e.blob(), e.sha256(),
                        id + " (" + e.path() + ")"));
            }
        } else {
            path = dir + name;
            payload.add(new BundleSealer.PayloadFile(path, evidence.blobPath(caseDir, id), item.digests().sha256(),
                    evidence.crc32(caseDir, id), id));
        }
        String tsFile = null;
        if (item.timestamp().status() == TimestampStatus.GRANTED) {
            var token = evidence.importToken(caseDir, id);
            if (token.isPresent()) {
                Path t = staging.resolve(id + ".tsr");
                Files.write(t, token.get());
                tsFile = "data/timestamps/" + id + ".tsr";
                payload.add(new BundleSealer.PayloadFile(tsFile, t, null, id + " time-stamp"));
            }
        }
        String derivedDir = "data/derived/" + id + "/";
        // Sakshi's own derived files keep their fixed names; a stored derived file that meets one gets ~2
        BagNames derivedNames = new BagNames();
        if (item.kind() == ItemKind.CHAT) {
            List.of("transcript.pdf", "transcript.csv", "transcript.json").forEach(derivedNames::claim);
        } else if (item.kind() == ItemKind.DEVICE) {
            derivedNames.claim("members-sha256.csv");
        }
        for (DerivedFile d : evidence.derived(caseDir, id)) {
            String n = derivedNames.claim(BagPath.safeFileName(d.name()));
            if (!n.equals(d.name())) {
                renamed.add(Map.of("path", derivedDir + n, "original", d.name()));
            }
            payload.add(new BundleSealer.PayloadFile(derivedDir + n, d.file(), d.sha256(), id + " " + d.name()));
        }
        if (item.kind() == ItemKind.CHAT) {
            stageTranscript(caseDir, item, staging, payload, derivedDir);
        } else if (item.kind() == ItemKind.DEVICE) {
            Path members = staging.resolve(id + "-members.csv");
            try (Writer w = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
                w.write("path,size,sha256,type\r\n");
                evidence.records(caseDir, id, r -> w.write(csv(r.get("path")) + "," + csv(r.get("size")) + ","
                        + csv(r.get("sha256")) + "," + csv(r.get("type")) + "\r\n"));
            }
            payload.add(new BundleSealer.PayloadFile(derivedDir + "members-sha256.csv", members, null,
                    id + " hash list"));
        }
        return new CaseJson.ExportedItem(item, path, tsFile, renamed);
    }

    private void stageTranscript(Path caseDir, Item item, Path staging, List<BundleSealer.PayloadFile> payload,
                                 String derivedDir) throws SakshiException, IOException {
        String id = item.id();
        Path pdf = staging.resolve(id + "-transcript.pdf");
        try (OutputStream os = Files.newOutputStream(pdf)) {
            reports.writeTranscript(item, (it, consumer) -> {
                try {
                    evidence.records(caseDir, it.id(), consumer::accept);
                } catch (SakshiException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }, os);
        }
        Path csv = staging.resolve(id + "-transcript.csv");
        Path json = staging.resolve(id + "-transcript.json");
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        try (Writer cw = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8));
             Writer jw = new BufferedWriter(Files.newBufferedWriter(json, StandardCharsets.UTF_8))) {
            cw.write("index,time,sender,text,attachment_name,attachment_sha256,flags\r\n");
            jw.write("{\"item\":" + mapper.writeValueAsString(id) + ",\"zone\":"
                    + mapper.writeValueAsString(item.summary().get("zone")) + ",\"messages\":[\n");
            boolean[] first = {true};
            evidence.records(caseDir, id, r -> {
                Object att = r.get("attachment");
                Map<?, ?> a = att instanceof Map<?, ?> m ? m : Map.of();
                cw.write(csv(r.get("index")) + "," + csv(r.get("time")) + "," + csv(r.get("sender")) + ","
                        + csv(r.get("text")) + "," + csv(a.get("name")) + "," + csv(a.get("sha256")) + ","
                        + csv(r.get("flags") instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf)
                        .toList()) : null) + "\r\n");
                jw.write((first[0] ? "" : ",\n") + mapper.writeValueAsString(r));
                first[0] = false;
            });
            jw.write("\n]}\n");
        }
        for (Object[] f : new Object[][] {{"transcript.pdf", pdf}, {"transcript.csv", csv}, {"transcript.json", json}}) {
            payload.add(new BundleSealer.PayloadFile(derivedDir + f[0], (Path) f[1], null, id + " " + f[0]));
        }
    }

    /** RFC 4180 field with formula neutralisation: see {@link Csv#cell}. */
    static String csv(Object o) {
        return Csv.cell(o);
    }

    static String toolVersion() {
        String v = ExportService.class.getPackage().getImplementationVersion();
        return "sakshi " + (v == null ? "dev" : v);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the staging folder {}: {}", dir, e.getMessage());
        }
    }
}
