package org.sakshi.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.sakshi.core.SakshiException;
import org.sakshi.storage.LabServer;
import org.sakshi.storage.ServerConfig;

/**
 * A throw-away PostgreSQL 15+ cluster for the tests, one per JVM: {@code initdb} into a temporary
 * folder, {@code pg_ctl start} on a free loopback port (TCP only, trust authentication, no fsync:
 * it dies with the tests), stopped and deleted by a shutdown hook. PostgreSQL refuses to run as
 * root, so under root the cluster belongs to the {@code postgres} user of Debian's package (or
 * {@code sakshi-pg}, which {@code .ci/run} creates when there is none) and every server command runs
 * through {@code runuser -u USER --}. Missing PostgreSQL skips a test locally and fails it under CI
 * ({@link Tools#require(boolean, String)}).
 * <p>Each {@link #newServer} is a fresh database prepared by {@code LabServer.init} as the cluster's
 * superuser, reached by the tests as the plain login {@link #APP_USER} (member of {@code sakshi_app}).
 */
public final class PgCluster {
    public static final String ADMIN = "sakshi_admin";
    public static final String APP_USER = "sakshi_officer";
    /** A login that must give its password (scram-sha-256), {@link #PASSWORD_USER_SECRET}; every other role is trusted. */
    public static final String PASSWORD_USER = "sakshi_pw";
    public static final String PASSWORD_USER_SECRET = "correct horse battery staple";
    /** The superuser's password on the TLS cluster ({@link #tls()}), where every login gives one. */
    public static final String TLS_ADMIN_SECRET = "sakshi admin over tls";
    /** {@link #APP_USER}'s password on the TLS cluster. */
    public static final String TLS_APP_SECRET = "sakshi officer over tls";
    /**
     * On the TLS cluster, a login that must also show a client certificate the test CA issued for its
     * name ({@code clientcert=verify-full}), with the password {@link #TLS_APP_SECRET}: {@link #clientCert()}.
     */
    public static final String CERT_USER = "sakshi_cert";
    private static PgCluster shared;
    private static String unavailable;
    private static PgCluster tls;
    private static String tlsUnavailable;

    private final Path bin;
    private final Path data;
    private final int port;
    private final String runAs;
    /** For the TLS cluster: the folder with ca.crt (signed the server's certificate) and other-ca.crt; else null. */
    private final Path pki;
    private final AtomicInteger databases = new AtomicInteger();

    private PgCluster(Path bin, Path data, int port, String runAs, Path pki) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
        this.pki = pki;
    }

    /** The JVM's cluster, started at first use; skips (locally) or fails (CI) when PostgreSQL is missing. */
    public static synchronized PgCluster shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        Tools.require(shared != null, "a PostgreSQL 15+ cluster (Debian package postgresql-15; .ci/run installs it): "
                + unavailable);
        return shared;
    }

    /**
     * A second cluster, started at first use, that accepts only TLS with a password: {@code ssl=on}
     * with a server certificate for {@code localhost} and {@code 127.0.0.1} (made here with
     * {@code openssl}, issued by a test CA, {@link #caCert()}), and {@code pg_hba.conf} holding only
     * {@code hostssl} lines with {@code scram-sha-256} (no plain {@code host} line; {@link #CERT_USER}
     * must also show a client certificate, {@code clientcert=verify-full}). It listens on
     * 127.0.0.1 and 127.0.0.2, an address the certificate does not name.
     */
    public static synchronized PgCluster tls() {
        if (tls == null && tlsUnavailable == null) {
            try {
                tls = start(true);
            } catch (RuntimeException e) {
                tlsUnavailable = e.getMessage();
            }
        }
        Tools.require(tls != null, "a PostgreSQL 15+ cluster with TLS (Debian packages postgresql-15 and openssl): "
                + tlsUnavailable);
        return tls;
    }

    /** The TLS cluster's CA certificate (PEM), the root to give with {@code sslrootcert}. */
    public Path caCert() {
        return pki.resolve("ca.crt");
    }

    /** A CA certificate (PEM) that did not issue the TLS cluster's certificate. */
    public Path otherCaCert() {
        return pki.resolve("other-ca.crt");
    }

    /** {@link #CERT_USER}'s client certificate (PEM), issued by {@link #caCert()}. */
    public Path clientCert() {
        return pki.resolve("client.crt");
    }

    /** The key of {@link #clientCert()}: PKCS#8 DER, unencrypted (the driver's {@code sslkey} format). */
    public Path clientKey() {
        return pki.resolve("client.pk8");
    }

    /** A client certificate for {@link #CERT_USER} that {@link #otherCaCert()} issued (the server does not trust it). */
    public Path strangerCert() {
        return pki.resolve("stranger.crt");
    }

    /** The key of {@link #strangerCert()} (PKCS#8 DER). */
    public Path strangerKey() {
        return pki.resolve("stranger.pk8");
    }

    /** The query that makes the driver verify the TLS cluster fully against {@code root}. */
    public static String verifyFull(Path root) {
        return "?sslmode=verify-full&sslrootcert=" + root.toAbsolutePath();
    }

    /** True when PostgreSQL's server programs are installed (for parameter lists that add the server store). */
    public static boolean installed() {
        return findBin() != null;
    }

    static Path findBin() {
        List<Path> found = new ArrayList<>();
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("pg_ctl"))).forEach(found::add);
            } catch (IOException ignored) {
                // fall back to the PATH
            }
        }
        found.sort(Comparator.comparing((Path p) -> version(p.getParent().getFileName().toString())).reversed());
        if (!found.isEmpty() && version(found.get(0).getParent().getFileName().toString()) >= 15) {
            return found.get(0);
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "pg_ctl")) && Files.isExecutable(Path.of(d, "initdb"))) {
                return Path.of(d);
            }
        }
        return null;
    }

    private static int version(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PgCluster start() {
        return start(false);
    }

    private static PgCluster start(boolean withTls) {
        Path bin = findBin();
        if (bin == null) {
            throw new IllegalStateException("no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on the PATH");
        }
        String runAs = null;
        if ("root".equals(System.getProperty("user.name"))) {
            for (String u : List.of("postgres", "sakshi-pg")) {
                if (Tools.run(null, "id", "-u", u).exit() == 0) {
                    runAs = u;
                    break;
                }
            }
            if (runAs == null) {
                throw new IllegalStateException("the tests run as root and there is no user 'postgres' or 'sakshi-pg'"
                        + " to run PostgreSQL as (.ci/run creates 'sakshi-pg')");
            }
        }
        try {
            Path data = Files.createTempDirectory("sakshi-pg");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path pki = withTls ? Files.createTempDirectory("sakshi-pg-pki") : null;
            PgCluster c = new PgCluster(bin, data, port, runAs, pki);
            if (runAs != null) {
                check(Tools.run(null, "chown", runAs, data.toString()), "chown");
            }
            if (withTls) {
                Path pw = pki.resolve("admin.pw");
                Files.writeString(pw, TLS_ADMIN_SECRET + "\n");
                if (runAs != null) {
                    check(Tools.run(null, "chown", runAs, pki.toString(), pw.toString()), "chown");
                }
                check(c.pg("initdb", "-D", data.toString(), "-U", ADMIN, "--auth=scram-sha-256", "--pwfile=" + pw,
                        "-E", "UTF8", "--locale=C", "-N"), "initdb");
                makeCertificates(pki);
                for (String f : List.of("server.crt", "server.key", "ca.crt")) {
                    Files.copy(pki.resolve(f), data.resolve(f));
                    if (runAs != null) {
                        check(Tools.run(null, "chown", runAs, data.resolve(f).toString()), "chown");
                    }
                    check(Tools.run(null, "chmod", "600", data.resolve(f).toString()), "chmod");
                }
                // TLS with a password or nothing: no 'host' (plain) line, no 'local' line (no socket); the
                // certificate user must also show a client certificate the test CA issued for its name
                Files.writeString(data.resolve("pg_hba.conf"), "hostssl all " + CERT_USER
                        + " 127.0.0.0/8 scram-sha-256 clientcert=verify-full\n"
                        + "hostssl all all 127.0.0.0/8 scram-sha-256\n");
            } else {
                check(c.pg("initdb", "-D", data.toString(), "-U", ADMIN, "--auth=trust", "-E", "UTF8", "--locale=C",
                        "-N"), "initdb");
                // the first matching line wins: the password user is checked, everyone else trusted
                Path hba = data.resolve("pg_hba.conf");
                Files.writeString(hba, "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n"
                        + Files.readString(hba));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "pg-cluster-stop"));
            String options = "-p " + port + " -c unix_socket_directories= -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
                    + (withTls ? " -c listen_addresses=127.0.0.1,127.0.0.2 -c ssl=on -c ssl_cert_file=server.crt"
                            + " -c ssl_key_file=server.key -c ssl_ca_file=ca.crt" : " -c listen_addresses=127.0.0.1");
            check(c.pg("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", options, "start"), "pg_ctl start");
            try (Connection a = c.admin("postgres"); Statement st = a.createStatement()) {
                st.execute("CREATE ROLE " + APP_USER + " LOGIN" + (withTls ? " PASSWORD '" + TLS_APP_SECRET + "'" : ""));
                st.execute("CREATE ROLE " + LabServer.APP_ROLE + " NOLOGIN");
                st.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN IN ROLE sakshi_app PASSWORD '" + PASSWORD_USER_SECRET
                        + "'");
                if (withTls) {
                    st.execute("CREATE ROLE " + CERT_USER + " LOGIN IN ROLE sakshi_app PASSWORD '" + TLS_APP_SECRET + "'");
                }
            }
            return c;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a test PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * A test CA, a server certificate it issues for CN/SAN {@code localhost} and {@code 127.0.0.1}
     * (P-256 keys, serverAuth), and an unrelated second CA, all with {@code openssl}.
     */
    private static void makeCertificates(Path pki) throws IOException {
        for (String ca : List.of("ca", "other-ca")) {
            check(Tools.run(pki, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-nodes", "-keyout", ca + ".key", "-out", ca + ".crt", "-days", "30", "-subj",
                    "/O=Sakshi Test Lab/CN=" + ca + " root", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign"), "openssl req " + ca);
        }
        check(Tools.run(pki, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/O=Sakshi Test Lab/CN=localhost"),
                "openssl req server");
        Files.writeString(pki.resolve("server.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                + "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
        check(Tools.run(pki, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "30", "-extfile", "server.ext"), "openssl x509");
        // client certificates for CERT_USER: one from the test CA, one from the unrelated CA
        Files.writeString(pki.resolve("client.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                + "extendedKeyUsage=clientAuth\n");
        for (String[] c : List.of(new String[] {"client", "ca"}, new String[] {"stranger", "other-ca"})) {
            check(Tools.run(pki, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", c[0] + ".key", "-out", c[0] + ".csr", "-subj", "/O=Sakshi Test Lab/CN=" + CERT_USER),
                    "openssl req " + c[0]);
            check(Tools.run(pki, "openssl", "x509", "-req", "-in", c[0] + ".csr", "-CA", c[1] + ".crt", "-CAkey",
                    c[1] + ".key", "-CAcreateserial", "-out", c[0] + ".crt", "-days", "30", "-extfile", "client.ext"),
                    "openssl x509 " + c[0]);
            check(Tools.run(pki, "openssl", "pkcs8", "-topk8", "-nocrypt", "-inform", "PEM", "-outform", "DER", "-in",
                    c[0] + ".key", "-out", c[0] + ".pk8"), "openssl pkcs8 " + c[0]);
        }
    }

    private static void check(Tools.Result r, String what) {
        if (r.exit() != 0) {
            throw new IllegalStateException(what + " failed (" + r.exit() + "): " + r.all().strip());
        }
    }

    private Tools.Result pg(String program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        return Tools.run(null, cmd);
    }

    private void stop() {
        pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        for (Path dir : pki == null ? List.of(data) : List.of(data, pki)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temporary folder: best effort
            }
        }
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://127.0.0.1:PORT/db}; on the TLS cluster with {@link #verifyFull} against its CA. */
    public String address(String db) {
        return "postgresql://127.0.0.1:" + port + "/" + db + (pki == null ? "" : verifyFull(caCert()));
    }

    /** A JDBC connection as the cluster's superuser. */
    public Connection admin(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:" + address(db), ADMIN, pki == null ? "" : TLS_ADMIN_SECRET);
    }

    /** A file holding {@code secret} (a password file for {@code --password-file}), owner-only. */
    public static Path passwordFile(Path dir, String secret) {
        try {
            Path f = Files.createTempFile(Files.createDirectories(dir), "pw", ".txt");
            Files.writeString(f, secret + "\n");
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new empty database. */
    public String newDatabase() {
        String db = "t" + port + "_" + databases.incrementAndGet(); // unique across runs: test profiles may remember earlier servers
        try (Connection a = admin("postgres"); Statement st = a.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return db;
    }

    /**
     * A new database prepared as a lab server ({@code server init} as the superuser) and the
     * workstation's view of it: login {@link #APP_USER}, vault {@code vault}.
     */
    public ServerConfig newServer(String name, Path vault) {
        Path pwDir = vault.resolveSibling(vault.getFileName() + "-passwords");
        ServerConfig admin = new ServerConfig(name, address(newDatabase()), ADMIN,
                pki == null ? null : passwordFile(pwDir, TLS_ADMIN_SECRET), vault);
        try {
            LabServer.init(admin, APP_USER, null);
        } catch (SakshiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return admin.as(APP_USER, pki == null ? null : passwordFile(pwDir, TLS_APP_SECRET));
    }
}
