package org.sakshi.core;

/**
 * One RFC 3161 time-stamp authority (EU DSS {@code TSPSource}: one method). Implementations send a
 * query with a fresh nonce and certReq, and check the answer fully before returning it.
 */
public interface TimestampSource {
    /** A display name, usually the URL. */
    String name();

    /**
     * Obtains a token over a SHA-256 message imprint.
     *
     * @param sha256 the 32-byte digest to stamp
     * @throws TimestampException the TSA is down, slow, or answered anything but a valid token for this imprint
     */
    TimestampToken stamp(byte[] sha256) throws TimestampException;
}
