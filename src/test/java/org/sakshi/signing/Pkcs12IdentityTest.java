package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.sakshi.testsupport.TestPki;

class Pkcs12IdentityTest {
    @TempDir
    Path dir;
    TestPki pki;

    @BeforeEach
    void pki() {
        pki = TestPki.create(dir);
    }

    @Test
    void loadsTheOfficerWithChainAndActor() throws Exception {
        Signer s = Pkcs12Identity.load(pki.officerP12(), pki.officerPasswordFile(), null);
        assertEquals(pki.officerCert(), s.chain().get(0));
        assertEquals(pki.agencyCaCert(), s.chain().get(1));
        assertEquals(TestPki.OFFICER_NAME, s.actor().name());
        assertEquals(Certificates.sha256Hex(pki.officerCert()), s.actor().certSha256());
    }

    @Test
    void wrongPasswordNamesTheFile() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs12Identity.load(pki.officerP12(), "nope".toCharArray(), null));
        assertTrue(e.getMessage().startsWith("wrong password for " + pki.officerP12()), e.getMessage());
    }

    @Test
    void keystoreWithoutPrivateKeyIsRefused() {
        Path certOnly = pki.writeCertOnlyP12(dir.resolve("cert-only.p12"), pki.officerCert(), "pw".toCharArray());
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs12Identity.load(certOnly, "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("no private key"), e.getMessage());
    }

    @Test
    void expiredCertificateIsRefusedNamingTheDate() {
        Instant now = Instant.now();
        Instant end = now.minus(Duration.ofDays(10));
        TestPki.Identity old = pki.issueOfficer(new TestPki.OfficerSpec("Old Officer",
                now.minus(Duration.ofDays(400)), end, true));
        Path p12 = pki.writeP12(dir.resolve("old.p12"), old, "pw".toCharArray());
        SigningException e = assertThrows(SigningException.class, () -> Pkcs12Identity.load(p12, "pw".toCharArray(), null));
        String day = IdentityChecks.formatInstant(old.cert().getNotAfter().toInstant());
        assertTrue(e.getMessage().contains("expired on " + day), e.getMessage());
    }

    @Test
    void expiredCertificateIsAcceptedWhenExplicitlyAllowed() throws Exception {
        Instant now = Instant.now();
        TestPki.Identity old = pki.issueOfficer(new TestPki.OfficerSpec("Old Officer",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(10)), true));
        Path p12 = pki.writeP12(dir.resolve("old.p12"), old, "pw".toCharArray());
        Signer s = Pkcs12Identity.load(p12, "pw".toCharArray(), null, new SigningOptions(now, true));
        assertEquals("Old Officer", s.actor().name());
    }

    @Test
    void certificateWithoutDigitalSignatureIsRefused() {
        TestPki.Identity enc = pki.issueOfficer(new TestPki.OfficerSpec("Encryption Only",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), false));
        Path p12 = pki.writeP12(dir.resolve("enc.p12"), enc, "pw".toCharArray());
        SigningException e = assertThrows(SigningException.class, () -> Pkcs12Identity.load(p12, "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("digitalSignature"), e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class,
                () -> Pkcs12Identity.load(dir.resolve("absent.p12"), "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("absent.p12"), e.getMessage());
    }

    @Test
    void fileThatIsNotPkcs12IsAnInputError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "this is text");
        InputException e = assertThrows(InputException.class, () -> Pkcs12Identity.load(junk, "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("junk.p12"), e.getMessage());
    }

    @Test
    void unknownAliasIsRefusedListingTheAliases() {
        SigningException e = assertThrows(SigningException.class,
                () -> Pkcs12Identity.load(pki.officerP12(), pki.officerPassword(), "other"));
        assertTrue(e.getMessage().contains("[key]"), e.getMessage());
    }

    @Test
    void passwordFileLineEndIsNotPartOfThePassword() throws Exception {
        Path crlf = Files.writeString(dir.resolve("crlf.pass"), new String(pki.officerPassword()) + "\r\n");
        assertEquals(TestPki.OFFICER_NAME, Pkcs12Identity.load(pki.officerP12(), crlf, null).actor().name());
    }
}
