package org.sakshi.service;

import java.util.List;

/** A hand-over of items (all items when {@code items} is empty) to another custodian. */
public record TransferRequest(String to, String reason, String location, String seal, List<String> items) {
    public TransferRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
