package org.sakshi.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.vault.SinkFactory;

/**
 * Test fixture: a real case (folder or lab-server store, vault, ledger) with a photo, a chat export and a text
 * file imported and time-stamped by a real TSA on loopback, and the services to export it.
 */
final class ExportFixture {
    final Path dir;
    final LocalTsa tsa;
    final CaseAccess access;
    final CaseService cases;
    final EvidenceService evidence;
    final CustodyService custody;
    final ImportService imports;
    final ExportService exports;
    final VerifyService verifier = new VerifyService();
    final Path caseDir;
    /** The lab server of this fixture's cases, or null for folder cases. */
    final org.sakshi.storage.ServerConfig server;

    ExportFixture(Path dir) throws Exception {
        this(dir, LocalTsa.start(Files.createDirectories(dir.resolve("pki"))));
    }

    /** A fixture of its own whose case is kept in {@code store}, with a TSA of its own. */
    ExportFixture(Path dir, Fixture.Store store) throws Exception {
        this(dir, LocalTsa.start(Files.createDirectories(dir.resolve("pki"))), store.server());
    }

    /** The same case, time-stamped by {@code tsa} (e.g. the TSA of a {@code RealisticPki}). */
    ExportFixture(Path dir, LocalTsa tsa) throws Exception {
        this(dir, tsa, null);
    }

    /** As above; with {@code server} the case is kept on that lab server (its folder holds the link and files). */
    ExportFixture(Path dir, LocalTsa tsa, org.sakshi.storage.ServerConfig server) throws Exception {
        this.dir = dir;
        this.tsa = tsa;
        this.server = server;
        Workstation ws = new Workstation("test-host", "tester", "sakshi test");
        this.access = server == null
                ? new CaseAccess(org.sakshi.core.Clock.SYSTEM, ws, SinkFactory.BUFFERED, Duration.ofSeconds(3))
                : new CaseAccess(org.sakshi.core.Clock.SYSTEM, ws, SinkFactory.BUFFERED, Duration.ofSeconds(3),
                        org.sakshi.signing.WorkstationKey.profileDir(), name -> server);
        this.cases = new CaseService(access);
        this.evidence = new EvidenceService(access);
        this.custody = new CustodyService(access);
        this.imports = new ImportService(access, new Ingest());
        this.exports = new ExportService(access, cases, evidence, custody);
        this.caseDir = dir.resolve("case");
        Actor officer = new Actor("Inspector Asha Verma", "Inspector", "WB-1234", "West Bengal Police", null);
        cases.create(caseDir, new NewCase("FIR 77/2026", "Trafficking ring, Howrah", "West Bengal Police",
                Jurisdiction.IN, ZoneId.of("Asia/Kolkata"), officer), server == null ? null : server.name());
        Path src = Files.createDirectories(dir.resolve("seized"));
        byte[] photo = new byte[300_000];
        new java.util.Random(11).nextBytes(photo);
        Files.write(src.resolve("IMG-20210728-WA0001.jpg"), photo);
        Files.writeString(src.resolve("WhatsApp Chat with Ravi.txt"),
                "28/07/21, 2:05 pm - Ravi: नमस्ते\n28/07/21, 2:06 pm - Asha: আমি আসছি\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("notes 100%.txt"), "seizure memo\n", StandardCharsets.UTF_8);
        imports.importPaths(caseDir, List.of(src.resolve("IMG-20210728-WA0001.jpg"),
                        src.resolve("WhatsApp Chat with Ravi.txt"), src.resolve("notes 100%.txt")),
                new ImportRequest(null, null, null, new SourceDetails("Seized phone", "Samsung", "SM-A105F", "R58M",
                        "356789104321000", "Howrah PS"), null, List.of(tsa.source()), officer), null, null);
    }

    private static final java.util.Map<Fixture.Store, ExportFixture> SHARED = new java.util.EnumMap<>(Fixture.Store.class);
    private static final java.util.Map<Fixture.Store, ExportResult> SHARED_EXPORT =
            new java.util.EnumMap<>(Fixture.Store.class);

    /** One folder-case fixture and one export per test JVM (building a case and its PDFs takes seconds); removed at exit. */
    static ExportFixture shared() throws Exception {
        return shared(Fixture.Store.FOLDER);
    }

    /** As {@link #shared()}, its case kept in {@code store} (one fixture per store and JVM). */
    static synchronized ExportFixture shared(Fixture.Store store) throws Exception {
        ExportFixture f = SHARED.get(store);
        if (f == null) {
            Path d = Files.createTempDirectory("sakshi-export-fixture");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
            f = new ExportFixture(d, LocalTsa.start(Files.createDirectories(d.resolve("pki"))), store.server());
            SHARED_EXPORT.put(store, f.exports.export(f.caseDir, f.request(d.resolve("bundle.zip"), List.of()), null,
                    null));
            SHARED.put(store, f);
        }
        return f;
    }

    /** The export of the shared folder-case fixture. */
    static ExportResult sharedExport() throws Exception {
        return sharedExport(Fixture.Store.FOLDER);
    }

    /** The export of the shared fixture of {@code store}. */
    static synchronized ExportResult sharedExport(Fixture.Store store) throws Exception {
        shared(store);
        return SHARED_EXPORT.get(store);
    }

    /** The server name to give {@code cases.create} so that a test's further cases use this fixture's store. */
    String serverName() {
        return server == null ? null : server.name();
    }

    /** The store this fixture's case is kept in. */
    Fixture.Store store() {
        return Fixture.storeOf(caseDir);
    }

    private static void deleteTree(Path d) {
        try (var s = Files.walk(d)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temp folder; best effort
        }
    }

    ExportRequest request(Path out, List<String> items) throws Exception {
        return new ExportRequest(out, tsa.pki().officerSigner(), List.of(tsa.source()), items, List.of(), null);
    }

    List<Path> trust() {
        return List.of(tsa.pki().agencyCaPem(), tsa.pki().tsaRootPem());
    }
}
