package org.sakshi.core;

/** The key types a new self-signed identity may have ({@code sakshi keys new --key-type}). */
public enum KeyType {
    /** RSA with a 3072-bit modulus (NIST SP 800-57: 128-bit security). */
    RSA3072,
    /** ECDSA on NIST P-256 (secp256r1). */
    P256
}
