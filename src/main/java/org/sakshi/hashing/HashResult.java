package org.sakshi.hashing;

import org.sakshi.core.Digests;

/** What one pass over a byte stream produced: the three digests, the byte count and the CRC-32 (for a STORED zip entry). */
public record HashResult(Digests digests, long size, long crc32) {
}
