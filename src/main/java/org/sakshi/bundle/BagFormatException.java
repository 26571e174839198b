package org.sakshi.bundle;

/** A tag file of a bag cannot be parsed; the message names the file and the line. */
public final class BagFormatException extends Exception {
    public BagFormatException(String message) {
        super(message);
    }
}
