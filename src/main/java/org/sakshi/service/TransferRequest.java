package org.sakshi.service;

import java.util.List;
import org.sakshi.core.TimestampSource;

/** A hand-over of items (all items when {@code items} is empty) to another custodian. */
public record TransferRequest(String to, String reason, String location, String seal, List<String> items,
                              List<TimestampSource> tsas) {
    public TransferRequest {
        items = items == null ? List.of() : List.copyOf(items);
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
    }

    /** Without TSAs: the transfer's ledger head is anchored at the next operation that has one. */
    public TransferRequest(String to, String reason, String location, String seal, List<String> items) {
        this(to, reason, location, seal, items, List.of());
    }
}
