package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * PKCS#11 against a real SoftHSM2 token. SoftHSM reads SOFTHSM2_CONF from the JVM's environment
 * (set by surefire to target/softhsm/softhsm2.conf); the tokens are made here, before the library
 * is first loaded in this JVM, because SoftHSM reads its token directory when initialised.
 */
class Pkcs11IdentityTest {
    static final String PIN = "123456";
    static final String OFFICER_TOKEN = "sakshi-officer";
    static final String EMPTY_TOKEN = "sakshi-empty";
    static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

    @TempDir
    static Path dir;
    static Path library;
    static TestPki pki;
    static Path pinFile;

    @BeforeAll
    static void makeTokens() throws Exception {
        Tools.require("softhsm2-util");
        library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Tools.require(library != null, "libsofthsm2.so not found in " + LIBRARIES + " (Debian package softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assertNotNull(conf, "SOFTHSM2_CONF must be set by surefire (see pom.xml)");
        Path confFile = Path.of(conf);
        Path tokens = confFile.getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> s = Files.walk(tokens)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        pki = TestPki.create(dir.resolve("pki"));
        pinFile = Files.writeString(dir.resolve("pin.txt"), PIN + "\n");
        for (String label : List.of(OFFICER_TOKEN, EMPTY_TOKEN)) {
            Tools.Result r = Tools.run(dir, "softhsm2-util", "--init-token", "--free", "--label", label,
                    "--so-pin", "12345678", "--pin", PIN);
            assertEquals(0, r.exit(), r.all());
        }
        Path keyPem = dir.resolve("officer-key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pki.officer().key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Tools.Result imp = Tools.run(dir, "softhsm2-util", "--import", keyPem.toString(), "--token", OFFICER_TOKEN,
                "--label", "officer", "--id", "01", "--pin", PIN);
        assertEquals(0, imp.exit(), imp.all());
        Path certDer = Files.write(dir.resolve("officer.der"), pki.officerCert().getEncoded());
        Tools.require("pkcs11-tool");
        Tools.Result cert = Tools.run(dir, "pkcs11-tool", "--module", library.toString(), "--token-label", OFFICER_TOKEN,
                "--login", "--pin", PIN, "--write-object", certDer.toString(), "--type", "cert", "--id", "01",
                "--label", "officer");
        assertEquals(0, cert.exit(), cert.all());
    }

    @Test
    void signsOnTheTokenAndOpensslVerifiesTheSignature() throws Exception {
        Tools.require("openssl");
        Signer s = Pkcs11Identity.load(library, OFFICER_TOKEN, pinFile, null);
        assertEquals(TestPki.OFFICER_NAME, s.actor().name());
        Path content = Files.writeString(dir.resolve("manifest.txt"), "abc  data/x\n");
        Files.write(dir.resolve("manifest.p7s"), s.signDetached(Files.newInputStream(content), null));
        Tools.Result v = Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s",
                "-content", "manifest.txt", "-CAfile", pki.agencyCaPem().toString(), "-purpose", "any", "-out", "/dev/null");
        assertEquals(0, v.exit(), v.all());
    }

    @Test
    void tokenSignatureVerifiesAsTrustedWithTheAgencyRoot() throws Exception {
        Signer s = Pkcs11Identity.load(library, OFFICER_TOKEN, pinFile, "officer");
        byte[] data = "payload".getBytes();
        CmsVerifier.Result r = new CmsVerifier(List.of(pki.agencyCaCert()))
                .verify(s.signDetached(new ByteArrayInputStream(data), null), new ByteArrayInputStream(data), "x");
        assertTrue(r.valid() && r.trusted(), r.checks().toString());
    }

    @Test
    void wrongPinIsRefusedNamingTheToken() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(library, OFFICER_TOKEN, "000000".toCharArray(), null, SigningOptions.strict()));
        assertTrue(e.getMessage().startsWith("wrong PIN for the token '" + OFFICER_TOKEN + "'"), e.getMessage());
    }

    @Test
    void missingLibraryIsRefused() {
        Path absent = dir.resolve("no-such-pkcs11.so");
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(absent, OFFICER_TOKEN, pinFile, null));
        assertTrue(e.getMessage().contains(absent.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fileThatIsNotAPkcs11LibraryIsRefused() throws Exception {
        Path notLib = Files.writeString(dir.resolve("fake.so"), "not a library");
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(notLib, OFFICER_TOKEN, pinFile, null));
        assertTrue(e.getMessage().contains("cannot be used"), e.getMessage());
    }

    @Test
    void missingTokenIsRefusedListingThePresentOnes() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(library, "ePass2003", pinFile, null));
        assertTrue(e.getMessage().contains("no token labelled 'ePass2003'") && e.getMessage().contains(OFFICER_TOKEN),
                e.getMessage());
    }

    @Test
    void tokenWithoutKeyIsRefused() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(library, EMPTY_TOKEN, pinFile, null));
        assertTrue(e.getMessage().contains("holds no private key"), e.getMessage());
    }

    @Test
    void withoutTheWrapperExportSeveralTokensAreRefusedWithoutTryingThePin() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Tools.Result r = Tools.run(dir, java.toString(), "-cp", System.getProperty("java.class.path"),
                Pkcs11Probe.class.getName(), library.toString(), OFFICER_TOKEN, pinFile.toString());
        assertTrue(r.out().startsWith("ERROR ") && r.out().contains("several tokens")
                && r.out().contains("--add-exports"), r.all());
    }

    @Test
    void severalTokensWithoutLabelAskForOne() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs11Identity.load(library, null, pinFile, null));
        assertTrue(e.getMessage().contains("--token-label"), e.getMessage());
    }
}
