package org.sakshi.core;

/** Bad user input: a missing or unreadable file, a wrong option, a folder that is not a case. CLI exit code 2. */
public class InputException extends SakshiException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
