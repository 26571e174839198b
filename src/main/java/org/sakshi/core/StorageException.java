package org.sakshi.core;

/** The case store could not be read or written (disk full, corrupt database, newer schema). */
public class StorageException extends SakshiException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
