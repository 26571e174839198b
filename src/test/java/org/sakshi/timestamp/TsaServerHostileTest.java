package org.sakshi.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.testsupport.LocalTsa;

/** The TSA survives clients that connect and stall, and refuses weak imprint hashes. */
class TsaServerHostileTest {
    @TempDir
    Path dir;

    /** Connects from {@code from} and sends half a request line, then nothing. */
    private static Socket stall(LocalTsa tsa, InetAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(tsa.url().getHost(), tsa.url().getPort()), 5000);
        s.getOutputStream().write("POST /tsa HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    @Test
    @Timeout(90)
    void aRealRequestIsAnsweredWhileSixtyFourConnectionsStallAndTheStalledOnesAreDropped() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            try {
                stall(tsa, loopback(100)).close();
            } catch (IOException e) {
                assumeTrue(false, "this system cannot use 127.0.0.100 as a source address: " + e);
            }
            int perClient = TsaServer.MAX_PER_CLIENT;
            for (int c = 0; stalled.size() < 64; c++) {
                for (int i = 0; i < perClient && stalled.size() < 64; i++) {
                    stalled.add(stall(tsa, loopback(2 + c)));
                }
            }
            // one more from an address that already holds its share is refused at once
            try (Socket extra = stall(tsa, loopback(2))) {
                extra.setSoTimeout(20_000);
                String status = new String(extra.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 503", status);
            }
            // a legitimate client (127.0.0.1) is answered (the client's own time-outs are 5 s)
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("evidence".getBytes(StandardCharsets.UTF_8));
            TimestampToken t = tsa.source().stamp(sha256);
            assertNotNull(t.genTime());
            // the stalled connections are dropped by the server's header time-out (10 s), not kept forever
            Socket first = stalled.get(0);
            first.setSoTimeout(30_000);
            assertTrue(closedByPeer(first.getInputStream()), "the stalled connection was not closed by the server");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    private static boolean closedByPeer(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MD5", "SHA1"})
    void anImprintMadeWithAWeakHashIsRejectedWithBadAlg(String hash) throws Exception {
        ASN1ObjectIdentifier alg = hash.equals("MD5") ? TSPAlgorithms.MD5 : TSPAlgorithms.SHA1;
        byte[] imprint = MessageDigest.getInstance(hash.equals("MD5") ? "MD5" : "SHA-1").digest(new byte[] {1});
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        byte[] query = g.generate(alg, imprint).getEncoded();
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            TsaServerTest.Http r = TsaServerTest.post(tsa.url(), "application/timestamp-query", query);
            assertEquals(200, r.status());
            TimeStampResponse resp = new TimeStampResponse(r.body());
            assertEquals(PKIStatus.REJECTION, resp.getStatus());
            assertNotNull(resp.getFailInfo());
            assertEquals(PKIFailureInfo.badAlg, resp.getFailInfo().intValue());
            // and the server keeps serving SHA-256 queries
            assertNotNull(tsa.source().stamp(MessageDigest.getInstance("SHA-256").digest(new byte[] {1})).genTime());
        }
    }
}
