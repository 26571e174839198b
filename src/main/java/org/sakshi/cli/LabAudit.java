package org.sakshi.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.SakshiException;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.service.LabService;

/** The lab-wide audit's output: one line (or JSON object) per case on the server. */
final class LabAudit {
    private LabAudit() {
    }

    /** Prints the audits; exit 1 when a case has an error or could not be audited, else 0. */
    static int print(List<LabService.CaseAudit> audits, boolean json, PrintWriter out) throws SakshiException {
        boolean bad = false;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LabService.CaseAudit a : audits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.entry().id().toString());
            m.put("number", a.entry().number());
            m.put("title", a.entry().title());
            m.put("folder", a.folder() == null ? a.entry().folder() : a.folder().toString());
            if (a.report() == null) {
                m.put("problem", a.problem());
                bad = true;
            } else {
                long errors = count(a.report().findings(), Severity.ERROR);
                long warnings = count(a.report().findings(), Severity.WARNING);
                m.put("ledger_intact", a.report().ledger().intact());
                m.put("errors", errors);
                m.put("warnings", warnings);
                m.put("codes", a.report().findings().stream().filter(f -> f.severity() != Severity.INFO)
                        .map(Finding::code).distinct().toList());
                bad |= a.report().hasErrors() || !a.report().ledger().intact();
            }
            rows.add(m);
        }
        if (json) {
            CliSupport.printJson(out, rows);
        } else {
            for (Map<String, Object> m : rows) {
                String what = m.containsKey("problem") ? "NOT AUDITED: " + m.get("problem")
                        : (Boolean.TRUE.equals(m.get("ledger_intact")) ? "ledger intact" : "LEDGER BROKEN") + ", "
                        + m.get("errors") + " error(s), " + m.get("warnings") + " warning(s) " + m.get("codes");
                out.println(m.get("number") + "  " + m.get("title") + "  " + what + "  " + m.get("folder"));
            }
            out.println(audits.size() + " case(s) audited");
        }
        return bad ? SakshiCommand.VERIFY_FAILED : SakshiCommand.OK;
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
