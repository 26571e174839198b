package org.sakshi.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;

/**
 * Loads a signing identity from a PKCS#12 file (RFC 7292) with the JDK's own PKCS12 key store.
 * The key store password is also the key password (the convention of {@code openssl pkcs12} and
 * {@code keytool}).
 */
public final class Pkcs12Identity {
    private Pkcs12Identity() {
    }

    /** Loads the only (or the given) key entry, refusing an expired certificate. */
    public static Signer load(Path file, char[] password, String alias) throws SakshiException {
        return load(file, password, alias, SigningOptions.strict());
    }

    /** Loads the password from {@code passwordFile} (first line), then the identity. */
    public static Signer load(Path file, Path passwordFile, String alias) throws SakshiException {
        char[] pw = Secrets.readFirstLine(passwordFile);
        try {
            return load(file, pw, alias, SigningOptions.strict());
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /**
     * @param alias the key entry to use, or null for the only key entry
     * @throws SigningException wrong password ("wrong password for FILE"), no private key, expired
     *                          certificate, certificate without digitalSignature
     * @throws InputException   the file is missing or is not a PKCS#12 key store
     */
    public static Signer load(Path file, char[] password, String alias, SigningOptions options) throws SakshiException {
        KeyEntry entry = loadEntry(file, password, alias);
        IdentityChecks.check(entry.chain(), file.toString(), options);
        return new KeyStoreSigner(entry.key(), null, entry.chain(), file.toString());
    }

    /**
     * The key for opening encrypted bundles ({@link BundleDecryptor}): no signing checks, since an
     * archived bundle must still open after the certificate expired.
     */
    public static BundleDecryptor.DecryptionKey decryptionKey(Path file, char[] password, String alias)
            throws SakshiException {
        KeyEntry e = loadEntry(file, password, alias);
        return new BundleDecryptor.DecryptionKey(e.key(), null, e.chain().get(0), file.toString());
    }

    /** A private key with its certificate chain (signing certificate first). */
    public record KeyEntry(String alias, PrivateKey key, List<X509Certificate> chain) {
    }

    /**
     * Reads the key entry without judging the certificate (the TSA server uses this and applies
     * its own rule: critical EKU timeStamping).
     */
    public static KeyEntry loadEntry(Path file, char[] password, String alias) throws SakshiException {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (NoSuchFileException e) {
            throw new InputException("keystore " + file + " does not exist; give the path of a .p12 file.", e);
        } catch (IOException e) {
            if (isWrongPassword(e)) {
                throw new org.sakshi.core.WrongSecretException("wrong password for " + file + "; check the password file.", e);
            }
            throw new InputException("cannot read keystore " + file + " as PKCS#12 (" + e.getMessage()
                    + "); give a .p12/.pfx file.", e);
        } catch (GeneralSecurityException e) {
            throw new InputException("cannot read keystore " + file + " as PKCS#12 (" + e.getMessage() + ").", e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            String chosen;
            if (alias != null) {
                if (!keyAliases.contains(alias)) {
                    throw new SigningException("keystore " + file + " has no private key under alias '" + alias
                            + "'; its key aliases are " + keyAliases + ".");
                }
                chosen = alias;
            } else if (keyAliases.isEmpty()) {
                throw new SigningException("keystore " + file + " holds no private key (only certificates); "
                        + "give the .p12 that contains your signing key.");
            } else if (keyAliases.size() > 1) {
                throw new SigningException("keystore " + file + " holds several keys " + keyAliases
                        + "; choose one with --alias.");
            } else {
                chosen = keyAliases.get(0);
            }
            Key key;
            try {
                key = ks.getKey(chosen, password);
            } catch (UnrecoverableKeyException e) {
                throw new org.sakshi.core.WrongSecretException("wrong password for " + file + " (the key entry '" + chosen
                        + "' has a different password); check the password file.", e);
            }
            if (!(key instanceof PrivateKey pk)) {
                throw new SigningException("keystore " + file + " holds no private key under '" + chosen + "'.");
            }
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new SigningException("keystore " + file + " has a key but no certificate under '" + chosen
                        + "'; import the certificate together with the key.");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new KeyEntry(chosen, pk, List.copyOf(chain));
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot read the key in " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static boolean isWrongPassword(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException || t instanceof javax.crypto.BadPaddingException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                return true;
            }
        }
        return false;
    }
}
