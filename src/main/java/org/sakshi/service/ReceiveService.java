package org.sakshi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sakshi.bundle.BagPath;
import org.sakshi.bundle.BoundedJson;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.bundle.BundleSealer;
import org.sakshi.bundle.ManifestFile;
import org.sakshi.bundle.ProvenanceChecks;
import org.sakshi.bundle.SafeZip;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Item;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.EventDraft;
import org.sakshi.timestamp.TimestampVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiving a bundle into a case (docs/custody-ledger.md, BUNDLE_RECEIVED): the bundle is verified
 * with the verifier every prosecutor uses; a FAILED bundle is refused and an INDETERMINATE one taken
 * only with a reason, nothing being recorded otherwise. Then, under the case's write lock: the
 * sender's signed files (tag files, signature and tokens, case.json, custody log and heads, item
 * tokens; {@link ProvenanceChecks#kept}) are kept verbatim under {@code received/<bundle-id>/};
 * BUNDLE_RECEIVED is recorded; each item is imported from its bytes in the ZIP (checked against the
 * bundle's manifest while staged) with ITEM_IMPORTED {@code received} and the sender's original import
 * token. Earlier hops the bundle carries under {@code data/provenance/} are kept beside it. A bundle
 * already received into the case is refused (one receipt per bundle id per case).
 */
public final class ReceiveService {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveService.class);
    /** The folder of a case holding each received bundle's signed files. */
    public static final String RECEIVED = "received";

    private final CaseAccess access;
    private final ImportService imports;
    private final VerifyService verifier;

    public ReceiveService(CaseAccess access, ImportService imports, VerifyService verifier) {
        this.access = access;
        this.imports = imports;
        this.verifier = verifier;
    }

    /**
     * What to receive and how it travelled: the bundle; the roots to verify it with; who sent it
     * ({@code from}: agency / person), who received it ({@code receivedBy}, default the acting officer),
     * how it came ({@code via}: courier, hand, e-mail ...), seal numbers; the reason an INDETERMINATE
     * bundle is accepted (null refuses it); TSAs to anchor the ledger head afterwards; the acting officer.
     */
    public record Request(Path bundle, VerifyService.Trust trust, String from, String receivedBy, String via,
                          List<String> seals, String acceptIndeterminate, List<TimestampSource> tsas, Actor actor) {
        public Request {
            seals = seals == null ? List.of() : seals.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
            tsas = tsas == null ? List.of() : List.copyOf(tsas);
            acceptIndeterminate = acceptIndeterminate == null || acceptIndeterminate.isBlank() ? null
                    : acceptIndeterminate.strip();
        }
    }

    /** One item taken in: the sender's id and the new id in this case, with its SHA-256. */
    public record ReceivedItem(String senderId, Item item) {
    }

    /** The receipt: the verification, the bundle id, the BUNDLE_RECEIVED event, the items and where the signed files are kept. */
    public record Result(VerificationReport report, String bundleId, CustodyEvent event, List<ReceivedItem> items,
                         Path kept) {
    }

    /** A bundle refused because it FAILED verification; nothing was recorded. The report says why. */
    public static final class RefusedFailed extends IntegrityException {
        private final transient VerificationReport report;

        RefusedFailed(VerificationReport report, String message) {
            super(message);
            this.report = report;
        }

        public VerificationReport report() {
            return report;
        }
    }

    /** An INDETERMINATE bundle refused because no reason to accept it was given; nothing was recorded. */
    public static final class RefusedIndeterminate extends InputException {
        private final transient VerificationReport report;

        RefusedIndeterminate(VerificationReport report, String message) {
            super(message);
            this.report = report;
        }

        public VerificationReport report() {
            return report;
        }
    }

    /** True when {@code file} is named like an encrypted bundle ({@code .p7m}); its content is checked on decrypting. */
    public static boolean looksEncrypted(Path file) {
        return file != null && Files.isRegularFile(file)
                && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".p7m");
    }

    /**
     * An encrypted bundle opened for receiving: the plain ZIP {@code bundle} in an owner-only working
     * folder inside the receiving case, and the SHA-256 of the {@code .p7m} as it arrived. Closing it
     * deletes the folder (received or not), so no plain copy outlives the receiving.
     */
    public record Opened(Path bundle, String encryptedSha256, String encryptedName, Path work,
                         WorkFolders.Held lock) implements AutoCloseable {
        /** How the bundle travelled, for the event: {@code via} (may be blank) and the encrypted file it came in. */
        public String via(String via) {
            return (via == null || via.isBlank() ? "" : via.strip() + "; ") + "encrypted file " + encryptedName
                    + " (SHA-256 " + encryptedSha256 + ")";
        }

        @Override
        public void close() {
            if (lock != null) {
                lock.close();
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                LOG.warn("could not remove the decrypted working folder {}: {}", work, e.getMessage());
            }
        }
    }

    /**
     * Decrypts {@code p7m} with the officer's key ({@code identity}, its password or PIN {@code secret},
     * wiped) into an owner-only working folder inside {@code caseDir}, ready for {@link #check} and
     * {@link #receive}; close the result when done. Wrong key, altered or truncated ciphertext: the
     * decryptor's error, and nothing plain is left.
     */
    public Opened decrypt(Path caseDir, Path p7m, SigningIdentity identity, Path secretFile, ProgressListener progress,
                          CancelFlag cancel) throws SakshiException {
        return decrypt(caseDir, p7m, identity, org.sakshi.signing.Secrets.readFirstLine(secretFile), progress, cancel);
    }

    /** As {@link #decrypt(Path, Path, SigningIdentity, Path, ProgressListener, CancelFlag)}, the password given. */
    public Opened decrypt(Path caseDir, Path p7m, SigningIdentity identity, char[] secret, ProgressListener progress,
                          CancelFlag cancel) throws SakshiException {
        WorkFolders.sweep(caseDir); // plain copies left by an export or receipt that crashed
        Path work;
        WorkFolders.Held lock;
        try {
            work = Files.createTempDirectory(caseDir.toAbsolutePath(), WorkFolders.DECRYPT_PREFIX);
            org.sakshi.core.OwnerOnly.dir(work);
            lock = WorkFolders.hold(work); // a crash leaves it unlocked, and the next receipt removes it
        } catch (IOException e) {
            java.util.Arrays.fill(secret, '\0');
            throw new InputException("cannot make a working folder in " + caseDir + " (" + e.getMessage()
                    + "); check the case folder is writable.", e);
        }
        String name = p7m.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        Path plain = work.resolve(base.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? base : base + ".zip");
        Opened opened = new Opened(plain, null, name, work, lock);
        try {
            EncryptionService.Decrypted d = new EncryptionService(access.clock()).decrypt(p7m, plain, identity, secret,
                    progress, cancel);
            return new Opened(d.file(), d.encryptedSha256(), name, work, lock);
        } catch (SakshiException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * True when {@code file} is a ZIP holding a Sakshi bundle (a bag with {@code bagit.txt} and
     * {@code data/case.json} in one folder); the case window receives such a dropped file instead of
     * importing it. Never throws: anything unreadable is "not a bundle".
     */
    public static boolean looksLikeBundle(Path file) {
        if (file == null || !Files.isRegularFile(file) || !file.getFileName().toString().toLowerCase(
                java.util.Locale.ROOT).endsWith(".zip")) {
            return false;
        }
        try (SafeZip zip = SafeZip.open(file, SafeZip.Limits.DEFAULT)) {
            return zip.has("bagit.txt") && zip.has("data/case.json");
        } catch (IOException | SakshiException | RuntimeException e) {
            return false;
        }
    }

    /** Only verifies (the GUI shows the verdict before asking for the receiving details). */
    public VerificationReport check(Path bundle, VerifyService.Trust trust, ProgressListener progress)
            throws SakshiException {
        return verifier.verify(bundle, trust, progress);
    }

    /** Verifies, refuses or records, and imports; see the class comment. */
    public Result receive(Path caseDir, Request r, ProgressListener progress, CancelFlag cancel)
            throws SakshiException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        WorkFolders.sweep(caseDir); // plain copies left by an export or receipt that crashed (never one in use)
        Path bundle = r.bundle();
        if (!Files.isRegularFile(bundle)) {
            throw new InputException("cannot receive " + bundle + ": there is no such file; check the path.");
        }
        String before = sha256(bundle);
        VerificationReport report = verifier.verify(bundle, r.trust(), p);
        try (CaseStore s = access.read(caseDir)) {
            refuseSecondReceipt(s, report.bundleId(), bundle);
        }
        refuseByVerdict(report, r, caseDir);
        Path receivedDir = caseDir.resolve(RECEIVED);
        Path staging = receivedDir.resolve(".staging-" + report.bundleId());
        try {
            CaseAccess.deleteTree(staging);
            org.sakshi.core.OwnerOnly.dir(receivedDir);
            org.sakshi.core.OwnerOnly.dir(staging);
            Staged staged = stage(bundle, staging, c);
            if (!before.equals(sha256(bundle))) {
                throw new IntegrityException("the bundle " + bundle + " changed while it was being received; nothing"
                        + " was recorded. Copy it again from its source and receive it once no one is writing to it.");
            }
            return record(caseDir, r, report, staged, before, p, c);
        } catch (IOException e) {
            throw new StorageException("could not receive " + bundle + " into " + caseDir + " (" + e.getMessage()
                    + "); nothing was recorded. Check the disk and the case folder and try again.", e);
        } finally {
            try {
                CaseAccess.deleteTree(staging);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", staging, e.getMessage());
            }
        }
    }

    private static void refuseByVerdict(VerificationReport report, Request r, Path caseDir) throws SakshiException {
        Check deciding = report.decidingCheck();
        String why = deciding == null ? "" : " (" + deciding.code() + (deciding.target().isEmpty() ? ""
                : " " + deciding.target()) + ": " + deciding.message() + ")";
        if (report.verdict() == Verdict.FAILED) {
            throw new RefusedFailed(report, "the bundle " + r.bundle().getFileName() + " FAILED verification" + why
                    + "; it was not received and nothing was recorded in " + caseDir + ". Ask the sender for a new"
                    + " copy and keep this one as it is.");
        }
        if (report.verdict() == Verdict.INDETERMINATE && r.acceptIndeterminate() == null) {
            throw new RefusedIndeterminate(report, "the bundle " + r.bundle().getFileName() + " is INDETERMINATE" + why
                    + "; nothing was recorded. Give the sender's CA and TSA roots with --trust and --tsa-trust, or"
                    + " receive it with --accept-indeterminate REASON saying why it is accepted.");
        }
    }

    /** One receipt per bundle per case: a second copy of the same bundle is refused, naming the first receipt. */
    private static void refuseSecondReceipt(CaseStore s, String bundleId, Path bundle) throws SakshiException {
        for (CustodyEvent e : s.events()) {
            if (EventType.BUNDLE_RECEIVED.name().equals(e.type())) {
                String id = EventDetails.BundleReceived.read(e.details()).bundleId();
                String file = String.valueOf(e.details().get(EventDetails.BundleReceived.FILE));
                if (bundleId != null && bundleId.equals(id)) {
                    throw new InputException("the bundle " + id + " (" + bundle.getFileName() + ") was already received"
                            + " into this case at seq " + e.seq() + " (" + EventCodec.formatAt(e.at()) + ", file "
                            + file + "); a bundle is received once, nothing was recorded.");
                }
            }
        }
    }

    /** What was read out of the bundle before anything is recorded. */
    private record Staged(String bundleId, Path bag, JsonNode caseJson, List<StagedItem> items, List<String> hops,
                          String lastAt) {
    }

    private record StagedItem(String senderId, String name, String bagPath, Path file, String sha256,
                              JsonNode json, byte[] token) {
    }

    /**
     * Copies the kept files and earlier hops into {@code staging/bag} and {@code staging/hops/<id>}, and
     * each item's bytes into {@code staging/items/<sender id>/}, hashing every byte against the bundle's
     * manifest while it is copied.
     */
    private Staged stage(Path bundle, Path staging, CancelFlag cancel) throws SakshiException, IOException {
        try (SafeZip zip = SafeZip.open(bundle, SafeZip.Limits.DEFAULT)) {
            Map<String, String> manifest = new TreeMap<>();
            for (ManifestFile.Line l : ManifestFile.parse(zip.read("manifest-sha256.txt", 64 << 20),
                    "manifest-sha256.txt")) {
                manifest.put(l.path(), l.sha256());
            }
            Path bag = staging.resolve("bag");
            List<String> hops = new ArrayList<>();
            for (String path : zip.paths()) {
                if (path.startsWith(ProvenanceChecks.BUNDLE_PREFIX)) {
                    String rest = path.substring(ProvenanceChecks.BUNDLE_PREFIX.length());
                    int slash = rest.indexOf('/');
                    if (slash <= 0) {
                        continue;
                    }
                    String hop = rest.substring(0, slash);
                    if (!hops.contains(hop)) {
                        hops.add(hop);
                    }
                    copy(zip, path, staging.resolve("hops").resolve(hop), rest.substring(slash + 1), manifest.get(path));
                } else if (ProvenanceChecks.kept(path)) {
                    copy(zip, path, bag, path, path.startsWith("data/") ? manifest.get(path) : null);
                }
            }
            JsonNode caseJson;
            try (InputStream in = Files.newInputStream(bag.resolve("data/case.json"))) {
                caseJson = BoundedJson.readCaseJson(in);
            }
            List<StagedItem> items = new ArrayList<>();
            for (JsonNode it : caseJson.path("items")) {
                cancel.throwIfCancelled();
                items.add(stageItem(zip, it, manifest, staging.resolve("items")));
            }
            String[] last = {null};
            try (InputStream in = Files.newInputStream(bag.resolve("data/custody/custody-log.jsonl"))) {
                BoundedJson.lines(in, (n, line) -> last[0] = line);
            }
            String lastAt = last[0] == null ? null : BoundedJson.readEvent(last[0]).path("at").asText(null);
            return new Staged(zip.rootName(), bag, caseJson, items, hops, lastAt);
        } catch (org.sakshi.bundle.BagFormatException e) {
            throw new IntegrityException("the bundle " + bundle + " cannot be read for receiving (" + e.getMessage()
                    + "); nothing was recorded.", e);
        }
    }

    private StagedItem stageItem(SafeZip zip, JsonNode it, Map<String, String> manifest, Path items)
            throws SakshiException, IOException {
        String id = it.path("id").asText();
        String name = it.path("name").asText();
        String path = it.path("path").asText();
        String sha = it.path("sha256").asText();
        if (BagPath.unsafeReason(id) != null || id.contains("/") || id.isEmpty()) {
            throw new IntegrityException("the bundle names an item '" + id + "' that is not a safe id; nothing was"
                    + " recorded.");
        }
        Path dir = items.resolve(id);
        String safe = BagPath.safeFileName(name);
        String folderPrefix = "data/evidence/" + id + "/" + safe + "/";
        boolean folder = path.equals("data/evidence/" + id + "/" + safe + ".manifest.txt")
                && zip.paths().stream().anyMatch(x -> x.startsWith(folderPrefix));
        Path file;
        if (folder) {
            // the item's manifest lists the original paths; renamed ones are found through case.json's renamed
            copy(zip, path, dir, ".manifest.txt", manifest.get(path));
            Map<String, String> renamed = new LinkedHashMap<>();
            for (JsonNode rn : it.path("renamed")) {
                renamed.put(rn.path("original").asText(), rn.path("path").asText());
            }
            file = dir.resolve(safe);
            List<ManifestFile.Line> lines;
            try {
                lines = ManifestFile.parse(Files.readAllBytes(dir.resolve(".manifest.txt")), path);
            } catch (org.sakshi.bundle.BagFormatException e) {
                throw new IntegrityException("item " + id + "'s folder manifest cannot be read (" + e.getMessage()
                        + "); nothing was recorded.", e);
            }
            for (ManifestFile.Line l : lines) {
                String bagPath = renamed.getOrDefault(l.path(), folderPrefix + l.path());
                if (BagPath.unsafeReason(l.path()) != null) {
                    throw new IntegrityException("item " + id + " lists an unsafe path '" + l.path() + "'; nothing was"
                            + " recorded.");
                }
                copy(zip, bagPath, file, l.path(), l.sha256());
            }
        } else {
            copy(zip, path, dir, safe, manifest.get(path));
            file = dir.resolve(safe);
        }
        if (!sha.equalsIgnoreCase(manifest.get(path))) {
            throw new IntegrityException("item " + id + " of the bundle records SHA-256 " + sha + " but the manifest"
                    + " lists " + manifest.get(path) + "; nothing was recorded.");
        }
        byte[] token = null;
        String tsFile = it.path("timestamp").path("file").asText(null);
        if (tsFile != null && zip.has(tsFile)) {
            token = zip.read(tsFile, 1 << 20);
        }
        return new StagedItem(id, name, path, file, sha, it, token);
    }

    /** Copies one ZIP entry to {@code dir/rel}, hashing it; a listed SHA-256 that differs refuses the bundle. */
    private static void copy(SafeZip zip, String bagPath, Path dir, String rel, String expected)
            throws SakshiException, IOException {
        if (!zip.has(bagPath)) {
            throw new IntegrityException("the bundle lacks " + bagPath + "; nothing was recorded.");
        }
        Path target = dir.resolve(rel).normalize();
        if (!target.startsWith(dir)) {
            throw new IntegrityException("the bundle names an unsafe path " + bagPath + "; nothing was recorded.");
        }
        org.sakshi.core.OwnerOnly.dir(target.getParent());
        MessageDigest md = sha256Digest();
        try (InputStream in = new DigestInputStream(zip.open(bagPath), md);
             OutputStream out = org.sakshi.core.OwnerOnly.createNew(target)) {
            in.transferTo(out);
        }
        String actual = HexFormat.of().formatHex(md.digest());
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw new IntegrityException(bagPath + " in the bundle does not match its manifest (SHA-256 " + actual
                    + ", manifest " + expected + "); the bundle was changed, nothing was recorded.");
        }
    }

    /** Under the write lock: keep the signed files, record BUNDLE_RECEIVED, import the items, anchor. */
    private Result record(Path caseDir, Request r, VerificationReport report, Staged st, String bundleSha,
                          ProgressListener p, CancelFlag c) throws SakshiException, IOException {
        Path kept = caseDir.resolve(RECEIVED).resolve(st.bundleId());
        try (CaseStore s = access.write(caseDir)) {
            refuseSecondReceipt(s, st.bundleId(), r.bundle());
            if (Files.exists(kept)) {
                throw new InputException("the case already keeps the files of bundle " + st.bundleId() + " in " + kept
                        + " without a receipt in its ledger; move that folder away and receive the bundle again.");
            }
            List<Path> published = new ArrayList<>();
            for (String hop : st.hops()) {
                Path h = caseDir.resolve(RECEIVED).resolve(hop);
                if (!Files.exists(h)) {
                    publish(st.bag().getParent().resolve("hops").resolve(hop), h);
                    published.add(h);
                }
            }
            publish(st.bag(), kept);
            published.add(kept);
            CaseInfo info = s.caseInfo();
            Actor actor = CaseAccess.actorOr(r.actor(), info);
            JsonNode cj = st.caseJson();
            JsonNode sc = cj.path("case");
            String signer = report.signer() == null ? null : report.signer().certSha256();
            List<String> checks = new ArrayList<>();
            for (Check ch : report.checks()) {
                checks.add(ch.result() + " " + ch.code() + (ch.target().isEmpty() ? "" : " " + ch.target()));
            }
            Map<String, Object> details = EventDetails.BundleReceived.of(
                    new EventDetails.BundleReceived.Sender(st.bundleId(), r.bundle().getFileName().toString(),
                            bundleSha, report.signer() == null ? null : report.signer().subject(), signer,
                            text(sc, "id"), text(sc, "number"), text(sc, "agency"),
                            text(cj.path("custody"), "head"), cj.path("custody").path("count").asLong(-1),
                            st.lastAt(), text(cj, "exported_at")),
                    new EventDetails.BundleReceived.Receipt(report.verdict().name(), checks,
                            report.verdict() == Verdict.INDETERMINATE ? r.acceptIndeterminate() : null,
                            r.receivedBy() != null && !r.receivedBy().isBlank() ? r.receivedBy() : actor.name(),
                            blank(r.from()) ? text(sc, "agency") : r.from(), blank(r.via()) ? null : r.via(), r.seals(),
                            RECEIVED + "/" + st.bundleId() + "/"));
            CustodyEvent event;
            try {
                event = s.tx(() -> s.append(new EventDraft(EventType.BUNDLE_RECEIVED.name(), actor, null, null,
                        details)));
            } catch (SakshiException | RuntimeException e) {
                for (Path x : published) { // no receipt, so nothing of the bundle stays in the case
                    CaseAccess.deleteTree(x);
                }
                throw e;
            }
            List<ReceivedItem> items = new ArrayList<>();
            try {
                for (StagedItem si : st.items()) {
                    c.throwIfCancelled();
                    items.add(new ReceivedItem(si.senderId(), importItem(s, caseDir, r, st, si, actor, p, c)));
                }
            } catch (SakshiException e) {
                String why = "Receipt of bundle " + st.bundleId() + " stopped after " + items.size() + " of "
                        + st.items().size() + " items: " + e.getMessage();
                s.tx(() -> s.append(new EventDraft(EventType.NOTE.name(), actor, null, null,
                        EventDetails.Note.of(why))));
                throw e;
            }
            CustodyService.anchorQuietly(s, actor, r.tsas());
            return new Result(report, st.bundleId(), event, items, kept);
        }
    }

    private Item importItem(CaseStore s, Path caseDir, Request r, Staged st, StagedItem si, Actor actor,
                            ProgressListener p, CancelFlag c) throws SakshiException {
        JsonNode sc = st.caseJson().path("case");
        JsonNode it = si.json();
        TimestampToken token = null;
        if (si.token() != null) {
            TimestampVerifier.Result tr = new TimestampVerifier(List.of()).verify(si.token(),
                    HexFormat.of().parseHex(si.sha256()), si.senderId() + " import token");
            if (tr.valid()) {
                token = new TimestampToken(si.token(), tr.genTime(), tr.serial(), tr.tsaName(), null, tr.tsaChain());
            }
        }
        Map<String, Object> received = EventDetails.Received.of(st.bundleId(), text(sc, "id"), text(sc, "number"),
                text(sc, "agency"), si.senderId(), si.sha256(), text(it, "imported_at"), text(it, "imported_by"),
                token == null ? null : EventCodec.formatAt(token.genTime()));
        JsonNode src = it.path("source");
        SourceDetails source = new SourceDetails(text(src, "text"), text(src, "device_make"), text(src, "device_model"),
                text(src, "device_serial"), text(src, "device_imei"), text(src, "location"));
        ZoneId zone = null;
        try {
            zone = sc.hasNonNull("zone") ? ZoneId.of(sc.path("zone").asText()) : null;
        } catch (java.time.DateTimeException e) {
            zone = null;
        }
        String note = "received in bundle " + st.bundleId() + " from case " + text(sc, "number") + " ("
                + text(sc, "agency") + ") as its item " + si.senderId();
        ImportRequest req = new ImportRequest(null, zone, null, source, note, List.of(), actor);
        Item item = imports.importReceived(s, caseDir, si.file(), new ImportService.Receipt(si.name(),
                r.bundle().getFileName() + ":" + si.bagPath(), received, token), req, p, c);
        if (!item.digests().sha256().equalsIgnoreCase(si.sha256())) {
            throw new IntegrityException("item " + si.senderId() + " of bundle " + st.bundleId() + " hashed to "
                    + item.digests().sha256() + " when taken in, not " + si.sha256() + " as sealed; it was recorded as "
                    + item.id() + " and the receipt stopped. Report it and do not use the item.");
        }
        return item;
    }

    /** Moves a staged folder into place and makes its files read-only. */
    private static void publish(Path from, Path to) throws IOException {
        Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> w = Files.walk(to)) {
            for (Path x : w.toList()) {
                if (Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    org.sakshi.core.OwnerOnly.readOnly(x);
                }
            }
        }
    }

    /**
     * The hop checks of a case (docs/custody-ledger.md#received-bundles): every folder under
     * {@code received/} against the case's ledger, with the signatures checked for integrity (trust was
     * decided at receipt and is recorded in BUNDLE_RECEIVED). An empty list when the case received nothing.
     */
    public List<Check> verifyReceived(Path caseDir) throws SakshiException {
        List<String> lines = new ArrayList<>();
        try (CaseStore s = access.read(caseDir)) {
            // streamed: a ledger of millions of events is never held in memory. Only lines that can be a
            // receipt (they name BUNDLE_RECEIVED or carry a "received" detail) are parsed, and then
            // judged exactly by receipts()
            s.forEachEventLineContaining(RECEIPT_MARKS.get(0), RECEIPT_MARKS.get(1), lines::add);
        }
        return verifyReceived(caseDir, lines);
    }

    /**
     * The texts a stored line must contain to be a receipt (it names BUNDLE_RECEIVED or carries a
     * "received" detail): {@link #verifyReceived(Path, List)} wants every line with one of them.
     */
    public static final List<String> RECEIPT_MARKS = List.of(EventType.BUNDLE_RECEIVED.name(),
            EventDetails.ItemImported.RECEIVED);

    /**
     * As {@link #verifyReceived(Path)}, given the case's stored ledger lines that contain one of
     * {@link #RECEIPT_MARKS}, in seq order (from the read that verified the ledger, so the ledger is
     * not searched a second time).
     */
    public List<Check> verifyReceived(Path caseDir, List<String> receiptLines) throws SakshiException {
        return receivedHops(caseDir, receiptLines);
    }

    /**
     * {@link #verifyReceived(Path, List)} without a service: it needs none of the import and verify
     * machinery a receipt needs, so {@code custody verify} does not build them.
     */
    public static List<Check> receivedHops(Path caseDir, List<String> receiptLines) throws SakshiException {
        List<CustodyEvent> candidates = new ArrayList<>();
        for (String line : receiptLines) {
            candidates.add(org.sakshi.core.ledger.EventCodec.parseLine(line));
        }
        return checkHops(caseDir, receipts(candidates));
    }

    /** The BUNDLE_RECEIVED and received ITEM_IMPORTED events of a case's ledger, for the hop checks. */
    static List<ProvenanceChecks.ReceiptEvent> receipts(List<CustodyEvent> events) {
        List<ProvenanceChecks.ReceiptEvent> out = new ArrayList<>();
        for (CustodyEvent e : events) {
            boolean receipt = EventType.BUNDLE_RECEIVED.name().equals(e.type());
            boolean item = EventType.ITEM_IMPORTED.name().equals(e.type())
                    && e.details().get(EventDetails.ItemImported.RECEIVED) instanceof Map;
            if (receipt || item) {
                out.add(new ProvenanceChecks.ReceiptEvent("this case's ledger", e.seq(), e.at(), e.type(),
                        e.actor() == null ? null : e.actor().name(), e.itemId(), e.itemSha256(), e.details()));
            }
        }
        return out;
    }

    /** The hop checks of the folders under {@code received/} against the given receipts of the case. */
    static List<Check> checkHops(Path caseDir, List<ProvenanceChecks.ReceiptEvent> own) throws SakshiException {
        Map<String, ProvenanceChecks.HopFiles> hops = hops(caseDir);
        if (hops.isEmpty() && own.isEmpty()) {
            return List.of();
        }
        BundleChecks.Trust trust = new BundleTrustAdapter(List.of(), List.of(), false);
        try {
            return ProvenanceChecks.integrityOnly(trust, VerifyService::verifyChain).check(hops, own, RECEIVED + "/");
        } catch (IOException e) {
            throw new StorageException("the received bundles of " + caseDir + " cannot be read (" + e.getMessage()
                    + "); check the folder " + caseDir.resolve(RECEIVED) + ".", e);
        }
    }

    /** True when a hop check says the chain is broken (a FAILED check); trust doubts do not count here. */
    public static boolean broken(List<Check> hopChecks) {
        return hopChecks.stream().anyMatch(ch -> ch.result() == CheckResult.FAILED);
    }

    /** The kept hops of a case, by bundle id. */
    static Map<String, ProvenanceChecks.HopFiles> hops(Path caseDir) throws SakshiException {
        Map<String, ProvenanceChecks.HopFiles> hops = new TreeMap<>();
        Path dir = caseDir.resolve(RECEIVED);
        if (!Files.isDirectory(dir)) {
            return hops;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path h : ds) {
                String n = h.getFileName().toString();
                if (!n.startsWith(".") && Files.isDirectory(h, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    hops.put(n, folderHop(h));
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list " + dir + " (" + e.getMessage() + "); check its permissions.", e);
        }
        return hops;
    }

    private static ProvenanceChecks.HopFiles folderHop(Path root) {
        return new ProvenanceChecks.HopFiles() {
            @Override
            public List<String> paths() {
                try (Stream<Path> w = Files.walk(root)) {
                    List<String> out = new ArrayList<>();
                    for (Path x : w.toList()) {
                        if (Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            out.add(root.relativize(x).toString().replace('\\', '/'));
                        }
                    }
                    out.sort(null);
                    return out;
                } catch (IOException e) {
                    return List.of();
                }
            }

            @Override
            public boolean has(String path) {
                Path x = root.resolve(path).normalize();
                return x.startsWith(root) && Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }

            @Override
            public InputStream open(String path) throws IOException {
                Path x = root.resolve(path).normalize();
                if (!x.startsWith(root)) {
                    throw new IOException(path + " is outside the hop's folder");
                }
                return Files.newInputStream(x, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }

            @Override
            public String sha256(String path) throws IOException {
                MessageDigest md = sha256Digest();
                try (InputStream in = new DigestInputStream(open(path), md)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return HexFormat.of().formatHex(md.digest());
            }
        };
    }

    /**
     * The payload a later export carries for each received bundle: every kept file under
     * {@code data/provenance/<bundle-id>/} (docs/bundle-format.md#provenance), in path order.
     */
    static void provenancePayload(CaseAccess access, Path caseDir, List<BundleSealer.PayloadFile> payload)
            throws SakshiException {
        List<ProvenanceChecks.ReceiptEvent> own;
        try (CaseStore s = access.read(caseDir)) {
            own = receipts(s.events());
        }
        if (own.isEmpty() && hops(caseDir).isEmpty()) {
            return;
        }
        List<Check> checks = checkHops(caseDir, own);
        for (Check ch : checks) {
            if (ch.result() == CheckResult.FAILED) {
                throw new IntegrityException("the received bundle kept under " + ch.target() + " no longer verifies ("
                        + ch.code() + ": " + ch.message() + "); no bundle was written. Run 'sakshi custody verify "
                        + caseDir + "', keep the case folder as it is and report it.");
            }
        }
        Path dir = caseDir.resolve(RECEIVED);
        for (Map.Entry<String, ProvenanceChecks.HopFiles> h : hops(caseDir).entrySet()) {
            for (String rel : h.getValue().paths()) {
                payload.add(new BundleSealer.PayloadFile(ProvenanceChecks.BUNDLE_PREFIX + h.getKey() + "/" + rel,
                        dir.resolve(h.getKey()).resolve(rel), null, "provenance of bundle " + h.getKey()));
            }
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String sha256(Path file) throws SakshiException {
        try {
            return org.sakshi.bundle.Hashes.sha256(file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + " (" + e.getMessage() + "); check the path and its"
                    + " permissions.", e);
        }
    }
}
