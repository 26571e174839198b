package org.sakshi.audit;

import java.util.List;
import java.util.Objects;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.LedgerSummary;

/**
 * Everything the analysis reads, gathered by the service from a case folder or a bundle: the scope
 * and its id (case UUID or bundle id) and hash (the bundle file's SHA-256, null for a case), the
 * events in {@code seq} order, the ledger verification, the head and event count a bundle's
 * {@code case.json} declares (null for a case), the items' facts and the RFC 3161 tokens found
 * outside the ledger (item .tsr files, the bundle's signature token), and a label for people (the
 * case number and title), or null.
 */
public record AuditInput(AuditScope scope, String id, String hash, List<CustodyEvent> events, LedgerSummary ledger,
                         String declaredHead, Long declaredCount, List<ItemFacts> items, List<TimeProof> proofs,
                         String label) {
    public AuditInput {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ledger, "ledger");
        events = events == null ? List.of() : List.copyOf(events);
        items = items == null ? List.of() : List.copyOf(items);
        proofs = proofs == null ? List.of() : List.copyOf(proofs);
    }

    /** Without a label. */
    public AuditInput(AuditScope scope, String id, String hash, List<CustodyEvent> events, LedgerSummary ledger,
                      String declaredHead, Long declaredCount, List<ItemFacts> items, List<TimeProof> proofs) {
        this(scope, id, hash, events, ledger, declaredHead, declaredCount, items, proofs, null);
    }
}
