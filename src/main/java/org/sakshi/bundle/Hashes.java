package org.sakshi.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** SHA-256 of whole files with the JDK's intrinsic digest and a direct buffer. */
public final class Hashes {
    private Hashes() {
    }

    /** Lower-case hex SHA-256 of {@code file}. */
    public static String sha256(Path file) throws IOException {
        return BundleSealer.fileSha256(file);
    }
}
