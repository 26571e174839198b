package org.sakshi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.testsupport.LocalTsa;

/** Clock honesty against genTimes of real RFC 3161 tokens from the local TSA over loopback. */
class ClockAgainstLocalTsaTest {
    @TempDir
    Path dir;

    @TempDir
    static Path pkiDir;

    private static LocalTsa tsa;

    @BeforeAll
    static void startTsa() throws Exception {
        tsa = LocalTsa.start(pkiDir);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    private static Set<String> problems(AuditReport r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toSet());
    }

    @Test
    void aWorkstationClockTwoHoursFastIsFoundAgainstARealToken() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("screenshot bytes".getBytes());
        TimestampToken token = tsa.source().stamp(digest);
        // the workstation believes it is two hours later than the TSA says
        Ledger l = new Ledger().at(token.genTime().plus(Duration.ofHours(2)).minusSeconds(180));
        l.imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001", token.genTime()).accessed(Ledger.RAO, "E0001");
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(), List.of(TimeProof.item("E0001",
                "data/timestamps/E0001.tsr", token.genTime()))), AuditOptions.DEFAULTS);
        assertEquals(Set.of("CLOCK_DRIFT"), problems(r), () -> r.findings().toString());
        Finding f = r.findings("CLOCK_DRIFT").get(0);
        assertEquals(List.of(3L), f.events());
        assertTrue(f.message().contains("ws-1") && f.message().contains("ahead"), f.message());
        assertTrue(f.message().contains("1 h 59 min") || f.message().contains("2 h 0 min"), f.message());
    }

    @Test
    void aWorkstationClockTwoHoursFastIsProvablyLateAgainstARealAnchor() throws Exception {
        Ledger l = new Ledger();
        l.imported(Ledger.RAO, "E0001");
        TimestampToken itemToken = tsa.source().stamp(HexFormat.of().parseHex(Ledger.sha("E0001")));
        l.at(itemToken.genTime().minusSeconds(60)).stamped(Ledger.RAO, "E0001", itemToken.genTime());
        l.skew(Duration.ofHours(2)).accessed(Ledger.RAO, "E0001");
        TimestampToken anchor = tsa.source().stamp(HexFormat.of().parseHex(l.last().hash()));
        l.add(Ledger.RAO, "LEDGER_ANCHORED", null, Map.of("head", l.last().hash(), "time",
        anchor.genTime().toString()));
        AuditReport r = l.audit();
        assertEquals(Set.of("CLOCK_DRIFT", "EVENT_AFTER_TOKEN"), problems(r), () -> r.findings().toString());
        assertEquals(List.of(4L), r.findings("EVENT_AFTER_TOKEN").get(0).events());
        assertTrue(r.hasErrors());
    }
}
