package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SigningException;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * CMS AuthEnvelopedData with AES-256-GCM to RSA-OAEP and ECDH (P-256, P-384) recipients: what
 * {@link BundleEncryptor} writes, {@code openssl cms -decrypt} and {@link BundleDecryptor} open
 * byte for byte; a wrong key, a flipped byte or a cut-off file is refused with its cause.
 */
class BundleEncryptionTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Identity rsa;
    static TestPki.Identity p256;
    static TestPki.Identity p384;
    static byte[] content;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create(dir.resolve("pki"));
        rsa = pki.issueRecipient("Prosecutor RSA", "RSA");
        p256 = pki.issueRecipient("Analyst P-256", "secp256r1");
        p384 = pki.issueRecipient("Lab P-384", "secp384r1");
        content = new byte[700_000];
        new Random(5).nextBytes(content);
    }

    static TestPki.Identity identity(String spec) {
        return switch (spec) {
            case "RSA" -> rsa;
            case "secp256r1" -> p256;
            default -> p384;
        };
    }

    static byte[] encrypt(byte[] plain, TestPki.Identity... to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = BundleEncryptor.open(out, java.util.Arrays.stream(to).map(TestPki.Identity::cert).toList())) {
            for (int off = 0; off < plain.length; off += 10_000) {
                enc.write(plain, off, Math.min(10_000, plain.length - off));
            }
        }
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] p7m, TestPki.Identity key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleDecryptor.decrypt(new ByteArrayInputStream(p7m), out,
                new BundleDecryptor.DecryptionKey(key.key(), null, key.cert(), "test key"), "B.zip.p7m", new CancelFlag());
        return out.toByteArray();
    }

    static Path pem(String name, java.security.cert.X509Certificate c) throws IOException {
        Path p = dir.resolve(name + "-cert.pem");
        if (!Files.exists(p)) {
            Pem.writeCertificates(p, List.of(c));
        }
        return p;
    }

    static Path keyPem(String name, java.security.PrivateKey k) throws IOException {
        Path p = dir.resolve(name + "-key.pem");
        if (!Files.exists(p)) {
            Files.writeString(p, "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(k.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "secp256r1", "secp384r1"})
    void opensslOpensWhatSakshiEncryptsForEachKeyType(String spec) throws Exception {
        Tools.require("openssl");
        TestPki.Identity id = identity(spec);
        Path p7m = dir.resolve("openssl-" + spec + ".p7m");
        Files.write(p7m, encrypt(content, id));
        Path out = dir.resolve("openssl-" + spec + ".zip");
        Tools.Result r = Tools.run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", p7m.toString(),
                "-recip", pem(spec, id.cert()).toString(), "-inkey", keyPem(spec, id.key()).toString(),
                "-out", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertArrayEquals(content, Files.readAllBytes(out));
        // the structure is what the docs promise: AuthEnvelopedData, AES-256-GCM, OAEP or ECDH-SHA256KDF
        Tools.Result dump = Tools.run(dir, "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", p7m.toString());
        assertTrue(dump.out().contains("id-smime-ct-authEnvelopedData"), dump.out());
        assertTrue(dump.out().contains("aes-256-gcm"), dump.out());
        assertTrue(dump.out().contains(spec.equals("RSA") ? "rsaesOaep" : "dhSinglePass-stdDH-sha256kdf-scheme"),
                dump.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "secp256r1", "secp384r1"})
    void sakshiOpensWhatSakshiEncryptsForEachKeyType(String spec) throws Exception {
        TestPki.Identity id = identity(spec);
        assertArrayEquals(content, decrypt(encrypt(content, id), id));
    }

    @Test
    void sakshiOpensWhatOpensslEncryptsWithAes256Gcm() throws Exception {
        Tools.require("openssl");
        Path plain = dir.resolve("plain.bin");
        Files.write(plain, content);
        Path p7m = dir.resolve("by-openssl.p7m");
        Tools.Result r = Tools.run(dir, "openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-outform", "DER",
                "-in", plain.toString(), "-out", p7m.toString(), "-recip", pem("RSA", rsa.cert()).toString(),
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                "-recip", pem("secp256r1", p256.cert()).toString());
        assertEquals(0, r.exit(), r.all());
        byte[] p = Files.readAllBytes(p7m);
        assertArrayEquals(content, decrypt(p, rsa));
        assertArrayEquals(content, decrypt(p, p256));
    }

    @Test
    void aFileForSeveralRecipientsOpensForEachOfThem() throws Exception {
        byte[] p7m = encrypt(content, rsa, p256, p384);
        for (TestPki.Identity id : List.of(rsa, p256, p384)) {
            assertArrayEquals(content, decrypt(p7m, id));
        }
    }

    @Test
    void aKeyThatIsNotARecipientIsToldWhoTheFileIsFor() throws Exception {
        byte[] p7m = encrypt(content, rsa);
        InputException e = assertThrows(InputException.class, () -> decrypt(p7m, p256));
        assertTrue(e.getMessage().contains("is not encrypted to the key in test key"), e.getMessage());
        assertTrue(e.getMessage().contains(rsa.cert().getSerialNumber().toString(16)), e.getMessage());
    }

    @Test
    void aRecipientCertificateWithAnotherKeyBehindItIsAKeyMismatch() throws Exception {
        byte[] p7m = encrypt(content, rsa);
        TestPki.Identity other = pki.issueRecipient("Other RSA", "RSA");
        TestPki.Identity forged = new TestPki.Identity(other.key(), rsa.chain());
        SigningException e = assertThrows(SigningException.class, () -> decrypt(p7m, forged));
        assertTrue(e.getMessage().contains("does not unwrap the content key"), e.getMessage());
    }

    @Test
    void oneFlippedCiphertextByteFailsTheAuthenticationTag() throws Exception {
        byte[] p7m = encrypt(content, p256);
        p7m[p7m.length / 2] ^= 0x01; // inside the encrypted content
        IntegrityException e = assertThrows(IntegrityException.class, () -> decrypt(p7m, p256));
        assertTrue(e.getMessage().contains("authentication tag does not match"), e.getMessage());
    }

    @Test
    void aFlippedByteInTheTagItselfFailsTheTag() throws Exception {
        byte[] p7m = encrypt(content, rsa);
        // the tag is the last field: OCTET STRING of 16 bytes, then three end-of-contents markers (BER)
        int tagStart = p7m.length - 6 - 16;
        assertEquals(0x04, p7m[tagStart - 2]);
        assertEquals(0x10, p7m[tagStart - 1]);
        p7m[tagStart + 3] ^= 0x40;
        IntegrityException e = assertThrows(IntegrityException.class, () -> decrypt(p7m, rsa));
        assertTrue(e.getMessage().contains("authentication tag does not match"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 17, 5000, 300_000})
    void aFileCutShortIsRefusedAsIncomplete(int cut) throws Exception {
        byte[] p7m = encrypt(content, p384);
        byte[] shortened = java.util.Arrays.copyOf(p7m, p7m.length - cut);
        IntegrityException e = assertThrows(IntegrityException.class, () -> decrypt(shortened, p384));
        assertTrue(e.getMessage().contains("incomplete or damaged") || e.getMessage().contains("tag does not match"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotEncryptedIsNamedAsSuch() {
        InputException e = assertThrows(InputException.class, () -> decrypt(content, rsa));
        assertTrue(e.getMessage().contains("is not an encrypted bundle"), e.getMessage());
    }

    @Test
    void weakOrExpiredRecipientsAreRefusedBeforeAnythingIsWritten() throws Exception {
        TestPki.Identity expired = pki.issueOfficer(new TestPki.OfficerSpec("Old", Instant.now().minusSeconds(86400 * 400),
                Instant.now().minusSeconds(86400), true));
        InputException e = assertThrows(InputException.class,
                () -> BundleEncryptor.checkRecipient(expired.cert(), "old.pem", Instant.now()));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        // a 1024-bit key, self-signed with BC's builder
        java.security.KeyPair kp = g.generateKeyPair();
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=Weak"),
                java.math.BigInteger.TEN, java.util.Date.from(Instant.now().minusSeconds(60)),
                java.util.Date.from(Instant.now().plusSeconds(86400)), new org.bouncycastle.asn1.x500.X500Name("CN=Weak"),
                kp.getPublic());
        var weak = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        InputException w = assertThrows(InputException.class,
                () -> BundleEncryptor.checkRecipient(weak, "weak.pem", Instant.now()));
        assertTrue(w.getMessage().contains("1024-bit RSA key"), w.getMessage());
    }

    @Test
    void theTokenPathDecodesOaepItselfFromTheRawRsaResult() throws Exception {
        // a key with a provider takes the token path (raw RSA + OAEP decoding here); the JDK's raw RSA stands in
        java.security.Provider sunRsa = java.security.Security.getProvider("SunJCE");
        byte[] p7m = encrypt(content, p256, rsa);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleDecryptor.decrypt(new ByteArrayInputStream(p7m), out,
                new BundleDecryptor.DecryptionKey(rsa.key(), sunRsa, rsa.cert(), "soft token"), "B.zip.p7m",
                new CancelFlag());
        assertArrayEquals(content, out.toByteArray());
        TestPki.Identity other = pki.issueRecipient("Other token key", "RSA");
        SigningException e = assertThrows(SigningException.class, () -> BundleDecryptor.decrypt(
                new ByteArrayInputStream(p7m), new ByteArrayOutputStream(),
                new BundleDecryptor.DecryptionKey(other.key(), sunRsa, rsa.cert(), "soft token"), "B.zip.p7m",
                new CancelFlag()));
        assertTrue(e.getMessage().contains("does not unwrap the content key"), e.getMessage());
    }

    @Test
    void encryptionAndDecryptionStreamAFileLargerThanTheHeap() throws Exception {
        // a child JVM with a 32 MiB heap encrypts and decrypts a 48 MiB file: any step that held the
        // content (or, like the JDK's AES-GCM decryption, the whole ciphertext) in memory would fail
        Path work = Files.createDirectories(dir.resolve("small-heap"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                EncryptInSmallHeap.class.getName(), work.toString(), "48").redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.start();
        boolean done = p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        pump.join(5_000);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(done, "did not finish: " + text);
        assertEquals(0, p.exitValue(), text);
        String plain = text.lines().filter(l -> l.startsWith("plain ")).findFirst().orElseThrow().substring(6);
        List<String> decrypted = text.lines().filter(l -> l.startsWith("decrypted ")).map(l -> l.split(" ")[1]).toList();
        assertEquals(List.of(plain, plain), decrypted, text);
        assertTrue(text.contains("max heap 32 MiB"), text);
    }
}
