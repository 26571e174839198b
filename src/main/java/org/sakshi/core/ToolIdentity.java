package org.sakshi.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The running tool's identity: the SHA-256 of the jar its classes were loaded from. The build is
 * reproducible ({@code project.build.outputTimestamp}), so the same commit gives the same hash and
 * anyone can rebuild the jar and compare. Recorded in every bundle's {@code bag-info.txt} as
 * {@code Sakshi-Tool-SHA256} and shown by {@code sakshi --version}. Computed once per process; empty
 * when the classes are not in a jar (a development run or the tests, which load from
 * {@code target/classes}).
 */
public final class ToolIdentity {
    private static volatile Optional<String> jarSha256;

    private ToolIdentity() {
    }

    /** Lower-case hex SHA-256 of the jar this class was loaded from, or empty when not from a jar. */
    public static Optional<String> jarSha256() {
        Optional<String> v = jarSha256;
        if (v == null) {
            synchronized (ToolIdentity.class) {
                v = jarSha256;
                if (v == null) {
                    v = sha256OfJar(codeLocation());
                    jarSha256 = v;
                }
            }
        }
        return v;
    }

    /** SHA-256 of {@code location} when it is a regular {@code .jar} file; empty for a folder, null or unreadable file. */
    public static Optional<String> sha256OfJar(Path location) {
        if (location == null || !Files.isRegularFile(location)
                || !location.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(location)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(md.digest()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = ToolIdentity.class.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
