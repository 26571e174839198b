package org.sakshi.service;

import java.util.List;
import org.sakshi.core.TimestampSource;

/**
 * A hand-over of items (all items when {@code items} is empty) from {@code from} to {@code to}.
 * {@code from} null or blank means the current holder by the ledger ({@link CustodyService#holder});
 * {@code receivedBy} and {@code handedOverBy} name the people who physically received and handed
 * over the items (the acknowledgement: e.g. the clerk who signs for "FSL Kolkata"); either may be null.
 */
public record TransferRequest(String from, String to, String receivedBy, String handedOverBy, String reason,
                              String location, String seal, List<String> items, List<TimestampSource> tsas) {
    public TransferRequest {
        items = items == null ? List.of() : List.copyOf(items);
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
    }

    /** From the current holder, without named people receiving or handing over. */
    public TransferRequest(String to, String reason, String location, String seal, List<String> items,
                           List<TimestampSource> tsas) {
        this(null, to, null, null, reason, location, seal, items, tsas);
    }

    /** Without TSAs: the transfer's ledger head is anchored at the next operation that has one. */
    public TransferRequest(String to, String reason, String location, String seal, List<String> items) {
        this(to, reason, location, seal, items, List.of());
    }
}
