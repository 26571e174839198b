package org.sakshi.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sakshi.core.InputException;
import org.sakshi.core.KeyType;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SigningException;

/**
 * Creates a self-signed officer identity for agencies without a PKI ({@code sakshi keys new}): a
 * fresh key pair, an X.509 v3 certificate with keyUsage digitalSignature + nonRepudiation
 * (critical, RFC 5280 §4.2.1.3) and basicConstraints cA=false, stored as PKCS#12 by the JDK. The
 * certificate is its own trust anchor: the prosecutor gives it to {@code sakshi verify --trust}.
 */
public final class IdentityGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private IdentityGenerator() {
    }

    /**
     * Writes a new identity to {@code out} (which must not exist).
     *
     * @param commonName the officer's name as it should appear on reports, e.g. "Insp. A. Verma, CID Kolkata"
     * @param days       validity from now
     * @return the new self-signed certificate
     */
    public static X509Certificate create(Path out, char[] password, String commonName, int days, KeyType type)
            throws SakshiException {
        return create(out, password, commonName, days, type, false);
    }

    /**
     * As {@link #create(Path, char[], String, int, KeyType)}; with {@code timeStamping} the certificate
     * is for a lab's own TSA ({@code sakshi tsa serve}): the only extended key usage is
     * id-kp-timeStamping, marked critical (RFC 3161 §2.3).
     */
    public static X509Certificate create(Path out, char[] password, String commonName, int days, KeyType type,
                                         boolean timeStamping) throws SakshiException {
        if (commonName == null || commonName.isBlank()) {
            throw new InputException("the identity needs a name (--name \"Officer name\").");
        }
        if (days < 1 || days > 36500) {
            throw new InputException("--days must be between 1 and 36500, not " + days + ".");
        }
        if (password.length == 0) {
            throw new InputException("the keystore password must not be empty.");
        }
        if (Files.isSymbolicLink(out)) {
            org.sakshi.core.OutputFiles.requireAbsent(out); // says: a link, never written through
        }
        if (Files.exists(out)) {
            throw new InputException("file " + out + " already exists; choose another --out (Sakshi never overwrites a key).");
        }
        try {
            KeyPair kp = keyPair(type);
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName.strip()).build();
            X500Principal principal = new X500Principal(subject.getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(principal, new BigInteger(127, RANDOM).setBit(126),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(days))),
                    principal, kp.getPublic());
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (timeStamping) {
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(kp.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder(Certificates.signatureAlgorithm(kp.getPrivate().getAlgorithm()))
                            .build(kp.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("signing", kp.getPrivate(), password, new Certificate[] {cert});
            writeAtomically(out, ks, password);
            return cert;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new SigningException("cannot create the identity " + out + " (" + e.getMessage() + ").", e);
        }
    }

    private static void writeAtomically(Path out, KeyStore ks, char[] password) throws IOException, GeneralSecurityException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sakshi-key", ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ks.store(o, password);
            }
            try {
                org.sakshi.core.OutputFiles.publish(tmp, out.toAbsolutePath());
            } catch (org.sakshi.core.InputException e) {
                throw new IOException(e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static KeyPair keyPair(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.P256) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072, RANDOM);
        return g.generateKeyPair();
    }
}
