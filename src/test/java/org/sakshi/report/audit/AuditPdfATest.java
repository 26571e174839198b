package org.sakshi.report.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.audit.Ledger;
import org.sakshi.report.PadesSigner;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.PdfA;
import org.sakshi.testsupport.TestPki;

/** The custody audit report is PDF/A-2b (veraPDF), unsigned and after its PAdES signature. */
class AuditPdfATest {
    @TempDir
    static Path shared;
    private static TestPki pki;
    private static LocalTsa tsa;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(Files.createDirectories(shared.resolve("pki")));
        tsa = LocalTsa.start(pki);
    }

    @AfterAll
    static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    void theAuditReportIsPdfA2bBeforeAndAfterItsPadesSignature() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .transferred(Ledger.RAO, "E0001", Ledger.LAB).accessed(Ledger.RAO, "E0001");
        for (int i = 0; i < 120; i++) {
            l.accessed(Ledger.RAO, "E0001");
        }
        Path pdf = shared.resolve("audit.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new AuditPdfWriter().write(l.audit(), "sakshi 1.2.3", Instant.parse("2026-07-29T10:00:00Z"), out);
        }
        PdfA.assertCompliant(pdf);
        assertEquals("2b", PdfA.claimed(pdf).getId());
        Path signed = shared.resolve("audit-signed.pdf");
        new PadesSigner().sign(pdf, signed, pki.officerSigner(), tsa.source());
        PdfA.assertCompliant(signed);
    }
}
