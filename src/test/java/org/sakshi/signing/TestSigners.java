package org.sakshi.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.TestPki;

/**
 * Signers for attack tests: certificates issued by the test agency CA with any key usage, and a
 * {@link Signer} over them that skips the checks the production loaders make (an attacker's own
 * signing code makes none).
 */
public final class TestSigners {
    private TestSigners() {
    }

    /**
     * A certificate for {@code cn} issued by the agency CA of {@code pki}.
     *
     * @param keyUsage KeyUsage bits (e.g. {@code KeyUsage.keyCertSign}), or -1 for no keyUsage extension
     * @param eku      an extended key usage to add (critical), or null
     */
    public static TestPki.Identity issue(TestPki pki, String cn, int keyUsage, KeyPurposeId eku) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = g.generateKeyPair();
            X509Certificate ca = pki.agencyCaCert();
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca,
                    new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Principal("CN=" + cn + ",O=Sakshi Test Police,C=IN"),
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (keyUsage >= 0) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (eku != null) {
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.agencyCa().key())));
            return new TestPki.Identity(kp.getPrivate(), List.of(cert, ca));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with {@code id} as it is, whatever its certificate says it may do. */
    public static Signer unchecked(TestPki.Identity id) {
        return new KeyStoreSigner(id.key(), null, id.chain(), "test identity");
    }
}
