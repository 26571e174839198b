package org.sakshi.core;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 3161 answer as received and checked: the full TimeStampResp DER (what {@code openssl ts
 * -verify -in} reads), the token's genTime and serial, the TSA's name and URL, and the TSA
 * certificate chain found in the token (signer first).
 */
public record TimestampToken(byte[] response, Instant genTime, String serial, String tsaName, String tsaUrl,
                             List<X509Certificate> tsaChain) {
    public TimestampToken {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(genTime, "genTime");
        tsaChain = tsaChain == null ? List.of() : List.copyOf(tsaChain);
    }
}
