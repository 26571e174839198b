package org.sakshi.timestamp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;

/**
 * RFC 3161 client over HTTP (§3.4). Each call sends a fresh TimeStampReq with a SHA-256 imprint, a
 * random 64-bit nonce and certReq=true, and accepts the answer only when
 * {@link TokenChecks#checkResponse} finds it sound: status granted, the same imprint algorithm and
 * value, the same nonce, a token signature that verifies with the TSA certificate carried in the
 * token, that certificate bound by ESSCertID or ESSCertIDv2 (RFC 5816) and holding the critical
 * extended key usage timeStamping (§2.3). Whether the TSA is trusted is a verifier's decision
 * ({@link TimestampVerifier}); this class only refuses answers that are not a token for this query.
 */
public final class HttpTimestampSource implements TimestampSource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpTimestampSource.class);
    private static final int MAX_RESPONSE = 1024 * 1024;

    private final URI url;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SecureRandom random = new SecureRandom();

    public HttpTimestampSource(URI url, Duration connectTimeout, Duration readTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("TSA URL must be http or https: " + url);
        }
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** With 10 s to connect and 30 s to read. */
    public HttpTimestampSource(URI url) {
        this(url, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return url.toString();
    }

    public URI url() {
        return url;
    }

    @Override
    public TimestampToken stamp(byte[] sha256) throws TimestampException {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 imprint has 32 bytes");
        }
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequest request = gen.generate(TSPAlgorithms.SHA256, sha256, nonce);
        byte[] query;
        try {
            query = request.getEncoded();
        } catch (IOException e) {
            throw new TimestampException("cannot encode a time-stamp query for " + url, e);
        }
        byte[] answer = post(query);
        return TokenChecks.checkResponse(answer, request, url.toString());
    }

    private byte[] post(byte[] query) throws TimestampException {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) url.toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw new TimestampException("the TSA URL " + url + " cannot be opened (" + e.getMessage() + ").", e);
        }
        try {
            c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setRequestProperty("Content-Type", "application/timestamp-query");
            c.setRequestProperty("Accept", "application/timestamp-reply");
            c.setFixedLengthStreamingMode(query.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(query);
            }
            int status = c.getResponseCode();
            if (status != 200) {
                throw new TimestampException("the TSA " + url + " answered HTTP " + status
                        + (c.getResponseMessage() != null ? " " + c.getResponseMessage() : "")
                        + " instead of a time-stamp; the item stays pending.");
            }
            // Some public TSAs label replies application/octet-stream or not at all; the body is
            // parsed and checked anyway, so the content type is not a reason to reject.
            String type = c.getContentType();
            if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/timestamp-")) {
                LOG.debug("TSA {} answered with content type {}", url, type);
            }
            try (InputStream in = c.getInputStream()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] b = new byte[8192];
                int n;
                while ((n = in.read(b)) > 0) {
                    buf.write(b, 0, n);
                    if (buf.size() > MAX_RESPONSE) {
                        throw new TimestampException("the TSA " + url + " sent more than 1 MiB; that is not a time-stamp.");
                    }
                }
                return buf.toByteArray();
            }
        } catch (SocketTimeoutException e) {
            throw new TimestampException("the TSA " + url + " did not answer in time (" + e.getMessage()
                    + "); the item stays pending.", e);
        } catch (IOException e) {
            throw new TimestampException("the TSA " + url + " cannot be reached (" + e + "); the item stays pending.", e);
        } finally {
            c.disconnect();
        }
    }
}
