package org.sakshi.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.sakshi.core.InputException;
import org.sakshi.core.SigningException;

/**
 * Encrypts a sealed bundle for transit (docs/bundle-format.md#encrypted-in-transit): CMS
 * AuthEnvelopedData (RFC 5083) around the bundle ZIP's bytes, content encrypted with AES-256-GCM
 * (RFC 5084, 12-byte nonce, 16-byte tag), its one-time key delivered to each recipient certificate:
 * RSA keys by KeyTransRecipientInfo with RSAES-OAEP, SHA-256 and MGF1-SHA-256 (RFC 8017 §7.1, RFC 4055
 * §4.1); EC keys on P-256 or P-384 by KeyAgreeRecipientInfo, ephemeral-static ECDH with
 * dhSinglePass-stdDH-sha256kdf-scheme and AES-256 key wrap (RFC 5753 §3.1, RFC 3394).
 * Recipients are named by issuer and serial number, so {@code openssl cms -decrypt -recip CERT}
 * finds its entry.
 *
 * <p>The output is written as it goes (BER, indefinite lengths, 64 KiB octet-string chunks): nothing
 * of the content is held in memory. The JDK's own AES-GCM (AES-NI) encrypts; Bouncy Castle (as a
 * provider instance, never registered) does the OAEP and ECDH key transport, which the JDK lacks.
 */
public final class BundleEncryptor {
    /** The file extension of an encrypted bundle (RFC 5751 §3.2.1 uses .p7m for enveloped data). */
    public static final String EXTENSION = ".p7m";
    private static final int CHUNK = 1 << 16;
    private static final int MIN_RSA_BITS = 2048;

    private BundleEncryptor() {
    }

    /**
     * Reads a recipient's certificate from a PEM (or DER) file: its first certificate (a chain file
     * names the recipient first) must be a usable recipient at {@code now}.
     *
     * @throws InputException the file holds no certificate, or the certificate cannot receive
     */
    public static X509Certificate readRecipient(Path file, Instant now) throws InputException {
        List<X509Certificate> certs = Pem.readCertificates(file);
        X509Certificate cert = certs.get(0);
        checkRecipient(cert, file.toString(), now);
        return cert;
    }

    /**
     * Refuses a certificate whose key cannot take part: an RSA key under 2048 bits, an EC key on a
     * curve other than P-256 or P-384, another key type, or a certificate outside its validity
     * period at {@code now} (the recipient may no longer hold the key).
     */
    public static void checkRecipient(X509Certificate cert, String source, Instant now) throws InputException {
        String who = "the recipient certificate " + source + " (" + Certificates.subject(cert) + ")";
        try {
            cert.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new InputException(who + " expired on " + cert.getNotAfter().toInstant()
                    + "; ask the recipient for their current certificate.", e);
        } catch (CertificateNotYetValidException e) {
            throw new InputException(who + " is not valid before " + cert.getNotBefore().toInstant()
                    + "; check this computer's clock or ask the recipient for their current certificate.", e);
        }
        PublicKey key = cert.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new InputException(who + " has a " + rsa.getModulus().bitLength() + "-bit RSA key, too weak"
                        + " to protect evidence (2048 bits at least); ask the recipient for a stronger certificate.");
            }
        } else if (key instanceof ECPublicKey) {
            if (curve(cert) == null) {
                throw new InputException(who + " has an EC key on a curve Sakshi does not encrypt to; ask the"
                        + " recipient for a certificate with an RSA, P-256 or P-384 key.");
            }
        } else {
            throw new InputException(who + " has a " + key.getAlgorithm() + " key; Sakshi encrypts only to RSA,"
                    + " P-256 or P-384 keys, so ask the recipient for such a certificate.");
        }
    }

    /** The JCA name of the certificate's EC curve when it is P-256 or P-384, else null. */
    static String curve(X509Certificate cert) {
        if (!(cert.getPublicKey() instanceof ECPublicKey ec)) {
            return null;
        }
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        String name = bits == 256 ? "secp256r1" : bits == 384 ? "secp384r1" : null;
        if (name == null) {
            return null;
        }
        try {
            // the same field size is not enough (brainpool curves share it): compare the whole curve
            java.security.AlgorithmParameters p = java.security.AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec(name));
            java.security.spec.ECParameterSpec named = p.getParameterSpec(java.security.spec.ECParameterSpec.class);
            return named.getCurve().equals(ec.getParams().getCurve())
                    && named.getGenerator().equals(ec.getParams().getGenerator()) ? name : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Opens the encrypting stream over {@code out}: the header with every recipient's wrapped key is
     * written now; what is written to the returned stream is encrypted and written on; closing it
     * writes the GCM tag and the end of the structure, without closing {@code out}.
     */
    public static OutputStream open(OutputStream out, List<X509Certificate> recipients)
            throws SigningException, IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipient");
        }
        try {
            CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
            gen.setBufferSize(CHUNK);
            for (X509Certificate cert : recipients) {
                if (cert.getPublicKey() instanceof RSAPublicKey) {
                    gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(cert, oaepSha256())
                            .setProvider(Bc.PROVIDER));
                } else {
                    String curve = curve(cert);
                    if (curve == null) {
                        throw new SigningException("the recipient " + Certificates.subject(cert)
                                + " has no RSA, P-256 or P-384 key; nothing was encrypted.");
                    }
                    // a fresh ephemeral key for each recipient (RFC 5753 §3.1.1: ephemeral-static ECDH)
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(curve));
                    KeyPair eph = g.generateKeyPair();
                    gen.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                            eph.getPrivate(), eph.getPublic(), CMSAlgorithm.AES256_WRAP)
                            .addRecipient(cert).setProvider(Bc.PROVIDER));
                }
            }
            OutputAEADEncryptor enc = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                    .build();
            return gen.open(out, enc);
        } catch (CMSException | GeneralSecurityException e) {
            throw new SigningException("cannot encrypt the bundle (" + e.getMessage() + "); nothing was written."
                    + " Report this fault.", e);
        }
    }

    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label (RFC 4055 §4.1; what openssl's rsa_oaep_md:sha256 writes). */
    static AlgorithmIdentifier oaepSha256() {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(sha256,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256), RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
    }

    /** Short descriptions of recipients, for messages: "CN (RSA 3072)". */
    public static List<String> describe(List<X509Certificate> recipients) {
        List<String> out = new ArrayList<>();
        for (X509Certificate c : recipients) {
            PublicKey k = c.getPublicKey();
            String kind = k instanceof RSAPublicKey r ? "RSA " + r.getModulus().bitLength()
                    : "secp384r1".equals(curve(c)) ? "EC P-384" : "EC P-256";
            out.add(Certificates.commonName(c) + " (" + kind + ")");
        }
        return out;
    }

    /** One Bouncy Castle provider instance for the whole package, never added to the JCA list. */
    static final class Bc {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();

        private Bc() {
        }
    }
}
