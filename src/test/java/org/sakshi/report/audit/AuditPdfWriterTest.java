package org.sakshi.report.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sakshi.audit.AuditAnalyzer;
import org.sakshi.audit.AuditInput;
import org.sakshi.audit.Ledger;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;

class AuditPdfWriterTest {
    private static String text(AuditReport r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditPdfWriter().write(r, "sakshi 1.2.3", Instant.parse("2026-07-29T10:00:00Z"), out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theReportListsScopeVerificationFindingsTimelinesAndToolVersionAsSearchableText() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .transferred(Ledger.RAO, "E0001", Ledger.LAB).accessed(Ledger.RAO, "E0001");
        AuditInput c = l.input();
        String hash = "ffi0".repeat(16);
        AuditReport r = AuditAnalyzer.analyze(new AuditInput(AuditScope.BUNDLE, "b-77", hash, c.events(), c.ledger(),
                null, null, List.of(), List.of(), "FIR 9/2026 - Trafficking office"), AuditOptions.DEFAULTS);
        String t = text(r);
        assertTrue(t.contains("FIR 9/2026 - Trafficking office"), t);
        assertTrue(t.contains("bundle b-77"), t);
        assertTrue(t.contains(hash), "hashes must extract without ligatures: " + t);
        assertTrue(t.contains("Result: INTACT"), t);
        assertTrue(t.contains("ACT_BY_NON_CUSTODIAN"), t);
        assertTrue(t.contains("Item E0001"), t);
        assertTrue(t.contains("custodian: Dr. Iyer"), t);
        assertTrue(t.contains("sakshi 1.2.3"), t);
        assertTrue(t.contains("Page 1 of 1"), t);
    }

    @Test
    void aLongLedgerFlowsOverPagesWithAFooterOnEach() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001");
        for (int i = 0; i < 150; i++) {
            l.accessed(Ledger.RAO, "E0001");
        }
        String t = text(l.audit());
        assertTrue(t.contains("Page 1 of 3") || t.contains("Page 1 of 4"), t);
        assertEquals(t.split("Custody audit ").length - 2, Integer.parseInt(t.replaceAll("(?s).*Page \\d+ of (\\d+).*", "$1")));
    }
}
