package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.PgCluster;

/**
 * A lab server's schema older or newer than this Sakshi's, on the tests' PostgreSQL: an older one
 * is refused until its owner runs {@code sakshi server upgrade}, a newer one is refused and never
 * downgraded. The old server is made by taking back what register version 2 added (the tables
 * {@code register_version} and {@code placements}) and a case schema's version-2 index.
 */
class ServerUpgradeTest {
    @TempDir
    Path tmp;

    private Run sakshi(String... args) {
        return CliRun.run(new AppContext(tmp.resolve("ws")), args);
    }

    private PgCluster pg;
    private String db;
    private String name;
    private Path onServer;

    /** A server this workstation reaches as the plain officer login, holding one case with an import. */
    private void serverWithACase() throws Exception {
        pg = PgCluster.shared();
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        String url = pg.newServer("x", vault).url();
        db = url.substring(url.lastIndexOf('/') + 1);
        name = "up-" + db;
        Run added = sakshi("server", "add", name, "--db", url.replace("postgresql://", "postgresql://"
                + PgCluster.APP_USER + "@"), "--vault", vault.toString());
        assertEquals(0, added.code(), added.err());
        Run made = sakshi("case", "init", "--server", name, "--number", "FIR 5/2026", "--title", "Fraud", "--officer",
                "SI Rao");
        assertEquals(0, made.code(), made.err());
        onServer = vault.resolve("FIR-5-2026");
        assertTrue(ServerLink.isLink(onServer));
        assertEquals(0, sakshi("import", onServer.toString(), Files.writeString(tmp.resolve("a.txt"), "a").toString())
                .code());
    }

    private void asOwner(String... sql) throws Exception {
        try (Connection c = pg.admin(db); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private String caseSchema() throws Exception {
        try (Connection c = pg.admin(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name FROM sakshi.cases")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aServerWithAnOlderSchemaIsRefusedNamingTheCommandItsOwnerRunsAndServerUpgradeBringsItAndItsCasesUpToDate()
            throws Exception {
        serverWithACase();
        String schema = caseSchema();
        asOwner("DROP TABLE sakshi.placements", "DROP TABLE sakshi.register_version",
                "DROP INDEX \"" + schema + "\".events_type", "UPDATE \"" + schema + "\".schema_version SET version = 1");

        Run listed = sakshi("server", "list", "--cases", name);
        assertEquals(SakshiCommand.INPUT_ERROR, listed.code());
        assertTrue(listed.err().contains("has an older Sakshi schema (version 1; this Sakshi needs 2), so nothing was"
                + " read or written; its database owner (" + PgCluster.ADMIN + ") upgrades it with 'sakshi server"
                + " upgrade " + name + " --user " + PgCluster.ADMIN + "'"), listed.err());
        Run note = sakshi("note", onServer.toString(), "refused on an old server");
        assertEquals(SakshiCommand.INPUT_ERROR, note.code());
        assertTrue(note.err().contains("sakshi server upgrade " + name), note.err());

        Run notOwner = sakshi("server", "upgrade", name);
        assertEquals(SakshiCommand.INPUT_ERROR, notOwner.code());
        assertTrue(notOwner.err().contains("only the owner of the lab server " + name + "'s register ("
                + PgCluster.ADMIN + ") may upgrade it"), notOwner.err());

        Run up = sakshi("server", "upgrade", name, "--user", PgCluster.ADMIN);
        assertEquals(0, up.code(), up.err());
        assertTrue(up.out().contains("upgraded from schema version 1 to 2"), up.out());
        try (Connection c = pg.admin(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM \"" + schema + "\".schema_version")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "the case schema was upgraded too");
        }
        Run noteAfter = sakshi("note", onServer.toString(), "examined after the upgrade");
        assertEquals(0, noteAfter.code(), noteAfter.err());
        Run verify = sakshi("custody", "verify", onServer.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        Run again = sakshi("server", "upgrade", name, "--user", PgCluster.ADMIN);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already has schema version 2"), again.out());
    }

    @Test
    void aServerPreparedByANewerSakshiIsRefusedAndNeitherUpgradeNorInitTouchesIt() throws Exception {
        serverWithACase();
        asOwner("UPDATE sakshi.register_version SET version = 7");

        Run listed = sakshi("server", "list", "--cases", name);
        assertEquals(SakshiCommand.INPUT_ERROR, listed.code());
        assertTrue(listed.err().contains("was prepared by a newer Sakshi (schema version 7; this one knows up to 2), so"
                + " it was refused and nothing was read or written"), listed.err());
        Run imp = sakshi("import", onServer.toString(), Files.writeString(tmp.resolve("b.txt"), "b").toString());
        assertEquals(SakshiCommand.INPUT_ERROR, imp.code());
        assertTrue(imp.err().contains("newer Sakshi"), imp.err());
        Run up = sakshi("server", "upgrade", name, "--user", PgCluster.ADMIN);
        assertEquals(SakshiCommand.INPUT_ERROR, up.code());
        assertTrue(up.err().contains("newer Sakshi"), up.err());
        Run init = sakshi("server", "init", "--db", "postgresql://" + PgCluster.ADMIN + "@127.0.0.1:" + pg.port() + "/"
                + db, "--vault", tmp.resolve("vault").toString(), "--name", name + "-again");
        assertEquals(SakshiCommand.INPUT_ERROR, init.code());
        assertTrue(init.err().contains("newer Sakshi"), init.err());
        try (Connection c = pg.admin(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM sakshi.register_version")) {
            rs.next();
            assertEquals(7, rs.getInt(1), "never downgraded");
        }
    }
}
