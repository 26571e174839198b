package org.sakshi.timestamp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.TimestampException;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

class TsaServerTest {
    @TempDir
    Path dir;

    record Http(int status, String type, byte[] body) {
    }

    static Http post(URI url, String contentType, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        byte[] b = in == null ? new byte[0] : in.readAllBytes();
        return new Http(status, c.getContentType(), b);
    }

    @Test
    void opensslVerifiesTheReplyToAnOpensslQuery() throws Exception {
        Tools.require("openssl");
        Files.writeString(dir.resolve("data.txt"), "evidence bytes\n");
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            Tools.Result q = Tools.run(dir, "openssl", "ts", "-query", "-data", "data.txt", "-sha256", "-cert",
                    "-out", "q.tsq");
            assertEquals(0, q.exit(), q.all());
            Http r = post(tsa.url(), "application/timestamp-query", Files.readAllBytes(dir.resolve("q.tsq")));
            assertEquals(200, r.status());
            assertEquals("application/timestamp-reply", r.type());
            Files.write(dir.resolve("r.tsr"), r.body());
            Tools.Result v = Tools.run(dir, "openssl", "ts", "-verify", "-queryfile", "q.tsq", "-in", "r.tsr",
                    "-CAfile", tsa.trustAnchorPem().toString());
            assertEquals(0, v.exit(), v.all());
            assertTrue(v.out().contains("Verification: OK"), v.all());
        }
    }

    @Test
    void replyCarriesTheTsaCertificateWhenTheQueryAsksForIt() throws Exception {
        Tools.require("openssl");
        Files.writeString(dir.resolve("data.txt"), "x");
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            Tools.run(dir, "openssl", "ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "q.tsq");
            Http r = post(tsa.url(), "application/timestamp-query", Files.readAllBytes(dir.resolve("q.tsq")));
            TimeStampResponse resp = new TimeStampResponse(r.body());
            assertArrayEquals(tsa.pki().tsa().cert().getEncoded(),
                    TokenChecks.signerCertificate(resp.getTimeStampToken()).getEncoded());
        }
    }

    @Test
    void malformedQueryGetsHttp400AndTheServerKeepsServing() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            Http bad = post(tsa.url(), "application/timestamp-query", "not a query".getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, bad.status());
            byte[] sha = new byte[32];
            sha[0] = 7;
            assertTrue(tsa.source().stamp(sha).genTime() != null);
        }
    }

    @Test
    void getRequestIsRefusedWith405() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            HttpURLConnection c = (HttpURLConnection) tsa.url().toURL().openConnection();
            assertEquals(405, c.getResponseCode());
        }
    }

    @Test
    void serverRefusesToStartWithACertificateWithoutTimeStampingEku() {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.Identity noEku = pki.issueTsa("CN=Not a TSA", false, false);
        TimestampException e = assertThrows(TimestampException.class,
                () -> TsaServer.start(noEku.key(), noEku.chain(), null, 0, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("timeStamping"), e.getMessage());
    }

    @Test
    void serverRefusesToStartWithANonCriticalTimeStampingEku() {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        TestPki.Identity nonCritical = pki.issueTsa("CN=Lax TSA", true, false);
        TimestampException e = assertThrows(TimestampException.class,
                () -> TsaServer.start(nonCritical.key(), nonCritical.chain(), null, 0, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("critical"), e.getMessage());
    }

    @Test
    void serverListensOnLoopbackByDefault() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            assertEquals("127.0.0.1", tsa.url().getHost());
        }
    }
}
