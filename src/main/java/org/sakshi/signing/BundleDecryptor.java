package org.sakshi.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SigningException;

/**
 * Opens a bundle encrypted by {@link BundleEncryptor} (or by {@code openssl cms -encrypt -aes-256-gcm}):
 * finds the recipient entry naming the key's certificate (issuer and serial number, or subject key
 * identifier), unwraps the content key with the private key (a PKCS#12 key in memory, or a PKCS#11
 * token's key, which never leaves it), and streams the decrypted bytes to {@code out}.
 *
 * <p>AES-GCM cannot tell a forged or truncated file before its last byte: the plain bytes written to
 * {@code out} are not trusted until this method returns normally, which it does only after the
 * 16-byte tag (RFC 5084 §3.2) matched. Callers therefore write to a part file and rename it only
 * then. The content cipher is Bouncy Castle's, which streams (the JDK's AES-GCM holds the whole
 * ciphertext in memory before releasing anything when decrypting).
 */
public final class BundleDecryptor {
    private static final int CHUNK = 1 << 16;

    private BundleDecryptor() {
    }

    /**
     * A private key able to open bundles, with its certificate (which names it among the recipients).
     *
     * @param provider the key's provider (SunPKCS11 for a token), or null for a key in memory
     * @param source   where the key came from, for messages ("officer.p12", "the token 'X' (lib)")
     */
    public record DecryptionKey(PrivateKey key, Provider provider, X509Certificate cert, String source) {
    }

    /** Who an encrypted bundle is for, as far as its recipient entries say. */
    public record RecipientEntry(String kind, String issuer, String serial, String subjectKeyId) {
        @Override
        public String toString() {
            return (kind + " recipient " + (serial != null ? "serial " + serial + " issued by " + issuer
                    : "with key id " + subjectKeyId));
        }
    }

    /** Counts bytes read, for progress. */
    public interface Progress {
        void read(long bytes);
    }

    /**
     * Decrypts {@code in} to {@code out}.
     *
     * @param name the encrypted file's name, for messages
     * @throws InputException     {@code in} is not CMS AuthEnvelopedData, or is not for this key's certificate
     * @throws SigningException   the certificate is named but the key does not unwrap the content key
     * @throws IntegrityException the ciphertext was altered (GCM tag mismatch), truncated or damaged;
     *                            what was written to {@code out} must be discarded
     */
    public static void decrypt(InputStream in, OutputStream out, DecryptionKey key, String name, CancelFlag cancel)
            throws SakshiException, IOException {
        CMSAuthEnvelopedDataParser parser;
        try {
            parser = new CMSAuthEnvelopedDataParser(in);
        } catch (CMSException | RuntimeException e) {
            throw new InputException(name + " is not an encrypted bundle (CMS AuthEnvelopedData, RFC 5083): "
                    + reason(e) + "; give the .p7m file the sender made with 'sakshi export --encrypt-to'.", e);
        }
        X509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(key.cert());
        } catch (CertificateEncodingException e) {
            throw new SigningException("the certificate of " + key.source() + " cannot be read (" + e.getMessage() + ").", e);
        }
        RecipientInformation mine = null;
        List<RecipientEntry> all = new ArrayList<>();
        for (RecipientInformation ri : parser.getRecipientInfos().getRecipients()) {
            all.add(entry(ri));
            if (mine == null && ri.getRID().match(holder)) {
                mine = ri;
            }
        }
        if (mine == null) {
            throw new InputException(name + " is not encrypted to the key in " + key.source() + " ("
                    + Certificates.subject(key.cert()) + ", serial " + key.cert().getSerialNumber().toString(16)
                    + "); it is for " + all + ". Open it with the key of one of those recipients, or ask the"
                    + " sender to encrypt it to your certificate.");
        }
        Recipient recipient = recipient(mine, key);
        InputStream plain;
        try {
            plain = mine.getContentStream(recipient).getContentStream();
        } catch (CMSException | RuntimeException e) {
            throw new SigningException("the key in " + key.source() + " does not open " + name + ": its certificate is"
                    + " named as a recipient, but the key does not unwrap the content key (" + reason(e) + "). Use the"
                    + " private key that belongs to that certificate.", e);
        }
        byte[] buf = new byte[CHUNK];
        while (true) {
            int n;
            try {
                n = plain.read(buf);
            } catch (IOException | RuntimeException e) {
                if (e instanceof org.bouncycastle.crypto.io.InvalidCipherTextIOException || causedBy(e, "mac check")) {
                    throw altered(name, e);
                }
                throw new IntegrityException(name + " is incomplete or damaged (" + reason(e) + "), so it cannot be"
                        + " authenticated; nothing was kept. Copy the file again from the sender's medium, or ask the"
                        + " sender for a new copy.", e);
            }
            if (n < 0) {
                return;
            }
            out.write(buf, 0, n); // a failing write (disk full) is the caller's IOException, not the file's fault
            cancel.throwIfCancelled();
        }
    }

    /** The recipients an encrypted bundle names; for messages and the GUI. */
    public static List<RecipientEntry> recipients(InputStream in, String name) throws InputException {
        try {
            CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(in);
            List<RecipientEntry> all = new ArrayList<>();
            for (RecipientInformation ri : parser.getRecipientInfos().getRecipients()) {
                all.add(entry(ri));
            }
            return all;
        } catch (CMSException | IOException | RuntimeException e) {
            throw new InputException(name + " is not an encrypted bundle (CMS AuthEnvelopedData, RFC 5083): "
                    + reason(e) + ".", e);
        }
    }

    private static Recipient recipient(RecipientInformation ri, DecryptionKey key) throws InputException {
        // the key's own provider unwraps (a token's key stays on the token); Bouncy Castle streams the content
        Provider keyProvider = key.provider() != null ? key.provider() : BundleEncryptor.Bc.PROVIDER;
        if (ri instanceof KeyTransRecipientInformation) {
            if (key.provider() != null) {
                return new TokenOaepRecipient(key).setContentProvider(BundleEncryptor.Bc.PROVIDER);
            }
            return new JceKeyTransAuthEnvelopedRecipient(key.key()).setProvider(keyProvider)
                    .setContentProvider(BundleEncryptor.Bc.PROVIDER);
        }
        if (ri instanceof KeyAgreeRecipientInformation && key.provider() != null) {
            TokenEcdhRecipient r = new TokenEcdhRecipient(key);
            r.setPrivateKeyAlgorithmIdentifier(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                    key.cert().getPublicKey().getEncoded()).getAlgorithm());
            return r.setContentProvider(BundleEncryptor.Bc.PROVIDER);
        }
        if (ri instanceof KeyAgreeRecipientInformation) {
            return new JceKeyAgreeAuthEnvelopedRecipient(key.key()).setProvider(keyProvider)
                    .setContentProvider(BundleEncryptor.Bc.PROVIDER);
        }
        throw new InputException("the recipient entry for " + key.source() + " is of a kind Sakshi does not open ("
                + ri.getClass().getSimpleName() + "); ask the sender to encrypt to an RSA or EC certificate.");
    }

    /**
     * RSA-OAEP with a key on a PKCS#11 token: the JDK's SunPKCS11 offers no OAEP cipher, so the token
     * computes the raw RSA decryption (CKM_RSA_X_509; the key never leaves it) and the OAEP decoding
     * of RFC 8017 §7.1.2 is done here, with the hash and MGF1 hash the recipient entry names.
     */
    static final class TokenOaepRecipient extends JceKeyTransAuthEnvelopedRecipient {
        private final DecryptionKey key;

        TokenOaepRecipient(DecryptionKey key) {
            super(key.key());
            this.key = key;
        }

        @Override
        protected java.security.Key extractSecretKey(org.bouncycastle.asn1.x509.AlgorithmIdentifier keyEncAlg,
                                                     org.bouncycastle.asn1.x509.AlgorithmIdentifier contentAlg,
                                                     byte[] wrapped) throws CMSException {
            if (!org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSAES_OAEP.equals(keyEncAlg.getAlgorithm())) {
                throw new CMSException("the content key is wrapped with " + keyEncAlg.getAlgorithm()
                        + ", not RSAES-OAEP; Sakshi opens only RSAES-OAEP with a token key");
            }
            org.bouncycastle.asn1.pkcs.RSAESOAEPparams params =
                    org.bouncycastle.asn1.pkcs.RSAESOAEPparams.getInstance(keyEncAlg.getParameters());
            try {
                if (!org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_pSpecified.equals(
                        params.getPSourceAlgorithm().getAlgorithm())
                        || org.bouncycastle.asn1.ASN1OctetString.getInstance(params.getPSourceAlgorithm().getParameters())
                        .getOctets().length != 0) {
                    throw new CMSException("RSAES-OAEP with a label is not supported");
                }
                String hash = digestName(params.getHashAlgorithm().getAlgorithm());
                String mgfHash = digestName(org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(
                        params.getMaskGenAlgorithm().getParameters()).getAlgorithm());
                javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("RSA/ECB/NoPadding", key.provider());
                raw.init(javax.crypto.Cipher.DECRYPT_MODE, key.key());
                int k = (((java.security.interfaces.RSAPublicKey) key.cert().getPublicKey()).getModulus().bitLength() + 7) / 8;
                byte[] cek = oaepDecode(raw.doFinal(wrapped), k, hash, mgfHash);
                return new javax.crypto.spec.SecretKeySpec(cek, "AES");
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                throw new CMSException("exception unwrapping key: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Ephemeral-static ECDH (RFC 5753 §3.1.2) with an EC key on a PKCS#11 token: the token computes the
     * shared secret Z (CKM_ECDH1_DERIVE through SunPKCS11; the private key never leaves it), and the
     * ANSI X9.63 KDF over Z and the ECC-CMS-SharedInfo (RFC 5753 §7.2), the hash named by the recipient
     * entry, gives the key that unwraps the content key (AES key wrap, RFC 3394).
     */
    static final class TokenEcdhRecipient extends JceKeyAgreeAuthEnvelopedRecipient {
        private final DecryptionKey key;

        TokenEcdhRecipient(DecryptionKey key) {
            super(key.key());
            this.key = key;
        }

        @Override
        protected java.security.Key extractSecretKey(org.bouncycastle.asn1.x509.AlgorithmIdentifier keyEncAlg,
                                                     org.bouncycastle.asn1.x509.AlgorithmIdentifier contentAlg,
                                                     org.bouncycastle.asn1.x509.SubjectPublicKeyInfo senderKey,
                                                     org.bouncycastle.asn1.ASN1OctetString ukm, byte[] wrapped)
                throws CMSException {
            org.bouncycastle.asn1.ASN1ObjectIdentifier agree = keyEncAlg.getAlgorithm();
            String hash;
            if (org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA1KDF.equals(agree)) {
                hash = "SHA-1";
            } else if (org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA224KDF.equals(agree)) {
                hash = "SHA-224";
            } else if (org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA256KDF.equals(agree)) {
                hash = "SHA-256";
            } else if (org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA384KDF.equals(agree)) {
                hash = "SHA-384";
            } else if (org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA512KDF.equals(agree)) {
                hash = "SHA-512";
            } else {
                throw new CMSException("the key agreement " + agree + " is not ECDH with an X9.63 KDF; Sakshi opens"
                        + " only stdDH-sha*kdf with a token key");
            }
            org.bouncycastle.asn1.x509.AlgorithmIdentifier wrapAlg =
                    org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(keyEncAlg.getParameters());
            int bits;
            if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes128_wrap.equals(wrapAlg.getAlgorithm())) {
                bits = 128;
            } else if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes192_wrap.equals(wrapAlg.getAlgorithm())) {
                bits = 192;
            } else if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_wrap.equals(wrapAlg.getAlgorithm())) {
                bits = 256;
            } else {
                throw new CMSException("the content key is wrapped with " + wrapAlg.getAlgorithm()
                        + ", not AES key wrap; Sakshi opens only AES key wrap with a token key");
            }
            try {
                java.security.PublicKey ephemeral = java.security.KeyFactory.getInstance("EC").generatePublic(
                        new java.security.spec.X509EncodedKeySpec(senderKey.getEncoded()));
                javax.crypto.KeyAgreement ka = javax.crypto.KeyAgreement.getInstance("ECDH", key.provider());
                ka.init(key.key());
                ka.doPhase(ephemeral, true);
                byte[] z = ka.generateSecret();
                byte[] sharedInfo = new org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo(wrapAlg,
                        ukm == null ? null : ukm.getOctets(), java.nio.ByteBuffer.allocate(4).putInt(bits).array())
                        .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
                byte[] kek = x963Kdf(hash, z, sharedInfo, bits / 8);
                java.util.Arrays.fill(z, (byte) 0);
                javax.crypto.Cipher unwrap = javax.crypto.Cipher.getInstance("AESWrap");
                unwrap.init(javax.crypto.Cipher.UNWRAP_MODE, new javax.crypto.spec.SecretKeySpec(kek, "AES"));
                java.util.Arrays.fill(kek, (byte) 0);
                return unwrap.unwrap(wrapped, "AES", javax.crypto.Cipher.SECRET_KEY);
            } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
                throw new CMSException("exception unwrapping key: " + e.getMessage(), e);
            }
        }
    }

    /** ANSI X9.63 key derivation (SEC 1 §3.6.1): Hash(Z || counter || sharedInfo), counter from 1, to {@code length} bytes. */
    static byte[] x963Kdf(String hash, byte[] z, byte[] sharedInfo, int length)
            throws java.security.GeneralSecurityException {
        java.security.MessageDigest h = java.security.MessageDigest.getInstance(hash);
        byte[] out = new byte[length];
        int done = 0;
        for (int counter = 1; done < length; counter++) {
            h.update(z);
            h.update(java.nio.ByteBuffer.allocate(4).putInt(counter).array());
            h.update(sharedInfo);
            byte[] block = h.digest();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static String digestName(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) throws CMSException {
        if (org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1.equals(oid)) {
            return "SHA-1";
        }
        if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256.equals(oid)) {
            return "SHA-256";
        }
        if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384.equals(oid)) {
            return "SHA-384";
        }
        if (org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512.equals(oid)) {
            return "SHA-512";
        }
        throw new CMSException("RSAES-OAEP with hash " + oid + " is not supported");
    }

    /** EME-OAEP decoding, RFC 8017 §7.1.2 step 3, empty label; {@code em} is the raw RSA output. */
    static byte[] oaepDecode(byte[] em, int k, String hash, String mgfHash) throws java.security.GeneralSecurityException {
        java.security.MessageDigest h = java.security.MessageDigest.getInstance(hash);
        int hLen = h.getDigestLength();
        if (em.length > k || k < 2 * hLen + 2) {
            throw new javax.crypto.BadPaddingException("decryption error");
        }
        byte[] full = new byte[k];
        System.arraycopy(em, 0, full, k - em.length, em.length); // the token may drop leading zero bytes
        byte[] seed = java.util.Arrays.copyOfRange(full, 1, 1 + hLen);
        byte[] db = java.util.Arrays.copyOfRange(full, 1 + hLen, k);
        xor(seed, mgf1(db, hLen, mgfHash));
        xor(db, mgf1(seed, db.length, mgfHash));
        byte[] lHash = h.digest(new byte[0]);
        int bad = full[0];
        for (int i = 0; i < hLen; i++) {
            bad |= db[i] ^ lHash[i];
        }
        int one = -1;
        for (int i = hLen; i < db.length; i++) {
            if (db[i] == 1) {
                one = i;
                break;
            }
            bad |= db[i];
        }
        if (bad != 0 || one < 0) {
            throw new javax.crypto.BadPaddingException("decryption error");
        }
        return java.util.Arrays.copyOfRange(db, one + 1, db.length);
    }

    /** MGF1, RFC 8017 §B.2.1. */
    private static byte[] mgf1(byte[] seed, int len, String hash) throws java.security.GeneralSecurityException {
        java.security.MessageDigest h = java.security.MessageDigest.getInstance(hash);
        byte[] out = new byte[len];
        int done = 0;
        for (int counter = 0; done < len; counter++) {
            h.update(seed);
            h.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] t = h.digest();
            int n = Math.min(t.length, len - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static void xor(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] ^= b[i];
        }
    }

    private static RecipientEntry entry(RecipientInformation ri) {
        RecipientId rid = ri.getRID();
        String kind = ri instanceof KeyTransRecipientInformation ? "RSA" : ri instanceof KeyAgreeRecipientInformation
                ? "EC" : "other";
        String issuer = null;
        String serial = null;
        String ski = null;
        if (rid instanceof org.bouncycastle.cms.KeyTransRecipientId k) {
            issuer = k.getIssuer() == null ? null : k.getIssuer().toString();
            serial = k.getSerialNumber() == null ? null : k.getSerialNumber().toString(16);
            ski = k.getSubjectKeyIdentifier() == null ? null : java.util.HexFormat.of().formatHex(k.getSubjectKeyIdentifier());
        } else if (rid instanceof org.bouncycastle.cms.KeyAgreeRecipientId k) {
            issuer = k.getIssuer() == null ? null : k.getIssuer().toString();
            serial = k.getSerialNumber() == null ? null : k.getSerialNumber().toString(16);
            ski = k.getSubjectKeyIdentifier() == null ? null : java.util.HexFormat.of().formatHex(k.getSubjectKeyIdentifier());
        }
        return new RecipientEntry(kind, issuer, serial, ski);
    }

    private static IntegrityException altered(String name, Exception e) {
        return new IntegrityException(name + " was altered or damaged after it was encrypted: its AES-256-GCM"
                + " authentication tag does not match; nothing was kept. Do not use this copy: ask the sender for a"
                + " new one and report the altered file.", e);
    }

    private static boolean causedBy(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(text)) {
                return true;
            }
            if (t instanceof javax.crypto.AEADBadTagException || t instanceof org.bouncycastle.crypto.InvalidCipherTextException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
