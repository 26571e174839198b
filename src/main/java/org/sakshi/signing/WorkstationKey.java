package org.sakshi.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sakshi.core.SigningException;
import org.sakshi.core.ledger.HeadSigner;

/**
 * This workstation's ledger key (docs/custody-ledger.md#keys): an Ed25519 key pair made at first
 * use, kept in the user's profile folder as {@code workstation-key.pem} (the PKCS#8 private key and
 * a self-signed X.509 certificate, file mode 0600). It signs the ledger's heads; its certificate is
 * enrolled in every case it writes to. {@code trusted-ledger-keys.txt} in the same folder lists the
 * SHA-256 fingerprints of colleagues' workstation keys that {@code custody verify} accepts.
 */
public final class WorkstationKey implements HeadSigner {
    public static final String FILE = "workstation-key.pem";
    public static final String TRUSTED_FILE = "trusted-ledger-keys.txt";
    private static final String ALG = "Ed25519";

    private final PrivateKey key;
    private final X509Certificate cert;
    private final byte[] der;
    private final String fingerprint;

    private WorkstationKey(PrivateKey key, X509Certificate cert) throws GeneralSecurityException {
        this.key = key;
        this.cert = cert;
        this.der = cert.getEncoded();
        this.fingerprint = Certificates.sha256Hex(cert);
    }

    /** The profile folder: the {@code sakshi.home} system property, else {@code ~/.sakshi}. */
    public static Path profileDir() {
        String home = System.getProperty("sakshi.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sakshi");
    }

    /** Loads the key of {@code profile}, creating it (and the folder) when there is none yet. */
    public static WorkstationKey loadOrCreate(Path profile, String host) throws SigningException {
        Path file = profile.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(profile, file, host);
            }
            return load(file);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new SigningException("cannot open this workstation's ledger key " + file + " (" + e.getMessage()
                    + "); check that the profile folder is writable, or move a damaged key file away so a new one is made",
                    e);
        }
    }

    /** Fingerprints listed in {@code trusted-ledger-keys.txt} (one lower-case hex SHA-256 per line, # comments). */
    public static Set<String> trustedKeys(Path profile) {
        Set<String> out = new LinkedHashSet<>();
        Path f = profile.resolve(TRUSTED_FILE);
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String s = l.strip().toLowerCase(Locale.ROOT);
                if (s.matches("[0-9a-f]{64}")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            // an unreadable list trusts nobody extra; custody verify then names the untrusted key
        }
        return out;
    }

    private static void create(Path profile, Path file, String host)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Files.createDirectories(profile);
        KeyPair kp = KeyPairGenerator.getInstance(ALG).generateKeyPair();
        Instant now = Instant.now();
        X500Principal subject = new X500Principal("CN=Sakshi workstation " + (host == null ? "unknown" : host.replace(",", " "))
                + ", OU=ledger key");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()).setBit(126),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365L * 30))), subject,
                kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder(ALG).build(kp.getPrivate())));
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path tmp = Files.createTempFile(profile, ".workstation-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the profile folder's ACL protects it
            }
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp); // fails when another process made the key meanwhile: keep theirs
            } catch (FileAlreadyExistsException e) {
                // another process won the race
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static WorkstationKey load(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] pk = block(pem, "PRIVATE KEY");
        byte[] cd = block(pem, "CERTIFICATE");
        PrivateKey key = KeyFactory.getInstance(ALG).generatePrivate(new PKCS8EncodedKeySpec(pk));
        X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cd));
        return new WorkstationKey(key, c);
    }

    private static byte[] block(String pem, String label) throws IOException {
        String begin = "-----BEGIN " + label + "-----";
        int a = pem.indexOf(begin);
        int z = pem.indexOf("-----END " + label + "-----");
        if (a < 0 || z < a) {
            throw new IOException("the key file has no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(a + begin.length(), z));
    }

    @Override
    public String algorithm() {
        return ALG;
    }

    @Override
    public byte[] certificate() {
        return der.clone();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String subject() {
        return cert.getSubjectX500Principal().getName();
    }

    @Override
    public byte[] sign(byte[] data) throws SigningException {
        try {
            Signature s = Signature.getInstance(ALG);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot sign the ledger head with this workstation's key (" + e.getMessage()
                    + ")", e);
        }
    }
}
