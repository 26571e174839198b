package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;
import org.sakshi.timestamp.HttpTimestampSource;

/** Import-time stamping against the real local TSA over loopback. */
class TimestampingTest {
    @TempDir
    Path tmp;

    private static TimestampSource deadTsa() {
        return new HttpTimestampSource(URI.create("http://127.0.0.1:9/tsr"), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    private ImportRequest with(List<TimestampSource> tsas) {
        return new ImportRequest(null, null, null, null, null, tsas, Fixture.OFFICER);
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theFirstTsaThatAnswersStampsTheItemAndItsTokenIsKept(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path f = tmp.resolve("e.dat");
        Files.writeString(f, "evidence");
        try (LocalTsa tsa = LocalTsa.start(tmp.resolve("pki"))) {
            Item it = fx.imports.importPaths(c, List.of(f), with(List.of(deadTsa(), tsa.source())), null, null)
                    .imported().get(0);
            assertEquals(TimestampStatus.GRANTED, it.timestamp().status());
            byte[] der = fx.evidence.importToken(c, it.id()).orElseThrow();
            List<CustodyEvent> ev = fx.custody.events(c);
            // the import batch ends with an anchor of the ledger head (docs/custody-ledger.md#anchors)
            assertEquals("LEDGER_ANCHORED", ev.get(ev.size() - 1).type());
            CustodyEvent ts = ev.get(ev.size() - 2);
            assertEquals("ITEM_TIMESTAMPED", ts.type());
            assertEquals(it.timestamp().tsa(), ts.details().get("tsa"));
            if (Tools.available("openssl")) {
                Path tsr = tmp.resolve("E0001.tsr");
                Files.write(tsr, der);
                Process p = new ProcessBuilder("openssl", "ts", "-verify", "-digest", it.digests().sha256(), "-in",
                        tsr.toString(), "-CAfile", tsa.trustAnchorPem().toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), out);
                assertTrue(out.contains("Verification: OK"), out);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void withNoTsaAnsweringTheItemIsPendingAndLaterStamped(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path f = tmp.resolve("e.dat");
        Files.writeString(f, "evidence");
        Item it = fx.imports.importPaths(c, List.of(f), with(List.of(deadTsa())), null, null).imported().get(0);
        assertEquals(TimestampStatus.PENDING, it.timestamp().status());
        assertTrue(it.warnings().stream().anyMatch(w -> w.contains("time-stamp")), it.warnings().toString());
        assertTrue(fx.evidence.importToken(c, it.id()).isEmpty());
        try (LocalTsa tsa = LocalTsa.start(tmp.resolve("pki"))) {
            List<Item> stamped = fx.imports.stampPending(c, List.of(tsa.source()), null);
            assertEquals(List.of("E0001"), stamped.stream().map(Item::id).toList());
        }
        Item after = fx.evidence.item(c, "E0001");
        assertEquals(TimestampStatus.GRANTED, after.timestamp().status());
        assertTrue(after.warnings().isEmpty(), after.warnings().toString());
        assertTrue(fx.evidence.importToken(c, "E0001").isPresent());
        assertTrue(fx.custody.verify(c).intact());
    }
}
