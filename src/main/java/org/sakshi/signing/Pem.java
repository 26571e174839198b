package org.sakshi.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.sakshi.core.InputException;

/**
 * PEM (RFC 7468 §5) certificate files: {@code certs/signer-chain.pem}, {@code certs/tsa-chain.pem},
 * trust anchors given with {@code --trust}. Written with 64-column base64 and LF line ends, the form
 * {@code openssl x509} and {@code -CAfile} read.
 */
public final class Pem {
    private Pem() {
    }

    /** The certificates in PEM text, in order. */
    public static String toPem(List<X509Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : certs) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(b64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode certificate " + c.getSubjectX500Principal(), e);
            }
        }
        return sb.toString();
    }

    /** PEM bytes (US-ASCII) of the certificates, for writing into a bundle entry. */
    public static byte[] toPemBytes(List<X509Certificate> certs) {
        return toPem(certs).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the certificates to a new {@code file} in PEM (never over an existing file or through a link). */
    public static void writeCertificates(Path file, List<X509Certificate> certs) throws IOException {
        try (java.io.OutputStream os = org.sakshi.core.OutputFiles.create(file)) {
            os.write(toPemBytes(certs));
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Reads every certificate of a PEM or DER file.
     *
     * @throws InputException the file is missing or holds no certificate
     */
    public static List<X509Certificate> readCertificates(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("cannot read certificate file " + file + " (" + e.getMessage() + ").", e);
        }
        try {
            return parseCertificates(bytes);
        } catch (CertificateException e) {
            throw new InputException("certificate file " + file + " holds no readable X.509 certificate ("
                    + e.getMessage() + "); give a PEM file with BEGIN CERTIFICATE blocks.", e);
        }
    }

    /** Parses every certificate of PEM or DER bytes; fails when there is none. */
    public static List<X509Certificate> parseCertificates(byte[] pemOrDer) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> all;
        try (InputStream in = new ByteArrayInputStream(pemOrDer)) {
            all = cf.generateCertificates(in);
        } catch (IOException e) {
            throw new CertificateException(e);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : all) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return List.copyOf(out);
    }
}
