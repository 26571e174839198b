package org.sakshi.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sakshi.core.InputException;
import org.sakshi.core.StorageException;

/**
 * How this workstation reaches a lab's case server: the PostgreSQL address (host, port, database
 * and query options such as {@code sslmode=verify-full&sslrootcert=...}, passed to the driver as
 * given), the login role, where its password is (a file, else the driver's own {@code PGPASSFILE}
 * or {@code ~/.pgpass}; never a password in the address), and the shared vault folder.
 *
 * @param name         the name cases refer to ({@code server-case.json}) and commands take ({@code --server})
 * @param url          {@code postgresql://host[:port]/database[?options]} without user or password
 * @param user         the login role (may be null: the driver's default, the OS user)
 * @param passwordFile a file whose first line is the password (may be null)
 * @param vault        the shared folder (NFS/SMB mount) holding the server's case folders
 */
public record ServerConfig(String name, String url, String user, Path passwordFile, Path vault) {

    public ServerConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("a server name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
    }

    /**
     * Splits {@code postgresql://[user@]host[:port]/db[?options]} into the address without the user
     * and the user. InputException for another scheme or a password in the address.
     */
    public static String[] parseAddress(String address) throws InputException {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("jdbc:")) {
            a = a.substring(5);
        }
        if (!a.startsWith("postgresql://") && !a.startsWith("postgres://")) {
            throw new InputException("the server address " + address + " is not a PostgreSQL address; give it as"
                    + " postgresql://host:port/database");
        }
        URI u;
        try {
            u = new URI(a);
        } catch (URISyntaxException e) {
            throw new InputException("the server address " + address + " cannot be read (" + e.getReason()
                    + "); give it as postgresql://host:port/database", e);
        }
        String user = null;
        String info = u.getRawUserInfo();
        if (info != null) {
            if (info.contains(":")) {
                throw new InputException("the server address contains a password; never put a password on the command"
                        + " line: give it in a file with --password-file, or in PGPASSFILE / ~/.pgpass");
            }
            user = java.net.URLDecoder.decode(info, StandardCharsets.UTF_8);
        }
        if (u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
            throw new InputException("the server address " + address + " names no host or database; give it as"
                    + " postgresql://host:port/database");
        }
        String rest = "postgresql://" + u.getRawAuthority().substring(info == null ? 0 : info.length() + 1)
                + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new String[] {rest, user};
    }

    /** The same server reached as another login role (the administrator for {@code server init}). */
    public ServerConfig as(String otherUser, Path otherPasswordFile) {
        return new ServerConfig(name, url, otherUser, otherPasswordFile, vault);
    }

    /** Opens a connection; StorageException saying what to check when the server refuses. */
    Connection connect() throws StorageException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (passwordFile != null) {
            try {
                String pw = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                p.setProperty("password", pw);
            } catch (IOException e) {
                throw new StorageException("cannot read the password file " + passwordFile + " (" + e.getMessage()
                        + "); check the path and that only you can read it", e);
            }
        }
        p.setProperty("ApplicationName", "sakshi");
        p.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection("jdbc:" + url, p);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to the lab server " + name + " (" + url + ") as "
                    + (user == null ? "the default user" : user) + ": " + e.getMessage()
                    + "; check the address, the user, its password (file or PGPASSFILE) and that the server runs", e);
        }
    }
}
