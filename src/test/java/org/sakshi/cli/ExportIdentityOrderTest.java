package org.sakshi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.cli.CliRun.Run;
import org.sakshi.core.SakshiException;
import org.sakshi.service.IdentityService;
import org.sakshi.service.SigningIdentity;
import org.sakshi.testsupport.TestPki;

/**
 * {@code export} opens the key store on another thread while the case is opened and its ledger
 * checked (docs/performance.md, ninth round): what it reports and records is what opening the key store
 * first, then the case, reported and recorded.
 */
class ExportIdentityOrderTest {
    @TempDir
    Path tmp;

    private AppContext ctx;
    private TestPki pki;
    private Path caseDir;
    private Path wrongPw;

    @BeforeEach
    void caseWithAnItem() throws Exception {
        ctx = CliRun.context(tmp);
        pki = TestPki.create(tmp.resolve("pki"));
        caseDir = tmp.resolve("case");
        CliRun.initCase(ctx, caseDir);
        Path f = Files.writeString(tmp.resolve("memo.txt"), "seizure memo\n");
        assertEquals(0, CliRun.run(ctx, "import", caseDir.toString(), f.toString()).code());
        wrongPw = Files.writeString(tmp.resolve("wrong.txt"), "not-the-password\n");
    }

    private Run export(Path folder, Path out, Path password) {
        return CliRun.run(ctx, "export", folder.toString(), "--out", out.toString(), "--keystore",
                pki.officerP12().toString(), "--storepass-file", password.toString());
    }

    /** The sentence opening the key store with the wrong password gives by itself. */
    private String keyStoreMessage() {
        SakshiException e = assertThrows(SakshiException.class, () -> new IdentityService()
                .open(SigningIdentity.pkcs12(pki.officerP12(), null), "not-the-password".toCharArray()));
        return e.getMessage();
    }

    private long events() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
            return rs.getLong(1);
        }
    }

    private void breakTheLedger() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER events_no_update");
            st.executeUpdate("UPDATE events SET json = replace(json, 'memo.txt', 'memo.txz') WHERE seq = 2");
        }
    }

    @Test
    void aWrongPasswordIsReportedAsTheKeyStoreReportsItAndNothingIsRecordedOrWritten() throws Exception {
        long before = events();
        Path out = tmp.resolve("b.zip");
        Run r = export(caseDir, out, wrongPw);
        assertEquals(SakshiCommand.INPUT_ERROR, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains(keyStoreMessage()), r.err());
        assertEquals(before, events(), "no EXPORT_STARTED, no note");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("b.zip.part")));
    }

    @Test
    void aWrongPasswordIsReportedBeforeABrokenLedgerAndTheBrokenLedgerWithTheRightOne() throws Exception {
        breakTheLedger();
        long before = events();
        Path out = tmp.resolve("b.zip");
        Run wrong = export(caseDir, out, wrongPw);
        assertEquals(SakshiCommand.INPUT_ERROR, wrong.code(), wrong.err());
        assertTrue(wrong.errorLines().get(0).contains(keyStoreMessage()), wrong.err());
        Run right = export(caseDir, out, pki.officerPasswordFile());
        assertNotEquals(0, right.code());
        assertTrue(right.errorLines().get(0).contains("fails verification at seq 2"), right.err());
        assertEquals(before, events(), "nothing recorded in a case whose ledger fails");
        assertFalse(Files.exists(out));
    }

    @Test
    void aWrongPasswordIsReportedBeforeAFolderThatIsNotACaseAndTheFolderWithTheRightOne() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path out = tmp.resolve("b.zip");
        Run wrong = export(plain, out, wrongPw);
        assertEquals(SakshiCommand.INPUT_ERROR, wrong.code(), wrong.err());
        assertTrue(wrong.errorLines().get(0).contains(keyStoreMessage()), wrong.err());
        Run right = export(plain, out, pki.officerPasswordFile());
        assertEquals(SakshiCommand.INPUT_ERROR, right.code(), right.err());
        assertTrue(right.errorLines().get(0).contains("not a Sakshi case folder"), right.err());
        assertFalse(Files.exists(out));
    }
}
