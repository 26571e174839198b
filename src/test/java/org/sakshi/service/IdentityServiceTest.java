package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.KeyType;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.sakshi.signing.Certificates;
import org.sakshi.testsupport.TestPki;

class IdentityServiceTest {
    @TempDir
    Path dir;

    private final IdentityService identities = new IdentityService();

    @Test
    void aPkcs12IdentityOpensWithItsPasswordFileAndSignsAsTheOfficer() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Signer signer = identities.open(SigningIdentity.pkcs12(pki.officerP12(), null), pki.officerPasswordFile());
        assertEquals(pki.officerCert(), signer.chain().get(0));
    }

    @Test
    void aTypedInPasswordIsWipedWhetherTheIdentityOpensOrNot() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        char[] right = pki.officerPassword();
        identities.open(SigningIdentity.pkcs12(pki.officerP12(), " "), right);
        assertArrayEquals(new char[right.length], right);

        char[] wrong = "not the password".toCharArray();
        SigningException e = assertThrows(SigningException.class,
                () -> identities.open(SigningIdentity.pkcs12(pki.officerP12(), null), wrong));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
        assertArrayEquals(new char[wrong.length], wrong);
    }

    @Test
    void aMissingPkcs11LibraryIsNamedAsAnInstallStep() {
        SigningException e = assertThrows(SigningException.class, () -> identities.open(
                SigningIdentity.pkcs11(dir.resolve("no-such-pkcs11.so"), "DSC"), "1234".toCharArray()));
        assertTrue(e.getMessage().contains("no-such-pkcs11.so") && e.getMessage().contains("install"), e.getMessage());
    }

    @Test
    void aCreatedIdentityIsSummarisedItsCertificateWrittenAndItOpensForSigning() throws Exception {
        Path p12 = dir.resolve("me.p12");
        Path pem = dir.resolve("me.pem");
        char[] pw = "s3cret pass".toCharArray();
        IdentitySummary s = identities.create(p12, pw, "Insp. A. Verma", 30, KeyType.P256, false, pem);
        assertArrayEquals(new char[pw.length], pw);
        assertTrue(s.subject().contains("Insp. A. Verma"), s.subject());
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
        Signer signer = identities.open(SigningIdentity.pkcs12(p12, null), "s3cret pass".toCharArray());
        assertEquals(s.sha256(), Certificates.sha256Hex(signer.chain().get(0)));
    }

    @Test
    void aMissingSecretFileIsAnInputErrorNamingIt() {
        InputException e = assertThrows(InputException.class, () -> identities.readSecret(dir.resolve("pw.txt")));
        assertTrue(e.getMessage().contains("pw.txt"), e.getMessage());
    }
}
