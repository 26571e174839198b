package org.sakshi.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakshi.core.Actor;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.EventType;
import org.sakshi.core.FolderEntry;
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
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.Derived;
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
 * Importing evidence: hash while copying into the vault, time-stamp, record, then parse.
 * <p>
 * Order of one import, all under the case's write lock: (1) copy into the vault with the three
 * digests (one read of the source); (2) ask the TSAs in order for a token over the SHA-256; (3) one
 * transaction records the item, its folder entries and token, and the events ITEM_IMPORTED (or
 * ITEM_DERIVED for a derived copy) and ITEM_TIMESTAMPED, before any parser has run; (4) the
 * read-only vault copy is parsed, streaming records to {@code records/<ITEM>.jsonl}, and a second
 * transaction adds the parse summary, derived files and the events ASSUMPTION_RECORDED and
 * ITEM_DERIVED. A failure or cancellation before (3) removes what (1)-(2) wrote; a crash before (3)
 * leaves files that the next writer removes (see {@link CaseAccess}). Whatever happens in (4) (a
 * parser that throws anything, runs out of memory or stack, a crash) the item stays recorded and
 * carries a warning saying its content was not parsed.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    /**
     * Jackson's data binding, set up on first use (a parser's records): an import of a file no parser
     * reads never needs it, and setting it up costs a third of a second of CPU while the digests run.
     */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
        /** One record per line; no flush per record (a chat may have a million messages). */
        static final com.fasterxml.jackson.databind.ObjectWriter RECORD = JSON.writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }
    static final String NOT_STAMPED = "not time-stamped yet";
    /** Carried by an item from its record until its parser has run; left behind only by a crash. */
    static final String PARSE_PENDING = "its content was not parsed (the import stopped before its parser"
            + " finished); it is kept and hashed as is";
    /** Start of the warning of a chat whose parse waits for the user's choice of date order. */
    static final String DATE_ORDER_PENDING = "the order of day and month in the chat's dates is ambiguous";

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
        return importPaths(caseDir, paths, request, progress, cancel, null);
    }

    /**
     * Files at least this large are copied into the vault from the start of an import that asks for it
     * ({@link #startCopy}), while the case is still being opened; smaller ones gain nothing from it.
     * The system property {@code sakshi.import.earlyCopyMinBytes} sets it (a huge value turns the early
     * copy off, e.g. to test a copy made wholly under the case's write lock).
     */
    long earlyCopyMinBytes = Long.getLong(EARLY_COPY_PROPERTY, EARLY_COPY_MIN_BYTES);
    static final String EARLY_COPY_PROPERTY = "sakshi.import.earlyCopyMinBytes";
    static final long EARLY_COPY_MIN_BYTES = 16L << 20;

    /**
     * A vault copy of the first file of an import, started before the case is opened and locked
     * ({@link #startCopy}), so that its hashing overlaps the opening of the case, the loading of the
     * workstation key and the tidying of the case. It only writes a temp file in the vault's temp
     * folder: the import takes it over under the case's write lock, after every check of the case has
     * passed, exactly where it would otherwise have started the copy; an import that does not reach that
     * point (the case is busy, closed, moved, not a case) leaves nothing, since {@link #close()} stops
     * the copy and removes its temp file.
     */
    public static final class EarlyCopy implements AutoCloseable {
        static final EarlyCopy NONE = new EarlyCopy(null);
        private final Vault.Started started;

        private EarlyCopy(Vault.Started started) {
            this.started = started;
        }

        /** The started copy when it is of {@code source} into {@code vault}, else null. */
        Vault.Started of(Path source, Vault vault) {
            if (started == null || source == null || !started.source().equals(source)) {
                return null;
            }
            return started.vaultRoot().toAbsolutePath().normalize().equals(vault.root().toAbsolutePath().normalize())
                    ? started : null;
        }

        /** Whether a copy was started (false: the import copies the file as usual). */
        public boolean holdsCopy() {
            return started != null;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }

        /**
         * Starts the vault copy of {@code source} into the case in {@code caseDir} as {@link #startCopy}
         * does, before anything else of the process: for a {@code sakshi import CASE FILE} that begins
         * with the case and a file (app's {@code Main}, before the command line is parsed and the
         * services are made). Uses nothing of {@link ImportService} itself (its class is not even
         * initialised), so the copy starts a few hundred milliseconds after the JVM; the import takes it
         * over like any early copy. On any doubt it holds nothing.
         */
        public static EarlyCopy startFirst(Path caseDir, Path source) {
            try {
                return start(caseDir, List.of(source), Long.getLong(EARLY_COPY_PROPERTY, EARLY_COPY_MIN_BYTES),
                        d -> new Vault(d.resolve("vault")));
            } catch (IOException | RuntimeException e) {
                return NONE; // the import copies as usual and reports what is wrong
            }
        }

        /** {@link #startCopy} without its logging; {@code vaultOf} gives the vault of a case folder. */
        static EarlyCopy start(Path caseDir, List<Path> paths, long minBytes,
                               java.util.function.Function<Path, Vault> vaultOf) throws IOException {
            if (paths == null || paths.isEmpty() || caseDir == null || org.sakshi.storage.ServerLink.isLink(caseDir)) {
                return NONE;
            }
            Path source = paths.get(0);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(source)
                    || Files.size(source) < minBytes
                    || !Files.isRegularFile(caseDir.resolve(CaseStore.DB), LinkOption.NOFOLLOW_LINKS)) {
                return NONE;
            }
            Vault vault = vaultOf.apply(caseDir);
            if (!Files.isDirectory(vault.root(), LinkOption.NOFOLLOW_LINKS)) {
                return NONE;
            }
            Path abs = source.toAbsolutePath().normalize();
            return new EarlyCopy(vault.begin(source, abs.getFileName() == null ? abs.toString()
                    : abs.getFileName().toString()));
        }
    }

    /**
     * Starts copying the first of {@code paths} into the vault of the case in {@code caseDir} before
     * anything else of the import (see {@link EarlyCopy}) when that can only help: a regular file of at
     * least {@link #earlyCopyMinBytes}, readable, into a case folder (not a lab server's case, whose vault
     * is shared) that has its case database and vault. Otherwise (and on any doubt) the returned handle
     * holds nothing and the import copies as usual. Pass it to
     * {@link #importPaths(Path, List, ImportRequest, ProgressListener, CancelFlag, EarlyCopy)} and close it
     * afterwards whatever happened.
     */
    public EarlyCopy startCopy(Path caseDir, List<Path> paths) {
        try {
            return EarlyCopy.start(caseDir, paths, earlyCopyMinBytes, access::vault);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no early copy of {}: {}", paths, e.toString());
            return EarlyCopy.NONE;
        }
    }

    /**
     * As {@link #importPaths(Path, List, ImportRequest, ProgressListener, CancelFlag)}, taking over the
     * copy {@code early} started (null: none) for the file it is of.
     */
    public ImportOutcome importPaths(Path caseDir, List<Path> paths, ImportRequest request, ProgressListener progress,
                                     CancelFlag cancel, EarlyCopy early) throws SakshiException {
        EarlyCopy e0 = early == null ? EarlyCopy.NONE : early;
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
                    imported.add(importOne(s, caseDir, path, request, p, c, null, null, e0));
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
                // docs/custody-ledger.md#anchors: every import batch ends with a token over the head
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
        /** A folder's flush still running when the import failed: it ends before its blobs are removed. */
        Vault.Durable flushing = Vault.Durable.DONE;

        void run(Vault v) {
            flushing.awaitQuietly();
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
                    new Derivation(request, parent.item()), null, EarlyCopy.NONE);
        }
    }

    /**
     * What a received item adds to an import (docs/custody-ledger.md, ITEM_IMPORTED {@code received}):
     * its original name, where it was read ({@code BUNDLE.zip:data/evidence/...}), the provenance object
     * recorded under {@code received}, and the sender's import token, kept as it is instead of a new one.
     */
    record Receipt(String name, String sourcePath, Map<String, Object> received, TimestampToken token) {
    }

    /**
     * Records one item taken in from a received bundle ({@link ReceiveService}), from its copy staged
     * by the receiver (a file, or a folder for a folder item), inside the caller's write session: the
     * vault copy and digests as for any import, ITEM_IMPORTED with {@code received}, the original token
     * with ITEM_TIMESTAMPED when the sender had one (never a new token, which would hide the original
     * time), then the parse. An ambiguous chat date order leaves the item recorded with a warning.
     */
    Item importReceived(CaseStore s, Path caseDir, Path staged, Receipt receipt, ImportRequest req,
                        ProgressListener p, CancelFlag cancel) throws SakshiException {
        try {
            return importOne(s, caseDir, staged, req, p, cancel, null, receipt, EarlyCopy.NONE);
        } catch (AmbiguousDateOrderException e) {
            return s.items().stream().filter(i -> i.item().digests().sha256().equals(
                            String.valueOf(receipt.received().get(EventDetails.Received.SHA256))))
                    .reduce((a, b) -> b).map(StoredItem::item).orElseThrow(() -> e);
        }
    }

    /** What {@link #derive} adds to an import: the request and the parent's record. */
    private record Derivation(DeriveRequest request, Item parent) {
    }

    /** The new item's id, the source's absolute path (null for a derived copy), its name, and whether it is a folder. */
    /**
     * Where an import comes from. Its item id is handed out only in the transaction that records it:
     * on a lab server several workstations import at once, and an id taken earlier would be lost
     * with an import that fails or is killed before its commit, leaving a gap in the item numbers.
     */
    private record Origin(Path abs, String name, boolean folder) {
    }

    /**
     * The vault copy of one import: the item's blob (a folder's manifest), a folder's entries, the
     * size, and the flush that makes a folder's blobs durable (still running while the item's rows
     * are prepared; {@link #durable()} waits for it before anything refers to them is committed).
     */
    private record Copy(StoredBlob main, List<EntryRow> entries, long size, Vault.Durable flush) {
        String sha256() {
            return main.sha256();
        }

        /** Returns once every blob of this copy is durable; a flush that failed fails the import. */
        void durable() throws StorageException {
            try {
                flush.await();
            } catch (IOException e) {
                throw new StorageException("could not make the folder's copies in the vault durable (" + e.getMessage()
                        + "); nothing was recorded for it. Check the disk holding the case and import it again", e);
            }
        }
    }

    /** The first token the TSAs gave (with its source), or the reason each one refused. */
    private record Stamp(TimestampToken token, TimestampSource source, List<String> errors) {
    }

    /**
     * One import in two steps. First the evidence is kept: vault copy with digests, time-stamp, and
     * one transaction recording the item and ITEM_IMPORTED (or ITEM_DERIVED) before any parser runs;
     * a failure or cancellation before that commit removes what was written. Then the read-only
     * vault copy is parsed ({@link #parseRecorded}); whatever the parser does, the item stays recorded.
     */
    private Item importOne(CaseStore s, Path caseDir, Path source, ImportRequest req, ProgressListener p,
                           CancelFlag cancel, Derivation der, Receipt rec, EarlyCopy early) throws SakshiException {
        CaseInfo info = s.caseInfo();
        Vault vault = access.vault(caseDir);
        Actor actor = CaseAccess.actorOr(req.actor(), info);
        Undo undo = new Undo();
        boolean committed = false;
        StoredItem recorded;
        ParseInput input;
        try {
            Origin origin = origin(s, source, der, rec);
            List<String> warnings = new ArrayList<>();

            // (1) vault copy with digests
            Copy copy = storeCopy(vault, source, origin, der, warnings, undo, p, cancel,
                    s.server().isEmpty() ? early.of(source, vault) : null);
            ZoneId zone = req.zone() != null ? req.zone() : info.zone();
            ParseOptions opts = ParseOptions.defaults(zone).withKind(req.kind()).withDateOrder(req.dateOrder());
            input = parseInput(vault, origin, copy, opts);

            // a chat that waited for the user's date order is parsed now, under its first record
            Optional<StoredItem> waiting = der == null && req.dateOrder() != null
                    ? waitingForDateOrder(s, copy.sha256()) : Optional.empty();
            if (waiting.isPresent()) {
                copy.durable();
                committed = true; // nothing new was stored: the blob belongs to the waiting item
                return parseRecorded(s, caseDir, waiting.get(), input, actor, cancel);
            }

            // duplicate content
            Optional<StoredItem> first = s.firstWithSha256(copy.sha256());
            String duplicateOf = first.map(f -> f.item().id()).orElse(null);
            if (first.isPresent()) {
                warnings.add("identical content was already imported as " + first.get().item().id() + " ("
                        + first.get().item().name() + "); this item refers to the same vault copy");
            }

            // (2) time-stamp: the TSAs in order, the first valid token wins
            Stamp stamp = rec != null ? new Stamp(rec.token(), null, List.of("the sender had no token"))
                    : stamp(req.tsas(), copy.sha256(), cancel);
            cancel.throwIfCancelled();

            // (3) one transaction: the item and its events, or nothing; no parser has run yet
            recorded = record(s, origin, copy, initialKind(input, copy, origin), req, der, rec, actor, warnings,
                    duplicateOf, stamp);
            committed = true;
        } catch (IOException e) {
            throw ioFailure(source != null ? source : Path.of(der.request().name()), e);
        } finally {
            if (!committed) {
                undo.run(vault);
            }
        }
        // (4) parse the read-only vault copy and add what it found
        return parseRecorded(s, caseDir, recorded, input, actor, cancel);
    }

    private static Origin origin(CaseStore s, Path source, Derivation der, Receipt rec) throws SakshiException {
        if (der != null) {
            return new Origin(null, safeName(der.request().name()), false);
        }
        Path abs = source.toAbsolutePath().normalize();
        String name = rec != null ? rec.name() : abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        return new Origin(abs, name, Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS));
    }

    private Copy storeCopy(Vault vault, Path source, Origin origin, Derivation der, List<String> warnings, Undo undo,
                           ProgressListener p, CancelFlag cancel, Vault.Started started)
            throws IOException, SakshiException {
        if (origin.folder()) {
            List<EntryRow> entries = new ArrayList<>();
            StoredBlob main = storeFolder(vault, source, origin.name(), entries, warnings, undo, p, cancel);
            return new Copy(main, entries, entries.stream().mapToLong(EntryRow::size).sum(), undo.flushing);
        }
        StoredBlob main = der != null ? vault.storeBytes(der.request().content())
                : started != null && !origin.folder() ? takeOver(started, vault, source, p, origin.name(), cancel)
                : vault.store(source, p, origin.name(), cancel);
        if (!main.existed()) {
            undo.newBlobs.add(main.relPath());
        }
        return new Copy(main, List.of(), main.hash().size(), Vault.Durable.DONE); // fsynced by the store
    }

    /**
     * The blob of a copy started before the case was opened: committed now, under the write lock.
     * When that copy failed for a reason of its own (its temp file removed by another process tidying
     * the case before this one held the lock, a read error), the file is copied again as usual, which
     * gives the usual verdict and message.
     */
    private static StoredBlob takeOver(Vault.Started started, Vault vault, Path source, ProgressListener p, String what,
                                      CancelFlag cancel) throws IOException, CancelledException {
        try {
            return started.commit(p, cancel);
        } catch (IOException | RuntimeException e) {
            LOG.info("the early copy of {} failed ({}); copying it again", source, e.toString());
            started.close();
            return vault.store(source, p, what, cancel);
        }
    }

    private static ParseInput parseInput(Vault vault, Origin origin, Copy copy, ParseOptions opts) {
        if (!origin.folder()) {
            return ParseInput.ofFile(origin.name(), vault.resolve(copy.main().relPath()), opts);
        }
        List<EntryRow> rows = copy.entries();
        // a view, not a second list: a folder may hold hundreds of thousands of files
        List<FolderEntry> view = new java.util.AbstractList<>() {
            @Override
            public FolderEntry get(int i) {
                EntryRow e = rows.get(i);
                return new FolderEntry(e.path(), vault.resolve(e.blob()), e.size(), e.sha256());
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
        return ParseInput.ofFolder(origin.name(), view, opts);
    }

    /**
     * The kind recorded in ITEM_IMPORTED: the kind the user forced, else what a cheap look at the
     * first bytes or the listing suggests (never a full parse), else FILE. Parsing may refine it later.
     */
    private ItemKind initialKind(ParseInput input, Copy copy, Origin origin) {
        if (input.options().forcedKind() != null) {
            return input.options().forcedKind();
        }
        if (!origin.folder() && copy.size() == 0) {
            return ItemKind.FILE;
        }
        try {
            return ingest.detect(input);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("kind detection failed for {}", input.name(), e);
            return ItemKind.FILE;
        }
    }

    private static Stamp stamp(List<TimestampSource> tsas, String sha256, CancelFlag cancel)
            throws CancelledException {
        List<String> errors = new ArrayList<>();
        for (TimestampSource tsa : tsas) {
            cancel.throwIfCancelled();
            try {
                return new Stamp(tsa.stamp(HexFormat.of().parseHex(sha256)), tsa, errors);
            } catch (TimestampException e) {
                errors.add(tsa.name() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                errors.add(tsa.name() + ": " + e);
            }
        }
        return new Stamp(null, null, errors);
    }

    /** Records the item (with {@link #PARSE_PENDING} until its parser has run), its entries, its event and token. */
    private StoredItem record(CaseStore s, Origin origin, Copy copy, ItemKind kind, ImportRequest req,
                              Derivation der, Receipt rec, Actor actor, List<String> warnings, String duplicateOf,
                              Stamp stamp) throws SakshiException {
        TimestampToken token = stamp.token();
        ItemTimestamp ts;
        if (token != null) {
            ts = new ItemTimestamp(TimestampStatus.GRANTED, token.genTime(), tsaName(token, stamp.source()));
        } else {
            ts = ItemTimestamp.PENDING;
            warnings.add(rec != null ? NOT_STAMPED + ": the sending agency had no time-stamp of it, and a token taken"
                    + " now would only prove the time of receipt; run 'sakshi timestamp' with --tsa for that"
                    : NOT_STAMPED + (req.tsas().isEmpty() ? ": no time-stamp authority was given"
                    : ": no time-stamp authority answered (" + String.join("; ", stamp.errors()) + ")")
                    + "; run 'sakshi timestamp' with --tsa when one is reachable");
        }
        warnings.add(PARSE_PENDING);
        return s.tx(() -> {
            String id = s.nextItemId(); // in the recording transaction: a failed import takes no number
            Item item = new Item(id, kind, origin.name(), copy.size(), copy.main().hash().digests(),
                    EventCodec.ledgerTime(access.clock().now()), actor.name(),
                    rec != null ? rec.sourcePath() : origin.abs() == null ? null : origin.abs().toString(), req.source(),
                    ts, der == null ? null : der.parent().id(), warnings, origin.folder(), Map.of());
            StoredItem stored = new StoredItem(item, copy.main().relPath(), copy.main().hash().crc32(),
                    ItemJson.summaryKey(kind), 0);
            s.insertItem(stored);
            if (origin.folder()) {
                s.insertEntries(id, copy.entries());
            }
            if (der != null) {
                s.append(new EventDraft(EventType.ITEM_DERIVED.name(), actor, id, copy.sha256(),
                        derivedItemDetails(der, item), item.importedAt()));
            } else {
                Map<String, Object> details = importedDetails(item, req, copy, duplicateOf);
                if (rec != null) {
                    details.put(EventDetails.ItemImported.RECEIVED, rec.received());
                }
                s.append(new EventDraft(EventType.ITEM_IMPORTED.name(), actor, id, copy.sha256(), details,
                        item.importedAt()));
            }
            if (token != null) {
                s.recordToken(tokenRow(id, token, tsaName(token, stamp.source())), actor, copy.sha256());
            }
            copy.durable(); // the folder's blobs were flushed while its rows were inserted; committed only now
            return stored;
        });
    }

    /** ITEM_IMPORTED details. */
    private static Map<String, Object> importedDetails(Item item, ImportRequest req, Copy copy, String duplicateOf) {
        return EventDetails.ItemImported.of(item.name(), item.kind().json(), item.size(), item.digests().sha256(),
                item.digests().sha1(), item.digests().md5(), item.sourcePath(), ItemJson.source(req.source()),
                item.folder(), item.folder() ? copy.entries().size() : null, duplicateOf, req.note());
    }

    /** ITEM_DERIVED details of a derived item; docs/custody-ledger.md leaves details per type. */
    private Map<String, Object> derivedItemDetails(Derivation der, Item item) {
        return EventDetails.ItemDerived.ofItem(der.parent().id(), der.parent().digests().sha256(),
                der.request().method(), der.request().reason(), der.request().regions(), item.name(),
                item.kind().json(), item.size(), item.digests().sha256(), item.digests().sha1(), item.digests().md5(),
                toolVersion());
    }

    private String toolVersion() {
        return access.workstation() == null ? null : access.workstation().toolVersion();
    }

    /** An item whose chat waits for the user's choice of date order, holding exactly these bytes. */
    private static Optional<StoredItem> waitingForDateOrder(CaseStore s, String sha256) throws SakshiException {
        return s.items().stream().filter(i -> i.item().digests().sha256().equals(sha256)
                && i.item().warnings().stream().anyMatch(w -> w.startsWith(DATE_ORDER_PENDING))).findFirst();
    }

    /**
     * Parses a recorded item's vault copy, streaming records to {@code records/<ITEM>.jsonl}, and
     * records what was found (kind, summary, derived files, ASSUMPTION_RECORDED and ITEM_DERIVED
     * events) in one transaction. A parser that fails in any way, {@code OutOfMemoryError} and
     * {@code StackOverflowError} included, leaves the item as recorded with a warning saying so.
     * Cancellation and an ambiguous date order leave it recorded with a warning and are rethrown.
     */
    private Item parseRecorded(CaseStore s, Path caseDir, StoredItem rec, ParseInput input, Actor actor,
                               CancelFlag cancel) throws SakshiException {
        Item item = rec.item();
        List<String> kept = item.warnings().stream()
                .filter(w -> !w.equals(PARSE_PENDING) && !w.startsWith(DATE_ORDER_PENDING)).toList();
        Undo undo = new Undo();
        try {
            ParseResult parsed = parseToRecords(caseDir, item.id(), input, cancel, undo);
            List<DerivedRow> derivedRows = writeDerived(caseDir, item.id(), parsed.derived(), undo);
            List<String> warnings = new ArrayList<>(kept);
            warnings.addAll(parsed.warnings());
            String summaryKey = parsed.summaryKey() != null ? parsed.summaryKey() : ItemJson.summaryKey(parsed.kind());
            String sha256 = item.digests().sha256();
            s.tx(() -> {
                s.updateParsed(item.id(), parsed.kind(), summaryKey, parsed.summary(), parsed.records(), warnings);
                for (DerivedRow d : derivedRows) {
                    s.insertDerived(d);
                }
                for (Assumption a : parsed.assumptions()) {
                    s.append(new EventDraft(EventType.ASSUMPTION_RECORDED.name(), actor, item.id(), sha256,
                            assumptionDetails(a)));
                }
                for (DerivedRow dr : derivedRows) {
                    s.append(new EventDraft(EventType.ITEM_DERIVED.name(), actor, item.id(), sha256,
                            derivedFileDetails(dr)));
                }
                return null;
            });
            return withParse(item, parsed.kind(), warnings, parsed.summary());
        } catch (AmbiguousDateOrderException e) {
            undo.run(null);
            keepUnparsed(s, item, kept, DATE_ORDER_PENDING + "; its messages are not listed yet: " + e.getMessage());
            throw e;
        } catch (CancelledException e) {
            undo.run(null);
            keepUnparsed(s, item, kept, "parsing was cancelled; the item is kept and hashed, its content is not listed");
            throw e;
        } catch (Throwable t) { // a hostile input may break a parser in any way; the evidence is already kept
            undo.run(null);
            LOG.warn("parsing {} ({}) failed; the item stays recorded", item.id(), item.name(), t);
            return keepUnparsed(s, item, kept, "could not be parsed (" + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()))
                    + "); it is kept and hashed as is, its content is not listed");
        }
    }

    private static String firstLine(String m) {
        int i = m.indexOf('\n');
        return i < 0 ? m : m.substring(0, i);
    }

    /** Replaces the parse-pending warning of a recorded item by {@code why}; the item keeps its kind. */
    private static Item keepUnparsed(CaseStore s, Item item, List<String> kept, String why) throws SakshiException {
        List<String> warnings = new ArrayList<>(kept);
        warnings.add(why);
        s.tx(() -> {
            s.updateParsed(item.id(), item.kind(), ItemJson.summaryKey(item.kind()), Map.of(), 0, warnings);
            return null;
        });
        return withParse(item, item.kind(), warnings, Map.of());
    }

    private static Item withParse(Item it, ItemKind kind, List<String> warnings, Map<String, Object> summary) {
        return new Item(it.id(), kind, it.name(), it.size(), it.digests(), it.importedAt(), it.importedBy(),
                it.sourcePath(), it.source(), it.timestamp(), it.derivedFrom(), warnings, it.folder(), summary);
    }

    /** Runs the parser, streaming its records to {@code records/<ITEM>.jsonl} (moved into place when not empty). */
    private ParseResult parseToRecords(Path caseDir, String id, ParseInput input, CancelFlag cancel, Undo undo)
            throws IOException, SakshiException {
        Path records = CaseAccess.recordsFile(caseDir, id);
        org.sakshi.core.OwnerOnly.dir(records.getParent());
        Path recordsPart = records.resolveSibling(id + ".jsonl.part");
        undo.files.add(recordsPart);
        undo.files.add(records);
        ParseResult parsed;
        try (OutputStream os = new BufferedOutputStream(org.sakshi.core.OwnerOnly.createNew(recordsPart), 1 << 16);
             RecordWriter w = new RecordWriter(os)) {
            RecordSink sink = r -> {
                JsonGenerator g = w.generator();
                if (!writeFlatRecord(g, r)) {
                    Json.RECORD.writeValue(g, r);
                }
                g.writeRaw('\n');
            };
            parsed = ingest.parse(input, sink, cancel);
            w.flush();
        }
        if (parsed.records() > 0) { // a parser that failed half-way (0 records reported) leaves no half list
            Files.move(recordsPart, records, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(recordsPart);
        }
        return parsed;
    }

    /**
     * The records' JSON generator, made at the first record: a parser that lists nothing (a plain file)
     * leaves data binding unset-up. Writes what the generator made up front wrote.
     */
    /**
     * Writes a record whose values are all texts, whole numbers ({@code Long}, {@code Integer}), booleans,
     * nulls or lists of texts (a folder's or a dump's members) with the streaming generator: the same
     * bytes as {@code Json.RECORD.writeValue} (which serializes such a map field by field with these
     * same generator calls) without data binding's per-value serializer look-ups, once per member of a
     * folder of 100,000 files. Returns false, having written nothing, for any other record.
     */
    static boolean writeFlatRecord(JsonGenerator g, Map<String, Object> r) throws IOException {
        if (!(r instanceof java.util.LinkedHashMap) && !(r instanceof java.util.HashMap) && !(r instanceof java.util.TreeMap)) {
            return false; // a map type of its own could serialize otherwise (annotations, a custom order)
        }
        for (Map.Entry<String, Object> e : r.entrySet()) {
            Object v = e.getValue();
            if (e.getKey() == null || !(v == null || v instanceof String || v instanceof Long || v instanceof Integer
                    || v instanceof Boolean || (v instanceof List<?> l && textsOnly(l)))) {
                return false;
            }
        }
        g.writeStartObject();
        for (Map.Entry<String, Object> e : r.entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String t) {
                g.writeString(t);
            } else if (v instanceof Long n) {
                g.writeNumber(n.longValue());
            } else if (v instanceof Integer n) {
                g.writeNumber(n.intValue());
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeStartArray();
                for (Object t : (List<?>) v) {
                    if (t == null) {
                        g.writeNull();
                    } else {
                        g.writeString((String) t);
                    }
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
        return true;
    }

    private static boolean textsOnly(List<?> l) {
        if (!(l instanceof java.util.RandomAccess)) {
            return false;
        }
        for (Object t : l) {
            if (t != null && !(t instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static final class RecordWriter implements java.io.Closeable {
        private final OutputStream os;
        private JsonGenerator g;

        RecordWriter(OutputStream os) {
            this.os = os;
        }

        JsonGenerator generator() throws IOException {
            if (g == null) {
                g = Json.JSON.getFactory().createGenerator(os);
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            }
            return g;
        }

        void flush() throws IOException {
            if (g != null) {
                g.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (g != null) {
                g.close();
            }
        }
    }

    /** Derived files (thumbnails...), read-only beside the case's records. */
    private static List<DerivedRow> writeDerived(Path caseDir, String id, List<Derived> derived, Undo undo)
            throws IOException {
        List<DerivedRow> rows = new ArrayList<>();
        if (derived.isEmpty()) {
            return rows;
        }
        Path ddir = CaseAccess.derivedDir(caseDir, id);
        undo.files.add(ddir);
        org.sakshi.core.OwnerOnly.dir(ddir);
        for (Derived d : derived) {
            String dn = safeName(d.name());
            Path tmp = ddir.resolve(dn + ".part");
            Files.write(tmp, d.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Path fin = ddir.resolve(dn);
            Files.move(tmp, fin, StandardCopyOption.ATOMIC_MOVE);
            org.sakshi.core.OwnerOnly.readOnly(fin);
            rows.add(new DerivedRow(id, dn, d.mediaType(),
                    HashPipeline.hashBytes(d.content()).digests().sha256(), d.content().length));
        }
        return rows;
    }

    private static Map<String, Object> assumptionDetails(Assumption a) {
        return EventDetails.AssumptionRecorded.of(a.what(), a.value(), a.reason());
    }

    private Map<String, Object> derivedFileDetails(DerivedRow dr) {
        return EventDetails.ItemDerived.ofFile(dr.name(), dr.mediaType(), dr.sha256(), dr.size(), toolVersion());
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

    /** A regular file found by listing a folder, with its file key (inode) at listing time. */
    record Listed(Path file, Object key, long size) {
    }

    /**
     * Test seam: false makes every folder walk the path-checking one ({@link FolderCopier}), which runs
     * where a folder cannot be held open (no {@link java.nio.file.SecureDirectoryStream}, no file keys).
     */
    boolean holdFolders = true;

    /** Test seam: runs for each regular file between listing it and copying it (to swap it in between). */
    java.util.function.Consumer<Listed> afterListing = l -> { };

    /**
     * Hashes and stores every regular file of a folder, then its manifest; returns the manifest blob.
     * The folder is walked as a stream (no list of its files is held) and each file is copied as it
     * is listed. Each file is opened without following links and must still be the file listed
     * (same file key, same real parent folder): a file swapped for a symbolic link or another file
     * meanwhile is refused and nothing of the folder is recorded. The small files are written as one
     * {@link Vault.Batch} and made durable together: the flush is still running when this method
     * returns ({@code undo.flushing}), and the item that refers to them is committed only after it
     * ended ({@link Copy#durable()}).
     */
    private StoredBlob storeFolder(Vault vault, Path dir, String name, List<EntryRow> entries, List<String> warnings,
                                   Undo undo, ProgressListener p, CancelFlag cancel)
            throws IOException, SakshiException {
        Path realDir = dir.toRealPath();
        List<String> skipped = new ArrayList<>();
        // the batch's writer threads add to entries and undo; close() (or sync()) waits for them, so both
        // are complete when read below or when a failure runs the undo
        try (Vault.Batch batch = vault.memberBatch()) { // a member gets its SHA-256, the manifest all digests
            if (!holdFolders || !new HeldWalk(dir, name, batch, entries, skipped, undo, p, cancel).run()) {
                FolderCopier copier = new FolderCopier(dir, realDir, name, batch, entries, skipped, undo, p, cancel);
                Files.walkFileTree(dir, copier); // symbolic links are not followed
                if (copier.failure != null) {
                    throw copier.failure;
                }
            }
            batch.awaitWrites(); // every file's entry is in entries (or the first failed write is thrown)
            skipped.sort(null); // the same folder gives the same warnings in the same order
            warnings.addAll(skipped);
            entries.sort((x, y) -> x.path().compareTo(y.path()));
            StoredBlob manifest = batch.storeBytes(manifest(entries));
            if (!manifest.existed()) {
                undo.newBlobs.add(manifest.relPath());
            }
            // every file of the folder and its manifest are durable before anything referring to them is
            // committed: the flush runs while the item's rows are prepared (Copy.durable, before the commit)
            undo.flushing = batch.syncLater();
            return manifest;
        }
    }

    /**
     * The folder's manifest: one {@code "<sha256>  <path>"} line per file, sorted by path, LF; it is
     * also a valid {@code sha256sum -c} input from inside the folder. Its SHA-256 is the item's hash.
     */
    private static byte[] manifest(List<EntryRow> entries) {
        java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream(entries.size() * 100 + 16);
        for (EntryRow e : entries) {
            m.writeBytes(e.sha256().getBytes(StandardCharsets.US_ASCII));
            m.write(' ');
            m.write(' ');
            m.writeBytes(e.path().replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")
                    .getBytes(StandardCharsets.UTF_8));
            m.write('\n');
        }
        return m.toByteArray();
    }

    /** Copies each regular file of a folder into the vault batch as the walk lists it. */
    private final class FolderCopier extends java.nio.file.SimpleFileVisitor<Path> {
        private final Path dir;
        private final Path realDir;
        private final String name;
        private final Vault.Batch batch;
        private final List<EntryRow> entries;
        private final List<String> skipped;
        private final Undo undo;
        private final ProgressListener p;
        private final CancelFlag cancel;
        private long done;
        /** Why the walk stopped (a swapped file, cancellation); thrown once the walk has returned. */
        SakshiException failure;
        /**
         * The file key (device and inode on POSIX) of each folder being walked, as listed; null where
         * the file system has no file keys, and then each file's folder is checked by its real path.
         */
        private final java.util.Map<Path, Object> folderKeys = new java.util.HashMap<>();

        FolderCopier(Path dir, Path realDir, String name, Vault.Batch batch, List<EntryRow> entries,
                     List<String> skipped, Undo undo, ProgressListener p, CancelFlag cancel) {
            this.dir = dir;
            this.realDir = realDir;
            this.name = name;
            this.batch = batch;
            this.entries = entries;
            this.skipped = skipped;
            this.undo = undo;
            this.p = p;
            this.cancel = cancel;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            if (a.isRegularFile()) {
                try {
                    copy(f, a);
                } catch (SakshiException e) {
                    failure = e;
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
            } else if (a.isSymbolicLink()) {
                skipped.add("symbolic link " + rel(dir, f) + " was not followed and is not part of this item");
            } else if (a.isOther()) {
                skipped.add(rel(dir, f) + " is not a regular file and is not part of this item");
            }
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        /**
         * Records the folder's file key as listed; a sub-folder is entered only while its parent's
         * path still leads to the parent folder listed (one {@code lstat}), so no folder of the walk
         * was reached through a folder swapped for a symbolic link or for another folder.
         */
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
            Object key = a.fileKey();
            try {
                if (key != null) {
                    Object expected = d.equals(dir) ? Files.readAttributes(realDir, BasicFileAttributes.class).fileKey()
                            : folderKeys.get(d.getParent());
                    Path checked = d.equals(dir) ? d : d.getParent();
                    if (d.equals(dir) ? !key.equals(expected) : !sameFolder(checked, expected)) {
                        throw new Vault.SwappedFileException("a folder on the way to " + d + " was replaced (by a"
                                + " symbolic link or another folder) after it was listed", null);
                    }
                }
            } catch (Vault.SwappedFileException e) {
                failure = swapped(e);
                return java.nio.file.FileVisitResult.TERMINATE;
            }
            folderKeys.put(d, key);
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            folderKeys.remove(d);
            return super.postVisitDirectory(d, e);
        }

        /** True when {@code folder} (not followed if it is a link) is still the folder with {@code key}. */
        private static boolean sameFolder(Path folder, Object key) throws IOException {
            if (key == null) {
                return false;
            }
            try {
                BasicFileAttributes now = Files.readAttributes(folder, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                return now.isDirectory() && key.equals(now.fileKey());
            } catch (NoSuchFileException e) {
                return false;
            }
        }

        private InputException swapped(Vault.SwappedFileException e) {
            return swappedIn(dir, e);
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
            throw e; // an unreadable sub-folder: the folder cannot be kept whole
        }

        private void copy(Path f, BasicFileAttributes a) throws IOException, SakshiException {
            afterListing.accept(new Listed(f, a.fileKey(), a.size()));
            Path relative = dir.relativize(f);
            String r = slashed(relative);
            long base = done;
            try {
                Object parentKey = folderKeys.get(f.getParent());
                if (parentKey != null) {
                    // one lstat: the file's folder is still the folder listed (a link or another folder in its
                    // place, or anywhere on the way to it, leads to another file key)
                    if (!sameFolder(f.getParent(), parentKey)) {
                        throw new Vault.SwappedFileException("a folder on the way to " + f + " was replaced (by a"
                                + " symbolic link or another folder) after it was listed", null);
                    }
                } else { // no file keys on this file system: compare real paths
                    Path relParent = relative.getParent();
                    Path expectedParent = relParent == null ? realDir : realDir.resolve(relParent);
                    if (!f.getParent().toRealPath().equals(expectedParent)) {
                        throw new Vault.SwappedFileException("a folder on the way to " + f + " was replaced by a"
                                + " symbolic link after it was listed", null);
                    }
                }
                // hashed and written on a writer thread of the batch, which then records the blob here
                batch.submit(f, a.fileKey(), a.size(), (dn, t, w) -> p.progress(base + dn, -1, name + "/" + r), r, cancel,
                        member(r, entries, undo));
            } catch (Vault.SwappedFileException e) {
                throw swapped(e);
            }
            done += a.size();
        }
    }

    /** Hands a folder member's blob on (on a writer thread of the batch): its row, and its undo if it is new. */
    private static java.util.function.Consumer<StoredBlob> member(String r, List<EntryRow> entries, Undo undo) {
        return b -> {
            if (!b.existed()) {
                undo.newBlobs.add(b.relPath());
            }
            entries.add(new EntryRow(r, b.size(), b.sha256(), b.relPath()));
        };
    }

    private static InputException swappedIn(Path dir, Vault.SwappedFileException e) {
        return new InputException("cannot import " + dir + ": " + e.getMessage() + "; it was not copied and"
                + " nothing was recorded for this folder. Import it again when nothing else is changing it", e);
    }

    /**
     * Copies each regular file of a folder into the vault batch as it is listed, holding each folder of
     * the walk open ({@link java.nio.file.SecureDirectoryStream}): every file is listed, opened and
     * checked relative to its open folder ({@code fstatat}, {@code openat} with {@code O_NOFOLLOW}),
     * one name each, instead of by its whole path. Each folder opened is checked to be the one listed
     * (its file key) when it is opened, so no file is read from a folder swapped in (or reached through
     * a symbolic link) between listing and opening; a folder whose path no longer leads to it when its
     * listing ends was swapped during the listing, and the import is refused, as
     * {@link FolderCopier} refuses it. Two {@code statx} per file instead of three by whole path: a
     * quarter less CPU on the walking thread (docs/performance.md, thirteenth round).
     */
    private final class HeldWalk {
        private final Path dir;
        private final String name;
        private final Vault.Batch batch;
        private final List<EntryRow> entries;
        private final List<String> skipped;
        private final Undo undo;
        private final ProgressListener p;
        private final CancelFlag cancel;
        private long done;

        HeldWalk(Path dir, String name, Vault.Batch batch, List<EntryRow> entries, List<String> skipped, Undo undo,
                 ProgressListener p, CancelFlag cancel) {
            this.dir = dir;
            this.name = name;
            this.batch = batch;
            this.entries = entries;
            this.skipped = skipped;
            this.undo = undo;
            this.p = p;
            this.cancel = cancel;
        }

        /**
         * Walks the folder; false (nothing read) where the platform cannot hold a folder open, or the
         * file system gives no file keys, or {@code dir} is not a folder itself (a link): then the
         * path-checking {@link FolderCopier} walks it.
         */
        boolean run() throws IOException, SakshiException {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory() || a.fileKey() == null) {
                return false;
            }
            java.nio.file.DirectoryStream<Path> opened = Files.newDirectoryStream(dir);
            if (!(opened instanceof java.nio.file.SecureDirectoryStream<Path> root)) {
                opened.close();
                return false;
            }
            try (root) {
                walk(root, dir, a.fileKey(), "");
            } catch (Vault.SwappedFileException e) {
                throw swappedIn(dir, e);
            }
            return true;
        }

        /** Walks one open folder; {@code prefix} is its path below {@link #dir} with a trailing {@code /} ("" at the top). */
        private void walk(java.nio.file.SecureDirectoryStream<Path> ds, Path folder, Object key, String prefix)
                throws IOException, SakshiException {
            if (!key.equals(ds.getFileAttributeView(java.nio.file.attribute.BasicFileAttributeView.class)
                    .readAttributes().fileKey())) {
                throw folderSwapped(folder);
            }
            for (Path f : ds) {
                Path n = f.getFileName(); // relative: resolved against the open folder, not by the path
                BasicFileAttributes a = attributes(ds, n);
                if (a.isDirectory()) {
                    java.nio.file.SecureDirectoryStream<Path> sub;
                    try {
                        sub = ds.newDirectoryStream(n, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) { // ELOOP, ENOTDIR: a link or a file in its place since listed?
                        BasicFileAttributes now = attributesOrNull(ds, n);
                        if (now == null || !now.isDirectory() || !a.fileKey().equals(now.fileKey())) {
                            throw folderSwapped(f);
                        }
                        throw e; // an unreadable sub-folder: the folder cannot be kept whole
                    }
                    try (sub) {
                        walk(sub, f, a.fileKey(), prefix + n + "/");
                    }
                } else if (a.isRegularFile()) {
                    copy(ds, f, n, a, prefix + n); // its name below dir, without Path.relativize per file
                } else if (a.isSymbolicLink()) {
                    skipped.add("symbolic link " + prefix + n + " was not followed and is not part of this item");
                } else if (a.isOther()) {
                    skipped.add(prefix + n + " is not a regular file and is not part of this item");
                }
            }
            // its files were read from the folder listed; if its path leads elsewhere now, it was swapped
            // while it was being listed, and the import is refused as the path-checking walk refuses it
            if (!FolderCopier.sameFolder(folder, key)) {
                throw folderSwapped(folder);
            }
        }

        private void copy(java.nio.file.SecureDirectoryStream<Path> ds, Path f, Path n, BasicFileAttributes a, String r)
                throws IOException, SakshiException {
            afterListing.accept(new Listed(f, a.fileKey(), a.size()));
            long base = done;
            Object key = a.fileKey();
            // hashed and written on a writer thread of the batch, which then records the blob here
            batch.submit(f, sizeOut -> open(ds, f, n, key, sizeOut), key, a.size(),
                    (dn, t, w) -> p.progress(base + dn, -1, name + "/" + r), r, cancel, member(r, entries, undo));
            done += a.size();
        }

        /** Opens a listed file relative to its open folder, without following a link; it must still be the file listed. */
        private static java.nio.channels.SeekableByteChannel open(java.nio.file.SecureDirectoryStream<Path> ds, Path f,
                                                                  Path n, Object key, long[] sizeOut)
                throws IOException {
            java.nio.channels.SeekableByteChannel ch;
            try {
                ch = ds.newByteChannel(n, java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) { // ELOOP: "Too many levels of symbolic links"
                BasicFileAttributes now = attributesOrNull(ds, n);
                if (now != null && now.isSymbolicLink()) {
                    throw new Vault.SwappedFileException(f + " was replaced by a symbolic link after it was listed", e);
                }
                throw e;
            }
            try {
                BasicFileAttributes now = attributes(ds, n);
                if (!now.isRegularFile()) {
                    throw new Vault.SwappedFileException(f + " is no longer a regular file (it was replaced after it"
                            + " was listed)", null);
                }
                if (!key.equals(now.fileKey())) {
                    throw new Vault.SwappedFileException(f + " was replaced by another file after it was listed", null);
                }
                sizeOut[0] = now.size();
                return ch;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        private static BasicFileAttributes attributes(java.nio.file.SecureDirectoryStream<Path> ds, Path n)
                throws IOException {
            return ds.getFileAttributeView(n, java.nio.file.attribute.BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
        }

        private static BasicFileAttributes attributesOrNull(java.nio.file.SecureDirectoryStream<Path> ds, Path n) {
            try {
                return attributes(ds, n);
            } catch (IOException e) {
                return null;
            }
        }

        private static Vault.SwappedFileException folderSwapped(Path folder) {
            return new Vault.SwappedFileException("a folder on the way to " + folder + " was replaced (by a"
                    + " symbolic link or another folder) after it was listed", null);
        }
    }

    /** A relative path with {@code /} between its names (what {@link #rel} gives, without a name-by-name walk). */
    private static String slashed(Path relative) {
        String sep = relative.getFileSystem().getSeparator();
        String s = relative.toString();
        return sep.equals("/") ? s : s.replace(sep, "/");
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
