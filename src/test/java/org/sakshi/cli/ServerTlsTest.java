package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.storage.ServerConfig;
import org.sakshi.storage.ServerLink;
import org.sakshi.testsupport.PgCluster;

/**
 * A lab server reached over TLS with {@code sslmode=verify-full}: the tests' second PostgreSQL
 * cluster ({@link PgCluster#tls()}) accepts only {@code hostssl} with a password, and its
 * certificate names only {@code localhost} and {@code 127.0.0.1}.
 */
class ServerTlsTest {
    @TempDir
    Path tmp;

    private Run sakshi(String... args) {
        return CliRun.run(new AppContext(tmp.resolve("ws")), args);
    }

    /** A server prepared over TLS by its owner; the officer's address without any TLS option. */
    private String preparedServer(PgCluster pg, String host) {
        ServerConfig s = pg.newServer("x", tmp.resolve("vault"));
        String plain = s.url().substring(0, s.url().indexOf('?'));
        String db = plain.substring(plain.lastIndexOf('/') + 1);
        return "postgresql://" + PgCluster.APP_USER + "@" + host + ":" + pg.port() + "/" + db;
    }

    private Path officerPassword() {
        return PgCluster.passwordFile(tmp.resolve("pw"), PgCluster.TLS_APP_SECRET);
    }

    private boolean saved(String name) {
        return sakshi("server", "list").out().lines().anyMatch(l -> l.startsWith(name + "  "));
    }

    @Test
    void aServerAddedWithTheLabsCaCertificateIsReachedOverVerifiedTlsAndACaseWorksEndToEnd() throws Exception {
        PgCluster pg = PgCluster.tls();
        String address = preparedServer(pg, "localhost");
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        Run added = sakshi("server", "add", "tls-ok", "--db", address, "--password-file", officerPassword().toString(),
                "--tls-root-cert", pg.caCert().toString(), "--vault", vault.toString());
        assertEquals(0, added.code(), added.err());
        String listed = sakshi("server", "list").out();
        assertTrue(listed.contains("sslmode=verify-full&sslrootcert=" + pg.caCert().toAbsolutePath()), listed);
        assertFalse(listed.contains(PgCluster.TLS_APP_SECRET));

        Run made = sakshi("case", "init", "--server", "tls-ok", "--number", "FIR 3/2026", "--title", "Extortion",
                "--officer", "SI Rao");
        assertEquals(0, made.code(), made.err());
        Path onServer = vault.resolve("FIR-3-2026");
        assertTrue(ServerLink.isLink(onServer));
        Run imp = sakshi("import", onServer.toString(), Files.writeString(tmp.resolve("chat.txt"), "hello").toString());
        assertEquals(0, imp.code(), imp.err());
        Run verify = sakshi("custody", "verify", onServer.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        Run audit = sakshi("audit", "--server", "tls-ok", "--all-cases");
        assertEquals(0, audit.code(), audit.out() + audit.err());
        assertTrue(audit.out().contains("FIR 3/2026"), audit.out());
    }

    /** The certificate user's address on a prepared server, with {@code sslcert}/{@code sslkey} when given. */
    private String certAddress(PgCluster pg, Path cert, Path key) {
        String address = preparedServer(pg, "localhost").replace(PgCluster.APP_USER + "@", PgCluster.CERT_USER + "@");
        return cert == null ? address : address + "?sslcert=" + cert.toAbsolutePath() + "&sslkey=" + key.toAbsolutePath();
    }

    @Test
    void aWorkstationShowingTheClientCertificateTheLabIssuedReachesAServerThatDemandsOneAndACaseWorks()
            throws Exception {
        PgCluster pg = PgCluster.tls();
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        Run added = sakshi("server", "add", "tls-client", "--db", certAddress(pg, pg.clientCert(), pg.clientKey()),
                "--password-file", officerPassword().toString(), "--tls-root-cert", pg.caCert().toString(), "--vault",
                vault.toString());
        assertEquals(0, added.code(), added.err());
        String listed = sakshi("server", "list").out();
        assertTrue(listed.contains("sslcert=" + pg.clientCert().toAbsolutePath()), listed);
        Run made = sakshi("case", "init", "--server", "tls-client", "--number", "FIR 4/2026", "--title", "Trafficking",
                "--officer", "SI Das");
        assertEquals(0, made.code(), made.err());
        Path onServer = vault.resolve("FIR-4-2026");
        Run imp = sakshi("import", onServer.toString(), Files.writeString(tmp.resolve("chat.txt"), "hello").toString());
        assertEquals(0, imp.code(), imp.err());
        Run verify = sakshi("custody", "verify", onServer.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void theSameLoginWithoutItsClientCertificateIsRefusedSayingToAddOneAndNothingIsSaved() {
        PgCluster pg = PgCluster.tls();
        Run refused = sakshi("server", "add", "tls-no-client", "--db", certAddress(pg, null, null), "--password-file",
                officerPassword().toString(), "--tls-root-cert", pg.caCert().toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("asks this workstation for a client certificate"), refused.err());
        assertTrue(refused.err().contains("sslcert=FILE&sslkey=FILE"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertFalse(saved("tls-no-client"));
    }

    @Test
    void aClientCertificateTheLabsCaDidNotIssueIsRefusedNamingItAndNothingIsSaved() {
        PgCluster pg = PgCluster.tls();
        Run refused = sakshi("server", "add", "tls-stranger", "--db", certAddress(pg, pg.strangerCert(),
                pg.strangerKey()), "--password-file", officerPassword().toString(), "--tls-root-cert",
                pg.caCert().toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("refused this workstation's client certificate "
                + pg.strangerCert().toAbsolutePath()), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertFalse(saved("tls-stranger"));
        Run unreadable = sakshi("server", "add", "tls-no-key", "--db", certAddress(pg, pg.clientCert(),
                tmp.resolve("missing.pk8")), "--password-file", officerPassword().toString(), "--tls-root-cert",
                pg.caCert().toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, unreadable.code());
        assertTrue(unreadable.err().contains("client certificate or key in the address"), unreadable.err());
        assertFalse(saved("tls-no-key"));
    }

    @Test
    void aServerWhoseCertificateAnotherCaIssuedIsRefusedInOneSentenceAndNothingIsSaved() {
        PgCluster pg = PgCluster.tls();
        String address = preparedServer(pg, "localhost");
        Run refused = sakshi("server", "add", "tls-other-ca", "--db", address, "--password-file",
                officerPassword().toString(), "--tls-root-cert", pg.otherCaCert().toString(), "--vault",
                tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("answered with a TLS certificate that the root certificate "
                + pg.otherCaCert().toAbsolutePath() + " does not vouch for"), refused.err());
        assertTrue(refused.err().contains("give it with --tls-root-cert"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertFalse(saved("tls-other-ca"));
    }

    @Test
    void underVerifyFullAnAddressNamingAHostTheCertificateDoesNotNameIsRefused() {
        PgCluster pg = PgCluster.tls();
        String address = preparedServer(pg, "127.0.0.2"); // the server listens there; its certificate does not name it
        Run refused = sakshi("server", "add", "tls-wrong-host", "--db", address, "--password-file",
                officerPassword().toString(), "--tls-root-cert", pg.caCert().toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("does not name the host 127.0.0.2"), refused.err());
        assertFalse(saved("tls-wrong-host"));
    }

    @Test
    void aConnectionWithoutTlsToAServerThatAcceptsOnlyTlsIsRefusedSayingToGiveTheRootCertificate() {
        PgCluster pg = PgCluster.tls();
        String address = preparedServer(pg, "localhost") + "?sslmode=disable";
        Run refused = sakshi("server", "add", "tls-plain", "--db", address, "--password-file",
                officerPassword().toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, refused.code());
        assertTrue(refused.err().contains("accepts only encrypted (TLS) connections"), refused.err());
        assertTrue(refused.err().contains("--tls-root-cert"), refused.err());
        assertFalse(saved("tls-plain"));
    }

    @Test
    void aTlsRootOptionThatContradictsTheAddressOrAKeyPasswordInTheAddressIsRefusedBeforeConnecting()
            throws Exception {
        Run missing = sakshi("server", "add", "tls-missing", "--db", "postgresql://u@db.lab/sakshi", "--tls-root-cert",
                tmp.resolve("missing.crt").toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, missing.code());
        assertTrue(missing.err().contains("cannot be read"), missing.err());
        Path ca = Files.writeString(tmp.resolve("ca.crt"), "not used: refused before connecting");
        Run mode = sakshi("server", "add", "tls-mode", "--db", "postgresql://u@db.lab/sakshi?sslmode=require",
                "--tls-root-cert", ca.toString(), "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, mode.code());
        assertTrue(mode.err().contains("asks for sslmode=require"), mode.err());
        Run keyPw = sakshi("server", "add", "tls-pw", "--db",
                "postgresql://u@db.lab/sakshi?sslkey=/k.pk8&sslpassword=secret", "--vault", tmp.toString());
        assertEquals(SakshiCommand.INPUT_ERROR, keyPw.code());
        assertTrue(keyPw.err().contains("never put a password on the command line"), keyPw.err());
        assertFalse(saved("tls-missing") || saved("tls-mode") || saved("tls-pw"));
    }
}
