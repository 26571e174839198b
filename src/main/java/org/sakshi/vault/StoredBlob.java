package org.sakshi.vault;

import org.sakshi.hashing.HashResult;

/**
 * A blob in the vault: its path relative to the vault root ({@code ab/abcdef...}), its SHA-256 and
 * size, the digests of its bytes, and whether the same content was already there before this store
 * (a duplicate). {@code hash} is null for a folder's member stored through
 * {@link Vault#memberBatch()}, which gets its SHA-256 only.
 */
public record StoredBlob(String relPath, String sha256, long size, HashResult hash, boolean existed) {
    /** A blob with all its digests. */
    public StoredBlob(String relPath, HashResult hash, boolean existed) {
        this(relPath, hash.digests().sha256(), hash.size(), hash, existed);
    }
}
