package org.sakshi.timestamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampToken;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;

class HttpTimestampSourceTest {
    @TempDir
    Path dir;

    private HttpServer fake;

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.stop(0);
        }
    }

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private URI serve(HttpHandler handler) throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        fake.createContext("/", handler);
        fake.start();
        return URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/tsa");
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** A proxy to the real TSA that rewrites each query before forwarding it. */
    private URI tamperingProxy(LocalTsa tsa, UnaryOperator<TimeStampRequest> rewrite) throws IOException {
        return serve(ex -> {
            try {
                TimeStampRequest original = new TimeStampRequest(ex.getRequestBody().readAllBytes());
                byte[] forwarded = rewrite.apply(original).getEncoded();
                TsaServerTest.Http r = TsaServerTest.post(tsa.url(), "application/timestamp-query", forwarded);
                reply(ex, r.status(), r.type(), r.body());
            } catch (IOException e) {
                reply(ex, 500, "text/plain", new byte[0]);
            }
        });
    }

    private static HttpTimestampSource client(URI url) {
        return new HttpTimestampSource(url, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void stampReturnsACheckedTokenForTheImprint() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            TimestampToken t = tsa.source().stamp(sha256("item"));
            assertEquals(tsa.url().toString(), t.tsaUrl());
            assertTrue(t.serial().startsWith("0x"), t.serial());
            assertEquals(tsa.pki().tsa().cert(), t.tsaChain().get(0));
            assertEquals(org.sakshi.testsupport.TestPki.TSA_NAME, t.tsaName());
        }
    }

    @Test
    void storedResponseVerifiesWithOpensslAgainstTheItemDigest() throws Exception {
        Tools.require("openssl");
        byte[] digest = sha256("a screenshot");
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            TimestampToken t = tsa.source().stamp(digest);
            Files.write(dir.resolve("item.tsr"), t.response());
            Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-digest", HexFormat.of().formatHex(digest),
                    "-in", "item.tsr", "-CAfile", tsa.trustAnchorPem().toString());
            assertEquals(0, v.exit(), v.all());
            assertTrue(v.out().contains("Verification: OK"), v.all());
        }
    }

    @Test
    void storedResponseOverAFileDigestVerifiesWithOpensslData() throws Exception {
        Tools.require("openssl");
        Path manifest = Files.writeString(dir.resolve("tagmanifest-sha256.txt"), "abc  bagit.txt\n");
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            TimestampToken t = tsa.source().stamp(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifest)));
            Files.write(dir.resolve("tagmanifest-sha256.txt.tsr"), t.response());
            Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-data", "tagmanifest-sha256.txt",
                    "-in", "tagmanifest-sha256.txt.tsr", "-CAfile", tsa.trustAnchorPem().toString());
            assertEquals(0, v.exit(), v.all());
            assertTrue(v.out().contains("Verification: OK"), v.all());
        }
    }

    @Test
    void opensslRejectsTheStoredResponseForAnotherDigest() throws Exception {
        Tools.require("openssl");
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            TimestampToken t = tsa.source().stamp(sha256("a screenshot"));
            Files.write(dir.resolve("item.tsr"), t.response());
            Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-digest",
                    HexFormat.of().formatHex(sha256("another")), "-in", "item.tsr",
                    "-CAfile", tsa.trustAnchorPem().toString());
            assertFalse(v.out().contains("Verification: OK"), v.all());
        }
    }

    @Test
    void tsaThatIsDownIsRejectedNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/tsa");
        TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
        assertTrue(e.getMessage().contains(url.toString()) && e.getMessage().contains("cannot be reached"),
                e.getMessage());
    }

    @Test
    void tsaThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/tsa");
            HttpTimestampSource impatient = new HttpTimestampSource(url, Duration.ofSeconds(2), Duration.ofMillis(300));
            TimestampException e = assertThrows(TimestampException.class, () -> impatient.stamp(sha256("x")));
            assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        }
    }

    @Test
    void http500IsRejectedWithTheStatus() throws Exception {
        URI url = serve(ex -> reply(ex, 500, "text/plain", "boom".getBytes()));
        TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains(url.toString()), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/timestamp-reply", "text/html"})
    void garbageBodyIsRejectedWhateverItsContentType(String contentType) throws Exception {
        URI url = serve(ex -> reply(ex, 200, contentType, "<html>captive portal</html>".getBytes()));
        TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
        assertTrue(e.getMessage().contains("not an RFC 3161"), e.getMessage());
    }

    @Test
    void answerWithAnotherNonceIsRejected() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            URI url = tamperingProxy(tsa, q -> regenerate(q.getMessageImprintDigest(), q.getNonce().add(BigInteger.ONE)));
            TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
            assertTrue(e.getMessage().contains("nonce"), e.getMessage());
        }
    }

    @Test
    void answerForAnotherImprintIsRejected() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            URI url = tamperingProxy(tsa, q -> {
                try {
                    return regenerate(sha256("something else"), q.getNonce());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
            assertTrue(e.getMessage().contains("wrong imprint"), e.getMessage());
        }
    }

    @Test
    void answerWithoutCertificateIsRejected() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            URI url = tamperingProxy(tsa, q -> {
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(false);
                return g.generate(TSPAlgorithms.SHA256, q.getMessageImprintDigest(), q.getNonce());
            });
            TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
            assertTrue(e.getMessage().contains("without its certificate"), e.getMessage());
        }
    }

    @Test
    void rejectionStatusIsReportedWithTheTsaUrl() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            // An MD2-sized unknown algorithm the TSA refuses: status rejection (RFC 3161 §2.4.2).
            URI url = tamperingProxy(tsa, q -> {
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(true);
                return g.generate(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.840.113549.2.2"),
                        new byte[16], q.getNonce());
            });
            TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
            assertTrue(e.getMessage().contains("refused") && e.getMessage().contains(url.toString()), e.getMessage());
        }
    }

    @Test
    void tokenSignedByACertificateWithoutTimeStampingEkuIsRejected() throws Exception {
        org.sakshi.testsupport.TestPki pki = org.sakshi.testsupport.TestPki.create(dir.resolve("pki"));
        org.sakshi.testsupport.TestPki.Identity notTsa = pki.issueTsa("CN=Not A TSA", false, false);
        URI url = serve(ex -> {
            try {
                byte[] body = RogueTokens.respond(new TimeStampRequest(ex.getRequestBody().readAllBytes()), notTsa);
                reply(ex, 200, "application/timestamp-reply", body);
            } catch (Exception e) {
                reply(ex, 500, "text/plain", new byte[0]);
            }
        });
        TimestampException e = assertThrows(TimestampException.class, () -> client(url).stamp(sha256("x")));
        assertTrue(e.getMessage().contains("not a TSA certificate") && e.getMessage().contains("timeStamping"),
                e.getMessage());
    }

    private static TimeStampRequest regenerate(byte[] imprint, BigInteger nonce) {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        return g.generate(TSPAlgorithms.SHA256, imprint, nonce);
    }

    @Test
    void tokensForTheSameImprintHaveDistinctSerials() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            byte[] d = sha256("same");
            TimestampToken a = tsa.source().stamp(d);
            TimestampToken b = tsa.source().stamp(d);
            assertFalse(a.serial().equals(b.serial()));
            assertFalse(java.util.Arrays.equals(a.response(), b.response()));
            assertArrayEquals(d, new org.bouncycastle.tsp.TimeStampResponse(a.response()).getTimeStampToken()
                    .getTimeStampInfo().getMessageImprintDigest());
        }
    }
}
