package org.sakshi.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Store;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampToken;

/** The checks an RFC 3161 client applies to an answer before accepting it (RFC 3161 §2.4.2, RFC 5816). */
final class TokenChecks {
    private TokenChecks() {
    }

    /**
     * Accepts {@code der} only when it is a granted TimeStampResp whose token answers {@code request}
     * (imprint algorithm and value, nonce) and verifies with the TSA certificate it carries.
     */
    static TimestampToken checkResponse(byte[] der, TimeStampRequest request, String tsaUrl) throws TimestampException {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(der);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException("the TSA " + tsaUrl + " sent something that is not an RFC 3161 "
                    + "time-stamp response (" + e.getMessage() + "); check the TSA URL.", e);
        }
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            throw new TimestampException("the TSA " + tsaUrl + " refused the time-stamp (status " + status
                    + (response.getStatusString() != null ? ": " + response.getStatusString() : "")
                    + (response.getFailInfo() != null ? ", failure info " + response.getFailInfo().intValue() : "")
                    + ").");
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException("the TSA " + tsaUrl + " granted the request but sent no token.");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
            throw new TimestampException("the TSA " + tsaUrl + " stamped with hash algorithm "
                    + info.getMessageImprintAlgOID() + " instead of SHA-256; the answer is rejected.");
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), request.getMessageImprintDigest())) {
            throw new TimestampException("the TSA " + tsaUrl + " stamped a different hash than the one sent "
                    + "(wrong imprint); the answer is rejected.");
        }
        BigInteger nonce = info.getNonce();
        if (nonce == null || !nonce.equals(request.getNonce())) {
            throw new TimestampException("the TSA " + tsaUrl + " answered with a "
                    + (nonce == null ? "missing" : "different") + " nonce (a replayed or foreign answer); "
                    + "the answer is rejected.");
        }
        X509Certificate tsaCert = signerCertificate(token);
        if (tsaCert == null) {
            throw new TimestampException("the TSA " + tsaUrl + " sent a token without its certificate although "
                    + "the query asked for it (certReq); the answer is rejected.");
        }
        String problem = TsaCertificates.problem(tsaCert);
        if (problem != null) {
            throw new TimestampException("the TSA " + tsaUrl + " signed with the certificate "
                    + tsaCert.getSubjectX500Principal().getName() + ", which is not a TSA certificate: " + problem + ".");
        }
        try {
            // Checks the CMS signature, the ESSCertID/ESSCertIDv2 binding of the certificate, its
            // critical timeStamping EKU and its validity at genTime (RFC 3161 §2.4.2, RFC 5816 §2.2.1).
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
        } catch (TSPValidationException e) {
            throw new TimestampException("the token from the TSA " + tsaUrl + " does not verify ("
                    + e.getMessage() + "); the answer is rejected.", e);
        } catch (TSPException | OperatorCreationException e) {
            throw new TimestampException("the token from the TSA " + tsaUrl + " cannot be checked ("
                    + e.getMessage() + "); the answer is rejected.", e);
        }
        return new TimestampToken(der, info.getGenTime().toInstant(), serialText(info.getSerialNumber()),
                tsaName(info, tsaCert), tsaUrl, chain(token, tsaCert));
    }

    /** The certificate in the token that matches the SignerInfo's sid, or null. */
    @SuppressWarnings("unchecked")
    static X509Certificate signerCertificate(TimeStampToken token) {
        Store<X509CertificateHolder> store = token.getCertificates();
        Collection<X509CertificateHolder> matches = store.getMatches(token.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        return convert(matches.iterator().next());
    }

    /** The token's certificates, the signer first. */
    @SuppressWarnings("unchecked")
    static List<X509Certificate> chain(TimeStampToken token, X509Certificate signer) {
        List<X509Certificate> out = new ArrayList<>();
        if (signer != null) {
            out.add(signer);
        }
        for (X509CertificateHolder h : (Collection<X509CertificateHolder>) token.getCertificates().getMatches(null)) {
            X509Certificate c = convert(h);
            if (c != null && !c.equals(signer)) {
                out.add(c);
            }
        }
        return out;
    }

    private static X509Certificate convert(X509CertificateHolder h) {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            return null;
        }
    }

    /** The serial as {@code openssl ts -reply -text} prints it: 0x and upper-case hex. */
    static String serialText(BigInteger serial) {
        return "0x" + serial.toString(16).toUpperCase(Locale.ROOT);
    }

    /** The TSTInfo's tsa field when it is a directory name, else the TSA certificate's subject. */
    static String tsaName(TimeStampTokenInfo info, X509Certificate tsaCert) {
        GeneralName name = info.getTsa();
        if (name != null && name.getTagNo() == GeneralName.directoryName) {
            try {
                // RFC 2253 form, the same as the certificate subject elsewhere in reports
                return new javax.security.auth.x500.X500Principal(X500Name.getInstance(name.getName()).getEncoded()).getName();
            } catch (IOException | IllegalArgumentException e) {
                return X500Name.getInstance(name.getName()).toString();
            }
        }
        if (tsaCert != null) {
            return tsaCert.getSubjectX500Principal().getName();
        }
        return name != null ? name.getName().toString() : "unknown TSA";
    }
}
