package org.sakshi.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;

/**
 * Everything the report and the certificates show about one export. {@code items} and {@code events}
 * are the exported items and the case ledger (events in seq order); the per-record content of an
 * item (chat messages, dump members) is streamed on demand from {@code records}, so a chat with a
 * million messages is never held in memory. {@code custodyHead} is the ledger head written into
 * {@code case.json} and {@code bag-info.txt}.
 */
public record ReportData(CaseInfo caseInfo, String bundleId, Instant exportedAt, Actor exporter,
                         String toolVersion, String custodyHead, List<Item> items, List<CustodyEvent> events,
                         RecordSource records, ThumbnailSource thumbnails) {
    public ReportData {
        Objects.requireNonNull(caseInfo, "caseInfo");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(exporter, "exporter");
        toolVersion = toolVersion == null ? "" : toolVersion;
        custodyHead = custodyHead == null ? "" : custodyHead;
        items = items == null ? List.of() : List.copyOf(items);
        events = events == null ? List.of() : List.copyOf(events);
        records = records == null ? RecordSource.NONE : records;
        thumbnails = thumbnails == null ? ThumbnailSource.NONE : thumbnails;
    }
}
