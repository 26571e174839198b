package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sakshi.core.InputException;
import org.sakshi.testsupport.FuzzFiles;

/**
 * Fuzzes the ZIP screen (docs/threat-model.md, item 30) from the seed corpus in
 * {@code src/test/resources/org/sakshi/bundle/ZipScreenFuzzTestInputs/verify}: a bundle written by
 * Sakshi and one re-zipped by Info-ZIP. Properties: the verifier returns a report or an
 * InputException, nothing else, and the same one when the verification was started early; and
 * whenever SafeZip finds nothing wrong and every file reads back
 * with its recorded CRC-32, java.util.zip's streaming reader (local headers) and its ZipFile
 * (central directory) see exactly the files and bytes SafeZip sees. {@code mvn verify} replays the
 * corpus; {@code JAZZER_FUZZ=1 mvn test -Dtest=ZipScreenFuzzTest} fuzzes (coverage-guided).
 */
@Tag("fuzz")
class ZipScreenFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("sakshi-fuzz-zip");
    private static final BundleVerifier VERIFIER = new BundleVerifier(null, null, null, null);

    @AfterAll
    static void clean() throws IOException {
        FILES.delete();
    }

    /**
     * The verification's whole report (or the sentence it refused the file with), started plainly or
     * early as {@code sakshi verify} does (BundleVerifier.startEarly: the ZIP's layout read and its largest
     * STORED payload files hashed before the screening).
     */
    private static java.util.List<Object> outcome(Path zip, boolean early) {
        try {
            if (early) {
                BundleVerifier.startEarly(zip, SafeZip.Limits.DEFAULT);
            }
            org.sakshi.core.VerificationReport r = VERIFIER.verify(zip, null);
            return java.util.Arrays.asList(r.verdict(), r.checks(), r.items(), r.bundleId(), r.caseNumber(),
                    r.signer(), r.timestamps());
        } catch (InputException refused) {
            return java.util.List.of("refused: " + refused.getMessage()); // not a ZIP, or no bag in it: documented
        } finally {
            BundleVerifier.dropEarly();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void verify(byte[] data) throws Exception {
        Path zip = FILES.write("fuzz.zip", data);
        java.util.List<Object> plain = outcome(zip, false);
        assertNotNull(plain.get(0));
        assertEquals(plain, outcome(zip, true), "an early start (sakshi verify's head start) changed the outcome");
        Map<String, String> view = new TreeMap<>();
        try (SafeZip z = SafeZip.open(zip, SafeZip.Limits.DEFAULT)) {
            if (!z.violations().isEmpty()) {
                return;
            }
            for (String p : z.paths()) {
                if (z.damage(p) != null) {
                    return;
                }
                view.put(z.root() + p, z.sha256(p));
            }
        } catch (InputException refused) {
            return;
        }
        Map<String, String> streamed = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (!e.isDirectory()) {
                    streamed.put(e.getName(), HexFormat.of().formatHex(PlainBag.sha256(b)));
                }
            }
        }
        assertEquals(view, streamed, "ZipInputStream reads other files than the screen accepted");
        Map<String, String> central = new TreeMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(zf.entries())) {
                if (!e.isDirectory()) {
                    try (var in = zf.getInputStream(e)) {
                        central.put(e.getName(), HexFormat.of().formatHex(PlainBag.sha256(in.readAllBytes())));
                    }
                }
            }
        }
        assertEquals(view, central, "java.util.zip.ZipFile reads other files than the screen accepted");
    }
}
