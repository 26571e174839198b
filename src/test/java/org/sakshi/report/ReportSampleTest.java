package org.sakshi.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Writes sample PDFs to target/report-samples for looking at them (mvn -Pbench ... -Dtest=ReportSampleTest). */
@Tag("bench")
class ReportSampleTest {
    @Test
    void writesSamplesForVisualInspection() throws Exception {
        Path dir = Path.of("target/report-samples");
        Files.createDirectories(dir);
        ReportWriter w = new ReportWriter();
        ReportData d = ReportFixtures.data(60);
        try (OutputStream o = Files.newOutputStream(dir.resolve("report.pdf"))) {
            w.writeReport(d, o);
        }
        org.sakshi.core.VerificationReport vr = VerificationReportTest.failedReport();
        try (OutputStream o = Files.newOutputStream(dir.resolve("verification.pdf"))) {
            w.writeVerificationReport(vr, "FIR-123-2026.zip", ReportFixtures.hex("SHA-256", "zip"), o);
        }
        for (String id : ReportWriter.CERTIFICATE_IDS) {
            try (OutputStream o = Files.newOutputStream(dir.resolve("certificate-" + id + ".pdf"))) {
                w.writeCertificate(id, d, Map.of("place", "Kolkata"), o);
            }
        }
        org.sakshi.testsupport.TestPki pki = org.sakshi.testsupport.TestPki.create(Files.createDirectories(dir.resolve("pki")));
        try (org.sakshi.testsupport.LocalTsa tsa = org.sakshi.testsupport.LocalTsa.start(pki)) {
            new PadesSigner().sign(dir.resolve("report.pdf"), dir.resolve("report-signed.pdf"), pki.officerSigner(),
                    tsa.source());
        }
    }
}
