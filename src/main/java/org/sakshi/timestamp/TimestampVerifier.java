package org.sakshi.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;

/**
 * Verifies a stored RFC 3161 answer (a {@code .tsr} TimeStampResp, or a bare TimeStampToken
 * ContentInfo such as a CAdES signature-time-stamp) against an expected SHA-256 imprint and trust
 * anchors, the way {@code openssl ts -verify -digest H -in X.tsr -CAfile ROOT.pem} does, and
 * reports the facts as checks instead of throwing.
 *
 * <p>Check codes (the caller adds its own BUNDLE_TIMESTAMP / ITEM_TIMESTAMP summary):
 * {@code TIMESTAMP_FORMAT}, {@code TIMESTAMP_STATUS}, {@code TIMESTAMP_IMPRINT},
 * {@code TIMESTAMP_SIGNATURE} (CMS signature, ESSCertID/ESSCertIDv2 binding, critical EKU
 * timeStamping, certificate valid at genTime; RFC 3161 §2.3, §2.4.2, RFC 5816) and
 * {@code TIMESTAMP_TRUST} (the TSA certificate chains to an anchor at genTime).
 */
public final class TimestampVerifier {
    public static final CheckCode FORMAT = CheckCode.TIMESTAMP_FORMAT;
    public static final CheckCode STATUS = CheckCode.TIMESTAMP_STATUS;
    public static final CheckCode IMPRINT = CheckCode.TIMESTAMP_IMPRINT;
    public static final CheckCode SIGNATURE = CheckCode.TIMESTAMP_SIGNATURE;
    public static final CheckCode TRUST = CheckCode.TIMESTAMP_TRUST;

    private final List<X509Certificate> anchors;

    /** @param anchors TSA roots to trust (e.g. the bundle reader's --trust files); may be empty */
    public TimestampVerifier(List<X509Certificate> anchors) {
        this.anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /**
     * What was found in one token. {@code genTime}, {@code tsaName} and {@code serial} are null
     * when the token could not be read. {@code valid}: it is a well-formed, granted token for the
     * expected imprint whose signature verifies with a proper TSA certificate; {@code trusted}: that
     * certificate chains to one of the anchors at genTime.
     */
    public record Result(Instant genTime, String tsaName, String serial, boolean valid, boolean trusted,
                         List<X509Certificate> tsaChain, List<Check> checks) {
        public Result {
            tsaChain = List.copyOf(tsaChain);
            checks = List.copyOf(checks);
        }
    }

    /**
     * Verifies DER bytes holding a TimeStampResp (as stored in {@code *.tsr}) or a bare token.
     *
     * @param expectedSha256 the 32-byte digest the token must cover
     * @param target         what the checks concern (e.g. {@code data/timestamps/ITEM.tsr})
     */
    public Result verify(byte[] der, byte[] expectedSha256, String target) {
        List<Check> checks = new ArrayList<>();
        TimeStampToken token;
        try {
            token = parse(der, checks, target);
        } catch (IOException | TSPException | CMSException | RuntimeException e) {
            checks.add(Check.failed(FORMAT, target, "The file is not an RFC 3161 time-stamp (" + e.getMessage() + ")."));
            return new Result(null, null, null, false, false, List.of(), checks);
        }
        if (token == null) {
            return new Result(null, null, null, false, false, List.of(), checks);
        }
        return verifyToken(token, expectedSha256, target, checks);
    }

    private static TimeStampToken parse(byte[] der, List<Check> checks, String target)
            throws IOException, TSPException, CMSException {
        TimeStampResponse response = null;
        try {
            response = new TimeStampResponse(TimeStampResp.getInstance(der));
        } catch (RuntimeException notAResponse) {
            // fall through: maybe a bare token (ContentInfo)
        }
        if (response == null) {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(der)));
            checks.add(Check.passed(FORMAT, target, "The file is an RFC 3161 time-stamp token."));
            return token;
        }
        checks.add(Check.passed(FORMAT, target, "The file is an RFC 3161 time-stamp response."));
        int status = response.getStatus();
        if (status != 0 && status != 1 || response.getTimeStampToken() == null) {
            checks.add(Check.failed(STATUS, target, "The TSA did not grant this time-stamp (status " + status
                    + (response.getStatusString() != null ? ": " + response.getStatusString() : "") + ")."));
            return null;
        }
        checks.add(Check.passed(STATUS, target, "The TSA granted the time-stamp."));
        return response.getTimeStampToken();
    }

    private Result verifyToken(TimeStampToken token, byte[] expected, String target, List<Check> checks) {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        Instant genTime = info.getGenTime().toInstant();
        X509Certificate tsaCert = TokenChecks.signerCertificate(token);
        List<X509Certificate> chain = TokenChecks.chain(token, tsaCert);
        String tsaName = TokenChecks.tsaName(info, tsaCert);
        String serial = TokenChecks.serialText(info.getSerialNumber());

        boolean imprintOk = TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                && MessageDigest.isEqual(info.getMessageImprintDigest(), expected);
        if (imprintOk) {
            checks.add(Check.passed(IMPRINT, target, "The time-stamp covers SHA-256 "
                    + HexFormat.of().formatHex(expected) + "."));
        } else {
            checks.add(Check.failed(IMPRINT, target, "The time-stamp covers "
                    + (TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID()) ? "SHA-256 "
                    + HexFormat.of().formatHex(info.getMessageImprintDigest()) : "a hash of algorithm "
                    + info.getMessageImprintAlgOID()) + ", not the expected SHA-256 "
                    + HexFormat.of().formatHex(expected) + "."));
        }

        boolean signatureOk = false;
        if (tsaCert == null) {
            checks.add(Check.failed(SIGNATURE, target, "The time-stamp does not carry the TSA certificate, "
                    + "so its signature cannot be checked."));
        } else {
            String problem = TsaCertificates.problem(tsaCert);
            if (problem != null) {
                checks.add(Check.failed(SIGNATURE, target, "The time-stamp is signed by "
                        + tsaCert.getSubjectX500Principal().getName() + ", which is not a TSA certificate: "
                        + problem + "."));
            } else {
                try {
                    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
                    signatureOk = true;
                    checks.add(Check.passed(SIGNATURE, target, "The TSA signature of " + tsaName + " is valid."));
                } catch (Exception e) {
                    checks.add(Check.failed(SIGNATURE, target, "The TSA signature does not verify ("
                            + e.getMessage() + ")."));
                }
            }
        }

        boolean trusted = false;
        if (tsaCert != null && signatureOk) {
            String problem = CertPaths.problem(tsaCert, chain, anchors, genTime);
            if (problem == null) {
                trusted = true;
                checks.add(Check.passed(TRUST, target, "The TSA " + tsaName + " chains to a trusted root."));
            } else {
                checks.add(new Check(TRUST, CheckResult.INDETERMINATE, target, "The TSA " + tsaName
                        + " is not trusted: " + problem + ". Give its root with --trust."));
            }
        } else {
            checks.add(Check.indeterminate(TRUST, target, "Trust in the TSA was not checked because its "
                    + "signature is not valid."));
        }
        return new Result(genTime, tsaName, serial, imprintOk && signatureOk, trusted, chain, checks);
    }
}
