package org.sakshi.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.testsupport.LocalTsa;

class TimestampSourcesTest {
    @TempDir
    Path dir;

    private static URI deadUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/tsa");
        }
    }

    @Test
    void everyTsaIsAskedAndAFailingOneIsReportedNotThrown() throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest("item".getBytes());
        URI dead = deadUrl();
        try (LocalTsa a = LocalTsa.start(dir.resolve("a")); LocalTsa b = LocalTsa.start(dir.resolve("b"))) {
            TimestampSources.Outcome o = TimestampSources.stampAll(
                    TimestampSources.http(List.of(a.url(), dead, b.url())), d);
            assertEquals(2, o.tokens().size());
            assertEquals(a.url().toString(), o.tokens().get(0).tsaUrl());
            assertEquals(b.url().toString(), o.tokens().get(1).tsaUrl());
            assertEquals(1, o.failures().size());
            assertTrue(o.failures().get(0).contains(dead.toString()), o.failures().get(0));
        }
    }

    @Test
    void noTsaAnsweringLeavesTheItemPendingWithoutAnException() throws Exception {
        TimestampSources.Outcome o = TimestampSources.stampAll(TimestampSources.http(List.of(deadUrl())),
                new byte[32]);
        assertFalse(o.granted());
        assertEquals(1, o.failures().size());
    }
}
