package org.sakshi.storage;

import java.time.Instant;
import java.util.Map;
import org.sakshi.core.Actor;

/**
 * An event to append: the store fills in seq, id, case_id, workstation, prev and hash, and
 * {@code at} from its clock unless given (an import's event carries the item's imported_at).
 */
public record EventDraft(String type, Actor actor, String itemId, String itemSha256, Map<String, Object> details,
                         Instant at) {
    public EventDraft(String type, Actor actor, String itemId, String itemSha256, Map<String, Object> details) {
        this(type, actor, itemId, itemSha256, details, null);
    }
}
