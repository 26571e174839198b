package org.sakshi.core;

/**
 * The password of a PKCS#12 file or the PIN of a token was wrong. A {@link SigningException} like any
 * other key problem; its own type lets a window ask again instead of pointing at a password file.
 */
public class WrongSecretException extends SigningException {
    public WrongSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
