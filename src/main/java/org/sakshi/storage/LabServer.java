package org.sakshi.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;

/**
 * A lab's case server on PostgreSQL 15+ (docs/architecture.md#lab-server). One database holds
 * every case, each in its own schema {@code case_<id without dashes>} with the same tables as a
 * folder case's {@code case.db}, so the store's SQL is the same for both; the schema
 * {@code sakshi} holds the register of cases and the two functions below.
 * <p>Roles: the administrator who runs {@code server init} owns every table. The application
 * role {@link #APP_ROLE} (NOLOGIN; each workstation's login is made a member) may only INSERT
 * and SELECT the ledger ({@code events}) and the signed heads ({@code heads}), never UPDATE,
 * DELETE, TRUNCATE or change a table; it makes a case only through {@code sakshi.create_case},
 * which runs as the owner. Triggers refuse UPDATE/DELETE/TRUNCATE of events and heads even
 * for the owner (who could drop them; the signed heads then still reveal a rewrite).
 */
public final class LabServer {
    /** The group role every workstation's login belongs to. */
    public static final String APP_ROLE = "sakshi_app";
    /**
     * The version of the register (schema {@code sakshi}) this Sakshi reads and writes, kept in
     * {@code sakshi.register_version}: 1 = the register without that table (cases, moved), 2 adds
     * {@code placements} (where a case lives: arriving, open, moved) and the version table itself.
     */
    public static final int REGISTER_VERSION = 2;
    /** A case's state at one place (docs/custody-ledger.md#on-a-lab-server): being copied in, open, or moved away. */
    public static final String ARRIVING = "arriving";
    public static final String OPEN = "open";
    public static final String MOVED = "moved";

    private LabServer() {
    }

    /** A case in the server's register. */
    public record ServerCase(UUID id, String number, String title, String folder, String vault, Instant createdAt) {
    }

    static String schemaOf(UUID caseId) {
        return "case_" + caseId.toString().replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code server init}: as the administrator ({@code admin}), creates (or brings up to date) the
     * register, the functions, the application role and, when {@code appUser} is given, that login
     * role as a member of it (its password from {@code appPasswordFile}'s first line, when given).
     * Idempotent; also migrates every case schema to the current version.
     */
    public static void init(ServerConfig admin, String appUser, Path appPasswordFile) throws SakshiException {
        if (appUser != null && !appUser.matches("[A-Za-z_][A-Za-z0-9_.-]{0,62}")) {
            throw new InputException("the application user '" + appUser + "' is not a plain role name; use letters,"
                    + " digits and '_'");
        }
        try (Connection c = admin.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(hashtext('sakshi server init'))"); // one init at a time
                int found = registerVersion(c);
                if (found > REGISTER_VERSION) {
                    throw newer(admin, found);
                }
                st.execute("CREATE SCHEMA IF NOT EXISTS sakshi");
                st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE
                        + "') THEN CREATE ROLE " + APP_ROLE + " NOLOGIN; END IF; END $$");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS sakshi.cases (
                          id UUID PRIMARY KEY, schema_name TEXT NOT NULL UNIQUE, number TEXT NOT NULL,
                          title TEXT NOT NULL, folder TEXT NOT NULL, vault TEXT NOT NULL,
                          created_at TIMESTAMPTZ NOT NULL DEFAULT now(), created_by TEXT NOT NULL DEFAULT session_user)""");
                st.execute("""
                        CREATE OR REPLACE FUNCTION sakshi.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $f$
                        BEGIN
                          RAISE EXCEPTION 'custody records are append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA,
                            TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                        END $f$""");
                // a case moved away (to a folder) is closed to changes here: the app may add a row, never change one
                st.execute("CREATE TABLE IF NOT EXISTS sakshi.moved (case_id UUID PRIMARY KEY REFERENCES sakshi.cases(id),"
                        + " moved_to TEXT NOT NULL, moved_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                        + " moved_by TEXT NOT NULL DEFAULT session_user)");
                st.execute("DROP TRIGGER IF EXISTS moved_no_change ON sakshi.moved");
                st.execute("CREATE TRIGGER moved_no_change BEFORE UPDATE OR DELETE ON sakshi.moved"
                        + " FOR EACH ROW EXECUTE FUNCTION sakshi.refuse_change()");
                // where each case lives, appended on every move (the last row counts); 'moved' above stays for older readers
                st.execute("CREATE TABLE IF NOT EXISTS sakshi.placements (n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY"
                        + " KEY, case_id UUID NOT NULL REFERENCES sakshi.cases(id), state TEXT NOT NULL CHECK (state IN ('"
                        + ARRIVING + "', '" + OPEN + "', '" + MOVED + "')), place TEXT NOT NULL,"
                        + " at TIMESTAMPTZ NOT NULL DEFAULT now(), by_role TEXT NOT NULL DEFAULT session_user)");
                st.execute("CREATE INDEX IF NOT EXISTS placements_case ON sakshi.placements(case_id, n)");
                st.execute("DROP TRIGGER IF EXISTS placements_no_change ON sakshi.placements");
                st.execute("CREATE TRIGGER placements_no_change BEFORE UPDATE OR DELETE ON sakshi.placements"
                        + " FOR EACH ROW EXECUTE FUNCTION sakshi.refuse_change()");
                st.execute("CREATE TABLE IF NOT EXISTS sakshi.register_version (version INTEGER NOT NULL)");
                st.execute(createCaseFunction());
                st.execute("REVOKE ALL ON FUNCTION sakshi.create_case(uuid, text, text, text, text) FROM PUBLIC");
                st.execute("GRANT EXECUTE ON FUNCTION sakshi.create_case(uuid, text, text, text, text) TO " + APP_ROLE);
                st.execute("GRANT USAGE ON SCHEMA sakshi TO " + APP_ROLE);
                st.execute("GRANT SELECT ON sakshi.cases TO " + APP_ROLE);
                st.execute("GRANT SELECT, INSERT ON sakshi.moved TO " + APP_ROLE);
                st.execute("GRANT SELECT, INSERT ON sakshi.placements TO " + APP_ROLE);
                st.execute("GRANT SELECT ON sakshi.register_version TO " + APP_ROLE);
                if (appUser != null) {
                    st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + appUser
                            + "') THEN CREATE ROLE \"" + appUser + "\" LOGIN; END IF; END $$");
                    st.execute("GRANT " + APP_ROLE + " TO \"" + appUser + "\"");
                    if (appPasswordFile != null) {
                        String pw = readFirstLine(appPasswordFile);
                        try (PreparedStatement ps = c.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
                            ps.setString(1, appUser);
                            ps.setString(2, pw);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                st.execute(rs.getString(1));
                            }
                        }
                    }
                }
                upgradeCases(c);
                st.execute("DELETE FROM sakshi.register_version");
                st.execute("INSERT INTO sakshi.register_version(version) VALUES (" + REGISTER_VERSION + ")");
            }
            c.commit();
        } catch (SQLException e) {
            throw new StorageException("could not prepare the lab server " + admin.name() + ": " + e.getMessage()
                    + "; run 'sakshi server init' as the database's owner or a role that may create schemas and roles", e);
        }
    }

    /**
     * {@code server upgrade}: as the owner of the register, brings the register and every case schema
     * to this Sakshi's versions (the same statements as {@link #init}, without making roles). Returns
     * the register version found before. Refused for a server a newer Sakshi prepared, a server never
     * initialised, or a role that does not own the register (nothing is changed).
     */
    public static int upgrade(ServerConfig owner) throws SakshiException {
        int found;
        String ownerRole;
        try (Connection c = owner.connect()) {
            found = registerVersion(c);
            if (found == 0) {
                throw new InputException("the lab server " + owner.name() + " has no Sakshi register to upgrade; prepare"
                        + " it with 'sakshi server init'");
            }
            if (found > REGISTER_VERSION) {
                throw newer(owner, found);
            }
            ownerRole = registerOwner(c);
            boolean isOwner;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_has_role(current_user, '" + ownerRole.replace("'", "''")
                         + "', 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
                isOwner = rs.next() && rs.getBoolean(1);
            }
            if (!isOwner) {
                throw new InputException("only the owner of the lab server " + owner.name() + "'s register ("
                        + ownerRole + ") may upgrade it and " + (owner.user() == null ? "the default user" : owner.user())
                        + " is not; ask the lab's database owner to run 'sakshi server upgrade " + owner.name()
                        + " --user " + ownerRole + "'");
            }
        } catch (SQLException e) {
            throw notInitialised(owner, e);
        }
        init(owner, null, null);
        return found;
    }

    /** The register's version: 0 when there is no register, 1 for one from before {@code register_version}. */
    static int registerVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('sakshi.cases') IS NOT NULL,"
                     + " to_regclass('sakshi.register_version') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
            if (!rs.getBoolean(2)) {
                return 1;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 1) FROM sakshi.register_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String registerOwner(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'sakshi'")) {
            return rs.next() ? rs.getString(1) : "the database owner";
        }
    }

    private static StorageException newer(ServerConfig server, int found) {
        return new StorageException("the lab server " + server.name() + " was prepared by a newer Sakshi (schema version "
                + found + "; this one knows up to " + REGISTER_VERSION + "), so it was refused and nothing was read or"
                + " written; use that newer Sakshi on this workstation");
    }

    /**
     * Connects to a prepared server and checks that its register is the version this Sakshi
     * reads: an older one is refused saying who upgrades it with which command, a newer one is
     * refused (never downgraded), one never initialised says so. Nothing is changed on the server.
     */
    static Connection open(ServerConfig server) throws SakshiException {
        Connection c = server.connect();
        try {
            int v = registerVersion(c);
            if (v == 0) {
                throw new StorageException("the lab server " + server.name() + " has no Sakshi register; ask its"
                        + " administrator to run 'sakshi server init' first");
            }
            if (v > REGISTER_VERSION) {
                throw newer(server, v);
            }
            if (v < REGISTER_VERSION) {
                String owner = registerOwner(c);
                boolean me;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
                    me = rs.next() && owner.equals(rs.getString(1));
                }
                throw new StorageException("the lab server " + server.name() + " has an older Sakshi schema (version " + v
                        + "; this Sakshi needs " + REGISTER_VERSION + "), so nothing was read or written; "
                        + (me ? "you connect as its owner: upgrade it with 'sakshi server upgrade " + server.name() + "'"
                        : "its database owner (" + owner + ") upgrades it with 'sakshi server upgrade " + server.name()
                        + " --user " + owner + "'"));
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw notInitialised(server, e);
        } catch (SakshiException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
    }

    private static String readFirstLine(Path f) throws StorageException {
        try {
            return java.nio.file.Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8).stream().findFirst()
                    .orElse("");
        } catch (java.io.IOException e) {
            throw new StorageException("cannot read the password file " + f + " (" + e.getMessage() + ")", e);
        }
    }

    /** The owner-run function that makes a case's schema with every migration and the application role's grants. */
    private static String createCaseFunction() {
        StringBuilder b = new StringBuilder("""
                CREATE OR REPLACE FUNCTION sakshi.create_case(p_id uuid, p_number text, p_title text, p_folder text,
                  p_vault text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = sakshi, pg_temp AS $f$
                DECLARE s text := 'case_' || replace(p_id::text, '-', '');
                BEGIN
                  EXECUTE format('CREATE SCHEMA %I', s);
                  PERFORM set_config('search_path', quote_ident(s) || ', pg_temp', true);
                """);
        for (List<String> step : Schema.PG_MIGRATIONS) {
            for (String sql : step) {
                b.append("  EXECUTE $q$").append(sql).append("$q$;\n");
            }
        }
        b.append("  EXECUTE $q$INSERT INTO schema_version(version) VALUES (").append(Schema.CURRENT).append(")$q$;\n");
        b.append("  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ").append(APP_ROLE).append("', s);\n");
        for (String g : Schema.PG_GRANTS) {
            b.append("  EXECUTE $q$").append(String.format(g, APP_ROLE)).append("$q$;\n");
        }
        b.append("""
                  INSERT INTO sakshi.cases(id, schema_name, number, title, folder, vault)
                    VALUES (p_id, s, p_number, p_title, p_folder, p_vault);
                  RETURN s;
                END $f$""");
        return b.toString();
    }

    /** Brings every case schema to {@link Schema#CURRENT} (run by the owner in {@code server init}). */
    private static void upgradeCases(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT schema_name FROM sakshi.cases")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        for (String s : schemas) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL search_path TO \"" + s + "\"");
                int v;
                try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    v = rs.next() ? rs.getInt(1) : 0;
                }
                for (int i = v; i < Schema.CURRENT; i++) {
                    for (String sql : Schema.PG_MIGRATIONS.get(i)) {
                        st.execute(sql);
                    }
                }
                if (v < Schema.CURRENT) {
                    st.execute("DELETE FROM schema_version");
                    st.execute("INSERT INTO schema_version(version) VALUES (" + Schema.CURRENT + ")");
                }
                for (String g : Schema.PG_GRANTS) {
                    st.execute(String.format(g, APP_ROLE));
                }
                st.execute("SET LOCAL search_path TO sakshi");
            }
        }
    }

    /** The cases in the server's register, oldest first. */
    public static List<ServerCase> cases(ServerConfig server) throws SakshiException {
        try (Connection c = open(server); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, number, title, folder, vault, created_at FROM sakshi.cases"
                     + " ORDER BY created_at, number")) {
            List<ServerCase> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ServerCase(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw notInitialised(server, e);
        }
    }

    static StorageException notInitialised(ServerConfig server, SQLException e) {
        if ("3F000".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) {
            return new StorageException("the lab server " + server.name() + " has no Sakshi register; ask its"
                    + " administrator to run 'sakshi server init' first", e);
        }
        return new StorageException("could not read the lab server " + server.name() + ": " + e.getMessage(), e);
    }

    /** Registers a new case and makes its schema (as the owner, through {@code sakshi.create_case}). */
    static void createCase(Connection c, ServerConfig server, UUID id, String number, String title, Path folder)
            throws StorageException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sakshi.create_case(?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, number);
            ps.setString(3, title);
            ps.setString(4, folder.toAbsolutePath().normalize().toString());
            ps.setString(5, folder.resolve("vault").toAbsolutePath().normalize().toString());
            ps.executeQuery().close();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())) {
                throw new StorageException("the lab server " + server.name() + " already has the case " + id + " (it was"
                        + " there before and was moved away, or is there now); a case moves onto a server once: keep"
                        + " using the copy there or ask the administrator", e);
            }
            throw notInitialised(server, e);
        }
    }

    /** Where a case lives as this server's register says: the last placement, else a legacy 'moved' row; empty = open. */
    static java.util.Optional<String[]> placement(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, place FROM sakshi.placements WHERE case_id = ?"
                + " ORDER BY n DESC LIMIT 1")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return java.util.Optional.of(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT moved_to FROM sakshi.moved WHERE case_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new String[] {MOVED, rs.getString(1)}) : java.util.Optional.empty();
            }
        }
    }

    /** Appends a placement of the case (inside the caller's transaction). */
    static void place(Connection c, UUID id, String state, String place) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sakshi.placements(case_id, state, place)"
                + " VALUES (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, state);
            ps.setString(3, place);
            ps.executeUpdate();
        }
        if (MOVED.equals(state)) { // older Sakshi versions read only this table: for them the case stays closed here
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sakshi.moved(case_id, moved_to) VALUES (?, ?)"
                    + " ON CONFLICT (case_id) DO NOTHING")) {
                ps.setObject(1, id);
                ps.setString(2, place);
                ps.executeUpdate();
            }
        }
    }

    /** The folder the register names for a case, or empty when the server does not know it. */
    public static java.util.Optional<String> registeredFolder(ServerConfig server, UUID id) throws SakshiException {
        try (Connection c = open(server);
             PreparedStatement ps = c.prepareStatement("SELECT folder FROM sakshi.cases WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw notInitialised(server, e);
        }
    }

    /** Points {@code c} at the case's schema; InputException when the server has no such case. */
    static void useCase(Connection c, ServerConfig server, UUID id) throws SakshiException {
        try (PreparedStatement ps = c.prepareStatement("SELECT schema_name FROM sakshi.cases WHERE id = ?")) {
            ps.setObject(1, id);
            String schema;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InputException("the lab server " + server.name() + " has no case " + id
                            + "; check that the folder's " + ServerLink.FILE + " names the right server");
                }
                schema = rs.getString(1);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO \"" + schema + "\"");
            }
        } catch (SQLException e) {
            throw notInitialised(server, e);
        }
    }
}
