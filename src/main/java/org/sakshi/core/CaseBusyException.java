package org.sakshi.core;

/** Another process holds the case's write lock; try again when it has finished. */
public class CaseBusyException extends StorageException {
    public CaseBusyException(String message) {
        super(message);
    }

    public CaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
