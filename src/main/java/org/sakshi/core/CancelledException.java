package org.sakshi.core;

/** The user cancelled a long operation; everything done so far was rolled back. */
public class CancelledException extends SakshiException {
    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
