package org.sakshi.core;

/** A signing identity could not be loaded or used (wrong password, missing key, expired certificate). */
public class SigningException extends SakshiException {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
