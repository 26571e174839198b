package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Item;
import org.sakshi.core.Verdict;
import org.sakshi.report.PdfText;
import org.sakshi.testsupport.Tools;

/**
 * The mutual legal assistance transmittal letter of a real sealed bundle: a signed PDF beside the
 * bundle stating the SHA-256 of the bundle file as sha256sum computes it, every item's SHA-256, the
 * authorities, basis, courier and seals; a tampered bundle gets no letter.
 * <p>Folder store only: the letter is made from the bundle file alone; the case store never takes part, and
 * ExportServiceTest shows a lab-server case exports a bundle that verifies PASSED the same way.
 */
class TransmittalServiceTest {
    private static ExportFixture fx;
    private static ExportResult export;

    @TempDir
    Path dir;

    @BeforeAll
    static void export() throws Exception {
        fx = ExportFixture.shared();
        export = ExportFixture.sharedExport();
    }

    private TransmittalService.Request request(Path bundle, Path out, String basis) throws Exception {
        return new TransmittalService.Request(bundle, out, "Central Bureau of Investigation, New Delhi",
                "US Department of Justice, Office of International Affairs", basis, "MLA/2026/117",
                "Diplomatic bag 7731, Sub-Inspector R. Das", List.of("S-0042", "S-0043"), null, Map.of(),
                VerifyService.Trust.both(fx.trust()), fx.tsa.pki().officerSigner(), fx.tsa.source());
    }

    @Test
    void theLetterStatesTheBundleFilesRealSha256EveryItemAndIsSigned() throws Exception {
        Path letter = dir.resolve("letter.pdf");
        TransmittalService.Result r = new TransmittalService(fx.verifier)
                .write(request(export.bundle(), letter, "India-US MLAT (2001)"));
        assertEquals(Verdict.PASSED, r.verdict());
        assertEquals(export.bundleId(), r.bundleId());
        String keep = System.getenv("SAKSHI_KEEP_FORMS"); // a folder to keep the letter in, to look at
        if (keep != null) {
            Files.copy(letter, Files.createDirectories(Path.of(keep)).resolve("transmittal.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        Tools.require("sha256sum", "pdfsig");
        Tools.Result sum = Tools.run(dir, "sha256sum", export.bundle().toString());
        String fileSha = sum.out().substring(0, 64);
        assertEquals(fileSha, r.bundleSha256());
        assertEquals(export.sha256(), fileSha);

        String text = PdfText.extract(letter);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(text.contains(fileSha), "the letter states the bundle's SHA-256: " + text);
        assertTrue(text.contains(export.bundleId()), text);
        assertTrue(text.contains("FIR 77/2026"), text);
        for (Item it : fx.evidence.items(fx.caseDir)) {
            assertTrue(text.contains(it.digests().sha256()), "the letter lists " + it.id() + ": " + text);
        }
        assertTrue(flat.contains("Central Bureau of Investigation, New Delhi"), text);
        assertTrue(flat.contains("US Department of Justice, Office of International Affairs"), text);
        assertTrue(flat.contains("India-US MLAT (2001)"), text);
        assertTrue(flat.contains("Diplomatic bag 7731"), text);
        assertTrue(flat.contains("S-0042, S-0043"), text);
        assertTrue(flat.contains("DRAFT FOR COUNSEL'S REVIEW"), text);
        // times in the case's zone (IST) beside UTC
        assertTrue(text.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d IST \\(UTC\\+05:30\\) = .*UTC.*"), text);

        Tools.Result sig = Tools.run(dir, "pdfsig", letter.toString());
        assertTrue(sig.out().contains("Signature is Valid."), sig.all());
        assertTrue(sig.out().contains("Total document signed"), sig.all());
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no part file left");
    }

    @Test
    void theLettersTimesFollowTheZoneGiven() throws Exception {
        Path letter = dir.resolve("letter-ny.pdf");
        TransmittalService.Request base = request(export.bundle(), letter, "letters rogatory");
        new TransmittalService(fx.verifier).write(new TransmittalService.Request(base.bundle(), base.out(),
                base.requesting(), base.requested(), base.basis(), null, null, List.of(), ZoneId.of("America/New_York"),
                Map.of(), base.trust(), base.signer(), null));
        String text = PdfText.extract(letter);
        assertTrue(text.matches("(?s).*\\d\\d:\\d\\d E[SD]T \\(UTC-0[45]:00\\) = .*UTC.*"), text);
    }

    @Test
    void aTamperedBundleGetsNoLetter() throws Exception {
        Path tampered = Reseal.rezip(export.bundle(), dir.resolve("tampered.zip"), (path, bytes) -> {
            if (path.startsWith("data/evidence/E0001/")) {
                byte[] c = bytes.clone();
                c[c.length / 2] ^= 0x04;
                return c;
            }
            return bytes;
        });
        Path letter = dir.resolve("letter.pdf");
        IntegrityException e = assertThrows(IntegrityException.class, () -> new TransmittalService(fx.verifier)
                .write(request(tampered, letter, "India-US MLAT (2001)")));
        assertTrue(e.getMessage().contains("no transmittal letter was written"), e.getMessage());
        assertFalse(Files.exists(letter));
    }

    @Test
    void aLetterWithoutItsLegalBasisIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path letter = dir.resolve("letter.pdf");
        InputException e = assertThrows(InputException.class, () -> new TransmittalService(fx.verifier)
                .write(request(export.bundle(), letter, " ")));
        assertTrue(e.getMessage().contains("--basis"), e.getMessage());
        assertFalse(Files.exists(letter));
    }

    @Test
    void anExistingLetterIsNeverReplaced() throws Exception {
        Path letter = Files.writeString(dir.resolve("letter.pdf"), "earlier letter");
        assertThrows(InputException.class, () -> new TransmittalService(fx.verifier)
                .write(request(export.bundle(), letter, "India-US MLAT (2001)")));
        assertEquals("earlier letter", Files.readString(letter));
    }
}
