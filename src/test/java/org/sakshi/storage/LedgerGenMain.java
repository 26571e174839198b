package org.sakshi.storage;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.EventCodec;

/**
 * Benchmark helper (not a test): appends N valid NOTE events to an existing case in one
 * transaction, then writes the whole ledger as JSONL to OUT (for the sha256sum baseline).
 * {@code java -cp target/sakshi.jar:target/test-classes org.sakshi.storage.LedgerGenMain CASE_DIR N OUT.jsonl}
 */
public final class LedgerGenMain {
    private LedgerGenMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Workstation ws = new Workstation("bench", "bench", "sakshi bench");
        Actor actor = new Actor("SI Bench", "SI", "B-1", "PS Bench", null);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        // with this profile's workstation key, so closing the store signs one head over all N events
        org.sakshi.signing.WorkstationKey key = org.sakshi.signing.WorkstationKey.loadOrCreate(
                org.sakshi.signing.WorkstationKey.profileDir(), "bench");
        try (CaseStore s = CaseStore.openWrite(dir, Instant::now, ws, Duration.ofSeconds(5), key)) {
            List<CustodyEvent> existing = s.events();
            CustodyEvent last = existing.get(existing.size() - 1);
            UUID caseId = s.caseInfo().id();
            s.tx(() -> {
                String prev = last.hash();
                long seq = last.seq();
                for (long i = 0; i < n; i++) {
                    seq++;
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("text", "bench note " + seq);
                    CustodyEvent e = EventCodec.seal(new CustodyEvent(seq, UUID.randomUUID(), caseId,
                            t0.plusMillis(seq), "NOTE", actor, ws, null, null, d, prev, null, null));
                    s.insertEvent(e);
                    prev = e.hash();
                }
                return null;
            });
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                s.forEachEventLine(l -> {
                    try {
                        w.write(l);
                        w.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            System.out.println("ledger now has " + s.eventCount() + " events; JSONL in " + out);
        }
    }
}
