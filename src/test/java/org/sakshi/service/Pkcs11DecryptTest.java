package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.bundle.Hashes;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * {@code sakshi decrypt --pkcs11}: a bundle encrypted to an RSA certificate opens with the key on a
 * real SoftHSM2 token (the key never leaves it), and one encrypted to an EC certificate opens by ECDH
 * on the token; a wrong PIN, a bundle for another key or an altered wrapped key is refused and nothing
 * is written. Runs the decryption in a child JVM with its own SoftHSM configuration.
 */
class Pkcs11DecryptTest {
    static final String PIN = "246810";
    static final String TOKEN = "sakshi-recipient";
    static final String TOKEN_EC = "sakshi-recipient-ec";
    static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

    @TempDir
    static Path dir;
    static Path library;
    static Path conf;
    static Path pinFile;
    static Path rsaP7m;
    static Path ecP7m;
    static String plainSha;

    @BeforeAll
    static void tokenWithTheRecipientsKeys() throws Exception {
        Tools.require("softhsm2-util", "pkcs11-tool");
        library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Tools.require(library != null, "libsofthsm2.so not found in " + LIBRARIES + " (Debian package softhsm2)");
        Path tokens = Files.createDirectories(dir.resolve("softhsm/tokens"));
        conf = Files.writeString(dir.resolve("softhsm/softhsm2.conf"), "directories.tokendir = " + tokens + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        pinFile = Files.writeString(dir.resolve("pin.txt"), PIN + "\n");
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.Identity rsa = pki.issueRecipient("Prosecutor on token", "RSA");
        TestPki.Identity ec = pki.issueRecipient("Lab on token", "secp256r1");
        int id = 1;
        for (TestPki.Identity k : List.of(rsa, ec)) {
            String token = k == rsa ? TOKEN : TOKEN_EC; // one key per token, as on a real officer's token
            assertEquals(0, run("softhsm2-util", "--init-token", "--free", "--label", token, "--so-pin", "12345678",
                    "--pin", PIN).exit);
            Path keyPem = Files.writeString(dir.resolve("key" + id + ".pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(k.key().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            // an EC key for key agreement must allow derivation (CKA_DERIVE), as a token's ECDH key does;
            // softhsm2-util imports without it, pkcs11-tool sets it on request
            Res imp = k == rsa ? run("softhsm2-util", "--import", keyPem.toString(), "--token", token, "--label",
                    "key" + id, "--id", "0" + id, "--pin", PIN)
                    : run("pkcs11-tool", "--module", library.toString(), "--token-label", token, "--login", "--pin", PIN,
                    "--write-object", keyPem.toString(), "--type", "privkey", "--usage-derive", "--id", "0" + id,
                    "--label", "key" + id);
            assertEquals(0, imp.exit, imp.out);
            Path der = Files.write(dir.resolve("cert" + id + ".der"), k.cert().getEncoded());
            Res cert = run("pkcs11-tool", "--module", library.toString(), "--token-label", token, "--login", "--pin",
                    PIN, "--write-object", der.toString(), "--type", "cert", "--id", "0" + id, "--label", "key" + id);
            assertEquals(0, cert.exit, cert.out);
            id++;
        }
        Path plain = dir.resolve("bundle.zip");
        byte[] bytes = new byte[250_000];
        new java.util.Random(8).nextBytes(bytes);
        Files.write(plain, bytes);
        plainSha = Hashes.sha256(plain);
        EncryptionService crypto = new EncryptionService(org.sakshi.core.Clock.SYSTEM);
        rsaP7m = crypto.encrypt(plain, dir.resolve("rsa.zip.p7m"), List.of(rsa.cert()), null, null, null).file();
        ecP7m = crypto.encrypt(plain, dir.resolve("ec.zip.p7m"), List.of(ec.cert()), null, null, null).file();
    }

    record Res(int exit, String out) {
    }

    /** Runs a tool or the probe with this test's SoftHSM configuration. */
    static Res run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", conf.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + List.of(command));
        return new Res(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    static String probe(Path p7m, Path out, Path pins, String token) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Pkcs11DecryptProbe.class.getName(),
                library.toString(), token, pins.toString(), p7m.toString(), out.toString()));
        Res r = run(cmd.toArray(String[]::new));
        return r.out.lines().filter(l -> l.startsWith("OK ") || l.startsWith("ERROR ")).findFirst().orElse(r.out);
    }

    @Test
    void aBundleEncryptedToAnRsaCertificateOpensWithTheKeyOnTheToken() throws Exception {
        Path out = dir.resolve("from-token.zip");
        assertEquals("OK " + plainSha, probe(rsaP7m, out, pinFile, TOKEN));
        assertEquals(plainSha, Hashes.sha256(out));
    }

    @Test
    void aWrongPinIsNamedAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-pin.txt"), "000000\n");
        Path out = dir.resolve("bad-pin.zip");
        String r = probe(rsaP7m, out, bad, TOKEN);
        assertTrue(r.startsWith("ERROR wrong PIN for the token '" + TOKEN + "'"), r);
        assertFalse(Files.exists(out));
    }

    @Test
    void aBundleEncryptedToAnEcCertificateOpensWithEcdhOnTheToken() throws Exception {
        Path out = dir.resolve("ec-token.zip");
        assertEquals("OK " + plainSha, probe(ecP7m, out, pinFile, TOKEN_EC));
        assertEquals(plainSha, Hashes.sha256(out));
    }

    @Test
    void aBundleForAnotherEcKeyIsRefusedOnTheTokenAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("ec-not-for-me.zip");
        String r = probe(rsaP7m, out, pinFile, TOKEN_EC);
        assertTrue(r.startsWith("ERROR "), r);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("ec-not-for-me.zip.part")));
    }

    @Test
    void anEcBundleWithAnAlteredWrappedKeyIsRefusedOnTheTokenAndNothingIsWritten() throws Exception {
        byte[] bytes = Files.readAllBytes(ecP7m);
        // the wrapped content key is the last OCTET STRING of the recipient entry: alter a byte near the front
        // of the file past the certificate identifiers, where the 40-byte wrapped key sits
        int at = indexOfWrappedKey(bytes);
        bytes[at] ^= 0x01;
        Path bad = Files.write(dir.resolve("ec-altered.zip.p7m"), bytes);
        Path out = dir.resolve("ec-altered.zip");
        String r = probe(bad, out, pinFile, TOKEN_EC);
        assertTrue(r.startsWith("ERROR "), r);
        assertFalse(Files.exists(out));
    }

    /** The offset of the AES-wrapped content key (OCTET STRING of 40 bytes, tag 04 28) in the encrypted file. */
    private static int indexOfWrappedKey(byte[] b) {
        for (int i = 0; i < Math.min(b.length - 42, 4096); i++) {
            if (b[i] == 0x04 && b[i + 1] == 0x28) {
                return i + 2 + 8;
            }
        }
        throw new AssertionError("no 40-byte wrapped key found");
    }
}
