package org.sakshi.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CRLReason;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.TimestampToken;
import org.sakshi.signing.Pem;

/**
 * {@link RealisticPki} judged by outside tools: openssl's OCSP client and {@code verify} with CRLs, and
 * the JDK's PKIX validator fetching OCSP and CRLs from the URLs in the certificates.
 */
class RealisticPkiTest {
    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    private RealisticPki pki;

    @BeforeEach
    void start() {
        pki = RealisticPki.create(dir.resolve("pki"));
    }

    @AfterEach
    void stop() {
        pki.close();
    }

    @Test
    void openSslOcspClientGetsGoodForTheOfficerFromTheUrlInItsCertificateAndTheResponseVerifies() {
        Tools.require("openssl");
        Tools.Result uri = Tools.run(pki.dir(), "openssl", "x509", "-noout", "-ocsp_uri", "-in", "officer.pem");
        assertEquals(0, uri.exit(), uri.all());
        assertEquals(pki.ocspUrl(RealisticPki.ISSUING_CA).toString(), uri.out().strip());

        Tools.Result r = Tools.run(pki.dir(), "openssl", "ocsp", "-issuer", "issuing-ca.pem", "-cert", "officer.pem",
                "-url", uri.out().strip(), "-CAfile", "root.pem");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("Response verify OK"), r.all());
        assertTrue(r.out().contains("officer.pem: good"), r.all());
        assertEquals(1, pki.requests(RealisticPki.ocspPath(RealisticPki.ISSUING_CA)), pki.requestCounts().toString());
    }

    @Test
    void openSslOcspClientGetsRevokedWithTheRevocationTimeAndReasonForTheRevokedOfficer() {
        Tools.require("openssl");
        Tools.Result r = Tools.run(pki.dir(), "openssl", "ocsp", "-issuer", "issuing-ca.pem", "-cert",
                "revoked-officer.pem", "-url", pki.ocspUrl(RealisticPki.ISSUING_CA).toString(), "-CAfile", "root.pem");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("Response verify OK"), r.all());
        assertTrue(r.out().contains("revoked-officer.pem: revoked"), r.all());
        Instant when = pki.revocation(pki.revokedOfficerCert()).time();
        assertTrue(r.out().contains("Revocation Time: " + OPENSSL_TIME.format(when)), r.all());
        assertTrue(r.out().contains("Reason: keyCompromise"), r.all());
    }

    @Test
    void openSslOcspClientSeesARevocationMadeDuringTheTest() {
        Tools.require("openssl");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestPki.Identity late = pki.issueOfficer("Constable Meena Rao", t0.minus(Duration.ofDays(1)),
                t0.plus(Duration.ofDays(30)));
        writePem("late.pem", late.cert());
        String[] ask = {"openssl", "ocsp", "-issuer", "issuing-ca.pem", "-cert", "late.pem", "-url",
                pki.ocspUrl(RealisticPki.ISSUING_CA).toString(), "-CAfile", "root.pem"};
        Tools.Result before = Tools.run(pki.dir(), ask);
        assertTrue(before.out().contains("late.pem: good"), before.all());

        Instant revokedAt = t0.minus(Duration.ofMinutes(5));
        pki.revoke(late.cert(), revokedAt, CRLReason.CESSATION_OF_OPERATION);
        Tools.Result after = Tools.run(pki.dir(), ask);
        assertTrue(after.out().contains("late.pem: revoked"), after.all());
        assertTrue(after.out().contains("Revocation Time: " + OPENSSL_TIME.format(revokedAt)), after.all());
        assertTrue(after.out().contains("Reason: cessationOfOperation"), after.all());
    }

    @Test
    void withDelegatedRespondersOpenSslAndTheJdkAcceptTheResponderSignedAnswers() throws Exception {
        Tools.require("openssl");
        pki.useDelegatedOcspResponders(true);
        X509Certificate responder = pki.ocspResponder(RealisticPki.ISSUING_CA).cert();
        assertEquals(List.of("1.3.6.1.5.5.7.3.9"), responder.getExtendedKeyUsage());
        assertTrue(responder.getNonCriticalExtensionOIDs().contains(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()));
        assertEquals(pki.issuingCaCert().getSubjectX500Principal(), responder.getIssuerX500Principal());

        Tools.Result good = Tools.run(pki.dir(), "openssl", "ocsp", "-issuer", "issuing-ca.pem", "-cert", "officer.pem",
                "-url", pki.ocspUrl(RealisticPki.ISSUING_CA).toString(), "-CAfile", "root.pem");
        assertEquals(0, good.exit(), good.all());
        assertTrue(good.all().contains("Response verify OK"), good.all());
        assertTrue(good.out().contains("officer.pem: good"), good.all());
        Tools.Result revoked = Tools.run(pki.dir(), "openssl", "ocsp", "-issuer", "issuing-ca.pem", "-cert",
                "revoked-officer.pem", "-url", pki.ocspUrl(RealisticPki.ISSUING_CA).toString(), "-CAfile", "root.pem");
        assertTrue(revoked.all().contains("Response verify OK"), revoked.all());
        assertTrue(revoked.out().contains("revoked-officer.pem: revoked"), revoked.all());

        BasicOCSPResp basic = ocspUnchecked(pki.officerCert());
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder)));
        assertArrayEquals(responder.getEncoded(), basic.getCerts()[0].getEncoded());

        CertPathValidator cpv = CertPathValidator.getInstance("PKIX");
        cpv.validate(path(pki.officerCert()), pkix(cpv, EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK)));
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class, () -> cpv.validate(
                path(pki.revokedOfficerCert()), pkix(cpv, EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK))));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason(), e.toString());
    }

    @Test
    void openSslVerifyWithTheCrlsFromTheDistributionPointsAcceptsTheOfficerAndRejectsTheRevokedOne() throws Exception {
        Tools.require("openssl");
        // The CRL URLs come from the certificates themselves: the officer's names the issuing CA's CRL,
        // the issuing CA's names the root's.
        writeCrlPem("issuing.crl.pem", crlDistributionPoint(pki.officerCert()));
        writeCrlPem("root.crl.pem", crlDistributionPoint(pki.issuingCaCert()));
        assertEquals(1, pki.requests(RealisticPki.crlPath(RealisticPki.ISSUING_CA)));
        assertEquals(1, pki.requests(RealisticPki.crlPath(RealisticPki.ROOT)));

        Tools.Result good = Tools.run(pki.dir(), "openssl", "verify", "-crl_check_all", "-CRLfile", "issuing.crl.pem",
                "-CRLfile", "root.crl.pem", "-CAfile", "root.pem", "-untrusted", "issuing-ca.pem", "officer.pem");
        assertEquals(0, good.exit(), good.all());
        assertTrue(good.out().contains("officer.pem: OK"), good.all());

        Tools.Result bad = Tools.run(pki.dir(), "openssl", "verify", "-crl_check_all", "-CRLfile", "issuing.crl.pem",
                "-CRLfile", "root.crl.pem", "-CAfile", "root.pem", "-untrusted", "issuing-ca.pem",
                "revoked-officer.pem");
        assertNotEquals(0, bad.exit(), bad.all());
        assertTrue(bad.all().contains("certificate revoked"), bad.all());
    }

    @Test
    void openSslCrlShowsNumberNextUpdateSevenDaysLaterAndTheRevokedSerialWithItsReason() throws Exception {
        Tools.require("openssl");
        writeCrlPem("issuing.crl.pem", pki.crlUrl(RealisticPki.ISSUING_CA));
        Tools.Result r = Tools.run(pki.dir(), "openssl", "crl", "-in", "issuing.crl.pem", "-noout", "-text",
                "-CAfile", "issuing-ca.pem");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("verify OK"), r.all());
        assertTrue(r.out().contains("X509v3 CRL Number"), r.out());
        assertTrue(r.out().contains("X509v3 Authority Key Identifier"), r.out());
        String serial = pki.revokedOfficerCert().getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        assertTrue(r.out().replace("0", "").contains(serial.replace("0", "")), r.out());
        assertTrue(r.out().contains("Key Compromise"), r.out());

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pki.crl(RealisticPki.ISSUING_CA)));
        assertEquals(Duration.ofDays(7), Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()));
        crl.verify(pki.issuingCaCert().getPublicKey());
        assertTrue(crl.isRevoked(pki.revokedOfficerCert()));
        assertFalse(crl.isRevoked(pki.officerCert()));
    }

    @Test
    void jdkPkixValidatorWithOcspAcceptsTheOfficerAndRejectsTheRevokedOfficerWithTimeAndReason() throws Exception {
        CertPathValidator cpv = CertPathValidator.getInstance("PKIX");
        cpv.validate(path(pki.officerCert()), pkix(cpv, EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK)));
        // Both links were asked about: the officer at the issuing CA's responder, the issuing CA at the root's.
        assertTrue(pki.requests(RealisticPki.ocspPath(RealisticPki.ISSUING_CA)) >= 1, pki.requestCounts().toString());
        assertTrue(pki.requests(RealisticPki.ocspPath(RealisticPki.ROOT)) >= 1, pki.requestCounts().toString());
        assertEquals(0, pki.crlRequests());

        CertPathValidatorException e = assertThrows(CertPathValidatorException.class, () -> cpv.validate(
                path(pki.revokedOfficerCert()), pkix(cpv, EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK))));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason(), e.toString());
        assertEquals(0, e.getIndex());
        CertificateRevokedException why = assertInstanceOf(CertificateRevokedException.class, e.getCause());
        assertEquals(pki.revocation(pki.revokedOfficerCert()).time(), why.getRevocationDate().toInstant());
        assertEquals(CRLReason.KEY_COMPROMISE, why.getRevocationReason());
    }

    @Test
    void jdkPkixValidatorWithCrlsFromTheDistributionPointsAgrees() throws Exception {
        String old = System.getProperty("com.sun.security.enableCRLDP");
        System.setProperty("com.sun.security.enableCRLDP", "true");
        try {
            CertPathValidator cpv = CertPathValidator.getInstance("PKIX");
            Set<PKIXRevocationChecker.Option> crlOnly =
                    EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK);
            cpv.validate(path(pki.officerCert()), pkix(cpv, crlOnly));
            assertTrue(pki.requests(RealisticPki.crlPath(RealisticPki.ISSUING_CA)) >= 1, pki.requestCounts().toString());
            assertTrue(pki.requests(RealisticPki.crlPath(RealisticPki.ROOT)) >= 1, pki.requestCounts().toString());
            assertEquals(0, pki.ocspRequests());

            CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                    () -> cpv.validate(path(pki.revokedOfficerCert()), pkix(cpv, crlOnly)));
            assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason(), e.toString());
            CertificateRevokedException why = assertInstanceOf(CertificateRevokedException.class, e.getCause());
            assertEquals(CRLReason.KEY_COMPROMISE, why.getRevocationReason());
        } finally {
            if (old == null) {
                System.clearProperty("com.sun.security.enableCRLDP");
            } else {
                System.setProperty("com.sun.security.enableCRLDP", old);
            }
        }
    }

    @Test
    void ocspAnswersUnknownForASerialTheCaNeverIssuedEchoesTheNonceAndServesGetRequests() throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var issuer = new JcaX509CertificateHolder(pki.issuingCaCert());
        CertificateID officer = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer,
                pki.officerCert().getSerialNumber());
        CertificateID stranger = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, BigInteger.valueOf(42));
        byte[] nonce = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef");
        OCSPReq req = new OCSPReqBuilder().addRequest(officer).addRequest(stranger)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(nonce)))).build();
        String b64 = Base64.getEncoder().encodeToString(req.getEncoded());
        URI get = URI.create(pki.ocspUrl(RealisticPki.ISSUING_CA) + "/" + URLEncoder.encode(b64, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(get).GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("application/ocsp-response", r.headers().firstValue("Content-Type").orElse(""));

        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.issuingCaCert())));
        assertArrayEquals(new DEROctetString(nonce).getEncoded(),
                basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getEncoded());
        SingleResp[] answers = basic.getResponses();
        assertEquals(2, answers.length);
        assertEquals(null, answers[0].getCertStatus()); // good
        assertInstanceOf(UnknownStatus.class, answers[1].getCertStatus());
        assertEquals(Duration.ofDays(1), Duration.between(answers[0].getThisUpdate().toInstant(),
                answers[0].getNextUpdate().toInstant()));
        assertEquals(1, pki.requests(RealisticPki.ocspPath(RealisticPki.ISSUING_CA)));

        HttpResponse<byte[]> junk = http(HttpRequest.newBuilder(pki.ocspUrl(RealisticPki.ISSUING_CA))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray("not an OCSP request".getBytes(StandardCharsets.US_ASCII)))
                .build());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(junk.body()).getStatus());
    }

    @Test
    void responsesAreDatedByThePkiClockSoATestCanFetchRevocationDataInSimulatedTime() throws Exception {
        Instant later = Instant.now().plus(Duration.ofDays(3 * 365)).truncatedTo(ChronoUnit.SECONDS);
        pki.setClock(Clock.fixed(later, ZoneOffset.UTC));
        X509CRL crl = crl(RealisticPki.ISSUING_CA);
        assertEquals(later, crl.getThisUpdate().toInstant());
        assertTrue(crl.isRevoked(pki.revokedOfficerCert()));
    }

    @Test
    void aRevocationDatedInTheFutureShowsOnlyOnceThePkiClockReachesIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        pki.setClock(Clock.fixed(now, ZoneOffset.UTC));
        Instant later = now.plus(Duration.ofDays(30));
        pki.revoke(pki.officerCert(), later, CRLReason.SUPERSEDED);
        assertFalse(crl(RealisticPki.ISSUING_CA).isRevoked(pki.officerCert()));
        assertEquals(null, ocsp(pki.officerCert()).getResponses()[0].getCertStatus()); // good

        pki.setClock(Clock.fixed(later, ZoneOffset.UTC));
        assertTrue(crl(RealisticPki.ISSUING_CA).isRevoked(pki.officerCert()));
        RevokedStatus revoked = assertInstanceOf(RevokedStatus.class, ocsp(pki.officerCert()).getResponses()[0].getCertStatus());
        assertEquals(later, revoked.getRevocationTime().toInstant());
        assertEquals(CRLReason.SUPERSEDED.ordinal(), revoked.getRevocationReason());
    }

    @Test
    void aRevokedCertificateThatExpiredStaysOnTheCrlAndOcspKeepsItsStatusYearsLater() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestPki.Identity shortLived = pki.issueOfficer("Head Constable Farida Begum", now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(30)));
        pki.revoke(shortLived.cert(), now.minus(Duration.ofDays(1)), CRLReason.AFFILIATION_CHANGED);
        pki.setClock(Clock.fixed(now.plus(Duration.ofDays(3 * 365)), ZoneOffset.UTC));

        X509CRL crl = crl(RealisticPki.ISSUING_CA);
        assertTrue(crl.isRevoked(shortLived.cert()));
        assertTrue(crl.getNonCriticalExtensionOIDs().contains(Extension.expiredCertsOnCRL.getId()), crl.toString());

        SingleResp answer = ocsp(shortLived.cert()).getResponses()[0];
        assertInstanceOf(RevokedStatus.class, answer.getCertStatus());
        assertEquals(pki.issuingCaCert().getNotBefore(), ASN1GeneralizedTime.getInstance(
                answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_archive_cutoff).getParsedValue()).getDate());
    }

    @Test
    void caIssuersServesTheIssuerCertificateInDerAtTheUrlInTheCertificate() throws Exception {
        URI url = accessLocation(pki.officerCert(), AccessDescription.id_ad_caIssuers);
        assertEquals(pki.caIssuersUrl(RealisticPki.ISSUING_CA), url);
        assertArrayEquals(pki.issuingCaCert().getEncoded(), fetch(url));
        assertEquals(pki.caIssuersUrl(RealisticPki.ROOT), accessLocation(pki.issuingCaCert(), AccessDescription.id_ad_caIssuers));
        assertEquals(pki.ocspUrl(RealisticPki.TSA_CA), accessLocation(pki.tsa().cert(), AccessDescription.id_ad_ocsp));
        assertEquals(1, pki.caIssuersRequests());
    }

    @Test
    void afterCloseConnectionsAreRefusedAndNothingMoreIsCountedUntilRestart() throws Exception {
        fetch(pki.crlUrl(RealisticPki.ROOT));
        assertEquals(1, pki.totalRequests());
        pki.close();
        assertFalse(pki.isOnline());
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", pki.port()), 2000));
        }
        assertThrows(ConnectException.class, () -> fetch(pki.ocspUrl(RealisticPki.ISSUING_CA)));
        assertEquals(1, pki.totalRequests());

        pki.restart();
        fetch(pki.caIssuersUrl(RealisticPki.TSA_ROOT));
        assertEquals(2, pki.totalRequests());
        pki.resetCounts();
        assertEquals(0, pki.totalRequests());
    }

    @Test
    void theOfficerSignerLoadsThroughTheProductionLoaderWithTheWholeChain() throws Exception {
        var signer = pki.officerSigner();
        List<X509Certificate> chain = signer.chain();
        assertEquals(List.of(pki.officerCert(), pki.issuingCaCert(), pki.rootCert()), chain);
        assertEquals(pki.rootCert(), Pem.readCertificates(pki.rootPem()).get(0));
        assertEquals(pki.tsaRootCert(), Pem.readCertificates(pki.tsaRootPem()).get(0));
        boolean[] ku = pki.officerCert().getKeyUsage();
        assertTrue(ku[0] && ku[1], "digitalSignature and nonRepudiation");
        assertEquals(pki.revokedOfficerCert(), pki.revokedOfficerSigner().chain().get(0));

        Instant now = Instant.now();
        TestPki.Identity other = pki.issueOfficer("Constable Meena Rao", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(10)));
        assertEquals(other.cert(), pki.signer(other, "constable").chain().get(0));
        assertTrue(Files.isRegularFile(pki.dir().resolve("constable.pass")));
    }

    @Test
    void theRealTsaSignsWithThisPkisTsaIdentityAtTheSimulatedTime() throws Exception {
        Tools.require("openssl");
        Instant t = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        byte[] data = "evidence bytes\n".getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(data);
        try (LocalTsa tsa = LocalTsa.start(pki, Clock.fixed(t, ZoneOffset.UTC))) {
            TimestampToken token = tsa.source().stamp(sha256);
            assertEquals(t, token.genTime());
            assertEquals(pki.tsa().cert(), token.tsaChain().get(0));
            assertEquals(pki.tsaRootPem(), tsa.trustAnchorPem());
            Files.write(dir.resolve("r.tsr"), token.response());
            Files.write(dir.resolve("data.txt"), data);
            Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-in", "r.tsr", "-data", "data.txt",
                    "-CAfile", pki.tsaRootPem().toString(), "-untrusted", pki.tsaCaPem().toString());
            assertEquals(0, v.exit(), v.all());
            assertTrue(v.out().contains("Verification: OK"), v.all());
        }
    }

    // ------------------------------------------------------------------ helpers

    private CertPath path(X509Certificate leaf) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, pki.issuingCaCert()));
    }

    private PKIXParameters pkix(CertPathValidator cpv, Set<PKIXRevocationChecker.Option> options) throws Exception {
        PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(pki.rootCert(), null)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) cpv.getRevocationChecker();
        checker.setOptions(options);
        p.addCertPathChecker(checker);
        p.setRevocationEnabled(true);
        p.setDate(new Date());
        return p;
    }

    private X509CRL crl(String ca) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(fetch(pki.crlUrl(ca))));
    }

    /** Asks the issuing CA's responder by POST about {@code cert}; checks the CA signed the answer. */
    private BasicOCSPResp ocsp(X509Certificate cert) throws Exception {
        BasicOCSPResp basic = ocspUnchecked(cert);
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.issuingCaCert())));
        return basic;
    }

    private BasicOCSPResp ocspUnchecked(X509Certificate cert) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        OCSPReq req = new OCSPReqBuilder().addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(pki.issuingCaCert()), cert.getSerialNumber())).build();
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(pki.ocspUrl(RealisticPki.ISSUING_CA))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build());
        assertEquals(200, r.statusCode());
        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        return (BasicOCSPResp) resp.getResponseObject();
    }

    private static HttpResponse<byte[]> http(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return c.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static byte[] fetch(URI url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build());
        assertEquals(200, r.statusCode(), url.toString());
        return r.body();
    }

    private void writeCrlPem(String name, URI url) throws Exception {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(fetch(url));
        Files.writeString(pki.dir().resolve(name), "-----BEGIN X509 CRL-----\n" + b64 + "\n-----END X509 CRL-----\n");
    }

    private void writePem(String name, X509Certificate cert) {
        try {
            Pem.writeCertificates(pki.dir().resolve(name), List.of(cert));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static URI crlDistributionPoint(X509Certificate cert) throws IOException {
        CRLDistPoint dp = CRLDistPoint.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(cert.getExtensionValue(Extension.cRLDistributionPoints.getId())));
        DistributionPoint[] points = dp.getDistributionPoints();
        assertEquals(1, points.length);
        GeneralName[] names = GeneralNames.getInstance(points[0].getDistributionPoint().getName()).getNames();
        return URI.create(names[0].getName().toString());
    }

    private static URI accessLocation(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method)
            throws IOException {
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(cert.getExtensionValue(Extension.authorityInfoAccess.getId())));
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(method)) {
                return URI.create(d.getAccessLocation().getName().toString());
            }
        }
        throw new AssertionError("no access method " + method + " in " + cert.getSubjectX500Principal());
    }
}
