package org.sakshi.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.LedgerVerdict;
import org.sakshi.core.ledger.LedgerVerifier;
import org.sakshi.signing.WorkstationKey;

/**
 * Benchmark helper for src/test/bench/pg-bench.sh (not a test), against a running PostgreSQL.
 * {@code appends ADDRESS USER VAULT WRITERS PER_WRITER}: WRITERS threads, each with its own store
 * (connection), append PER_WRITER NOTE events to one new server case, one transaction (and one
 * signed head) per event; prints appends/s and checks the ledger.
 * {@code verify ADDRESS USER VAULT EVENTS}: builds a case of EVENTS events (one signed head at the
 * end), then times reading every event from PostgreSQL through the ledger verifier.
 */
public final class PgBenchMain {
    private static final Workstation WS = new Workstation("bench", "bench", "sakshi bench");
    private static final Actor ACTOR = new Actor("SI Bench", "SI", "B-1", "PS Bench", null);

    private PgBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig server = new ServerConfig("bench", args[1], args[2], null, Path.of(args[3]));
        LabServer.init(server, null, null);
        WorkstationKey key = WorkstationKey.loadOrCreate(WorkstationKey.profileDir(), "bench");
        ServerDirectory dir = name -> server;
        Path caseDir = server.vault().resolve("case-" + UUID.randomUUID());
        CaseInfo info = new CaseInfo(UUID.randomUUID(), "BENCH-1", "bench", "PS", Jurisdiction.IN, "SI Bench",
                ZoneId.of("UTC"), Instant.now());
        try (CaseStore s = CaseStore.createOnServer(server, caseDir, info, Instant::now, WS, key)) {
            s.tx(() -> s.append(new org.sakshi.storage.EventDraft("CASE_CREATED", ACTOR, null, null, Map.of())));
        }
        if (args[0].equals("appends")) {
            appends(caseDir, dir, key, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            verify(caseDir, dir, key, Long.parseLong(args[4]));
        }
    }

    private static void appends(Path caseDir, ServerDirectory dir, WorkstationKey key, int writers, int each)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(writers + 1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                try (CaseStore s = CaseStore.openWrite(caseDir, Instant::now, WS, Duration.ofSeconds(30), key, dir)) {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        s.tx(() -> s.append(new org.sakshi.storage.EventDraft("NOTE", ACTOR, null, null,
                                Map.of("text", "writer " + id + " note " + n))));
                    }
                } catch (Exception e) {
                    failed.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.await();
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (!failed.isEmpty()) {
            throw new IllegalStateException("a writer failed", failed.get(0));
        }
        LedgerVerdict v = verdict(caseDir, dir, key);
        System.out.printf("appends writers=%d events=%d seconds=%.2f appends_per_s=%.0f intact=%s ledger_events=%d%n",
                writers, writers * each, s, writers * each / s, v.intact(), v.events());
    }

    private static void verify(Path caseDir, ServerDirectory dir, WorkstationKey key, long events) throws Exception {
        long t0 = System.nanoTime();
        try (CaseStore s = CaseStore.openWrite(caseDir, Instant::now, WS, Duration.ofSeconds(30), key, dir)) {
            CustodyEvent first = s.events().get(s.events().size() - 1);
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            long seq = first.seq();
            String prev = first.hash();
            while (seq < events) {
                long from = seq;
                String p0 = prev;
                long upto = Math.min(events, seq + 20_000);
                String[] last = {p0};
                s.tx(() -> {
                    String p = p0;
                    for (long q = from + 1; q <= upto; q++) {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("text", "bench note " + q);
                        CustodyEvent e = EventCodec.seal(new CustodyEvent(q, UUID.randomUUID(), s.caseInfo().id(),
                                at.plusMillis(q), "NOTE", ACTOR, WS, null, null, d, p, null, null));
                        s.insertEvent(e);
                        p = e.hash();
                    }
                    last[0] = p;
                    return null;
                });
                seq = upto;
                prev = last[0];
            }
        } // closing signs one head over all of them
        System.out.printf("built events=%d seconds=%.1f%n", events, (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        LedgerVerdict v = verdict(caseDir, dir, key);
        double sec = (System.nanoTime() - t1) / 1e9;
        System.out.printf("verify events=%d seconds=%.2f events_per_s=%.0f intact=%s heap_used_mb=%d%n", v.events(), sec,
                v.events() / sec, v.intact(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static LedgerVerdict verdict(Path caseDir, ServerDirectory dir, WorkstationKey key) throws Exception {
        try (CaseStore s = CaseStore.openRead(caseDir, Instant::now, WS, dir)) {
            LedgerVerifier v = new LedgerVerifier(s.headLines(), Set.of(key.fingerprint()), null);
            s.forEachEventLine(v::acceptLine);
            return v.result();
        }
    }
}
