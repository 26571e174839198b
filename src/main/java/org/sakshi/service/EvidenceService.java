package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sakshi.core.Actor;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.ingest.RecordSink;

/** Reading items. Every read that shows evidence to a person records ITEM_ACCESSED. */
public final class EvidenceService {
    /** All items of the case in id order (no custody event: this lists records, not evidence). */
    public List<Item> items(Path caseDir) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** One item's record; InputException naming the id when there is none. */
    public Item item(Path caseDir, String itemId) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Opens an item for display and records ITEM_ACCESSED by {@code actor} with {@code purpose}. */
    public ItemView open(Path caseDir, String itemId, Actor actor, String purpose) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Streams the item's parsed records (chat messages or dump members) in cli.md's shapes. */
    public void records(Path caseDir, String itemId, RecordSink sink) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The item's thumbnail PNG, when its parser made one. */
    public Optional<byte[]> thumbnail(Path caseDir, String itemId) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
