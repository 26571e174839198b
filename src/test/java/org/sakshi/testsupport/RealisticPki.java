package org.sakshi.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampException;
import org.sakshi.signing.Pem;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.testsupport.TestPki.Identity;

/**
 * A test PKI shaped like the real one a police officer in India signs with, and its revocation
 * services on loopback.
 *
 * <p><b>What it models.</b> In India a Certifying Authority licensed by the Controller of Certifying
 * Authorities (CCA) issues Class 3 Digital Signature Certificates (DSCs) to officers through an
 * issuing (sub-)CA, and publishes the status of every certificate by OCSP and CRL at the URLs written
 * into the certificates (CRL distribution points; authority information access with OCSP and
 * caIssuers). Time-stamps come from a TSA whose certificate chains to a root of its own. Here:
 * <pre>
 *  Sakshi Test Root CA (self-signed, 20 y)          Sakshi Test TSA Root (self-signed, 20 y)
 *   └ Sakshi Test Class 3 Issuing CA (pathLen 0)     └ Sakshi Test TSA Issuing CA (pathLen 0)
 *      ├ officer (digitalSignature+nonRepudiation)      └ TSA (critical EKU timeStamping only)
 *      ├ revoked officer (revoked 1 h before creation, keyCompromise)
 *      └ further officers: {@link #issueOfficer}
 * </pre>
 * Keys are EC P-256, signatures SHA-256 with ECDSA. Every non-root certificate carries AKI/SKI, a
 * CRL distribution point {@code http://127.0.0.1:PORT/crl/<ca>.crl}, and AIA with OCSP
 * {@code http://127.0.0.1:PORT/ocsp/<ca>} and caIssuers {@code http://127.0.0.1:PORT/certs/<ca>.cer}
 * (DER), where {@code <ca>} is the issuer's short name ({@link #ROOT}, {@link #ISSUING_CA},
 * {@link #TSA_ROOT}, {@link #TSA_CA}). Officer and issuing CA certificates carry a certificate policy
 * standing for the Class 3 policy of the India PKI ({@link #CLASS3_POLICY}, a test OID).
 *
 * <p><b>The server.</b> One {@link HttpServer} on 127.0.0.1 (a free port, bound before any certificate
 * is issued, so the URLs in the certificates are right) answers:
 * <ul>
 *   <li>{@code GET /crl/<ca>.crl}: a fresh X.509 v2 CRL (DER, {@code application/pkix-crl}) signed by the
 *       CA: CRL number (one higher each time), AKI, expiredCertsOnCRL (revoked certificates stay listed after
 *       they expire), thisUpdate = now, nextUpdate = now + 7 d, every certificate revoked by now with its
 *       revocation time and reason;</li>
 *   <li>{@code POST /ocsp/<ca>} ({@code application/ocsp-request}) and {@code GET /ocsp/<ca>/<base64>}
 *       (RFC 6960 appendix A): a basic OCSP response <b>signed by the CA itself</b> by default (the CA
 *       certificate is included in the response); {@link #useDelegatedOcspResponders} switches to a
 *       delegated responder certificate (id-kp-OCSPSigning + id-pkix-ocsp-nocheck). Responder ID by
 *       key hash, one answer per request entry: good, revoked (time and reason) or unknown (a serial the CA never
 *       issued, or a CertID of another issuer), thisUpdate = producedAt = now, nextUpdate = now + 1 d,
 *       archiveCutoff (the status of expired certificates is kept), the request's nonce echoed when
 *       present; a malformed request gets malformedRequest;</li>
 *   <li>{@code GET /certs/<ca>.cer}: the CA certificate (DER, {@code application/pkix-cert}).</li>
 * </ul>
 * "Now" is the PKI's {@link Clock} (system UTC unless given; {@link #setClock} moves it, e.g. to
 * simulate CRLs fetched years later); times are whole seconds (floored). A revocation shows in CRLs and
 * OCSP responses dated at or after its time only. Every request is counted by resource
 * ({@link #requests}, {@link #ocspRequests()}, {@link #crlRequests()}, {@link #caIssuersRequests()}),
 * so a test can assert that revocation data was fetched while online and that nothing was fetched
 * offline. {@link #stop()} (also {@link #close()}) closes the listening socket: afterwards connections
 * are refused, as for a station with no network; {@link #restart()} serves again on the same port.
 * The TSA ({@link LocalTsa}) is a server of its own: stopping the PKI leaves it running (a station that
 * reaches its TSA but not the CA), close it too for a station with no network at all.
 *
 * <p>Validity (by the clock at creation): roots now - 1 y .. now + 20 y, intermediate CAs
 * now - 180 d .. now + 15 y, TSA now - 30 d .. now + 10 y, officers now - 1 d .. now + 365 d unless
 * given to {@link #create(Path, Clock, Instant, Instant)}.
 *
 * <p><b>Files</b> in the folder given to {@link #create}: {@code root.pem} and {@code tsa-root.pem}
 * (the anchors for {@code --trust} and {@code --tsa-trust}), {@code anchors.pem} (both),
 * {@code issuing-ca.pem}, {@code tsa-ca.pem},
 * {@code officer.p12}/{@code officer.pass}/{@code officer.pem}, {@code revoked-officer.p12}/
 * {@code revoked-officer.pass}/{@code revoked-officer.pem}, {@code tsa.p12}/{@code tsa.pass}.
 * The PKCS#12 files hold the key and the whole chain (leaf, issuing CA, root).
 *
 * <p><b>Usage</b>:
 * <pre>{@code
 * try (RealisticPki pki = RealisticPki.create(tempDir);
 *      LocalTsa tsa = LocalTsa.start(pki)) {
 *     Signer officer = pki.officerSigner();
 *     // seal with officer, tsa.source(); trust pki.rootPem(), pki.tsaRootPem()
 *     assertTrue(pki.ocspRequests() + pki.crlRequests() > 0);   // revocation data was fetched
 *     pki.stop();                                               // offline from here on
 *     tsa.close();
 *     pki.resetCounts();
 *     // verify offline ... then: assertEquals(0, pki.totalRequests());
 *     // a signer revoked before it signed: pki.revokedOfficerSigner() (revoked 1 h before creation)
 * }
 * }</pre>
 * Certificates that expire during a test's simulated time: {@code pki.issueOfficer("SI Meena Rao",
 * t0, t0.plus(Duration.ofDays(30)))} and {@code LocalTsa.start(pki, Clock.fixed(t, ZoneOffset.UTC))};
 * a revocation: {@code pki.revoke(cert, when, CRLReason.KEY_COMPROMISE)}.
 */
public final class RealisticPki implements AutoCloseable {
    /** Short names of the CAs, as used in the URLs ({@code /crl/<name>.crl}, {@code /ocsp/<name>}, {@code /certs/<name>.cer}). */
    public static final String ROOT = "root";
    public static final String ISSUING_CA = "issuing-ca";
    public static final String TSA_ROOT = "tsa-root";
    public static final String TSA_CA = "tsa-ca";

    public static final String ROOT_NAME = "CN=Sakshi Test Root CA 2026,O=Sakshi Test Certifying Authority,C=IN";
    public static final String ISSUING_CA_NAME =
            "CN=Sakshi Test Class 3 Issuing CA 2026,OU=Sub-CA for Class 3 Individual,O=Sakshi Test Certifying Authority,C=IN";
    public static final String TSA_ROOT_NAME = "CN=Sakshi Test TSA Root 2026,O=Sakshi Test Time Stamping Authority,C=IN";
    public static final String TSA_CA_NAME = "CN=Sakshi Test TSA Issuing CA 2026,O=Sakshi Test Time Stamping Authority,C=IN";
    public static final String TSA_NAME = "CN=Sakshi Test TSA 2026,O=Sakshi Test Time Stamping Authority,C=IN";
    public static final String OFFICER_NAME = TestPki.OFFICER_NAME;
    public static final String REVOKED_OFFICER_NAME = "Sub-Inspector Ravi Kumar";
    /** Stands for the India PKI's Class 3 certificate policy (a test OID under the UUID arc, X.667). */
    public static final String CLASS3_POLICY = "2.25.101063745126392374432818960151346735803";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Duration OCSP_VALIDITY = Duration.ofDays(1);

    private final Path dir;
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final int port;
    private volatile Clock clock;
    private volatile boolean delegatedOcsp;
    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, Authority> authorities = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Authority root;
    private final Authority issuing;
    private final Authority tsaRoot;
    private final Authority tsaCa;
    private final Identity officer;
    private final Identity revokedOfficer;
    private final Identity tsa;
    private final char[] officerPassword = "officer-secret-1".toCharArray();
    private final char[] revokedOfficerPassword = "revoked-secret-1".toCharArray();
    private final char[] tsaPassword = "tsa-secret-1".toCharArray();

    /** A revocation entry: when and why. */
    public record Revocation(Instant time, CRLReason reason) {
    }

    /** One CA: its identity, what it issued and what it revoked. */
    private static final class Authority {
        final String name;
        final Identity id;
        final Map<BigInteger, X509Certificate> issued = new ConcurrentHashMap<>();
        final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
        final AtomicLong crlNumber = new AtomicLong();
        /** The delegated OCSP responder, once {@link #useDelegatedOcspResponders} made one. */
        volatile Identity responder;

        Authority(String name, Identity id) {
            this.name = name;
            this.id = id;
        }

        X509Certificate cert() {
            return id.cert();
        }
    }

    /** Makes the PKI with the system clock, the officer valid from now - 1 d to now + 365 d. */
    public static RealisticPki create(Path dir) {
        return create(dir, Clock.systemUTC());
    }

    /** Makes the PKI with "now" from {@code clock}; the officer is valid from now - 1 d to now + 365 d. */
    public static RealisticPki create(Path dir, Clock clock) {
        Instant now = clock.instant();
        return create(dir, clock, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /**
     * Makes the PKI, starts its HTTP server and writes its files into {@code dir}.
     *
     * @param clock           "now" for the validity of the CAs and the TSA, and for CRLs and OCSP responses
     * @param officerNotBefore start of the officer's (and the revoked officer's) certificate validity
     * @param officerNotAfter  end of it
     */
    public static RealisticPki create(Path dir, Clock clock, Instant officerNotBefore, Instant officerNotAfter) {
        try {
            Files.createDirectories(dir);
            return new RealisticPki(dir, clock, officerNotBefore, officerNotAfter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RealisticPki(Path dir, Clock clock, Instant officerNotBefore, Instant officerNotAfter) throws IOException {
        this.dir = dir;
        this.clock = clock;
        // Bind first: the port goes into every certificate's URLs.
        this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        this.port = server.getAddress().getPort();
        boolean ok = false;
        try {
            Instant now = clock.instant();
            root = new Authority(ROOT, selfSigned(ROOT_NAME, now.minus(Duration.ofDays(365)),
                    now.plus(Duration.ofDays(20 * 365))));
            tsaRoot = new Authority(TSA_ROOT, selfSigned(TSA_ROOT_NAME, now.minus(Duration.ofDays(365)),
                    now.plus(Duration.ofDays(20 * 365))));
            authorities.put(ROOT, root);
            authorities.put(TSA_ROOT, tsaRoot);
            issuing = new Authority(ISSUING_CA, issueCa(root, ISSUING_CA_NAME, now.minus(Duration.ofDays(180)),
                    now.plus(Duration.ofDays(15 * 365)), true));
            tsaCa = new Authority(TSA_CA, issueCa(tsaRoot, TSA_CA_NAME, now.minus(Duration.ofDays(180)),
                    now.plus(Duration.ofDays(15 * 365)), false));
            authorities.put(ISSUING_CA, issuing);
            authorities.put(TSA_CA, tsaCa);
            officer = issueOfficer(OFFICER_NAME, officerNotBefore, officerNotAfter);
            revokedOfficer = issueOfficer(REVOKED_OFFICER_NAME, officerNotBefore, officerNotAfter);
            revoke(revokedOfficer.cert(), now.minus(Duration.ofHours(1)), CRLReason.KEY_COMPROMISE);
            tsa = issueTsa(TSA_NAME, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(10 * 365)));

            writeP12(officerP12(), officer, officerPassword);
            Files.writeString(officerPasswordFile(), new String(officerPassword) + "\n", StandardCharsets.UTF_8);
            Pem.writeCertificates(officerPem(), List.of(officer.cert()));
            writeP12(revokedOfficerP12(), revokedOfficer, revokedOfficerPassword);
            Files.writeString(revokedOfficerPasswordFile(), new String(revokedOfficerPassword) + "\n",
                    StandardCharsets.UTF_8);
            Pem.writeCertificates(revokedOfficerPem(), List.of(revokedOfficer.cert()));
            writeP12(tsaP12(), tsa, tsaPassword);
            Files.writeString(tsaPasswordFile(), new String(tsaPassword) + "\n", StandardCharsets.UTF_8);
            Pem.writeCertificates(rootPem(), List.of(root.cert()));
            Pem.writeCertificates(issuingCaPem(), List.of(issuing.cert()));
            Pem.writeCertificates(tsaRootPem(), List.of(tsaRoot.cert()));
            Pem.writeCertificates(tsaCaPem(), List.of(tsaCa.cert()));
            Pem.writeCertificates(anchorsPem(), List.of(root.cert(), tsaRoot.cert()));

            serve(server);
            ok = true;
        } finally {
            if (!ok) {
                server.stop(0);
            }
        }
    }

    // ------------------------------------------------------------------ identities and files

    public Path dir() {
        return dir;
    }

    /** The officer identity loaded through the production PKCS#12 loader (as {@link TestPki#officerSigner()}). */
    public Signer officerSigner() throws SakshiException {
        return Pkcs12Identity.load(officerP12(), officerPassword(), null);
    }

    /** The revoked officer's identity through the production loader (its certificate is in date; only OCSP/CRL say revoked). */
    public Signer revokedOfficerSigner() throws SakshiException {
        return Pkcs12Identity.load(revokedOfficerP12(), revokedOfficerPassword.clone(), null);
    }

    /** Writes {@code id} as {@code <fileStem>.p12} (password {@code <fileStem>.pass}, "secret-1") and loads it through the production loader. */
    public Signer signer(Identity id, String fileStem) throws SakshiException {
        char[] pw = "secret-1".toCharArray();
        Path p12 = writeP12(dir.resolve(fileStem + ".p12"), id, pw);
        try {
            Files.writeString(dir.resolve(fileStem + ".pass"), new String(pw) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Pkcs12Identity.load(p12, pw, null);
    }

    public Identity officer() {
        return officer;
    }

    public X509Certificate officerCert() {
        return officer.cert();
    }

    public Identity revokedOfficer() {
        return revokedOfficer;
    }

    public X509Certificate revokedOfficerCert() {
        return revokedOfficer.cert();
    }

    public Identity tsa() {
        return tsa;
    }

    /** The root and issuing CA as identities (key + chain), for tests that sign with a CA key. */
    public Identity rootCa() {
        return root.id;
    }

    public Identity issuingCa() {
        return issuing.id;
    }

    public Identity tsaRootCa() {
        return tsaRoot.id;
    }

    public Identity tsaCa() {
        return tsaCa.id;
    }

    public X509Certificate rootCert() {
        return root.cert();
    }

    public X509Certificate issuingCaCert() {
        return issuing.cert();
    }

    public X509Certificate tsaRootCert() {
        return tsaRoot.cert();
    }

    public X509Certificate tsaCaCert() {
        return tsaCa.cert();
    }

    /** PEM of the signature trust anchor (for {@code --trust}). */
    public Path rootPem() {
        return dir.resolve("root.pem");
    }

    public Path issuingCaPem() {
        return dir.resolve("issuing-ca.pem");
    }

    /** PEM of the time-stamp trust anchor (for {@code --tsa-trust}). */
    public Path tsaRootPem() {
        return dir.resolve("tsa-root.pem");
    }

    /** Both roots in one PEM file (signature and time-stamp anchors together). */
    public Path anchorsPem() {
        return dir.resolve("anchors.pem");
    }

    public Path tsaCaPem() {
        return dir.resolve("tsa-ca.pem");
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

    public Path officerPem() {
        return dir.resolve("officer.pem");
    }

    public Path revokedOfficerP12() {
        return dir.resolve("revoked-officer.p12");
    }

    public Path revokedOfficerPasswordFile() {
        return dir.resolve("revoked-officer.pass");
    }

    public char[] revokedOfficerPassword() {
        return revokedOfficerPassword.clone();
    }

    public Path revokedOfficerPem() {
        return dir.resolve("revoked-officer.pem");
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

    /** Starts the real TSA ({@code timestamp.TsaServer}) with this PKI's TSA identity; same as {@link LocalTsa#start(RealisticPki)}. */
    public LocalTsa startTsa() throws TimestampException {
        return LocalTsa.start(this);
    }

    /** Starts the real TSA whose genTime comes from {@code clock}; same as {@link LocalTsa#start(RealisticPki, Clock)}. */
    public LocalTsa startTsa(Clock clock) throws TimestampException {
        return LocalTsa.start(this, clock);
    }

    // ------------------------------------------------------------------ issuing and revoking

    /**
     * A further officer certificate from the issuing CA (digitalSignature + nonRepudiation, Class 3
     * policy, CRL DP and AIA), valid from {@code notBefore} to {@code notAfter}; its status is served
     * as good until {@link #revoke}d.
     */
    public Identity issueOfficer(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair kp = ecKeyPair();
        X500Principal subject = new X500Principal("CN=" + commonName
                + ",OU=Cyber Crime Cell,O=Sakshi Test Police,ST=Maharashtra,C=IN");
        try {
            X509v3CertificateBuilder b = leafBuilder(issuing, subject, kp, notBefore, notAfter);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CLASS3_POLICY))));
            return issue(issuing, b, kp);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A further TSA certificate from the TSA issuing CA (critical EKU timeStamping only), valid from {@code notBefore} to {@code notAfter}. */
    public Identity issueTsa(String subject, Instant notBefore, Instant notAfter) {
        KeyPair kp = ecKeyPair();
        try {
            X509v3CertificateBuilder b = leafBuilder(tsaCa, new X500Principal(subject), kp, notBefore, notAfter);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            return issue(tsaCa, b, kp);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Revokes {@code cert} (issued by any CA of this PKI, including the two intermediate CAs) at
     * {@code revocationTime} (whole seconds) for {@code reason}: CRLs and OCSP responses dated at or after
     * that time (by the PKI's clock) list it as revoked with that time and reason; ones dated before it
     * still say good, as a real CA cannot know a later revocation. A time in the past of the clock takes
     * effect at once; for one in its future, move the clock with {@link #setClock}.
     *
     * @throws IllegalArgumentException the certificate was not issued by this PKI
     */
    public void revoke(X509Certificate cert, Instant revocationTime, CRLReason reason) {
        Authority ca = issuerOf(cert);
        // Whole seconds, as X.509 and OCSP times carry them.
        ca.revoked.put(cert.getSerialNumber(), new Revocation(revocationTime.truncatedTo(ChronoUnit.SECONDS), reason));
    }

    /**
     * Switches every OCSP responder of this PKI between the two RFC 6960 §4.2.2.2 models: false (the
     * default) — responses signed by the CA itself; true — signed by a delegated responder, a
     * certificate the CA issues (once, on first use; valid from now - 1 d to now + 3 y by the clock)
     * with extended key usage id-kp-OCSPSigning and id-pkix-ocsp-nocheck, included in each response
     * together with the CA certificate. (The CCA's interoperability guidelines have a profile for
     * such OCSP responder certificates.)
     */
    public synchronized void useDelegatedOcspResponders(boolean delegated) {
        if (delegated) {
            for (Authority a : authorities.values()) {
                if (a.responder == null) {
                    a.responder = issueResponder(a);
                }
            }
        }
        this.delegatedOcsp = delegated;
    }

    /** The delegated OCSP responder of the CA {@code ca}, or null when {@link #useDelegatedOcspResponders} was never turned on. */
    public Identity ocspResponder(String ca) {
        Authority a = authorities.get(ca);
        if (a == null) {
            throw new IllegalArgumentException("no CA named " + ca);
        }
        return a.responder;
    }

    private Identity issueResponder(Authority ca) {
        KeyPair kp = ecKeyPair();
        Instant now = clock.instant();
        String caDn = ca.cert().getSubjectX500Principal().getName(); // "CN=...,O=...,C=IN" (our names only)
        int comma = caDn.indexOf(',');
        X500Principal subject = new X500Principal(caDn.substring(0, comma) + " OCSP Responder" + caDn.substring(comma));
        try {
            X509v3CertificateBuilder b = leafBuilder(ca, subject, kp, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(3 * 365)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            return issue(ca, b, kp);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The revocation recorded for {@code cert}, or null when it is not revoked. */
    public Revocation revocation(X509Certificate cert) {
        return issuerOf(cert).revoked.get(cert.getSerialNumber());
    }

    private Authority issuerOf(X509Certificate cert) {
        for (Authority a : authorities.values()) {
            X509Certificate known = a.issued.get(cert.getSerialNumber());
            if (known != null && known.equals(cert)) {
                return a;
            }
        }
        throw new IllegalArgumentException("the certificate " + cert.getSubjectX500Principal().getName()
                + " was not issued by this test PKI");
    }

    // ------------------------------------------------------------------ clock, URLs, server

    public Clock clock() {
        return clock;
    }

    /** From now on CRLs and OCSP responses are dated by {@code clock}. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI baseUrl() {
        return URI.create("http://" + loopback.getHostAddress() + ":" + port);
    }

    /** The CRL URL of the CA {@code ca} ({@link #ROOT}, {@link #ISSUING_CA}, {@link #TSA_ROOT}, {@link #TSA_CA}). */
    public URI crlUrl(String ca) {
        return baseUrl().resolve(crlPath(ca));
    }

    public URI ocspUrl(String ca) {
        return baseUrl().resolve(ocspPath(ca));
    }

    public URI caIssuersUrl(String ca) {
        return baseUrl().resolve(certPath(ca));
    }

    public static String crlPath(String ca) {
        return "/crl/" + ca + ".crl";
    }

    public static String ocspPath(String ca) {
        return "/ocsp/" + ca;
    }

    public static String certPath(String ca) {
        return "/certs/" + ca + ".cer";
    }

    /** Requests served for one resource, e.g. {@code requests(RealisticPki.ocspPath(ISSUING_CA))}; OCSP GETs count under the responder path. */
    public int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    public int ocspRequests() {
        return sum("/ocsp/");
    }

    public int crlRequests() {
        return sum("/crl/");
    }

    public int caIssuersRequests() {
        return sum("/certs/");
    }

    /** All requests, including ones for paths the server does not know. */
    public int totalRequests() {
        return sum("");
    }

    /** A snapshot: resource path → requests. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void resetCounts() {
        counts.clear();
    }

    private int sum(String prefix) {
        int n = 0;
        for (Map.Entry<String, AtomicInteger> e : counts.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                n += e.getValue().get();
            }
        }
        return n;
    }

    public synchronized boolean isOnline() {
        return server != null;
    }

    /** Closes the listening socket: from now on connections to the port are refused ("offline"). */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Serves again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(loopback, port), 64);
            serve(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test PKI again on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void serve(HttpServer s) {
        s.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "realistic-pki-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        server = s;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/crl/") && path.endsWith(".crl")) {
                count(path);
                Authority ca = authorities.get(path.substring(5, path.length() - 4));
                if (ca == null || !"GET".equals(method)) {
                    reply(ex, 404, "text/plain", "no such CRL\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                reply(ex, 200, "application/pkix-crl", crl(ca));
            } else if (path.startsWith("/certs/") && path.endsWith(".cer")) {
                count(path);
                Authority ca = authorities.get(path.substring(7, path.length() - 4));
                if (ca == null || !"GET".equals(method)) {
                    reply(ex, 404, "text/plain", "no such certificate\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                reply(ex, 200, "application/pkix-cert", encoded(ca.cert()));
            } else if (path.startsWith("/ocsp/")) {
                String rest = path.substring(6);
                int slash = rest.indexOf('/');
                String name = slash < 0 ? rest : rest.substring(0, slash);
                count(ocspPath(name));
                Authority ca = authorities.get(name);
                if (ca == null) {
                    reply(ex, 404, "text/plain", "no such OCSP responder\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                byte[] request;
                if ("POST".equals(method)) {
                    try (InputStream in = ex.getRequestBody()) {
                        request = in.readNBytes(64 * 1024);
                    }
                } else if ("GET".equals(method) && slash >= 0) {
                    // RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER OCSPRequest}
                    String b64 = URLDecoder.decode(rest.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
                    try {
                        request = Base64.getDecoder().decode(b64);
                    } catch (IllegalArgumentException e) {
                        request = new byte[0];
                    }
                } else {
                    reply(ex, 405, "text/plain", "use POST or GET\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                reply(ex, 200, "application/ocsp-response", ocsp(ca, request));
            } else {
                count(path);
                reply(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private void count(String path) {
        counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    // ------------------------------------------------------------------ CRL and OCSP

    /** A fresh CRL of {@code ca}, as served at {@link #crlUrl}. */
    public byte[] crl(String ca) {
        Authority a = authorities.get(ca);
        if (a == null) {
            throw new IllegalArgumentException("no CA named " + ca);
        }
        return crl(a);
    }

    private byte[] crl(Authority ca) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.cert().getSubjectX500Principal(), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            ca.revoked.forEach((serial, r) -> {
                if (!r.time().isAfter(now)) {
                    b.addCRLEntry(serial, Date.from(r.time()), r.reason().ordinal());
                }
            });
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca.cert()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(ca.crlNumber.incrementAndGet())));
            // X.509 expiredCertsOnCRL: revoked certificates stay listed after they expire (since the CA began).
            b.addExtension(Extension.expiredCertsOnCRL, false, new ASN1GeneralizedTime(ca.cert().getNotBefore()));
            return b.build(signer(ca.id.key())).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] ocsp(Authority ca, byte[] der) throws IOException {
        OCSPReq req;
        try {
            req = new OCSPReq(der);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] list = req.getRequestList();
        if (list.length == 0) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.cert());
            // RFC 6960 4.4.4 archiveCutoff: the responder keeps the status of expired certificates (since the CA began).
            Extensions archiveCutoff = new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff,
                    false, new ASN1GeneralizedTime(ca.cert().getNotBefore()).getEncoded()));
            Identity responder = delegatedOcsp ? ca.responder : ca.id;
            BasicOCSPRespBuilder b = new JcaBasicOCSPRespBuilder(responder.cert().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            for (Req r : list) {
                CertificateID id = r.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(caHolder, digests) || !ca.issued.containsKey(id.getSerialNumber())) {
                    status = new UnknownStatus();
                } else {
                    Revocation rev = ca.revoked.get(id.getSerialNumber());
                    status = rev == null || rev.time().isAfter(now) ? CertificateStatus.GOOD
                            : new RevokedStatus(Date.from(rev.time()), rev.reason().ordinal());
                }
                b.addResponse(id, status, Date.from(now), Date.from(now.plus(OCSP_VALIDITY)), archiveCutoff);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] certs = delegatedOcsp
                    ? new X509CertificateHolder[] {new JcaX509CertificateHolder(responder.cert()), caHolder}
                    : new X509CertificateHolder[] {caHolder};
            BasicOCSPResp basic = b.build(signer(responder.key()), certs, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | GeneralSecurityException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private static byte[] status(int status) throws IOException {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException e) {
            throw new IOException(e);
        }
    }

    // ------------------------------------------------------------------ certificate building

    private Identity issue(Authority ca, X509v3CertificateBuilder b, KeyPair kp) throws GeneralSecurityException {
        X509Certificate cert = sign(b, ca.id.key());
        ca.issued.put(cert.getSerialNumber(), cert);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(ca.id.chain());
        return new Identity(kp.getPrivate(), List.copyOf(chain));
    }

    private Identity issueCa(Authority parent, String subject, Instant from, Instant until, boolean class3Policy) {
        KeyPair kp = ecKeyPair();
        try {
            X509v3CertificateBuilder b = leafBuilder(parent, new X500Principal(subject), kp, from, until);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            if (class3Policy) {
                b.addExtension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CLASS3_POLICY))));
            }
            return issue(parent, b, kp);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subject, key, validity, AKI/SKI, CRL DP and AIA (OCSP + caIssuers) of the issuing {@code ca}. */
    private X509v3CertificateBuilder leafBuilder(Authority ca, X500Principal subject, KeyPair kp, Instant from,
                                                 Instant until) throws GeneralSecurityException, IOException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.cert(), serial(), Date.from(from),
                Date.from(until), subject, kp.getPublic());
        JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
        b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca.cert()));
        b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl(ca.name).toString());
        b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                        new DERIA5String(ocspUrl(ca.name).toString()))),
                new AccessDescription(AccessDescription.id_ad_caIssuers, new GeneralName(
                        GeneralName.uniformResourceIdentifier, new DERIA5String(caIssuersUrl(ca.name).toString())))}));
        return b;
    }

    private static Identity selfSigned(String subject, Instant from, Instant until) {
        KeyPair kp = ecKeyPair();
        try {
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(until), name, kp.getPublic());
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            return new Identity(kp.getPrivate(), List.of(sign(b, kp.getPrivate())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
    }

    /** Writes an identity as PKCS#12 (JDK key store, alias "key", whole chain). */
    private static Path writeP12(Path file, Identity id, char[] password) {
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

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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
}
