package org.sakshi.vault;

import org.sakshi.hashing.HashResult;

/**
 * A blob in the vault: its path relative to the vault root ({@code ab/abcdef...}), the digests of
 * its bytes, and whether the same content was already there before this store (a duplicate).
 */
public record StoredBlob(String relPath, HashResult hash, boolean existed) {
    public String sha256() {
        return hash.digests().sha256();
    }
}
