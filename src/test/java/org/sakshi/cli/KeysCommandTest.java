package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.app.AppContext;
import org.sakshi.core.Signer;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.testsupport.Tools;

class KeysCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run sakshi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(new AppContext(dir.resolve("ws")).cli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"rsa3072, RSA", "p256, EC"})
    void keysNewCreatesASigningIdentityOpensslAccepts(String keyType, String algorithm) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "s3cret pass\n");
        Run r = sakshi("keys", "new", "--out", dir.resolve("me.p12").toString(), "--storepass-file", pw.toString(),
                "--name", "Insp. Asha Verma, CID", "--days", "30", "--key-type", keyType,
                "--cert-out", dir.resolve("me.pem").toString());
        assertEquals(0, r.exit(), r.err());
        Signer s = Pkcs12Identity.load(dir.resolve("me.p12"), pw, null);
        X509Certificate cert = s.chain().get(0);
        assertEquals("Insp. Asha Verma, CID", s.actor().name());
        assertEquals(algorithm, cert.getPublicKey().getAlgorithm());
        boolean[] ku = cert.getKeyUsage();
        assertTrue(ku[0] && ku[1], "digitalSignature and nonRepudiation");
        assertTrue(cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(31))));
        Tools.require("openssl");
        Files.writeString(dir.resolve("x"), "content");
        Files.write(dir.resolve("x.p7s"), s.signDetached(new ByteArrayInputStream("content".getBytes()), null));
        Tools.Result v = Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "x.p7s",
                "-content", "x", "-CAfile", "me.pem", "-purpose", "any", "-out", "/dev/null");
        assertEquals(0, v.exit(), v.all());
    }

    @Test
    void keysNewWithTsaMakesAnIdentityTheTsaServerAcceptsAndOpensslTrusts() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "tsa pass\n");
        Run r = sakshi("keys", "new", "--tsa", "--out", dir.resolve("tsa.p12").toString(), "--storepass-file",
                pw.toString(), "--name", "Lab TSA", "--key-type", "p256", "--cert-out", dir.resolve("tsa.pem").toString());
        assertEquals(0, r.exit(), r.err());
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest("x".getBytes());
        try (org.sakshi.service.TimestampService.LocalTsa tsa = new AppContext(dir.resolve("ws")).ui().timestamps()
                .serve(dir.resolve("tsa.p12"), "tsa pass".toCharArray(), null, 0)) {
            Files.write(dir.resolve("x.tsr"), new org.sakshi.timestamp.HttpTimestampSource(tsa.url()).stamp(digest).response());
        }
        Tools.require("openssl");
        Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-digest", java.util.HexFormat.of().formatHex(digest),
                "-in", "x.tsr", "-CAfile", "tsa.pem");
        assertEquals(0, v.exit(), v.all());
    }

    @Test
    void keysNewNeverOverwritesAFile() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "pw\n");
        Path existing = Files.writeString(dir.resolve("me.p12"), "precious");
        Run r = sakshi("keys", "new", "--out", existing.toString(), "--storepass-file", pw.toString(), "--name", "X");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: file " + existing + " already exists"), r.err());
        assertArrayEquals("precious".getBytes(), Files.readAllBytes(existing));
    }

    @Test
    void keysNewRefusesALinkPlantedAtTheKeystoreAndTheCertificatePath() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "pw\n");
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("me.p12"), victim);
        Run r = sakshi("keys", "new", "--out", link.toString(), "--storepass-file", pw.toString(), "--name", "X");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is a symbolic link"), r.err());
        Path certLink = Files.createSymbolicLink(dir.resolve("me.pem"), victim);
        Run c = sakshi("keys", "new", "--out", dir.resolve("ok.p12").toString(), "--storepass-file", pw.toString(),
                "--name", "X", "--cert-out", certLink.toString());
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("is a symbolic link"), c.err());
        assertArrayEquals("precious".getBytes(), Files.readAllBytes(victim));
    }

    @Test
    void keysNewWithMissingPasswordFileIsAnInputError() {
        Run r = sakshi("keys", "new", "--out", dir.resolve("me.p12").toString(), "--storepass-file",
                dir.resolve("absent.txt").toString(), "--name", "X");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("absent.txt"), r.err());
    }

    @Test
    void keysWithoutSubcommandExplainsUsage() {
        Run r = sakshi("keys");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("keys new"), r.err());
    }
}
