package org.sakshi.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The docs/cli.md#json-of-audit {@code audit --json} shape as plain maps and lists (any JSON writer serialises it):
 * {scope, id, ledger {events, head, intact}, findings [{severity, code, items, events, message}],
 * items [{id, timeline [{seq, at, type, actor, custodian}]}]}. Times are RFC 3339 UTC strings.
 */
public final class AuditJson {
    private AuditJson() {
    }

    public static Map<String, Object> toMap(AuditReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scope", r.scope().json());
        root.put("id", r.id());
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("events", r.ledger().events());
        ledger.put("head", r.ledger().head());
        ledger.put("intact", r.ledger().intact());
        root.put("ledger", ledger);
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().name());
            m.put("code", f.code());
            m.put("items", f.items());
            m.put("events", f.events());
            m.put("message", f.message());
            findings.add(m);
        }
        root.put("findings", findings);
        List<Object> items = new ArrayList<>();
        for (ItemHistory h : r.items()) {
            List<Object> timeline = new ArrayList<>();
            for (TimelineEntry t : h.timeline()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", t.seq());
                m.put("at", t.at().toString());
                m.put("type", t.type());
                m.put("actor", t.actor());
                m.put("custodian", t.custodian());
                timeline.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("timeline", timeline);
            items.add(m);
        }
        root.put("items", items);
        return root;
    }
}
