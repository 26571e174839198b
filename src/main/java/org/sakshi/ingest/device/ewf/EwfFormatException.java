package org.sakshi.ingest.device.ewf;

/** The bytes are not an EWF v1 segment file (bad signature, unreadable first section). */
public final class EwfFormatException extends Exception {
    public EwfFormatException(String message) {
        super(message);
    }
}
