package org.sakshi.core;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signing identity (PKCS#12 file or PKCS#11 token) able to produce CMS signatures. Used for the
 * bundle's detached signature and for PAdES signatures of PDFs (which sign the PDF byte range).
 */
public interface Signer {
    /** The signing certificate first, then its chain as far as known. */
    List<X509Certificate> chain();

    /** The acting officer as named by the certificate (name from CN, cert_sha256 filled in). */
    Actor actor();

    /**
     * Signs {@code data} as CMS SignedData, detached, SHA-256, with the signed attributes
     * content-type, message-digest and signing-certificate-v2 (CAdES-BES), chain embedded. When
     * {@code tsa} is not null and answers, a signature-time-stamp unsigned attribute is added
     * (CAdES-T); when it does not answer, the signature is still returned, without it.
     *
     * @return DER-encoded ContentInfo
     */
    byte[] signDetached(InputStream data, TimestampSource tsa) throws SigningException, IOException;

    /**
     * As {@link #signDetached}, with the signing-time signed attribute that CAdES-BASELINE-B requires
     * (ETSI EN 319 122-1 §5.2.1); used for the bundle's signature over its tag manifest. PAdES forbids
     * signing-time in a PDF signature, so PDFs use {@link #signDetached}. The default adds none (a signer
     * that cannot set attributes); the key store signers override it.
     */
    default byte[] signDetachedCades(InputStream data, TimestampSource tsa) throws SigningException, IOException {
        return signDetached(data, tsa);
    }
}
