package org.sakshi.core;

/**
 * Root of Sakshi's checked errors. The message is a sentence a user can act on: it names the
 * file or item concerned and says what to do. Library exceptions are wrapped at the package edge.
 */
public class SakshiException extends Exception {
    public SakshiException(String message) {
        super(message);
    }

    public SakshiException(String message, Throwable cause) {
        super(message, cause);
    }
}
