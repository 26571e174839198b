package org.sakshi.signing;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a signing identity from a PKCS#11 token (a USB crypto token such as an Indian Class 3 DSC,
 * a smart card, or SoftHSM2 in tests) through the JDK's SunPKCS11 provider. The private key never
 * leaves the token; signatures are computed by it.
 *
 * <p>The token is chosen by its label (CK_TOKEN_INFO.label, PKCS#11 v2.40 §3.2). Reading the label
 * before logging in needs the JDK's PKCS#11 wrapper, which the Sakshi launcher exports with
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the JAR
 * manifest has {@code Add-Exports}). Without it, Sakshi uses the token only when the library
 * shows exactly one; it never tries the PIN on several tokens (a wrong PIN counts towards the
 * token's lock-out).
 */
public final class Pkcs11Identity {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Identity.class);
    private static final long CKF_OS_LOCKING_OK = 0x2L;
    private static final long CKF_TOKEN_INITIALIZED = 0x400L;

    private Pkcs11Identity() {
    }

    /** Reads the PIN from the first line of {@code pinFile}, then loads the identity (strict checks). */
    public static Signer load(Path library, String tokenLabel, Path pinFile, String alias) throws SakshiException {
        char[] pin = Secrets.readFirstLine(pinFile);
        try {
            return load(library, tokenLabel, pin, alias, SigningOptions.strict());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * @param library    the token vendor's PKCS#11 module (.so / .dll / .dylib)
     * @param tokenLabel the token's label as shown by the vendor tool or {@code pkcs11-tool -L}; null
     *                   when the library has exactly one token
     * @param alias      the key's label on the token, or null for the only key
     * @throws SigningException the library or token is missing, the PIN is wrong or locked, the token
     *                          holds no usable key, or the certificate is expired or not for signing
     */
    public static Signer load(Path library, String tokenLabel, char[] pin, String alias, SigningOptions options)
            throws SakshiException {
        TokenKey k = open(library, tokenLabel, pin, alias);
        IdentityChecks.check(k.chain(), k.source(), options);
        return new KeyStoreSigner(k.key(), k.provider(), k.chain(), k.source());
    }

    /**
     * The token's key for opening encrypted bundles ({@link BundleDecryptor}): no signing checks, since
     * an archived bundle must still open after the certificate expired. The key stays on the token.
     */
    public static BundleDecryptor.DecryptionKey decryptionKey(Path library, String tokenLabel, char[] pin, String alias)
            throws SakshiException {
        TokenKey k = open(library, tokenLabel, pin, alias);
        return new BundleDecryptor.DecryptionKey(k.key(), k.provider(), k.chain().get(0), k.source());
    }

    private record TokenKey(PrivateKey key, Provider provider, List<X509Certificate> chain, String source) {
    }

    private static TokenKey open(Path library, String tokenLabel, char[] pin, String alias) throws SakshiException {
        if (!Files.isRegularFile(library)) {
            throw new SigningException("the PKCS#11 library " + library + " does not exist; install the token's "
                    + "driver and give the path of its PKCS#11 module (.so or .dll) with --pkcs11.");
        }
        String tokenDesc = tokenLabel == null ? "the token" : "the token '" + tokenLabel + "'";
        Provider provider = configure(library, tokenLabel);
        // PKCS#11 login state belongs to the application, not the session (PKCS#11 v2.40 §5.6): when this
        // process is already logged in to the token, SunPKCS11 would skip the login and accept any PIN.
        // Log out first so that the PIN given now is really checked.
        if (provider instanceof java.security.AuthProvider auth) {
            try {
                auth.logout();
            } catch (javax.security.auth.login.LoginException | ProviderException e) {
                LOG.debug("PKCS#11 logout before login failed: {}", e.toString());
            }
        }
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
        } catch (IOException e) {
            String code = pkcs11Code(e);
            if (code.contains("CKR_PIN_LOCKED")) {
                throw new SigningException("the PIN of " + tokenDesc + " (" + library + ") is locked after too many "
                        + "wrong attempts; unlock it with the token vendor's tool.", e);
            }
            if (code.contains("CKR_PIN_INCORRECT") || code.contains("CKR_PIN_INVALID") || code.contains("CKR_PIN_LEN_RANGE")) {
                throw new org.sakshi.core.WrongSecretException("wrong PIN for " + tokenDesc + " (" + library + "); check the PIN file. "
                        + "Repeated wrong PINs lock the token.", e);
            }
            throw new SigningException("cannot log in to " + tokenDesc + " with " + library + " (" + code
                    + "); check that the token is plugged in.", e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new SigningException("cannot open " + tokenDesc + " with " + library + " (" + e.getMessage() + ").", e);
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
                    throw new SigningException(tokenDesc + " has no private key labelled '" + alias + "'; its keys are "
                            + keyAliases + ".");
                }
                chosen = alias;
            } else if (keyAliases.isEmpty()) {
                throw new SigningException(tokenDesc + " holds no private key with a matching certificate; "
                        + "load the signing certificate onto the token (same CKA_ID as the key).");
            } else if (keyAliases.size() > 1) {
                throw new SigningException(tokenDesc + " holds several keys " + keyAliases + "; choose one with --alias.");
            } else {
                chosen = keyAliases.get(0);
            }
            Key key = ks.getKey(chosen, null);
            if (!(key instanceof PrivateKey pk)) {
                throw new SigningException(tokenDesc + " has no private key under '" + chosen + "'.");
            }
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new SigningException(tokenDesc + " has a key but no certificate under '" + chosen + "'.");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new TokenKey(pk, provider, List.copyOf(chain), tokenDesc + " (" + library + ")");
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot read the key on " + tokenDesc + " (" + e.getMessage() + ").", e);
        }
    }

    /** A SunPKCS11 provider bound to the slot holding the labelled token. */
    private static Provider configure(Path library, String tokenLabel) throws SigningException {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new SigningException("this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki); "
                    + "use the Sakshi installer's runtime.");
        }
        Map<Long, String> tokens = tokenLabels(library);
        String slotLine;
        if (tokens != null) {
            Long slot = null;
            for (Map.Entry<Long, String> t : tokens.entrySet()) {
                if (tokenLabel == null || t.getValue().equals(tokenLabel.strip())) {
                    if (slot != null && tokenLabel == null) {
                        throw new SigningException("the PKCS#11 library " + library + " shows several tokens "
                                + tokens.values() + "; choose one with --token-label.");
                    }
                    slot = t.getKey();
                    if (tokenLabel != null) {
                        break;
                    }
                }
            }
            if (slot == null) {
                throw new SigningException(tokenLabel == null
                        ? "no token is present in " + library + "; plug in the token."
                        : "no token labelled '" + tokenLabel + "' is present in " + library + " (found " + tokens.values()
                        + "); plug in the right token or correct --token-label.");
            }
            slotLine = "slot = " + slot;
        } else {
            // Labels cannot be read in this runtime: accept only an unambiguous single token.
            slotLine = "slotListIndex = 0";
            try {
                base.configure(config(library, "slotListIndex = 1", "probe"));
                throw new SigningException("the PKCS#11 library " + library + " shows several tokens and this Java "
                        + "runtime cannot read their labels; start Sakshi with its launcher (which adds "
                        + "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED) or unplug the other tokens.");
            } catch (ProviderException | java.security.InvalidParameterException e) {
                LOG.warn("PKCS#11 token label '{}' cannot be checked in this runtime; using the only token of {}",
                        tokenLabel, library);
            }
        }
        try {
            return base.configure(config(library, slotLine, "sakshi"));
        } catch (ProviderException | java.security.InvalidParameterException e) {
            throw new SigningException("the PKCS#11 library " + library + " cannot be used (" + rootMessage(e)
                    + "); check that it is the token's PKCS#11 module for this operating system and CPU.", e);
        }
    }

    private static String config(Path library, String slotLine, String name) {
        // SunPKCS11 inline configuration ("--" prefix); the library path is quoted for spaces (Windows).
        return "--name = " + name + "-" + Long.toHexString(System.nanoTime()) + "\n"
                + "library = \"" + library.toAbsolutePath().toString().replace("\\", "\\\\") + "\"\n"
                + slotLine + "\n"
                // the ECDH shared secret of an encrypted bundle (a session object, never stored on the token)
                // must be readable for the KDF; the private key itself stays on the token, sensitive
                + "attributes(generate, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n"
                + "  CKA_SENSITIVE = false\n  CKA_EXTRACTABLE = true\n}\n";
    }

    /**
     * Slot id → token label for every slot with an initialised token, via the JDK's PKCS#11 wrapper;
     * null when the wrapper is not accessible in this runtime.
     */
    static Map<Long, String> tokenLabels(Path library) throws SigningException {
        try {
            Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
            Class<?> initArgsClass = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsClass.getConstructor().newInstance();
            initArgsClass.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            Method getInstance = wrapper.getMethod("getInstance", String.class, String.class, initArgsClass, boolean.class);
            Object p11 = getInstance.invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList", initArgs, false);
            long[] slots = (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(p11, true);
            Method tokenInfo = wrapper.getMethod("C_GetTokenInfo", long.class);
            Map<Long, String> out = new LinkedHashMap<>();
            for (long slot : slots) {
                Object info = tokenInfo.invoke(p11, slot);
                Field labelField = info.getClass().getField("label");
                long flags = info.getClass().getField("flags").getLong(info);
                if ((flags & CKF_TOKEN_INITIALIZED) == 0) {
                    continue;
                }
                out.put(slot, new String((char[]) labelField.get(info)).strip());
            }
            return out;
        } catch (IllegalAccessException | ClassNotFoundException | NoSuchMethodException | NoSuchFieldException
                 | InstantiationException | RuntimeException e) {
            if (e instanceof IllegalAccessException || e instanceof ClassNotFoundException
                    || e instanceof NoSuchMethodException || e instanceof NoSuchFieldException
                    || e.getClass().getName().equals("java.lang.reflect.InaccessibleObjectException")) {
                LOG.debug("PKCS#11 wrapper not accessible: {}", e.toString());
                return null;
            }
            throw new SigningException("the PKCS#11 library " + library + " cannot be used (" + e + ").", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SigningException("the PKCS#11 library " + library + " cannot be used ("
                    + (cause != null ? cause.getMessage() : e.getMessage())
                    + "); check that it is the token's PKCS#11 module for this operating system and CPU.", e);
        }
    }

    private static String pkcs11Code(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                if (!sb.isEmpty()) {
                    sb.append(": ");
                }
                sb.append(t.getMessage());
            }
        }
        return sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
