package org.sakshi.service;

import java.time.ZoneId;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.TimestampSource;

/**
 * How to import: forced kind (null = detect), chat zone (null = case zone), date order (null =
 * infer), seizure details, a note, the TSAs to ask (in order, the first that answers wins), actor.
 */
public record ImportRequest(ItemKind kind, ZoneId zone, DateOrder dateOrder, SourceDetails source, String note,
                            List<TimestampSource> tsas, Actor actor) {
    public ImportRequest {
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
        source = source == null ? SourceDetails.NONE : source;
    }
}
