package org.sakshi.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemJson;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ItemTimestamp;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.hashing.HashPipeline;
import org.sakshi.ingest.AmbiguousDateOrderException;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.Derived;
import org.sakshi.ingest.FolderEntry;
import org.sakshi.ingest.Ingest;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.RecordSink;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.DerivedRow;
import org.sakshi.storage.EntryRow;
import org.sakshi.storage.EventDraft;
import org.sakshi.storage.StoredItem;
import org.sakshi.storage.TokenRow;
import org.sakshi.vault.StoredBlob;
import org.sakshi.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importing evidence: hash while copying into the vault, parse, time-stamp, record.
 * <p>
 * Order of one import, all under the case's write lock: (1) copy into the vault with the three
 * digests (one read of the source); (2) parse the read-only vault copy, streaming records to
 * {@code records/<ITEM>.jsonl}; (3) ask the TSAs in order for a token over the SHA-256; (4) one
 * transaction records the item, its entries, token and derived files, and the events
 * ITEM_IMPORTED, ASSUMPTION_RECORDED, ITEM_DERIVED, ITEM_TIMESTAMPED. A failure or cancellation
 * before (4) removes what (1)-(3) wrote; a crash before (4) leaves files that the next writer
 * removes (see {@link CaseAccess}). So an item exists only with its ledger event, and vice versa.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One record per line; no flush per record (a chat may have a million messages). */
    private static final com.fasterxml.jackson.databind.ObjectWriter RECORD = JSON.writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    static final String NOT_STAMPED = "not time-stamped yet";

    private final CaseAccess access;
    private final Ingest ingest;

    public ImportService(CaseAccess access, Ingest ingest) {
        this.access = access;
        this.ingest = ingest;
    }

    /**
     * Imports each path as one item. A path that fails is reported in the outcome and the others
     * still import. Throws only when nothing can be done at all (not a case, case busy) or when the
     * user must decide (ambiguous chat date order), or when cancelled.
     */
    public ImportOutcome importPaths(Path caseDir, List<Path> paths, ImportRequest request, ProgressListener progress,
                                     CancelFlag cancel) throws SakshiException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        List<Item> imported = new ArrayList<>();
        List<ImportOutcome.Failure> failures = new ArrayList<>();
        // Unreadable inputs are reported before the case is even locked: nothing is recorded for them.
        List<Path> readable = new ArrayList<>();
        for (Path path : paths) {
            String problem = checkReadable(path);
            if (problem != null) {
                failures.add(new ImportOutcome.Failure(path, problem));
            } else {
                readable.add(path);
            }
        }
        if (readable.isEmpty()) {
            if (paths.isEmpty()) {
                throw new InputException("nothing to import: give at least one file or folder");
            }
            return new ImportOutcome(imported, failures);
        }
        try (CaseStore s = access.write(caseDir)) {
            for (Path path : readable) {
                c.throwIfCancelled();
                try {
                    imported.add(importOne(s, caseDir, path, request, p, c, null));
                } catch (AmbiguousDateOrderException | CancelledException e) {
                    throw e;
                } catch (InputException | StorageException e) {
                    if (e instanceof org.sakshi.core.CaseBusyException) {
                        throw e;
                    }
                    failures.add(new ImportOutcome.Failure(path, e.getMessage()));
                }
            }
            if (!imported.isEmpty()) {
                // docs/custody-ledger.md "Anchors": every import batch ends with a token over the head
                CustodyService.anchorQuietly(s, CaseAccess.actorOr(request.actor(), s.caseInfo()), request.tsas());
            }
        }
        return new ImportOutcome(imported, failures);
    }

    private static String checkReadable(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "cannot import " + path + ": there is no such file or folder; check the path";
        }
        if (!Files.isReadable(path)) {
            return "cannot import " + path + ": it is not readable by this user; check its permissions";
        }
        if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
            return "cannot import " + path + ": it is neither a regular file nor a folder";
        }
        return null;
    }

    /** Undo list for one import that did not reach its commit. */
    private static final class Undo {
        final List<String> newBlobs = new ArrayList<>();
        final List<Path> files = new ArrayList<>();

        void run(Vault v) {
            for (String b : newBlobs) {
                try {
                    v.delete(b);
                } catch (IOException e) {
                    LOG.warn("could not remove vault blob {} of a failed import", b, e);
                }
            }
            for (Path f : files) {
                try {
                    CaseAccess.deleteTree(f);
                } catch (IOException e) {
                    LOG.warn("could not remove {} of a failed import", f, e);
                }
            }
        }
    }

    /**
     * Records a new item made from an existing one (a redacted copy of a photo...): its bytes are
     * hashed (SHA-256, SHA-1, MD5) and stored read-only in the vault, parsed like an imported file,
     * time-stamped when TSAs are given, and recorded with {@code derived_from} = the parent and an
     * {@code ITEM_DERIVED} event (instead of ITEM_IMPORTED) whose details are {@code parent},
     * {@code parent_sha256}, {@code method}, {@code reason}, {@code regions} and the new digests.
     * The parent, its vault copy and its records are not touched. A folder item cannot be a parent.
     */
    public Item derive(Path caseDir, DeriveRequest request) throws SakshiException {
        try (CaseStore s = access.write(caseDir)) {
            StoredItem parent = EvidenceService.find(s, request.parentId());
            if (parent.item().folder()) {
                throw new InputException("item " + request.parentId() + " is a folder; a derived copy can only be "
                        + "made from a single file");
            }
            if (request.content().length == 0) {
                throw new InputException("the derived copy of " + request.parentId() + " is empty; nothing was recorded");
            }
            ImportRequest req = new ImportRequest(null, null, null, null, null, request.tsas(), request.actor());
            return importOne(s, caseDir, null, req, ProgressListener.NONE, new CancelFlag(),
                    new Derivation(request, parent.item()));
        }
    }

    /** What {@link #derive} adds to an import: the request and the parent's record. */
    private record Derivation(DeriveRequest request, Item parent) {
    }

    private Item importOne(CaseStore s, Path caseDir, Path source, ImportRequest req, ProgressListener p,
                           CancelFlag cancel, Derivation der) throws SakshiException {
        CaseInfo info = s.caseInfo();
        Vault vault = access.vault(caseDir);
        Undo undo = new Undo();
        boolean committed = false;
        try {
            String id = s.nextItemId();
            Path abs = der != null ? null : source.toAbsolutePath().normalize();
            String name = der != null ? safeName(der.request().name())
                    : abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
            boolean folder = der == null && Files.isDirectory(source);
            List<String> warnings = new ArrayList<>();

            // (1) vault copy with digests
            StoredBlob main;
            List<EntryRow> entries = new ArrayList<>();
            long size;
            if (der != null) {
                main = vault.storeBytes(der.request().content());
                if (!main.existed()) {
                    undo.newBlobs.add(main.relPath());
                }
                size = main.hash().size();
            } else if (folder) {
                main = storeFolder(vault, source, name, entries, warnings, undo, p, cancel);
                size = entries.stream().mapToLong(EntryRow::size).sum();
            } else {
                main = vault.store(source, p, name, cancel);
                if (!main.existed()) {
                    undo.newBlobs.add(main.relPath());
                }
                size = main.hash().size();
            }

            // (2) parse the read-only vault copy
            ZoneId zone = req.zone() != null ? req.zone() : info.zone();
            ParseOptions opts = ParseOptions.defaults(zone).withKind(req.kind()).withDateOrder(req.dateOrder());
            ParseInput input = folder
                    ? ParseInput.ofFolder(name, entries.stream().map(e -> new FolderEntry(e.path(),
                    vault.resolve(e.blob()), e.size(), e.sha256())).toList(), opts)
                    : ParseInput.ofFile(name, vault.resolve(main.relPath()), opts);
            Path records = CaseAccess.recordsFile(caseDir, id);
            Files.createDirectories(records.getParent());
            Path recordsPart = records.resolveSibling(id + ".jsonl.part");
            undo.files.add(recordsPart);
            undo.files.add(records);
            ParseResult parsed;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(recordsPart,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                 JsonGenerator g = JSON.getFactory().createGenerator(os)) {
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                RecordSink sink = r -> {
                    RECORD.writeValue(g, r);
                    g.writeRaw('\n');
                };
                parsed = ingest.parse(input, sink, cancel);
                g.flush();
            }
            if (parsed.records() > 0 || Files.size(recordsPart) > 0) {
                Files.move(recordsPart, records, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recordsPart);
            }
            warnings.addAll(parsed.warnings());
            ItemKind kind = parsed.kind();
            String summaryKey = parsed.summaryKey() != null ? parsed.summaryKey() : ItemJson.summaryKey(kind);

            // derived files (thumbnails...), read-only beside the case's records
            List<DerivedRow> derivedRows = new ArrayList<>();
            if (!parsed.derived().isEmpty()) {
                Path ddir = CaseAccess.derivedDir(caseDir, id);
                undo.files.add(ddir);
                Files.createDirectories(ddir);
                for (Derived d : parsed.derived()) {
                    String dn = safeName(d.name());
                    Path tmp = ddir.resolve(dn + ".part");
                    Files.write(tmp, d.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.SYNC);
                    Path fin = ddir.resolve(dn);
                    Files.move(tmp, fin, StandardCopyOption.ATOMIC_MOVE);
                    try {
                        Files.setPosixFilePermissions(fin, PosixFilePermissions.fromString("r--r--r--"));
                    } catch (UnsupportedOperationException ignored) {
                        fin.toFile().setReadOnly();
                    }
                    derivedRows.add(new DerivedRow(id, dn, d.mediaType(),
                            HashPipeline.hashBytes(d.content()).digests().sha256(), d.content().length));
                }
            }

            // duplicate content
            Optional<StoredItem> first = s.firstWithSha256(main.sha256());
            String duplicateOf = first.map(f -> f.item().id()).orElse(null);
            if (first.isPresent()) {
                warnings.add("identical content was already imported as " + first.get().item().id() + " ("
                        + first.get().item().name() + "); this item refers to the same vault copy");
            }

            // (3) time-stamp: the TSAs in order, the first valid token wins
            String sha256 = main.sha256();
            TimestampToken token = null;
            TimestampSource tokenSource = null;
            List<String> tsaErrors = new ArrayList<>();
            for (TimestampSource tsa : req.tsas()) {
                cancel.throwIfCancelled();
                try {
                    token = tsa.stamp(HexFormat.of().parseHex(sha256));
                    tokenSource = tsa;
                    break;
                } catch (TimestampException e) {
                    tsaErrors.add(tsa.name() + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    tsaErrors.add(tsa.name() + ": " + e);
                }
            }
            ItemTimestamp ts;
            if (token != null) {
                ts = new ItemTimestamp(TimestampStatus.GRANTED, token.genTime(), tsaName(token, tokenSource));
            } else {
                ts = ItemTimestamp.PENDING;
                warnings.add(NOT_STAMPED + (req.tsas().isEmpty() ? ": no time-stamp authority was given"
                        : ": no time-stamp authority answered (" + String.join("; ", tsaErrors) + ")")
                        + "; run 'sakshi timestamp' with --tsa when one is reachable");
            }

            cancel.throwIfCancelled();
            Actor actor = CaseAccess.actorOr(req.actor(), info);
            Item item = new Item(id, kind, name, size, main.hash().digests(),
                    EventCodec.ledgerTime(access.clock().now()), actor.name(), abs == null ? null : abs.toString(),
                    req.source(), ts, der == null ? null : der.parent().id(), warnings, folder, parsed.summary());
            StoredItem stored = new StoredItem(item, main.relPath(), main.hash().crc32(), summaryKey,
                    parsed.records());
            TimestampToken tok = token;
            TimestampSource tokSrc = tokenSource;

            // (4) one transaction: the item and its events, or nothing
            s.tx(() -> {
                s.insertItem(stored);
                if (folder) {
                    s.insertEntries(id, entries);
                }
                for (DerivedRow d : derivedRows) {
                    s.insertDerived(d);
                }
                String tool = access.workstation() == null ? null : access.workstation().toolVersion();
                if (der != null) {
                    // ITEM_DERIVED creates the derived item (docs/custody-ledger.md "ITEM_DERIVED")
                    s.append(new EventDraft(EventType.ITEM_DERIVED.name(), actor, id, sha256,
                            EventDetails.ItemDerived.ofItem(der.parent().id(), der.parent().digests().sha256(),
                                    der.request().method(), der.request().reason(), der.request().regions(), name,
                                    kind.json(), size, sha256, item.digests().sha1(), item.digests().md5(), tool),
                            item.importedAt()));
                } else {
                    s.append(new EventDraft(EventType.ITEM_IMPORTED.name(), actor, id, sha256,
                            EventDetails.ItemImported.of(name, kind.json(), size, sha256, item.digests().sha1(),
                                    item.digests().md5(), abs.toString(), ItemJson.source(req.source()), folder,
                                    folder ? entries.size() : null, duplicateOf, req.note()),
                            item.importedAt()));
                }
                for (Assumption a : parsed.assumptions()) {
                    s.append(new EventDraft(EventType.ASSUMPTION_RECORDED.name(), actor, id, sha256,
                            EventDetails.AssumptionRecorded.of(a.what(), a.value(), a.reason())));
                }
                for (DerivedRow dr : derivedRows) {
                    s.append(new EventDraft(EventType.ITEM_DERIVED.name(), actor, id, sha256,
                            EventDetails.ItemDerived.ofFile(dr.name(), dr.mediaType(), dr.sha256(), dr.size(), tool)));
                }
                if (tok != null) {
                    s.recordToken(tokenRow(id, tok, tsaName(tok, tokSrc)), actor, sha256);
                }
                return null;
            });
            committed = true;
            return item;
        } catch (IOException e) {
            throw ioFailure(source != null ? source : Path.of(der.request().name()), e);
        } finally {
            if (!committed) {
                undo.run(vault);
            }
        }
    }

    static String tsaName(TimestampToken t, TimestampSource src) {
        if (t.tsaName() != null) {
            return t.tsaName();
        }
        if (t.tsaUrl() != null) {
            return t.tsaUrl();
        }
        return src == null ? null : src.name();
    }

    /** Stores the token and records ITEM_TIMESTAMPED {tsa, time, serial}. Call inside a transaction. */
    private static TokenRow tokenRow(String id, TimestampToken tok, String tsa) {
        return new TokenRow(id, tok.response(), tok.genTime(), tok.serial(), tsa);
    }

    private static SakshiException ioFailure(Path source, IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return new StorageException("could not import " + source + ": the disk holding the case is full;"
                    + " nothing was recorded for it. Free some space and import it again", e);
        }
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
            return new InputException("could not import " + source + ": cannot read " + m + "; check the path and"
                    + " its permissions", e);
        }
        return new StorageException("could not import " + source + " (" + e.getClass().getSimpleName() + ": " + m
                + "); nothing was recorded for it", e);
    }

    private static String safeName(String n) {
        String s = n == null ? "derived" : n.replace('/', '_').replace('\\', '_');
        if (s.isBlank() || s.equals(".") || s.equals("..")) {
            s = "derived";
        }
        return s;
    }

    /** Hashes and stores every regular file of a folder, then its manifest; returns the manifest blob. */
    private StoredBlob storeFolder(Vault vault, Path dir, String name, List<EntryRow> entries, List<String> warnings,
                                   Undo undo, ProgressListener p, CancelFlag cancel)
            throws IOException, CancelledException {
        List<Path> files = new ArrayList<>();
        long[] total = {0};
        try (Stream<Path> walk = Files.walk(dir)) { // symbolic links are not followed
            for (Path f : walk.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    files.add(f);
                    total[0] += a.size();
                } else if (a.isSymbolicLink()) {
                    warnings.add("symbolic link " + rel(dir, f) + " was not followed and is not part of this item");
                } else if (a.isOther()) {
                    warnings.add(rel(dir, f) + " is not a regular file and is not part of this item");
                }
            }
        }
        long done = 0;
        for (Path f : files) {
            long base = done;
            String r = rel(dir, f);
            StoredBlob b = vault.store(f, (dn, t, w) -> p.progress(base + dn, total[0], name + "/" + r), r, cancel);
            if (!b.existed()) {
                undo.newBlobs.add(b.relPath());
            }
            entries.add(new EntryRow(r, b.hash().size(), b.sha256(), b.relPath()));
            done += b.hash().size();
        }
        entries.sort((x, y) -> x.path().compareTo(y.path()));
        // The folder's manifest: one "<sha256>  <path>" line per file, sorted by path, LF; it is also a
        // valid 'sha256sum -c' input from inside the folder. Its SHA-256 is the item's hash.
        StringBuilder m = new StringBuilder();
        for (EntryRow e : entries) {
            m.append(e.sha256()).append("  ").append(e.path().replace("%", "%25").replace("\n", "%0A")
                    .replace("\r", "%0D")).append('\n');
        }
        StoredBlob manifest = vault.storeBytes(m.toString().getBytes(StandardCharsets.UTF_8));
        if (!manifest.existed()) {
            undo.newBlobs.add(manifest.relPath());
        }
        return manifest;
    }

    private static String rel(Path dir, Path f) {
        StringBuilder sb = new StringBuilder();
        for (Path part : dir.relativize(f)) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** Asks the TSAs for a token for every item still pending; returns the items that got one. */
    public List<Item> stampPending(Path caseDir, List<TimestampSource> tsas, Actor actor) throws SakshiException {
        if (tsas == null || tsas.isEmpty()) {
            throw new InputException("no time-stamp authority given; name one with --tsa URL");
        }
        List<Item> out = new ArrayList<>();
        try (CaseStore s = access.write(caseDir)) {
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            for (StoredItem si : s.items()) {
                Item it = si.item();
                if (it.timestamp().status() != TimestampStatus.PENDING) {
                    continue;
                }
                TimestampToken tok = null;
                TimestampSource src = null;
                for (TimestampSource tsa : tsas) {
                    try {
                        tok = tsa.stamp(HexFormat.of().parseHex(it.digests().sha256()));
                        src = tsa;
                        break;
                    } catch (TimestampException | RuntimeException e) {
                        LOG.info("{} did not stamp {}: {}", tsa.name(), it.id(), e.getMessage());
                    }
                }
                if (tok == null) {
                    continue;
                }
                String tsaName = tsaName(tok, src);
                ItemTimestamp ts = new ItemTimestamp(TimestampStatus.GRANTED, tok.genTime(), tsaName);
                List<String> warnings = it.warnings().stream().filter(w -> !w.startsWith(NOT_STAMPED)).toList();
                TimestampToken t = tok;
                s.tx(() -> {
                    s.updateTimestamp(it.id(), ts, warnings);
                    s.recordToken(tokenRow(it.id(), t, tsaName), who, it.digests().sha256());
                    return null;
                });
                out.add(new Item(it.id(), it.kind(), it.name(), it.size(), it.digests(), it.importedAt(),
                        it.importedBy(), it.sourcePath(), it.source(), ts, it.derivedFrom(), warnings, it.folder(),
                        it.summary()));
            }
            // a TSA is reachable again: the head left unanchored by offline operations is anchored now
            CustodyService.anchorQuietly(s, who, tsas);
        }
        return out;
    }
}
