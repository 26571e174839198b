package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.Clock;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.service.TransferRequest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/** {@code sakshi audit} on a real case: exit codes, JSON, --item, and the signed report PDF. */
class AuditCommandTest {
    private static final Actor RAO = Actor.named("Insp. Rao");

    @TempDir
    static Path shared;

    private static LocalTsa tsa;

    @TempDir
    Path dir;

    private AppContext ctx;
    private Path caseDir;

    @BeforeAll
    static void startTsa() throws Exception {
        tsa = LocalTsa.start(shared.resolve("pki"));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @BeforeEach
    void makeCase() throws Exception {
        ctx = new AppContext(dir, Clock.SYSTEM, new Workstation("ps-howrah-1", "rao", "sakshi test"), new Ingest(),
                SinkFactory.BUFFERED, Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
        caseDir = dir.resolve("case");
        ctx.ui().cases().create(caseDir, new NewCase("FIR 112/2026", "Trafficking ring", "Howrah PS", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), RAO));
        Path file = Files.writeString(dir.resolve("chat.txt"), "hello\n");
        ctx.ui().imports().importPaths(caseDir, List.of(file), new ImportRequest(null, null, null, null, null,
                List.of(tsa.source()), RAO), ProgressListener.NONE, new CancelFlag());
        ctx.ui().custody().transfer(caseDir, RAO, new TransferRequest("Dr. Iyer", "lab examination", null, null, List.of()));
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(ctx.cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aCleanCaseExitsZeroAndPrintsTheCliMdJson() throws Exception {
        Run r = run("audit", caseDir.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("case", j.path("scope").asText());
        assertEquals(ctx.ui().cases().open(caseDir).id().toString(), j.path("id").asText());
        assertTrue(j.path("ledger").path("intact").asBoolean());
        assertEquals(ctx.ui().custody().verify(caseDir).head(), j.path("ledger").path("head").asText());
        assertEquals("E0001", j.path("items").get(0).path("id").asText());
        assertEquals("Dr. Iyer", j.path("items").get(0).path("timeline").get(2).path("custodian").asText());
    }

    @Test
    void anActByANonCustodianExitsOneAndNamesTheCode() throws Exception {
        ctx.ui().evidence().open(caseDir, "E0001", RAO, "look again");
        Run r = run("audit", caseDir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("ACT_BY_NON_CUSTODIAN"), r.out());
    }

    @Test
    void itemPrintsTheReadableTimeline() {
        Run r = run("audit", caseDir.toString(), "--item", "E0001");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Custody history of item E0001"), r.out());
        assertTrue(r.out().contains("TRANSFERRED") && r.out().contains("custodian after: Dr. Iyer"), r.out());
        assertTrue(r.out().contains("on ps-howrah-1"), r.out());
    }

    @Test
    void anUnknownItemIsAnInputError() {
        Run r = run("audit", caseDir.toString(), "--item", "E0099");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: item E0099"), r.err());
    }

    @Test
    void aMissingPathIsAnInputError() {
        Run r = run("audit", dir.resolve("nothing-here").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("nothing-here"), r.err());
    }

    @Test
    void theReportPdfIsSignedWithTheLabsIdentityAndListsTheFindings() throws Exception {
        Tools.require("pdfsig", "pdftotext");
        ctx.ui().evidence().open(caseDir, "E0001", RAO, "look again");
        Path pdf = dir.resolve("audit.pdf");
        Run r = run("audit", caseDir.toString(), "--report", pdf.toString(), "--keystore",
                tsa.pki().officerP12().toString(), "--storepass-file", tsa.pki().officerPasswordFile().toString());
        assertEquals(1, r.exit(), r.err());
        Tools.Result sig = Tools.run(dir, List.of("pdfsig", pdf.toString()));
        assertTrue(sig.all().contains("Total document signed"), sig.all());
        assertTrue(sig.all().contains("ETSI.CAdES.detached"), sig.all());
        assertTrue(sig.all().contains("Signature is Valid."), sig.all());
        Tools.Result text = Tools.run(dir, List.of("pdftotext", "-layout", pdf.toString(), "-"));
        assertTrue(text.out().contains("Custody audit report"), text.out());
        assertTrue(text.out().contains("ACT_BY_NON_CUSTODIAN"), text.out());
        assertTrue(text.out().contains("Item E0001"), text.out());
        if (System.getProperty("audit.keep.pdf") != null) {
            Files.copy(pdf, Path.of(System.getProperty("audit.keep.pdf")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(text.out().contains("FIR 112/2026 - Trafficking ring"), text.out());
        assertTrue(text.out().contains(ctx.ui().custody().verify(caseDir).head()), text.out());
        assertTrue(text.out().contains("sakshi"), text.out());
        if (System.getProperty("audit.keep.pdf") != null) {
            Files.copy(pdf, Path.of(System.getProperty("audit.keep.pdf")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anUnsignedReportIsWrittenWithoutAKeystore() throws Exception {
        Path pdf = dir.resolve("out/audit.pdf");
        Run r = run("audit", caseDir.toString(), "--report", pdf.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(pdf) > 1000);
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5).startsWith("%PDF-"));
    }
}
