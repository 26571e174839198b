package org.sakshi.audit;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.ledger.ChainVerifier;

/** Analysis time of a large ledger beside the chain verification of the same events: {@code mvn -Pbench test -Dtest=AuditAnalyzerBench}. */
@Tag("bench")
class AuditAnalyzerBench {
    @Test
    void analyseAHundredThousandEvents() {
        int items = 200;
        Ledger l = new Ledger();
        for (int i = 1; i <= items; i++) {
            String id = String.format("E%04d", i);
            l.imported(Ledger.RAO, id).stamped(Ledger.RAO, id);
        }
        while (l.size() < 100_000) {
            for (int i = 1; i <= items && l.last().seq() < 100_000; i++) {
                l.accessed(Ledger.RAO, String.format("E%04d", i));
                if (i % 50 == 0) {
                    l.anchored(Ledger.RAO, l.now().plus(Duration.ofSeconds(61)));
                }
            }
        }
        AuditInput in = l.input();
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            AuditReport r = AuditAnalyzer.analyze(in, AuditOptions.DEFAULTS);
            long t1 = System.nanoTime();
            ChainVerifier.verifyEvents(in.events());
            long t2 = System.nanoTime();
            System.err.printf("events %d findings %d: analyze %.2f s, chain verify %.2f s%n", in.events().size(),
                    r.findings().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
    }
}
