package org.sakshi.signing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.sakshi.core.CancelFlag;
import org.sakshi.testsupport.TestPki;

/**
 * Run in a separate JVM by {@link BundleEncryptionTest} with a heap smaller than the file: writes a
 * file of {@code args[1]} MiB, encrypts it to an RSA and a P-256 recipient and decrypts it with each,
 * streaming file to file, and prints the SHA-256 of the input and of each output and the time taken.
 */
public final class EncryptInSmallHeap {
    private EncryptInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int mib = Integer.parseInt(args[1]);
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.Identity rsa = pki.issueRecipient("Small heap RSA", "RSA");
        TestPki.Identity ec = pki.issueRecipient("Small heap EC", "secp256r1");
        Path plain = dir.resolve("big.zip");
        byte[] block = new byte[1 << 20];
        new Random(3).nextBytes(block);
        MessageDigest in = MessageDigest.getInstance("SHA-256");
        try (OutputStream o = new DigestOutputStream(Files.newOutputStream(plain), in)) {
            for (int i = 0; i < mib; i++) {
                block[0] = (byte) i; // no two MiB alike
                o.write(block);
            }
        }
        System.out.println("plain " + HexFormat.of().formatHex(in.digest()));
        Path p7m = dir.resolve("big.zip.p7m");
        long t0 = System.nanoTime();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(plain), 1 << 20);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(p7m), 1 << 20)) {
            try (OutputStream enc = BundleEncryptor.open(os, List.of(rsa.cert(), ec.cert()))) {
                is.transferTo(enc);
            }
        }
        System.out.println("encrypt ms " + (System.nanoTime() - t0) / 1_000_000);
        for (TestPki.Identity id : List.of(rsa, ec)) {
            long t1 = System.nanoTime();
            MessageDigest out = MessageDigest.getInstance("SHA-256");
            try (InputStream is = new BufferedInputStream(Files.newInputStream(p7m), 1 << 20);
                 OutputStream os = new DigestOutputStream(OutputStream.nullOutputStream(), out)) {
                BundleDecryptor.decrypt(is, os, new BundleDecryptor.DecryptionKey(id.key(), null, id.cert(), "k"),
                        "big.zip.p7m", new CancelFlag());
            }
            System.out.println("decrypted " + HexFormat.of().formatHex(out.digest()) + " ms "
                    + (System.nanoTime() - t1) / 1_000_000);
        }
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    }
}
