package org.sakshi.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.sakshi.core.TimestampException;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.timestamp.TsaServer;

/**
 * The real {@link TsaServer} on 127.0.0.1 with a free port, signing with a {@link TestPki} TSA
 * identity. Usage:
 * <pre>{@code
 * try (LocalTsa tsa = LocalTsa.start(tempDir)) {
 *     TimestampToken t = tsa.source().stamp(sha256);
 *     // verify against tsa.trustAnchors() or with openssl ... -CAfile tsa.trustAnchorPem()
 * }
 * }</pre>
 */
public final class LocalTsa implements AutoCloseable {
    private final TestPki pki;
    private final RealisticPki realistic;
    private final Path trustAnchorPem;
    private final X509Certificate trustAnchor;
    private final TsaServer server;

    private LocalTsa(TestPki pki, TsaServer server) {
        this.pki = pki;
        this.realistic = null;
        this.trustAnchorPem = pki.tsaRootPem();
        this.trustAnchor = pki.tsaRootCert();
        this.server = server;
    }

    private LocalTsa(RealisticPki pki, TsaServer server) {
        this.pki = null;
        this.realistic = pki;
        this.trustAnchorPem = pki.tsaRootPem();
        this.trustAnchor = pki.tsaRootCert();
        this.server = server;
    }

    /** Creates a {@link TestPki} in {@code dir} and starts a TSA with its TSA identity. */
    public static LocalTsa start(Path dir) throws TimestampException {
        return start(TestPki.create(dir));
    }

    /** Starts a TSA with the TSA identity of {@code pki}. */
    public static LocalTsa start(TestPki pki) throws TimestampException {
        return start(pki, Clock.systemUTC());
    }

    /** Starts a TSA whose genTime comes from {@code clock} (e.g. a fixed time in the past). */
    public static LocalTsa start(TestPki pki, Clock clock) throws TimestampException {
        TsaServer server = TsaServer.start(pki.tsa().key(), pki.tsa().chain(), null, 0, clock);
        return new LocalTsa(pki, server);
    }

    /** Starts a TSA with the TSA identity of a {@link RealisticPki} (chain: TSA, TSA issuing CA, TSA root). */
    public static LocalTsa start(RealisticPki pki) throws TimestampException {
        return start(pki, Clock.systemUTC());
    }

    /** As {@link #start(RealisticPki)}, genTime from {@code clock} (simulated time). */
    public static LocalTsa start(RealisticPki pki, Clock clock) throws TimestampException {
        return start(pki, pki.tsa(), clock);
    }

    /** A TSA of a {@link RealisticPki} with another TSA identity (e.g. from {@link RealisticPki#issueTsa}, one that expires). */
    public static LocalTsa start(RealisticPki pki, TestPki.Identity tsaIdentity, Clock clock) throws TimestampException {
        TsaServer server = TsaServer.start(tsaIdentity.key(), tsaIdentity.chain(), null, 0, clock);
        return new LocalTsa(pki, server);
    }

    public URI url() {
        return server.url();
    }

    /** A client for this TSA (5 s connect and read time-outs). */
    public HttpTimestampSource source() {
        return new HttpTimestampSource(url(), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** PEM file of the TSA root, for {@code openssl ts -verify -CAfile} and {@code --trust}. */
    public Path trustAnchorPem() {
        return trustAnchorPem;
    }

    public List<X509Certificate> trustAnchors() {
        return List.of(trustAnchor);
    }

    /** The {@link TestPki} this TSA was started from; null when started from a {@link RealisticPki}. */
    public TestPki pki() {
        return pki;
    }

    /** The {@link RealisticPki} this TSA was started from; null when started from a {@link TestPki}. */
    public RealisticPki realisticPki() {
        return realistic;
    }

    public TsaServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
