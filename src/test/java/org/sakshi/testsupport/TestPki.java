package org.sakshi.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.signing.Pem;
import org.sakshi.signing.Pkcs12Identity;

/**
 * A small PKI for tests, written into a folder (use a JUnit {@code @TempDir}):
 * <ul>
 *   <li>{@code agency-ca.pem}: the agency root CA, the trust anchor for signatures;</li>
 *   <li>{@code officer.p12} + {@code officer.pass}: the officer's key, a certificate issued by the
 *       agency CA with keyUsage digitalSignature + nonRepudiation, and the CA in the chain;</li>
 *   <li>{@code tsa-root.pem}: the TSA's root CA, the trust anchor for time-stamps;</li>
 *   <li>{@code tsa.p12} + {@code tsa.pass}: the TSA key and certificate (critical EKU timeStamping).</li>
 * </ul>
 * Keys are EC P-256 (fast to make). Usage: {@code TestPki pki = TestPki.create(tempDir);
 * Signer s = pki.officerSigner();}. Extra identities for bad-input tests come from
 * {@link #issueOfficer} and {@link #issueTsa}.
 */
public final class TestPki {
    public static final String OFFICER_NAME = "Inspector Asha Verma";
    public static final String AGENCY_CA_NAME = "CN=Test Agency Root CA,O=Sakshi Test Police,C=IN";
    public static final String TSA_ROOT_NAME = "CN=Test TSA Root,O=Sakshi Test TSA,C=IN";
    public static final String TSA_NAME = "CN=Test TSA,O=Sakshi Test TSA,C=IN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Identity agencyCa;
    private final Identity officer;
    private final Identity tsaRoot;
    private final Identity tsa;
    private final char[] officerPassword = "officer-secret-1".toCharArray();
    private final char[] tsaPassword = "tsa-secret-1".toCharArray();

    /** A key with its certificate chain, signer first. */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate cert() {
            return chain.get(0);
        }
    }

    /** What to put into an officer certificate made by {@link #issueOfficer}. */
    public record OfficerSpec(String commonName, Instant notBefore, Instant notAfter, boolean digitalSignature) {
        public static OfficerSpec valid(String cn) {
            Instant now = Instant.now();
            return new OfficerSpec(cn, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), true);
        }
    }

    private TestPki(Path dir) {
        this.dir = dir;
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(30));
        Instant until = now.plus(Duration.ofDays(3650));
        agencyCa = selfSignedCa(AGENCY_CA_NAME, from, until);
        officer = issueOfficer(OfficerSpec.valid(OFFICER_NAME));
        tsaRoot = selfSignedCa(TSA_ROOT_NAME, from, until);
        tsa = issueTsa(TSA_NAME, true, true);
    }

    /** Makes the PKI and writes its files into {@code dir}. */
    public static TestPki create(Path dir) {
        TestPki pki = new TestPki(dir);
        try {
            Files.createDirectories(dir);
            pki.writeP12(pki.officerP12(), pki.officer, pki.officerPassword);
            Files.writeString(pki.officerPasswordFile(), new String(pki.officerPassword) + "\n", StandardCharsets.UTF_8);
            Pem.writeCertificates(pki.agencyCaPem(), List.of(pki.agencyCa.cert()));
            pki.writeP12(pki.tsaP12(), pki.tsa, pki.tsaPassword);
            Files.writeString(pki.tsaPasswordFile(), new String(pki.tsaPassword) + "\n", StandardCharsets.UTF_8);
            Pem.writeCertificates(pki.tsaRootPem(), List.of(pki.tsaRoot.cert()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pki;
    }

    public Path dir() {
        return dir;
    }

    public Path officerP12() {
        return dir.resolve("officer.p12");
    }

    public Path officerPasswordFile() {
        return dir.resolve("officer.pass");
    }

    public char[] officerPassword() {
        return officerPassword.clone();
    }

    public Identity officer() {
        return officer;
    }

    public X509Certificate officerCert() {
        return officer.cert();
    }

    public Identity agencyCa() {
        return agencyCa;
    }

    public X509Certificate agencyCaCert() {
        return agencyCa.cert();
    }

    public Path agencyCaPem() {
        return dir.resolve("agency-ca.pem");
    }

    public Path tsaP12() {
        return dir.resolve("tsa.p12");
    }

    public Path tsaPasswordFile() {
        return dir.resolve("tsa.pass");
    }

    public char[] tsaPassword() {
        return tsaPassword.clone();
    }

    public Identity tsa() {
        return tsa;
    }

    public X509Certificate tsaRootCert() {
        return tsaRoot.cert();
    }

    public Path tsaRootPem() {
        return dir.resolve("tsa-root.pem");
    }

    /** The officer identity loaded through the production PKCS#12 loader. */
    public Signer officerSigner() throws SakshiException {
        return Pkcs12Identity.load(officerP12(), officerPassword(), null);
    }

    /** A further officer certificate issued by the agency CA (e.g. expired, or without digitalSignature). */
    public Identity issueOfficer(OfficerSpec spec) {
        KeyPair kp = ecKeyPair();
        try {
            X509v3CertificateBuilder b = builder(agencyCa.cert(), "CN=" + spec.commonName() + ",O=Sakshi Test Police,C=IN",
                    kp, spec.notBefore(), spec.notAfter());
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.digitalSignature()
                    ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.keyEncipherment));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(agencyCa.cert()));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            return new Identity(kp.getPrivate(), List.of(sign(b, agencyCa.key()), agencyCa.cert()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TSA certificate issued by the TSA root; {@code eku=false} leaves out the timeStamping EKU. */
    public Identity issueTsa(String subject, boolean eku, boolean critical) {
        KeyPair kp = ecKeyPair();
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = builder(tsaRoot.cert(), subject, kp, now.minus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(3650)));
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (eku) {
                b.addExtension(Extension.extendedKeyUsage, critical, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(tsaRoot.cert()));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            return new Identity(kp.getPrivate(), List.of(sign(b, tsaRoot.key()), tsaRoot.cert()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A recipient of encrypted bundles issued by the agency CA: {@code keySpec} "RSA" (3072 bits),
     * "secp256r1" or "secp384r1"; keyUsage keyEncipherment (RSA) or keyAgreement (EC), plus
     * digitalSignature as officers' certificates have.
     */
    public Identity issueRecipient(String commonName, String keySpec) {
        try {
            KeyPair kp;
            if ("RSA".equals(keySpec)) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(3072, RANDOM);
                kp = g.generateKeyPair();
            } else {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(keySpec), RANDOM);
                kp = g.generateKeyPair();
            }
            Instant now = Instant.now();
            X509v3CertificateBuilder b = builder(agencyCa.cert(), "CN=" + commonName + ",O=Sakshi Test Police,C=IN",
                    kp, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | ("RSA".equals(keySpec) ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement)));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(agencyCa.cert()));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            return new Identity(kp.getPrivate(), List.of(sign(b, agencyCa.key()), agencyCa.cert()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an identity as PKCS#12 (JDK key store, alias "key"). */
    public Path writeP12(Path file, Identity id, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", id.key(), password, id.chain().toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PKCS#12 holding only a certificate (no private key). */
    public Path writeCertOnlyP12(Path file, X509Certificate cert, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("cert", cert);
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Identity selfSignedCa(String subject, Instant from, Instant until) {
        KeyPair kp = ecKeyPair();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(subject), serial(),
                    Date.from(from), Date.from(until), new X500Name(subject), kp.getPublic());
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            return new Identity(kp.getPrivate(), List.of(sign(b, kp.getPrivate())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X509Certificate issuer, String subject, KeyPair kp, Instant from,
                                                    Instant until) {
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(until),
                new javax.security.auth.x500.X500Principal(subject), kp.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All certificates of an identity, for tests that need a list. */
    public static List<X509Certificate> certs(Identity... ids) {
        List<X509Certificate> out = new ArrayList<>();
        for (Identity id : ids) {
            out.addAll(id.chain());
        }
        return out;
    }
}
