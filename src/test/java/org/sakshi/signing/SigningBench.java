package org.sakshi.signing;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * Detached CMS signing and verification of a large file must cost no more than one JDK SHA-256
 * pass (the content digest comes from the JDK provider, not Bouncy Castle's Java SHA-256).
 * Run: {@code mvn -Pbench test -Dtest=SigningBench}. Prints a table; asserts nothing about time.
 */
@Tag("bench")
class SigningBench {
    @TempDir
    Path dir;

    @Test
    void signAndVerifyLargeFileAgainstBaselines() throws Exception {
        int mib = Integer.getInteger("bench.mib", 1024);
        Path f = dir.resolve("big.bin");
        byte[] buf = new byte[1 << 20];
        new Random(1).nextBytes(buf);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < mib; i++) {
                out.write(buf);
            }
        }
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Signer s = pki.officerSigner();
        // warm the page cache and the JIT
        time(() -> jdkSha256(f));
        double jdk = time(() -> jdkSha256(f));
        byte[][] p7s = new byte[1][];
        double sign = time(() -> {
            try (InputStream in = Files.newInputStream(f)) {
                p7s[0] = s.signDetached(in, null);
            }
        });
        double verify = time(() -> new CmsVerifier(java.util.List.of(pki.agencyCaCert())).verify(p7s[0], f));
        double coreutils = time(() -> Tools.run(dir, "sha256sum", f.toString()));
        double openssl = time(() -> Tools.run(dir, "openssl", "dgst", "-sha256", f.toString()));
        System.out.printf("%n| %d MiB in page cache | seconds | MB/s |%n|---|---|---|%n", mib);
        row("JDK MessageDigest SHA-256", jdk, mib);
        row("Sakshi CMS signDetached (CAdES-BES)", sign, mib);
        row("Sakshi CmsVerifier.verify", verify, mib);
        row("coreutils sha256sum", coreutils, mib);
        row("openssl dgst -sha256", openssl, mib);
    }

    private static void row(String what, double seconds, int mib) {
        System.out.printf("| %s | %.2f | %.0f |%n", what, seconds, mib * 1.048576 / seconds);
    }

    private static void jdkSha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] b = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(b)) > 0) {
                md.update(b, 0, n);
            }
        }
        md.digest();
    }

    interface Work {
        void run() throws Exception;
    }

    private static double time(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
