package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.TimestampToken;
import org.sakshi.testsupport.TestPki;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.timestamp.TimestampVerifier;

class TsaCommandTest {
    @TempDir
    Path dir;

    @Test
    void tsaServePrintsItsUrlAndGrantsTimeStampsUntilStopped() throws Exception {
        TestPki pki = TestPki.create(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(SakshiCommand.run(new AppContext(dir.resolve("ws")).cli(),
                new PrintWriter(out, true), new PrintWriter(err, true), "tsa", "serve", "--port", "0",
                "--keystore", pki.tsaP12().toString(), "--storepass-file", pki.tsaPasswordFile().toString())));
        server.start();
        try {
            String url = awaitLine(out, server);
            assertTrue(url.startsWith("http://127.0.0.1:"), url + err);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest("evidence".getBytes());
            TimestampToken t = new HttpTimestampSource(URI.create(url)).stamp(digest);
            TimestampVerifier.Result r = new TimestampVerifier(List.of(pki.tsaRootCert())).verify(t.response(), digest, "x");
            assertTrue(r.valid() && r.trusted(), r.checks().toString());
        } finally {
            server.interrupt();
            server.join(10_000);
        }
        assertEquals(0, exit.get(), err.toString());
    }

    @Test
    void tsaServeWithWrongPasswordExitsWith2NamingTheFile() throws Exception {
        TestPki pki = TestPki.create(dir);
        Path wrong = java.nio.file.Files.writeString(dir.resolve("wrong.txt"), "nope\n");
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(new AppContext(dir.resolve("ws")).cli(), new PrintWriter(new StringWriter()),
                new PrintWriter(err), "tsa", "serve", "--port", "0", "--keystore", pki.tsaP12().toString(),
                "--storepass-file", wrong.toString());
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: wrong password for " + pki.tsaP12()), err.toString());
    }

    @Test
    void tsaServeRefusesAKeystoreWithoutTimeStampingEku() throws Exception {
        TestPki pki = TestPki.create(dir);
        Path officerAsTsa = pki.officerP12();
        StringWriter err = new StringWriter();
        int code = SakshiCommand.run(new AppContext(dir.resolve("ws")).cli(), new PrintWriter(new StringWriter()),
                new PrintWriter(err), "tsa", "serve", "--port", "0", "--keystore", officerAsTsa.toString(),
                "--storepass-file", pki.officerPasswordFile().toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("timeStamping"), err.toString());
    }

    private static String awaitLine(StringWriter out, Thread server) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String s = out.toString();
            int nl = s.indexOf('\n');
            if (nl > 0) {
                return s.substring(0, nl).strip();
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tsa serve printed no URL: " + out);
    }
}
