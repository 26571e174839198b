package org.sakshi.ingest.device.ewf;

import java.util.List;

/**
 * The outcome of re-reading the media of an EWF image.
 *
 * @param md5Computed  MD5 of the media as re-read (null when the media could not be read completely)
 * @param sha1Computed SHA-1 of the media as re-read (null likewise)
 * @param verified     true when every stored hash equals the recomputed one, false when one differs
 *                     or the media could not be read completely, null when no hash is stored
 * @param bytesRead    media bytes produced from the chunks
 * @param badChunks    chunks whose Adler-32 or zlib check failed, or which could not be read
 * @param warnings     sentences for the officer, one per problem found
 */
public record EwfVerification(String md5Computed, String sha1Computed, Boolean verified, long bytesRead,
                              long badChunks, List<String> warnings) {
    public EwfVerification {
        warnings = List.copyOf(warnings);
    }
}
