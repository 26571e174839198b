package org.sakshi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sakshi.core.audit.AuditJson;
import org.sakshi.core.audit.AuditReport;

class AuditJsonTest {
    @Test
    void theJsonHasExactlyTheShapeOfCliMd() {
        AuditReport r = new Ledger().imported(Ledger.RAO, "E0001").accessed(Ledger.SEN, "E0001").audit();
        Map<String, Object> m = AuditJson.toMap(r);
        assertEquals(List.of("scope", "id", "ledger", "findings", "items"), List.copyOf(m.keySet()));
        assertEquals("case", m.get("scope"));
        assertEquals(List.of("events", "head", "intact"), List.copyOf(((Map<?, ?>) m.get("ledger")).keySet()));
        Map<?, ?> f = (Map<?, ?>) ((List<?>) m.get("findings")).get(0);
        assertEquals(List.of("severity", "code", "items", "events", "message"), List.copyOf(f.keySet()));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) m.get("items")).get(0);
        assertEquals("E0001", item.get("id"));
        Map<?, ?> step = (Map<?, ?>) ((List<?>) item.get("timeline")).get(1);
        assertEquals(List.of("seq", "at", "type", "actor", "custodian"), List.copyOf(step.keySet()));
        assertEquals(3L, step.get("seq"));
        assertEquals(Ledger.SEN, step.get("actor"));
        assertEquals(Ledger.RAO, step.get("custodian"));
        assertEquals("2026-07-28T08:03:00Z", step.get("at"));
    }
}
