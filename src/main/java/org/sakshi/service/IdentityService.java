package org.sakshi.service;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.sakshi.core.InputException;
import org.sakshi.core.KeyType;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.signing.Certificates;
import org.sakshi.signing.IdentityGenerator;
import org.sakshi.signing.Pem;
import org.sakshi.signing.Pkcs11Identity;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.signing.Secrets;
import org.sakshi.signing.SigningOptions;

/**
 * Signing identities for every front end: opens a PKCS#12 file or a PKCS#11 token as a
 * {@link Signer} (strict checks: an expired certificate or one not for signing is refused), reads
 * secrets from files, and creates self-signed officer or TSA identities ({@code sakshi keys new}).
 * Secrets handed in are wiped once used.
 */
public final class IdentityService {
    /** Opens {@code identity} with the typed-in {@code secret} (password or PIN), then wipes the secret. */
    public Signer open(SigningIdentity identity, char[] secret) throws SakshiException {
        try {
            return switch (identity.store()) {
                case PKCS12 -> Pkcs12Identity.load(identity.path(), secret, identity.alias());
                case PKCS11 -> Pkcs11Identity.load(identity.path(), identity.tokenLabel(), secret, identity.alias(),
                        SigningOptions.strict());
            };
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Opens {@code identity} with the secret on the first line of {@code secretFile}. */
    public Signer open(SigningIdentity identity, Path secretFile) throws SakshiException {
        return open(identity, readSecret(secretFile));
    }

    /** The first line of {@code file} (a password or PIN); the caller wipes it after use. */
    public char[] readSecret(Path file) throws InputException {
        return Secrets.readFirstLine(file);
    }

    /**
     * Writes a new self-signed identity to {@code out} (which must not exist) and, when {@code certOut}
     * is given, its certificate as PEM. With {@code timeStamping} the identity is for a local TSA
     * (critical EKU timeStamping) instead of an officer's signature. Wipes {@code password}.
     */
    public IdentitySummary create(Path out, char[] password, String name, int days, KeyType type,
                                  boolean timeStamping, Path certOut) throws SakshiException {
        try {
            X509Certificate cert = IdentityGenerator.create(out, password, name, days, type, timeStamping);
            if (certOut != null) {
                try {
                    Pem.writeCertificates(certOut, List.of(cert));
                } catch (IOException e) {
                    throw new InputException("the identity " + out + " was created, but the certificate cannot be "
                            + "written to " + certOut + " (" + e.getMessage() + ").", e);
                }
            }
            return new IdentitySummary(out, Certificates.subject(cert), cert.getNotAfter().toInstant(),
                    Certificates.sha256Hex(cert));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
