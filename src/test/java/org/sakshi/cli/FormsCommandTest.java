package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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
import org.sakshi.report.PdfText;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.vault.SinkFactory;

/**
 * {@code sakshi export --certificate NP --certificate-lang ne --form ...} and {@code sakshi transmittal}
 * on a real Nepal case: the forms in the bundle, the letter beside it, and the exit codes.
 */
class FormsCommandTest {
    private static final Actor THAPA = new Actor("Inspector Sita Thapa", "Inspector", "NP-311", "Nepal Police, CIB",
            null);

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
        ctx = new AppContext(dir, Clock.SYSTEM, new Workstation("cib-ktm-1", "thapa", "sakshi test"), new Ingest(),
                SinkFactory.BUFFERED, Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
        caseDir = dir.resolve("case");
        ctx.ui().cases().create(caseDir, new NewCase("CIB 45/2082", "Border trafficking ring", "Nepal Police, CIB",
                Jurisdiction.NP, ZoneId.of("Asia/Kathmandu"), THAPA));
        Path file = Files.writeString(dir.resolve("chat.txt"), "नमस्ते\n");
        ctx.ui().imports().importPaths(caseDir, List.of(file), new ImportRequest(null, null, null, null, null,
                List.of(tsa.source()), THAPA), ProgressListener.NONE, new CancelFlag());
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(ctx.cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> identity() {
        return List.of("--keystore", tsa.pki().officerP12().toString(), "--storepass-file",
                tsa.pki().officerPasswordFile().toString());
    }

    private Run export(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", caseDir.toString(), "--out", out.toString(),
                "--tsa", tsa.url().toString()));
        args.addAll(identity());
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static byte[] entry(Path zip, String suffix) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = Collections.list(z.entries()).stream().filter(x -> x.getName().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new AssertionError(zip + " has no " + suffix));
            try (InputStream in = z.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void aNepalExportCarriesTheBilingualFormAndTheTransmittalLetterStatesTheSealedFilesHash() throws Exception {
        Path bundle = dir.resolve("CIB45.zip");
        Run ex = export(bundle, "--certificate", "NP", "--certificate-lang", "ne", "--form", "place=Kathmandu");
        assertEquals(0, ex.exit(), ex.err());
        Path cert = Files.write(dir.resolve("np.pdf"), entry(bundle, "data/report/certificate-NP-ETA2063.pdf"));
        String text = PdfText.extract(cert);
        assertTrue(text.contains("CIB 45/2082"), text);
        assertTrue(text.contains("Kathmandu"), text);
        assertTrue(text.contains("NPT (UTC+05:45, Asia/Kathmandu)"), text);
        assertTrue(text.matches("(?s).*\\d\\d:\\d\\d NPT \\(UTC\\+05:45\\) = .*UTC.*"), text);
        assertTrue(text.contains("TRANSLATION (Nepali) — DRAFT"), text);
        assertTrue(text.contains("मसौदा अनुवाद"), text);

        Path letter = dir.resolve("CIB45-letter.pdf");
        List<String> args = new java.util.ArrayList<>(List.of("transmittal", bundle.toString(), "-o", letter.toString(),
                "--requesting", "Nepal Police, Central Investigation Bureau", "--requested",
                "Ministry of Home Affairs, Bangladesh", "--basis",
                "SAARC Convention on Mutual Assistance in Criminal Matters (2008)", "--courier", "Border liaison officer",
                "--seal", "NP-S-9", "--trust", tsa.pki().agencyCaPem().toString(), "--trust",
                tsa.pki().tsaRootPem().toString()));
        args.addAll(identity());
        Run tr = run(args.toArray(String[]::new));
        assertEquals(0, tr.exit(), tr.err());
        String sha = org.sakshi.bundle.Hashes.sha256(bundle);
        assertTrue(tr.out().contains(sha), tr.out());
        assertTrue(tr.out().contains("PASSED"), tr.out());
        String letterText = PdfText.extract(letter).replaceAll("\\s+", " ");
        assertTrue(letterText.contains(sha), letterText);
        assertTrue(letterText.contains("SAARC Convention on Mutual Assistance in Criminal Matters (2008)"), letterText);
        assertTrue(letterText.contains("NPT (UTC+05:45)"), "the case's zone: " + letterText);

        // a bundle changed after sealing gets no letter: exit 1
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(bundle.toFile());
             ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] b;
                try (InputStream is = in.getInputStream(e)) {
                    b = is.readAllBytes();
                }
                if (e.getName().contains("/data/evidence/E0001/") && b.length > 0) {
                    b[0] ^= 0x20;
                }
                z.write(b);
                z.closeEntry();
            }
        }
        Path letter2 = dir.resolve("tampered-letter.pdf");
        args.set(1, tampered.toString());
        args.set(3, letter2.toString());
        Run bad = run(args.toArray(String[]::new));
        assertEquals(SakshiCommand.VERIFY_FAILED, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("no transmittal letter was written"), bad.err());
        assertFalse(Files.exists(letter2));
    }

    @Test
    void reportLangGivesTheEvidenceReportInEnglishAndNepaliAndAnUnknownLanguageStopsBeforeAnythingIsRecorded()
            throws Exception {
        long before = ctx.ui().custody().events(caseDir).size();
        Path bad = dir.resolve("bad.zip");
        Run fr = export(bad, "--report-lang", "fr");
        assertEquals(SakshiCommand.INPUT_ERROR, fr.exit(), fr.err());
        assertTrue(fr.err().contains("hi|bn|ne") && fr.err().contains("'fr'"), fr.err());
        assertFalse(Files.exists(bad));
        assertEquals(before, ctx.ui().custody().events(caseDir).size(), "no EXPORT_STARTED was recorded");

        Path bundle = dir.resolve("CIB45-ne.zip");
        Run ex = export(bundle, "--report-lang", "ne");
        assertEquals(0, ex.exit(), ex.err());
        String text = PdfText.extract(Files.write(dir.resolve("report.pdf"), entry(bundle, "data/report/report.pdf")));
        assertTrue(text.contains("Digital Evidence Report"), text);
        assertTrue(text.contains("डिजिटल प्रमाण प्रतिवेदन"), text);
        assertTrue(text.contains("Case number / मुद्दा नम्बर"), text);
        assertTrue(text.contains("CIB 45/2082"), "the data is as it is: " + text);
    }

    @Test
    void aTranslationThatDoesNotExistStopsTheExportBeforeAnythingIsRecorded() throws Exception {
        long before = ctx.ui().custody().events(caseDir).size();
        Path out = dir.resolve("b.zip");
        Run r = export(out, "--certificate", "US-3505", "--certificate-lang", "hi");
        assertEquals(SakshiCommand.INPUT_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("no Hindi translation of certificate US-3505"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(before, ctx.ui().custody().events(caseDir).size(), "no EXPORT_STARTED was recorded");

        Run lang = export(out, "--certificate", "NP", "--certificate-lang", "fr");
        assertEquals(SakshiCommand.INPUT_ERROR, lang.exit());
        assertTrue(lang.err().contains("hi|bn|ne"), lang.err());
        Run zone = export(out, "--certificate", "US-3505", "--form-zone", "Mars/Olympus");
        assertEquals(SakshiCommand.INPUT_ERROR, zone.exit());
        assertTrue(zone.err().contains("Mars/Olympus"), zone.err());
        Run pair = export(out, "--certificate", "NP", "--form", "no-equals-sign");
        assertEquals(SakshiCommand.INPUT_ERROR, pair.exit());
        assertTrue(pair.err().contains("KEY=VALUE"), pair.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTransmittalWithoutItsLegalBasisIsAUsageError() {
        Run r = run("transmittal", dir.resolve("x.zip").toString(), "-o", dir.resolve("l.pdf").toString(),
                "--requesting", "A", "--requested", "B", "--keystore", "k.p12", "--storepass-file", "pw");
        assertEquals(SakshiCommand.INPUT_ERROR, r.exit());
        assertTrue(r.err().contains("--basis"), r.err());
        assertFalse(Files.exists(dir.resolve("l.pdf")));
    }
}
