package org.sakshi.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.timestamp.CertPaths;
import org.sakshi.timestamp.TimestampVerifier;

/**
 * Verifies a detached CMS SignedData (RFC 5652 §5.6) over content, as {@code openssl cms -verify
 * -binary -content X -CAfile CA.pem -purpose any} does, plus the CAdES parts: the
 * signing-certificate(-v2) binding (RFC 5035 §5.4) and the signature-time-stamp (RFC 3161 Appendix A),
 * whose genTime, when the token is valid and its TSA trusted, is the time at which the signer's
 * certificate must be valid (else now).
 * Never throws for a bad signature: the {@link Result} carries the checks.
 *
 * <p>Check codes: {@code SIGNATURE} (signature math and message-digest), {@code SIGNER_CERT_BINDING}
 * (signing-certificate-v2), {@code SIGNER_VALIDITY} (certificate validity at the signature time),
 * {@code SIGNER_KEY_USAGE} (a signing certificate: digitalSignature or nonRepudiation, not timeStamping;
 * a signature by any other certificate is not valid), {@code SIGNER_TRUST} (chain to an anchor), {@code SIGNATURE_TIMESTAMP} (the embedded token is
 * valid for this signature and its TSA trusted), plus the TIMESTAMP_* checks of the embedded token.
 * The content digest is taken with the JDK's SHA-256 (fast), never Bouncy Castle's.
 */
public final class CmsVerifier {
    public static final CheckCode SIGNATURE = CheckCode.SIGNATURE;
    public static final CheckCode BINDING = CheckCode.SIGNER_CERT_BINDING;
    public static final CheckCode VALIDITY = CheckCode.SIGNER_VALIDITY;
    public static final CheckCode TRUST = CheckCode.SIGNER_TRUST;
    public static final CheckCode SIGNATURE_TIMESTAMP = CheckCode.SIGNATURE_TIMESTAMP;
    public static final CheckCode KEY_USAGE = CheckCode.SIGNER_KEY_USAGE;

    private final List<X509Certificate> signerAnchors;
    private final List<X509Certificate> tsaAnchors;

    /** The same anchors for signers and for TSAs. */
    public CmsVerifier(List<X509Certificate> anchors) {
        this(anchors, anchors);
    }

    public CmsVerifier(List<X509Certificate> signerAnchors, List<X509Certificate> tsaAnchors) {
        this.signerAnchors = signerAnchors == null ? List.of() : List.copyOf(signerAnchors);
        this.tsaAnchors = tsaAnchors == null ? List.of() : List.copyOf(tsaAnchors);
    }

    /**
     * The outcome. {@code valid}: signature, digest and certificate binding hold; {@code trusted}:
     * the signer chains to an anchor and was valid at {@code checkedAt} (the trusted signature-time-stamp's
     * genTime, else the time of verification); {@code signatureTime}: genTime of a valid embedded
     * signature-time-stamp (trusted or not), else null. Signer fields are null when no signer
     * certificate could be found.
     */
    public record Result(String signerSubject, String signerName, String certSha256, boolean valid, boolean trusted,
                         Instant signatureTime, Instant checkedAt, TimestampVerifier.Result signatureTimestamp,
                         List<X509Certificate> chain, List<Check> checks) {
        public Result {
            chain = List.copyOf(chain);
            checks = List.copyOf(checks);
        }
    }

    public Result verify(byte[] p7s, Path content) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            return verify(p7s, in, content.getFileName().toString());
        }
    }

    /**
     * @param target what the checks concern, e.g. {@code signature/tagmanifest-sha256.txt.p7s}
     * @throws IOException only when {@code content} cannot be read
     */
    public Result verify(byte[] p7s, InputStream content, String target) throws IOException {
        List<Check> checks = new ArrayList<>();
        CMSSignedDataParser parser;
        SignerInformation si;
        List<X509Certificate> embedded;
        try {
            parser = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(),
                    new CMSTypedStream(CMSObjectIdentifiers.data, content, 1 << 20), p7s);
            try (InputStream signedContent = parser.getSignedContent().getContentStream()) {
                byte[] buf = new byte[1 << 20];
                while (signedContent.read(buf) >= 0) {
                    // the parser's digest streams see every byte
                }
            }
            Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                checks.add(Check.failed(SIGNATURE, target, "The signature has " + signers.size()
                        + " signers; exactly one is expected."));
                return failed(checks);
            }
            si = signers.iterator().next();
            embedded = certificates(parser.getCertificates());
        } catch (IOException e) {
            if (e.getCause() instanceof CMSException || e.getMessage() != null && e.getMessage().contains("malformed")) {
                checks.add(Check.failed(SIGNATURE, target, "The file is not a CMS signature (" + e.getMessage() + ")."));
                return failed(checks);
            }
            throw e;
        } catch (CMSException | RuntimeException | org.bouncycastle.operator.OperatorCreationException e) {
            checks.add(Check.failed(SIGNATURE, target, "The file is not a CMS signature (" + e.getMessage() + ")."));
            return failed(checks);
        }

        X509Certificate signer = null;
        for (X509Certificate c : embedded) {
            if (si.getSID().match(holder(c))) {
                signer = c;
                break;
            }
        }
        if (signer == null) {
            checks.add(Check.failed(SIGNATURE, target, "The signature does not carry the signer's certificate."));
            return failed(checks);
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(signer);
        for (X509Certificate c : embedded) {
            if (!c.equals(signer)) {
                chain.add(c);
            }
        }
        String subject = Certificates.subject(signer);

        boolean sigOk = false;
        try {
            if (si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                sigOk = true;
                checks.add(Check.passed(SIGNATURE, target, "The signature of " + Certificates.commonName(signer)
                        + " is mathematically valid and covers the content's SHA-256."));
            } else {
                checks.add(Check.failed(SIGNATURE, target, "The signature value does not verify with the key of "
                        + subject + "."));
            }
        } catch (CMSSignerDigestMismatchException e) {
            checks.add(Check.failed(SIGNATURE, target, "The signed content was changed: its digest does not match "
                    + "the message-digest in the signature."));
        } catch (Exception e) {
            checks.add(Check.failed(SIGNATURE, target, "The signature cannot be verified (" + e.getMessage() + ")."));
        }

        boolean bindingOk = checkBinding(si.getSignedAttributes(), signer, target, checks);
        String usage = Certificates.signerUsageProblem(signer);
        if (usage == null) {
            checks.add(Check.passed(KEY_USAGE, target, "The certificate of " + Certificates.commonName(signer)
                    + " is a signing certificate (digitalSignature or nonRepudiation)."));
        } else {
            checks.add(Check.failed(KEY_USAGE, target, "The signature was made with " + subject
                    + ", which is not a signing certificate: " + usage + "."));
        }

        // CAdES-T: the signature-time-stamp over the signature value gives the time of signing.
        Instant signatureTime = null;
        TimestampVerifier.Result tsResult = null;
        AttributeTable unsigned = si.getUnsignedAttributes();
        Attribute tsAttr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (tsAttr != null) {
            try {
                byte[] tokenDer = tsAttr.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
                byte[] imprint = MessageDigest.getInstance("SHA-256").digest(si.getSignature());
                tsResult = new TimestampVerifier(tsaAnchors).verify(tokenDer, imprint, target);
                checks.addAll(tsResult.checks());
                if (tsResult.valid()) {
                    signatureTime = tsResult.genTime();
                    if (tsResult.trusted()) {
                        checks.add(Check.passed(SIGNATURE_TIMESTAMP, target, "The signature existed at "
                                + tsResult.genTime() + " (time-stamp by " + tsResult.tsaName() + ")."));
                    } else {
                        checks.add(Check.indeterminate(SIGNATURE_TIMESTAMP, target, "The signature time-stamp of "
                                + tsResult.genTime() + " is valid but its TSA " + tsResult.tsaName() + " is not trusted."));
                    }
                } else {
                    checks.add(Check.failed(SIGNATURE_TIMESTAMP, target,
                            "The signature time-stamp is not valid for this signature."));
                }
            } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
                checks.add(Check.failed(SIGNATURE_TIMESTAMP, target, "The signature time-stamp cannot be read ("
                        + e.getMessage() + ")."));
            }
        } else {
            checks.add(Check.warning(SIGNATURE_TIMESTAMP, target, "The signature has no signature time-stamp; "
                    + "the certificate is checked at the current time."));
        }

        // Only a trusted TSA may move the validity check into the past; an untrusted one could
        // otherwise revive an expired certificate by claiming an early genTime.
        Instant at = signatureTime != null && tsResult.trusted() ? signatureTime : Instant.now();
        boolean validAt = true;
        try {
            signer.checkValidity(java.util.Date.from(at));
            checks.add(Check.passed(VALIDITY, target, "The signer's certificate was valid at " + at + "."));
        } catch (java.security.cert.CertificateExpiredException | java.security.cert.CertificateNotYetValidException e) {
            validAt = false;
            checks.add(Check.failed(VALIDITY, target, "The signer's certificate was not valid at " + at
                    + " (valid " + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant() + ")."));
        }

        String problem = CertPaths.problem(signer, chain, signerAnchors, at);
        boolean trusted = problem == null && validAt;
        if (problem == null) {
            checks.add(Check.passed(TRUST, target, "The signer " + subject + " chains to a trusted root."));
        } else {
            checks.add(Check.indeterminate(TRUST, target, "The signer " + subject + " is not trusted: " + problem
                    + ". Give the agency's root certificate with --trust."));
        }
        return new Result(subject, Certificates.commonName(signer), Certificates.sha256Hex(signer),
                sigOk && bindingOk && usage == null,
                trusted, signatureTime, at, tsResult, chain, checks);
    }

    /** RFC 5035 §5.4: the first ESSCertID(v2) must identify the signer's certificate. */
    private static boolean checkBinding(AttributeTable signed, X509Certificate signer, String target, List<Check> checks) {
        try {
            byte[] der = signer.getEncoded();
            Attribute v2 = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            Attribute v1 = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            byte[] expected;
            byte[] actual;
            IssuerSerial issuerSerial;
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                String alg = id.getHashAlgorithm().getAlgorithm().equals(NISTObjectIdentifiers.id_sha256) ? "SHA-256"
                        : id.getHashAlgorithm().getAlgorithm().equals(NISTObjectIdentifiers.id_sha512) ? "SHA-512"
                        : id.getHashAlgorithm().getAlgorithm().equals(NISTObjectIdentifiers.id_sha384) ? "SHA-384" : null;
                if (alg == null) {
                    checks.add(Check.failed(BINDING, target, "The signing-certificate-v2 attribute uses an unsupported hash "
                            + id.getHashAlgorithm().getAlgorithm() + "."));
                    return false;
                }
                expected = id.getCertHash();
                actual = MessageDigest.getInstance(alg).digest(der);
                issuerSerial = id.getIssuerSerial();
            } else if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                expected = id.getCertHash();
                actual = MessageDigest.getInstance("SHA-1").digest(der);
                issuerSerial = id.getIssuerSerial();
            } else {
                checks.add(Check.failed(BINDING, target, "The signature lacks the signing-certificate-v2 attribute "
                        + "that binds it to the signer's certificate (CAdES-BES)."));
                return false;
            }
            if (!MessageDigest.isEqual(expected, actual)) {
                checks.add(Check.failed(BINDING, target, "The signing-certificate attribute names another certificate "
                        + "than the one that signed."));
                return false;
            }
            if (issuerSerial != null && !issuerSerial.getSerial().getValue().equals(signer.getSerialNumber())) {
                checks.add(Check.failed(BINDING, target, "The signing-certificate attribute names another serial number."));
                return false;
            }
            if (issuerSerial != null) {
                for (GeneralName g : issuerSerial.getIssuer().getNames()) {
                    if (g.getTagNo() == GeneralName.directoryName && !java.util.Arrays.equals(
                            g.getName().toASN1Primitive().getEncoded(ASN1Encoding.DER),
                            signer.getIssuerX500Principal().getEncoded())) {
                        checks.add(Check.failed(BINDING, target, "The signing-certificate attribute names another issuer."));
                        return false;
                    }
                }
            }
            checks.add(Check.passed(BINDING, target, "The signature is bound to the signer's certificate "
                    + "(signing-certificate" + (v2 != null ? "-v2" : "") + ")."));
            return true;
        } catch (Exception e) {
            checks.add(Check.failed(BINDING, target, "The signing-certificate attribute cannot be read (" + e.getMessage() + ")."));
            return false;
        }
    }

    private static Result failed(List<Check> checks) {
        return new Result(null, null, null, false, false, null, null, null, List.of(), checks);
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(Store<?> store) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        for (Object o : ((Store<X509CertificateHolder>) store).getMatches(null)) {
            try {
                out.add(conv.getCertificate((X509CertificateHolder) o));
            } catch (CertificateException e) {
                // an unreadable extra certificate is ignored; the signer's is required below
            }
        }
        return out;
    }

    private static X509CertificateHolder holder(X509Certificate c) {
        try {
            return new X509CertificateHolder(c.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
