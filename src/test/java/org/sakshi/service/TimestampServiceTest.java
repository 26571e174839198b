package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.testsupport.TestPki;
import org.sakshi.timestamp.HttpTimestampSource;

class TimestampServiceTest {
    @TempDir
    Path dir;

    private final TimestampService http = new TimestampService(u -> new HttpTimestampSource(URI.create(u)));

    @Test
    void tsaUrlsBecomeSourcesInOrderAndBlanksAreSkipped() throws Exception {
        List<TimestampSource> s = http.sources(Arrays.asList(" http://a.example/tsr", "", null, "https://b.example/tsa"));
        assertEquals(2, s.size());
    }

    @Test
    void anAddressThatIsNotAUrlIsAnInputErrorNamingIt() {
        InputException e = assertThrows(InputException.class, () -> http.sources(List.of("http://bad host/tsr")));
        assertTrue(e.getMessage().contains("http://bad host/tsr") && e.getMessage().contains("e.g."), e.getMessage());
    }

    @Test
    void aLocalTsaServedFromAPkcs12FileStampsAndThePasswordIsWiped() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        char[] pw = pki.tsaPassword();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes());
        try (TimestampService.LocalTsa tsa = http.serve(pki.tsaP12(), pw, null, 0)) {
            TimestampToken t = http.sources(List.of(tsa.url().toString())).get(0).stamp(digest);
            assertEquals(pki.tsa().cert(), t.tsaChain().get(0));
        }
        assertEquals(new String(new char[pw.length]), new String(pw));
    }
}
