package org.sakshi.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakshi.core.Actor;
import org.sakshi.core.EventType;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.ingest.RecordSink;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.DerivedRow;
import org.sakshi.storage.EventDraft;
import org.sakshi.storage.StoredItem;
import org.sakshi.storage.TokenRow;
import org.sakshi.vault.Vault;

/** Reading items. Every read that shows evidence to a person records ITEM_ACCESSED. */
public final class EvidenceService {
    /** Made at its first use (a chat's parsed records): listing items needs no mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final CaseAccess access;

    public EvidenceService(CaseAccess access) {
        this.access = access;
    }

    /** All items of the case in id order (no custody event: this lists records, not evidence). */
    public List<Item> items(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return s.items().stream().map(StoredItem::item).toList();
        }
    }

    /** One item's record; InputException naming the id when there is none. */
    public Item item(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return find(s, itemId).item();
        }
    }

    static StoredItem find(CaseStore s, String itemId) throws SakshiException {
        return s.item(itemId).orElseThrow(() -> new InputException("the case " + s.dir() + " has no item " + itemId
                + "; 'sakshi items " + s.dir() + "' lists its items"));
    }

    /** Opens an item for display and records ITEM_ACCESSED by {@code actor} with {@code purpose}. */
    public ItemView open(Path caseDir, String itemId, Actor actor, String purpose) throws SakshiException {
        try (CaseStore s = access.write(caseDir)) {
            StoredItem si = find(s, itemId);
            Actor who = CaseAccess.actorOr(actor, s.caseInfo());
            Map<String, Object> d = org.sakshi.core.ledger.EventDetails.ItemAccessed.of(purpose);
            s.tx(() -> s.append(new EventDraft(EventType.ITEM_ACCESSED.name(), who, itemId, si.item().digests().sha256(), d)));
            Vault v = access.vault(caseDir);
            if (si.item().folder()) {
                return new ItemView(si.item(), null, entries(s, v, itemId));
            }
            return new ItemView(si.item(), v.resolve(si.blob()), null);
        }
    }

    /** Streams the item's parsed records (chat messages or dump members) in docs/cli.md#json-of-an-item shapes. */
    public void records(Path caseDir, String itemId, RecordSink sink) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            find(s, itemId);
        }
        Path f = CaseAccess.recordsFile(caseDir, itemId);
        if (!Files.exists(f)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    sink.accept(Json.MAPPER.readValue(line, MAP));
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot read the parsed records of " + itemId + " in " + f + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The item's thumbnail PNG, when its parser made one. */
    public Optional<byte[]> thumbnail(Path caseDir, String itemId) throws SakshiException {
        for (DerivedFile d : derived(caseDir, itemId)) {
            if (d.name().toLowerCase(java.util.Locale.ROOT).startsWith("thumbnail")
                    || "image/png".equals(d.mediaType())) {
                try {
                    return Optional.of(Files.readAllBytes(d.file()));
                } catch (IOException e) {
                    throw new StorageException("cannot read the thumbnail of " + itemId + " (" + e.getMessage() + ")", e);
                }
            }
        }
        return Optional.empty();
    }

    /** Files the parser derived from the item (thumbnails...), with where they are kept. */
    public List<DerivedFile> derived(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            find(s, itemId);
            Path dir = CaseAccess.derivedDir(caseDir, itemId);
            return s.derived(itemId).stream()
                    .map((DerivedRow r) -> new DerivedFile(r.name(), r.mediaType(), dir.resolve(r.name()), r.sha256(),
                            r.size()))
                    .toList();
        }
    }

    /**
     * The read-only vault file holding the item's bytes (no custody event; for exporters, which record
     * their own). For a folder item this is its manifest ({@code <sha256>  <path>} lines); its files
     * are given by {@link #entries}.
     */
    public Path blobPath(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return access.vault(caseDir).resolve(find(s, itemId).blob());
        }
    }

    /** CRC-32 of the item's bytes (as {@link #blobPath}), computed at import, for a STORED zip entry. */
    public long crc32(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return find(s, itemId).crc32();
        }
    }

    /** The files of a folder item with their vault blobs, sorted by path; empty for a single file. */
    public List<FolderEntry> entries(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            find(s, itemId);
            return entries(s, access.vault(caseDir), itemId);
        }
    }

    private static List<FolderEntry> entries(CaseStore s, Vault v, String itemId) throws SakshiException {
        return s.entries(itemId).stream()
                .map(e -> new FolderEntry(e.path(), v.resolve(e.blob()), e.size(), e.sha256())).toList();
    }

    /** The RFC 3161 TimeStampResp (DER, exactly as received) obtained at import over the item's SHA-256. */
    public Optional<byte[]> importToken(Path caseDir, String itemId) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            find(s, itemId);
            return s.token(itemId).map(TokenRow::response);
        }
    }

    /**
     * The item's parsed records for random access (a viewer of a million messages reads the ones it
     * shows); {@code visitor} (may be null) sees every record's bytes once while it is indexed.
     * No custody event: {@link #open} records the viewing.
     */
    public RecordFile recordFile(Path caseDir, String itemId, RecordFile.LineVisitor visitor) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            find(s, itemId);
        }
        Path f = CaseAccess.recordsFile(caseDir, itemId);
        try {
            return RecordFile.index(f, visitor);
        } catch (IOException e) {
            throw new StorageException("cannot read the parsed records of " + itemId + " in " + f + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
