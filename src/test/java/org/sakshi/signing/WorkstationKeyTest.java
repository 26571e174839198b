package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationKeyTest {
    @TempDir
    Path tmp;

    @Test
    void theKeyIsMadeAtFirstUseReadableByTheOwnerOnlyAndTheSameOnTheNextStart() throws Exception {
        Path profile = tmp.resolve("profile");
        WorkstationKey k = WorkstationKey.loadOrCreate(profile, "ps-howrah-1");
        Path file = profile.resolve(WorkstationKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(k.fingerprint(), WorkstationKey.loadOrCreate(profile, "ps-howrah-1").fingerprint());
        assertNotEquals(k.fingerprint(), WorkstationKey.loadOrCreate(tmp.resolve("other"), "x").fingerprint());
        assertTrue(k.subject().contains("ps-howrah-1"), k.subject());
    }

    @Test
    void itsSignatureVerifiesWithTheJdkAloneFromTheCertificateItPublishes() throws Exception {
        WorkstationKey k = WorkstationKey.loadOrCreate(tmp, "lab-1");
        byte[] data = "head".getBytes(StandardCharsets.UTF_8);
        byte[] sig = k.sign(data);
        X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(k.certificate()));
        Signature v = Signature.getInstance(k.algorithm());
        v.initVerify(c.getPublicKey());
        v.update(data);
        assertTrue(v.verify(sig));
        assertEquals(Certificates.sha256Hex(c), k.fingerprint());
    }

    @Test
    void trustedKeysAreReadFromTheProfileListIgnoringCommentsAndJunk() throws Exception {
        String fp = "ab".repeat(32);
        Files.writeString(tmp.resolve(WorkstationKey.TRUSTED_FILE), "# colleagues\n" + fp.toUpperCase() + "\nnot a key\n");
        assertEquals(Set.of(fp), WorkstationKey.trustedKeys(tmp));
    }
}
