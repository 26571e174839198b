package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.PgCluster;

/** {@code sakshi server}, {@code case init --server}, {@code case move} and the lab-wide audit on the tests' PostgreSQL. */
class ServerCommandTest {
    @TempDir
    Path tmp;

    private Run sakshi(String... args) {
        return CliRun.run(new AppContext(tmp.resolve("ws")), args);
    }

    @Test
    void aLabServerIsPreparedCasesAreMadeAndMovedOntoItAndTheLabAuditListsThem() throws Exception {
        PgCluster pg = PgCluster.shared();
        String db = pg.newDatabase();
        String name = "cli-" + db; // the profile is shared by the test JVM: a name of its own
        String admin = "postgresql://" + PgCluster.ADMIN + "@127.0.0.1:" + pg.port() + "/" + db;
        Path vault = tmp.resolve("vault");
        Run init = sakshi("server", "init", "--db", admin, "--vault", vault.toString(), "--name", name,
                "--app-user", PgCluster.APP_USER);
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("connects as " + PgCluster.APP_USER), init.out());

        Run made = sakshi("case", "init", "--server", name, "--number", "FIR 7/2026", "--title", "Fraud",
                "--officer", "SI Rao");
        assertEquals(0, made.code(), made.err());
        Path onServer = vault.resolve("FIR-7-2026");
        assertTrue(ServerLink.isLink(onServer), made.out());
        Path evidence = Files.writeString(tmp.resolve("chat.txt"), "hello");
        Run imp = sakshi("import", onServer.toString(), evidence.toString());
        assertEquals(0, imp.code(), imp.err());

        Path folder = tmp.resolve("FIR-8");
        assertEquals(0, sakshi("case", "init", folder.toString(), "--number", "FIR 8/2026", "--title", "Theft",
                "--officer", "SI Rao").code());
        Run move = sakshi("case", "move", folder.toString(), "--to-server", name, "--lang", "hi");
        assertEquals(0, move.code(), move.err());
        Path moved = vault.resolve("FIR-8");
        assertEquals("मामला " + folder + " से " + moved + " में ले जाया गया; इसका लेजर सत्यापित है और CASE_MOVED पर समाप्त"
                + " होता है। अब से " + moved + " का उपयोग करें: " + folder + " में बदलाव बंद हैं।", move.out().strip(),
                "in the officer's language, the paths and the event type as they are");
        Run verify = sakshi("custody", "verify", moved.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        Run closed = sakshi("note", folder.toString(), "late");
        assertEquals(SakshiCommand.INPUT_ERROR, closed.code());
        assertTrue(closed.err().contains("moved to server:" + name), closed.err());

        Run audit = sakshi("audit", "--server", name, "--all-cases", "--json");
        assertEquals(0, audit.code(), audit.out() + audit.err());
        JsonNode rows = new ObjectMapper().readTree(audit.out());
        assertEquals(2, rows.size());
        assertEquals("FIR 7/2026", rows.get(0).get("number").asText());
        assertTrue(rows.get(1).get("ledger_intact").asBoolean());

        Run list = sakshi("server", "list", "--cases", name);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("FIR 8/2026"), list.out());
    }

    @Test
    void aServerIsAddedWithThePasswordFromAFileAndAWrongOneIsRefusedSayingWhatToCheck() throws Exception {
        PgCluster pg = PgCluster.shared();
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        String url = pg.newServer("x", vault).url();
        String address = url.replace("postgresql://", "postgresql://" + PgCluster.PASSWORD_USER + "@");
        Path wrong = Files.writeString(tmp.resolve("wrong.pw"), "guess\n");
        String name = "pw-" + url.substring(url.lastIndexOf('/') + 1);
        Run refused = sakshi("server", "add", name, "--db", address, "--password-file", wrong.toString(), "--vault",
                vault.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("password"), refused.err());
        assertFalse(sakshi("server", "list").out().contains(name + "  "));

        Path right = Files.writeString(tmp.resolve("right.pw"), PgCluster.PASSWORD_USER_SECRET + "\n");
        Run added = sakshi("server", "add", name, "--db", address, "--password-file", right.toString(), "--vault",
                vault.toString());
        assertEquals(0, added.code(), added.err());
        assertFalse(sakshi("server", "list", "--json").out().contains(PgCluster.PASSWORD_USER_SECRET),
                "the settings hold the password file's path, never the password");
        Run made = sakshi("case", "init", "--server", name, "--number", "FIR 9/2026", "--title", "T", "--officer", "SI Rao");
        assertEquals(0, made.code(), made.err());
    }

    @Test
    void aPasswordInTheServerAddressIsRefusedAndNothingIsSaved() {
        Run r = sakshi("server", "init", "--db", "postgresql://admin:secret@db.lab:5432/sakshi", "--vault",
                tmp.resolve("v").toString(), "--name", "pw-test");
        assertEquals(SakshiCommand.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("never put a password on the command line"), r.err());
        assertFalse(sakshi("server", "list").out().contains("pw-test"));
    }
}
