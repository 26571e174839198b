package org.sakshi.core.audit;

import java.util.List;

/** The custody timeline of one item, in {@code seq} order. */
public record ItemHistory(String id, List<TimelineEntry> timeline) {
    public ItemHistory {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
