package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.PgCluster;

/**
 * The officer's commands, end to end through picocli, on cases kept on a lab server (the tests'
 * PostgreSQL): import, custody verify, export, verify of the export, audit of the case and of the
 * bundle, and receive of that bundle into a second server case, whose custody verify covers the hop.
 */
class ServerCaseCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Run sakshi(String... args) {
        return CliRun.run(new AppContext(tmp.resolve("ws")), args);
    }

    @Test
    void importExportVerifyAuditAndReceiveWorkOnServerCasesAsOnFolders() throws Exception {
        PgCluster pg = PgCluster.shared();
        String db = pg.newDatabase();
        String name = "cmds-" + db; // the profile is shared by the test JVM: a name of its own
        Path vault = tmp.resolve("vault");
        Run init = sakshi("server", "init", "--db", "postgresql://" + PgCluster.ADMIN + "@127.0.0.1:" + pg.port() + "/"
                + db, "--vault", vault.toString(), "--name", name, "--app-user", PgCluster.APP_USER);
        assertEquals(0, init.code(), init.err());
        try (LocalTsa tsa = LocalTsa.start(Files.createDirectories(tmp.resolve("pki")))) {
            Run made = sakshi("case", "init", "--server", name, "--number", "FIR 9/2026", "--title", "Ring",
                    "--officer", "SI Rao", "--agency", "PS Sadar", "--jurisdiction", "IN");
            assertEquals(0, made.code(), made.err());
            Path a = vault.resolve("FIR-9-2026");
            assertTrue(ServerLink.isLink(a), made.out());

            Path memo = Files.writeString(tmp.resolve("memo.txt"), "seizure memo\n");
            Run imp = sakshi("import", a.toString(), memo.toString(), "--tsa", tsa.url().toString());
            assertEquals(0, imp.code(), imp.err());
            Run custody = sakshi("custody", "verify", a.toString());
            assertEquals(0, custody.code(), custody.out() + custody.err());

            Path bundle = tmp.resolve("bundle.zip");
            Run exp = sakshi("export", a.toString(), "--out", bundle.toString(), "--keystore",
                    tsa.pki().officerP12().toString(), "--storepass-file", tsa.pki().officerPasswordFile().toString(),
                    "--tsa", tsa.url().toString());
            assertEquals(0, exp.code(), exp.err());
            Run ver = sakshi("verify", bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--trust",
                    tsa.pki().tsaRootPem().toString(), "--json");
            assertEquals(0, ver.code(), ver.out() + ver.err());
            assertEquals("PASSED", JSON.readTree(ver.out()).path("verdict").asText());

            Run auditCase = sakshi("audit", a.toString(), "--json");
            assertEquals(0, auditCase.code(), auditCase.out() + auditCase.err());
            Run auditBundle = sakshi("audit", bundle.toString(), "--json");
            assertEquals(0, auditBundle.code(), auditBundle.out() + auditBundle.err());

            Run madeB = sakshi("case", "init", "--server", name, "--number", "CIB 12/2083", "--title", "Border",
                    "--officer", "SI Thapa", "--agency", "Nepal Police CIB", "--jurisdiction", "NP");
            assertEquals(0, madeB.code(), madeB.err());
            Path b = vault.resolve("CIB-12-2083");
            Run rec = sakshi("receive", b.toString(), bundle.toString(), "--trust", tsa.pki().agencyCaPem().toString(),
                    "--tsa-trust", tsa.pki().tsaRootPem().toString(), "--from", "PS Sadar / SI Rao", "--via", "by hand",
                    "--json");
            assertEquals(0, rec.code(), rec.out() + rec.err());
            JsonNode j = JSON.readTree(rec.out());
            assertEquals("BUNDLE_RECEIVED", j.path("event").path("type").asText());
            Run hop = sakshi("custody", "verify", b.toString());
            assertEquals(0, hop.code(), hop.out() + hop.err());
            assertTrue(hop.out().contains("received bundle [PASSED] received/" + j.path("bundle_id").asText() + "/"),
                    hop.out());
        }
    }
}
