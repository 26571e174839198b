package org.sakshi.core.ledger;

import org.sakshi.core.SigningException;

/**
 * A key that signs the ledger's heads (docs/custody-ledger.md#signed-heads): the workstation
 * key made at first run, or an officer's token. The public half travels in the ledger as an X.509
 * certificate (CASE_CREATED {@code key} or KEY_ENROLLED); verifiers need only the JDK.
 */
public interface HeadSigner {
    /** JCA signature algorithm, e.g. {@code Ed25519} or {@code SHA256withECDSA}. */
    String algorithm();

    /** The DER-encoded X.509 certificate of the public key. */
    byte[] certificate();

    /** Lower-case hex SHA-256 of {@link #certificate()}: the key's name in heads and events. */
    String fingerprint();

    /** A short human name for the key, e.g. the certificate's subject. */
    String subject();

    /** {@code workstation} or {@code officer}, recorded in the key's enrolment. */
    default String role() {
        return "workstation";
    }

    /** Signs {@code data} with the private key. */
    byte[] sign(byte[] data) throws SigningException;
}
