package org.sakshi.service;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakshi.bundle.PartFile;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.Clock;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.OwnerOnly;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.signing.BundleDecryptor;
import org.sakshi.signing.BundleEncryptor;
import org.sakshi.signing.Certificates;
import org.sakshi.signing.Pkcs11Identity;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.signing.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bundles in transit (docs/bundle-format.md#encrypted-in-transit): encrypting a sealed bundle ZIP to
 * recipients' certificates as {@code BUNDLE.zip.p7m}, and opening one with a PKCS#12 file or a
 * PKCS#11 token. Both stream: memory use does not grow with the bundle.
 *
 * <p>Decryption writes {@code <out>.part} (mode 0600) and renames it to {@code <out>} only after the
 * AES-GCM tag matched; a wrong key, an altered or a truncated file leaves neither file behind.
 * Encryption writes {@code <out>.p7m.part} and renames it once the whole ciphertext and its tag are
 * written and synced, after checking that the bytes encrypted are the bytes expected.
 */
public final class EncryptionService {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionService.class);
    private static final int BUFFER = 1 << 20;

    private final Clock clock;

    public EncryptionService(Clock clock) {
        this.clock = clock;
    }

    /** An encrypted bundle: the .p7m, its SHA-256 and size, and the SHA-256 certificate fingerprints of its recipients. */
    public record Encrypted(Path file, String sha256, long size, String plainSha256, List<String> recipients) {
        public Encrypted {
            recipients = List.copyOf(recipients);
        }
    }

    /** A decrypted bundle: the ZIP written, its SHA-256 and size, and the SHA-256 of the .p7m it came from. */
    public record Decrypted(Path file, String sha256, long size, String encryptedSha256) {
    }

    /** A recipient read from a PEM (or DER) certificate file and checked (key type and size, validity now). */
    public X509Certificate recipient(Path pem) throws InputException {
        return BundleEncryptor.readRecipient(pem, clock.now());
    }

    /** Every recipient of {@code pems}, each once (the same certificate given twice counts once). */
    public List<X509Certificate> recipients(List<Path> pems) throws InputException {
        Map<String, X509Certificate> out = new LinkedHashMap<>();
        for (Path p : pems) {
            X509Certificate c = recipient(p);
            out.putIfAbsent(Certificates.sha256Hex(c), c);
        }
        return List.copyOf(out.values());
    }

    /** Short descriptions of recipients for people: "CN (RSA 3072)", "CN (EC P-256)". */
    public static List<String> describe(List<X509Certificate> recipients) {
        return BundleEncryptor.describe(recipients);
    }

    /** The name of the encrypted file for a bundle: {@code B.zip} → {@code B.zip.p7m}; a name ending .p7m stays. */
    public static Path encryptedName(Path out) {
        String n = out.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(BundleEncryptor.EXTENSION) ? out
                : out.resolveSibling(n + BundleEncryptor.EXTENSION);
    }

    /** The name of the bundle inside: {@code B.zip.p7m} → {@code B.zip}; any other name gets {@code .zip} added. */
    public static Path decryptedName(Path p7m) {
        String n = p7m.getFileName().toString();
        if (n.toLowerCase(java.util.Locale.ROOT).endsWith(BundleEncryptor.EXTENSION)
                && n.length() > BundleEncryptor.EXTENSION.length()) {
            String base = n.substring(0, n.length() - BundleEncryptor.EXTENSION.length());
            return p7m.resolveSibling(base.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? base : base + ".zip");
        }
        return p7m.resolveSibling(n + ".zip");
    }

    /**
     * Encrypts the bundle {@code zip} to {@code recipients} as {@code out} (which must not exist).
     *
     * @param expectedSha256 the SHA-256 the bundle had when it was checked, or null; when the bytes
     *                       encrypted differ, nothing is kept
     */
    public Encrypted encrypt(Path zip, Path out, List<X509Certificate> recipients, String expectedSha256,
                             ProgressListener progress, CancelFlag cancel) throws SakshiException {
        if (recipients.isEmpty()) {
            throw new InputException("no recipient certificate was given; name at least one with --to (a PEM file).");
        }
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        if (!Files.isRegularFile(zip)) {
            throw new InputException(zip + " does not exist or is not a file; give the bundle ZIP to encrypt.");
        }
        MessageDigest plain = sha256();
        MessageDigest cipher = sha256();
        try (PartFile part = PartFile.forOutput(out)) {
            long total = Files.size(zip);
            try (FileChannel ch = createOwnerOnly(part.part())) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(zip), plain);
                     OutputStream file = new BufferedOutputStream(new java.security.DigestOutputStream(
                             Channels.newOutputStream(ch), cipher), BUFFER)) {
                    try (OutputStream enc = BundleEncryptor.open(file, recipients)) {
                        copy(in, enc, total, "encrypting " + zip.getFileName(), p, c);
                    }
                    file.flush();
                    ch.force(true);
                }
            }
            String plainSha = HexFormat.of().formatHex(plain.digest());
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(plainSha)) {
                throw new IntegrityException("the bundle " + zip + " changed between its check and its encryption"
                        + " (SHA-256 " + plainSha + " instead of " + expectedSha256 + "); nothing was kept. Export again,"
                        + " and report it if it happens again.");
            }
            // the structure reads back: header, recipients (the content can only be checked by a recipient)
            try (InputStream back = Files.newInputStream(part.part())) {
                BundleDecryptor.recipients(back, part.part().getFileName().toString());
            }
            long size = Files.size(part.part());
            part.commit();
            List<String> fingerprints = recipients.stream().map(Certificates::sha256Hex).toList();
            LOG.info("encrypted {} ({} bytes) to {} for {}", zip, total, out, BundleEncryptor.describe(recipients));
            return new Encrypted(part.out(), HexFormat.of().formatHex(cipher.digest()), size, plainSha, fingerprints);
        } catch (IOException e) {
            throw new StorageException("writing the encrypted bundle " + out + " failed (" + e.getMessage()
                    + "); nothing was kept. Check the disk's free space and permissions and try again.", e);
        }
    }

    /** Opens {@code p7m} with {@code identity}, the secret on the first line of {@code secretFile}. */
    public Decrypted decrypt(Path p7m, Path out, SigningIdentity identity, Path secretFile, ProgressListener progress,
                             CancelFlag cancel) throws SakshiException {
        return decrypt(p7m, out, identity, Secrets.readFirstLine(secretFile), progress, cancel);
    }

    /**
     * Decrypts {@code p7m} into {@code out} (null: the name without {@code .p7m}, beside it), which must
     * not exist, with the private key of {@code identity} and its password or PIN {@code secret} (wiped).
     *
     * @throws InputException     not an encrypted bundle, or not encrypted to this key's certificate
     * @throws org.sakshi.core.SigningException the key cannot be opened, or does not unwrap the content key
     * @throws IntegrityException altered (tag mismatch), truncated or damaged ciphertext
     */
    public Decrypted decrypt(Path p7m, Path out, SigningIdentity identity, char[] secret, ProgressListener progress,
                             CancelFlag cancel) throws SakshiException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        if (!Files.isRegularFile(p7m)) {
            Arrays.fill(secret, '\0');
            throw new InputException(p7m + " does not exist or is not a file; give the encrypted bundle (.p7m).");
        }
        Path target = out != null ? out : decryptedName(p7m);
        BundleDecryptor.DecryptionKey key;
        try {
            key = switch (identity.store()) {
                case PKCS12 -> Pkcs12Identity.decryptionKey(identity.path(), secret, identity.alias());
                case PKCS11 -> Pkcs11Identity.decryptionKey(identity.path(), identity.tokenLabel(), secret,
                        identity.alias());
            };
        } finally {
            Arrays.fill(secret, '\0');
        }
        MessageDigest plain = sha256();
        MessageDigest cipher = sha256();
        try (PartFile part = PartFile.forOutput(target)) {
            long total = Files.size(p7m);
            try (FileChannel ch = createOwnerOnly(part.part())) {
                try (InputStream in = new Counting(new DigestInputStream(Files.newInputStream(p7m), cipher), total,
                        "decrypting " + p7m.getFileName(), p);
                     OutputStream file = new BufferedOutputStream(new java.security.DigestOutputStream(
                             Channels.newOutputStream(ch), plain), BUFFER)) {
                    BundleDecryptor.decrypt(new java.io.BufferedInputStream(in, BUFFER), file, key,
                            p7m.getFileName().toString(), c);
                    // the tag matched: read what may follow the structure, so the .p7m's SHA-256 covers it all
                    in.transferTo(OutputStream.nullOutputStream());
                    file.flush();
                    ch.force(true);
                }
            }
            long size = Files.size(part.part());
            part.commit();
            LOG.info("decrypted {} to {} ({} bytes) with {}", p7m, target, size, key.source());
            return new Decrypted(part.out(), HexFormat.of().formatHex(plain.digest()), size,
                    HexFormat.of().formatHex(cipher.digest()));
        } catch (IOException e) {
            throw new StorageException("writing the decrypted bundle " + target + " failed (" + e.getMessage()
                    + "); nothing was kept. Check the disk's free space and permissions and try again.", e);
        }
    }

    /** Creates {@code file} new, never through a link, readable by its owner only where the file system has modes. */
    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel ch;
        if (Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
            ch = FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
            OwnerOnly.set(file, OwnerOnly.FILE);
        } else {
            ch = FileChannel.open(file, opts);
        }
        return ch;
    }

    private static void copy(InputStream in, OutputStream out, long total, String what, ProgressListener p,
                             CancelFlag c) throws IOException, SakshiException {
        byte[] buf = new byte[BUFFER];
        long done = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            done += n;
            p.progress(done, total, what);
            c.throwIfCancelled();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports bytes read as progress. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final String what;
        private final ProgressListener p;
        private long done;

        Counting(InputStream in, long total, String what, ProgressListener p) {
            super(in);
            this.total = total;
            this.what = what;
            this.p = p;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                p.progress(++done, total, what);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                done += n;
                p.progress(done, total, what);
            }
            return n;
        }
    }
}
