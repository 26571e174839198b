package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.cli.CliRun.Run;
import org.sakshi.testsupport.LocalTsa;

/**
 * The payload hashing a plain {@code sakshi verify BUNDLE ...} starts before anything else of the process
 * ({@link VerifyHeadStart}, called by app's Main before the command line is parsed): the verification takes
 * it over and prints exactly what it prints without it (exit code, text or JSON), for a sound bundle
 * signed, time-stamped and trusted, and for a bundle with one changed byte; other command lines start
 * nothing, and an early start nobody takes over is closed.
 */
class VerifyHeadStartTest {
    @TempDir
    static Path tmp;
    static AppContext ctx;
    static LocalTsa tsa;
    static Path bundle;
    static Path tampered;

    @BeforeAll
    static void exportABundle() throws Exception {
        ctx = CliRun.context(tmp);
        tsa = LocalTsa.start(tmp.resolve("pki"));
        bundle = CliRun.memoBundle(ctx, tmp.resolve("case"), tmp, tsa, tmp.resolve("bundle.zip"));
        // the same entries with the memo's first letter changed (same length)
        tampered = tmp.resolve("tampered.zip");
        boolean changed = false;
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(bundle.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (java.util.zip.ZipEntry z : java.util.Collections.list(in.entries())) {
                byte[] b = in.getInputStream(z).readAllBytes();
                if (z.getName().endsWith("/memo.txt")) {
                    b[0] = 'S';
                    changed = true;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(z.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        assertTrue(changed, "the bundle holds the memo");
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @AfterEach
    void nothingLeftRunning() {
        VerifyHeadStart.close();
        assertFalse(VerifyHeadStart.started());
    }

    private static Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    private static Run early(String... args) {
        VerifyHeadStart.start(args);
        assertTrue(VerifyHeadStart.started(), "a plain verify starts its hashing early");
        Run r = run(args);
        assertFalse(VerifyHeadStart.started(), "the verification took the early start over");
        return r;
    }

    /** Runs {@code args} without and with the head start; both must exit {@code code} and print the same. */
    private static Run sameWithAndWithout(int code, String... args) {
        Run plain = run(args);
        Run early = early(args);
        assertEquals(code, plain.code(), plain.out() + plain.err());
        assertEquals(plain.code(), early.code());
        assertEquals(plain.out(), early.out());
        return plain;
    }

    @Test
    void aTrustedBundleVerifiedWithTheHeadStartPrintsExactlyWhatItPrintsWithout() {
        String[] args = {"verify", bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString()};
        sameWithAndWithout(0, args);
    }

    @Test
    void theJsonOfAnUntrustedBundleIsTheSameWithTheHeadStart() {
        sameWithAndWithout(3, "verify", bundle.toString(), "--json");
    }

    @Test
    void aChangedEvidenceByteFailsTheSameWayWithTheHeadStart() {
        String[] args = {"verify", tampered.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString(), "--json"};
        Run plain = sameWithAndWithout(1, args);
        assertTrue(plain.out().contains("PAYLOAD_HASH"), plain.out());
    }

    @Test
    void optionsBeforeTheBundleHelpAndOtherCommandsStartNothing() {
        for (String[] args : new String[][] {{"verify", "--trust", tsa.pki().agencyCaPem().toString(), bundle.toString()},
                {"verify", bundle.toString(), "--help"}, {"verify", "@" + bundle}, {"verify", "--", bundle.toString()},
                {"verify"}, {"items", bundle.toString()}, {"verify", tmp.resolve("missing.zip").toString()}}) {
            VerifyHeadStart.start(args);
            assertFalse(VerifyHeadStart.started(), String.join(" ", args));
        }
    }

    @Test
    void aRefusedCommandLineLeavesTheEarlyStartToBeClosed() {
        String[] args = {"verify", bundle.toString(), "--no-such-option"};
        VerifyHeadStart.start(args);
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(VerifyHeadStart.started(), "nothing took it over");
        VerifyHeadStart.close();
        assertFalse(VerifyHeadStart.started());
    }
}
