package org.sakshi.core;

/** Stored evidence or records no longer match their recorded hashes. */
public class IntegrityException extends SakshiException {
    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
