package org.sakshi.service;

import java.nio.file.Files;
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
import org.sakshi.signing.WorkstationKey;
import org.sakshi.storage.ServerConfig;
import org.sakshi.testsupport.PgCluster;
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
    /** The lab server new cases go to, or null for folder cases (case.db). */
    final ServerConfig server;

    /**
     * Where a test's cases are kept: a folder's case.db, or a lab server (the tests' PostgreSQL
     * cluster). Service tests that open or write a case run on both ({@code @EnumSource(Fixture.Store.class)}
     * on the method, or {@code @ParameterizedClass} on the class); those that stay on folders say why.
     */
    enum Store {
        FOLDER, SERVER;

        /** A fixture whose new cases use this store. */
        Fixture fixture() {
            return fixture(SinkFactory.DIRECT, new Ingest());
        }

        /** As {@link #fixture()}, with these vault writes and parsers. */
        Fixture fixture(SinkFactory sinks, Ingest ingest) {
            return new Fixture(sinks, ingest, server());
        }

        /** The lab server of this store (one per test JVM), or null for folder cases. */
        ServerConfig server() {
            return this == FOLDER ? null : labServer();
        }
    }

    private static ServerConfig lab;

    /**
     * The test JVM's lab server: one database on the tests' cluster (each case is a schema of its own
     * there, so tests do not see each other's cases), saved in the test profile under a name of its
     * own so that commands run through {@code AppContext} resolve its cases too.
     */
    static synchronized ServerConfig labServer() {
        if (lab == null) {
            try {
                Path vault = Files.createTempDirectory("sakshi-lab-vault");
                String name = "suite-" + ProcessHandle.current().pid();
                ServerConfig s = PgCluster.shared().newServer(name, vault);
                new LabServers(WorkstationKey.profileDir()).save(s);
                lab = s;
            } catch (java.io.IOException | org.sakshi.core.SakshiException e) {
                throw new IllegalStateException("cannot prepare the tests' lab server: " + e.getMessage(), e);
            }
        }
        return lab;
    }

    /** The store a case folder is kept in. */
    static Store storeOf(Path caseDir) {
        return org.sakshi.storage.ServerLink.isLink(caseDir) ? Store.SERVER : Store.FOLDER;
    }

    Fixture() {
        this(SinkFactory.DIRECT, new Ingest());
    }

    Fixture(SinkFactory sinks, Ingest ingest) {
        this(sinks, ingest, null);
    }

    Fixture(SinkFactory sinks, Ingest ingest, ServerConfig server) {
        this.server = server;
        access = server == null ? new CaseAccess(clock, ws, sinks, Duration.ofMillis(300))
                : new CaseAccess(clock, ws, sinks, Duration.ofMillis(300), WorkstationKey.profileDir(), name -> server);
        cases = new CaseService(access);
        imports = new ImportService(access, ingest);
        evidence = new EvidenceService(access);
        custody = new CustodyService(access);
    }

    Path newCase(Path dir) throws Exception {
        cases.create(dir, new NewCase("FIR-12/2026", "Trafficking ring", "PS Sadar", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), OFFICER), server == null ? null : server.name());
        return dir;
    }

    /**
     * Runs {@code sql} on the case's own tables the way someone with the database's keys would,
     * after switching the append-only triggers off: SQLite (drops them in case.db) or the server
     * (as its owner, in the case's schema).
     */
    void editBehindTheBack(Path caseDir, String sql) throws Exception {
        editBehindTheBack(caseDir, server, sql);
    }

    /** As {@link #editBehindTheBack(Path, String)} for a case of {@code server} (null: a folder case), with arguments. */
    static void editBehindTheBack(Path caseDir, ServerConfig server, String sql, Object... args) throws Exception {
        if (!org.sakshi.storage.ServerLink.isLink(caseDir)) {
            try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
                 java.sql.Statement st = db.createStatement()) {
                st.executeUpdate("DROP TRIGGER IF EXISTS events_no_update");
                st.executeUpdate("DROP TRIGGER IF EXISTS events_no_delete");
                run(db, sql, args);
            }
            return;
        }
        String schema = "case_" + org.sakshi.storage.ServerLink.read(caseDir).orElseThrow().caseId().toString()
                .replace("-", "");
        String db = server.url().substring(server.url().lastIndexOf('/') + 1);
        try (java.sql.Connection c = PgCluster.shared().admin(db); java.sql.Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            st.execute("ALTER TABLE events DISABLE TRIGGER USER");
            run(c, sql, args);
            st.execute("ALTER TABLE events ENABLE TRIGGER USER");
        }
    }

    private static void run(java.sql.Connection c, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    static ImportRequest plain() {
        return new ImportRequest(null, null, null, null, null, null, OFFICER);
    }
}
