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
    private static PgCluster shared;
    private static String unavailable;

    private final Path bin;
    private final Path data;
    private final int port;
    private final String runAs;
    private final AtomicInteger databases = new AtomicInteger();

    private PgCluster(Path bin, Path data, int port, String runAs) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
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
            PgCluster c = new PgCluster(bin, data, port, runAs);
            if (runAs != null) {
                check(Tools.run(null, "chown", runAs, data.toString()), "chown");
            }
            check(c.pg("initdb", "-D", data.toString(), "-U", ADMIN, "--auth=trust", "-E", "UTF8", "--locale=C",
                    "-N"), "initdb");
            // the first matching line wins: the password user is checked, everyone else trusted
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "pg-cluster-stop"));
            check(c.pg("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60",
                    "start"), "pg_ctl start");
            try (Connection a = c.admin("postgres"); Statement st = a.createStatement()) {
                st.execute("CREATE ROLE " + APP_USER + " LOGIN");
                st.execute("CREATE ROLE " + LabServer.APP_ROLE + " NOLOGIN");
                st.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN IN ROLE sakshi_app PASSWORD '" + PASSWORD_USER_SECRET
                        + "'");
            }
            return c;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a test PostgreSQL: " + e.getMessage(), e);
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
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder: best effort
        }
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://127.0.0.1:PORT/db}. */
    public String address(String db) {
        return "postgresql://127.0.0.1:" + port + "/" + db;
    }

    /** A JDBC connection as the cluster's superuser. */
    public Connection admin(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:" + address(db), ADMIN, "");
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
        ServerConfig admin = new ServerConfig(name, address(newDatabase()), ADMIN, null, vault);
        try {
            LabServer.init(admin, APP_USER, null);
        } catch (SakshiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return admin.as(APP_USER, null);
    }
}
