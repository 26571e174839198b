package org.sakshi.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.sakshi.core.Actor;
import org.sakshi.core.Clock;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.vault.SinkFactory;

/** Services wired as AppContext does, with a stepping clock and a fixed workstation. */
final class Fixture {
    static final Actor OFFICER = new Actor("SI Rao", "SI", "B-12", "PS Sadar", null);
    final AtomicLong ticks = new AtomicLong();
    final Clock clock = () -> Instant.parse("2026-07-28T08:35:00.000Z").plusMillis(ticks.incrementAndGet());
    final Workstation ws = new Workstation("ws1", "rao", "sakshi test");
    final CaseAccess access;
    final CaseService cases;
    final ImportService imports;
    final EvidenceService evidence;
    final CustodyService custody;

    Fixture() {
        this(SinkFactory.DIRECT, new Ingest());
    }

    Fixture(SinkFactory sinks, Ingest ingest) {
        access = new CaseAccess(clock, ws, sinks, Duration.ofMillis(300));
        cases = new CaseService(access);
        imports = new ImportService(access, ingest);
        evidence = new EvidenceService(access);
        custody = new CustodyService(access);
    }

    Path newCase(Path dir) throws Exception {
        cases.create(dir, new NewCase("FIR-12/2026", "Trafficking ring", "PS Sadar", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), OFFICER));
        return dir;
    }

    static ImportRequest plain() {
        return new ImportRequest(null, null, null, null, null, null, OFFICER);
    }
}
