package org.sakshi.storage;

import java.util.Map;
import org.sakshi.core.Actor;

/** An event to append: the store fills in seq, id, case_id, at, workstation, prev and hash. */
public record EventDraft(String type, Actor actor, String itemId, String itemSha256, Map<String, Object> details) {
}
