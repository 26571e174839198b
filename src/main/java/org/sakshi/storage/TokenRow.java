package org.sakshi.storage;

import java.time.Instant;

/** The stored RFC 3161 TimeStampResp (DER, exactly as received) of an item's import. */
public record TokenRow(String itemId, byte[] response, Instant genTime, String serial, String tsa) {
}
