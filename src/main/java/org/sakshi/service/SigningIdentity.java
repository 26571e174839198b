package org.sakshi.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which signing identity to open: a PKCS#12 file (and, when it holds several keys, the key's alias)
 * or a PKCS#11 token (its module library and the token's label; null when the library shows one
 * token). The password or PIN is never part of the request: it goes with the
 * {@link IdentityService#open} call, typed in or read from the first line of a file.
 */
public record SigningIdentity(Store store, Path path, String tokenLabel, String alias) {
    /** Where the private key lives. */
    public enum Store { PKCS12, PKCS11 }

    public SigningIdentity {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(path, "path");
        tokenLabel = blankToNull(tokenLabel);
        alias = blankToNull(alias);
    }

    /** A PKCS#12 key store file; {@code alias} null for its only key entry. */
    public static SigningIdentity pkcs12(Path file, String alias) {
        return new SigningIdentity(Store.PKCS12, file, null, alias);
    }

    /** A PKCS#11 token reached through {@code library}; {@code tokenLabel} null when there is one token. */
    public static SigningIdentity pkcs11(Path library, String tokenLabel) {
        return new SigningIdentity(Store.PKCS11, library, tokenLabel, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
