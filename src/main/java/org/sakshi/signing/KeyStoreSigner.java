package org.sakshi.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.sakshi.core.TimestampSource;

/**
 * A {@link Signer} over a private key held in a JCA key store: a PKCS#12 file (JDK provider) or a
 * PKCS#11 token (SunPKCS11, the key never leaves the token). Built by {@link Pkcs12Identity} and
 * {@link Pkcs11Identity}, which check the certificate before handing it out.
 */
final class KeyStoreSigner implements Signer {
    private final PrivateKey key;
    private final Provider keyProvider;
    private final List<X509Certificate> chain;
    private final String source;

    KeyStoreSigner(PrivateKey key, Provider keyProvider, List<X509Certificate> chain, String source) {
        this.key = key;
        this.keyProvider = keyProvider;
        this.chain = List.copyOf(chain);
        this.source = source;
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public Actor actor() {
        X509Certificate cert = chain.get(0);
        return new Actor(Certificates.commonName(cert), null, null, null, Certificates.sha256Hex(cert));
    }

    @Override
    public byte[] signDetached(InputStream data, TimestampSource tsa) throws SigningException, IOException {
        return CmsSigner.signDetached(key, keyProvider, chain, data, tsa, false);
    }

    @Override
    public byte[] signDetachedCades(InputStream data, TimestampSource tsa) throws SigningException, IOException {
        return CmsSigner.signDetached(key, keyProvider, chain, data, tsa, true);
    }

    @Override
    public String toString() {
        return "Signer[" + Certificates.subject(chain.get(0)) + " from " + source + "]";
    }
}
