package org.sakshi.core;

/** A time-stamp authority could not be reached or gave an unacceptable answer. */
public class TimestampException extends SakshiException {
    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
