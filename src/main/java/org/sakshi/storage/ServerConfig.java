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
import java.util.ArrayList;
import java.util.List;
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
        String query = u.getRawQuery() == null ? "" : u.getRawQuery();
        for (String kv : query.split("&")) {
            String key = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
            if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("sslpassword")) {
                throw new InputException("the server address contains a " + key + "; never put a password on the"
                        + " command line: give it in a file with --password-file, or in PGPASSFILE / ~/.pgpass");
            }
        }
        String rest = "postgresql://" + u.getRawAuthority().substring(info == null ? 0 : info.length() + 1)
                + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new String[] {rest, user};
    }

    /**
     * The address {@code url} with {@code sslmode=verify-full&sslrootcert=ROOT} (ROOT absolute), so
     * the driver talks only TLS and only to a server whose certificate {@code root} (the lab's CA
     * certificate, PEM or DER) vouches for and that names the address's host. InputException when
     * the file cannot be read, or when the address already asks for another mode or root.
     */
    public static String withTlsRoot(String url, Path root) throws InputException {
        if (root == null) {
            return url;
        }
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
            throw new InputException("the TLS root certificate " + root + " cannot be read; give the lab's CA"
                    + " certificate file that the server's administrator hands out");
        }
        int q = url.indexOf('?');
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String kv : url.substring(q + 1).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                String key = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
                String value = java.net.URLDecoder.decode(kv.substring(key.length() + (kv.contains("=") ? 1 : 0)),
                        StandardCharsets.UTF_8);
                if (key.equals("sslmode") && !value.equals("verify-full")) {
                    throw new InputException("the server address asks for sslmode=" + value + " but a TLS root"
                            + " certificate means sslmode=verify-full; remove sslmode from the address");
                }
                if (key.equals("sslrootcert") && !Path.of(value).toAbsolutePath().normalize().equals(abs)) {
                    throw new InputException("the server address names the TLS root certificate " + value + " and the"
                            + " option names " + root + "; give it once");
                }
                if (!key.equals("sslmode") && !key.equals("sslrootcert")) {
                    params.add(kv);
                }
            }
        }
        params.add("sslmode=verify-full");
        params.add("sslrootcert=" + java.net.URLEncoder.encode(abs.toString(), StandardCharsets.UTF_8)
                .replace("%2F", "/").replace("+", "%20"));
        return (q >= 0 ? url.substring(0, q) : url) + "?" + String.join("&", params);
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
            String tls = tlsProblem(e);
            if (tls != null) {
                throw new StorageException(tls, e);
            }
            throw new StorageException("cannot connect to the lab server " + name + " (" + url + ") as "
                    + (user == null ? "the default user" : user) + ": " + e.getMessage()
                    + "; check the address, the user, its password (file or PGPASSFILE) and that the server runs", e);
        }
    }

    /** One sentence for a connection refused over TLS (what happened, what to do), or null for another failure. */
    private String tlsProblem(SQLException e) {
        String root = query("sslrootcert");
        String rootText = root != null ? "the root certificate " + root
                : "the default root certificate ~/.postgresql/root.crt";
        StringBuilder all = new StringBuilder();
        boolean handshake = false;
        for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
            handshake |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException;
        }
        String m = all.toString();
        if (m.contains("hostnameverifier") || m.contains("No subject alternative") || m.contains("does not match")) {
            return "the lab server " + name + " answered with a TLS certificate that does not name the host "
                    + host() + " in its address " + url + ", so Sakshi refused it and sent nothing; use the host name"
                    + " the certificate names (ask the server's administrator) in --db";
        }
        if (m.contains("requires a valid client certificate") || m.contains("certificate authentication failed")) {
            String cert = query("sslcert");
            String who = user == null ? "this user" : user;
            return cert == null
                    ? "the lab server " + name + " asks this workstation for a client certificate and the address " + url
                            + " gives none, so nothing was sent; add sslcert=FILE&sslkey=FILE to --db (the certificate"
                            + " the lab issued for " + who + " and its key in PKCS#8 DER, from the server's administrator)"
                    : "the lab server " + name + " refused this workstation's client certificate " + cert + " (the lab's"
                            + " CA did not issue it, or not for " + who + "), so nothing was sent; ask the server's"
                            + " administrator for a certificate issued for " + who;
        }
        if (m.contains("SSL key file") || m.contains("SSL certificate file") || m.contains("could not read SSL key")) {
            return "the client certificate or key in the address " + url + " of the lab server " + name
                    + " cannot be read, so nothing was sent; check the sslcert and sslkey paths (the key in PKCS#8 DER)";
        }
        if (m.contains("root certificate file") || m.contains("Could not read SSL root")
                || m.contains("Could not open SSL root")) {
            return "the lab server " + name + " cannot be checked because " + rootText + " cannot be read, so Sakshi"
                    + " sent nothing; give the lab's CA certificate file with --tls-root-cert";
        }
        if (handshake || m.contains("PKIX") || m.contains("certification path")) {
            return "the lab server " + name + " (" + url + ") answered with a TLS certificate that " + rootText
                    + " does not vouch for, so Sakshi refused it and sent nothing; get the lab's CA certificate from"
                    + " the server's administrator and give it with --tls-root-cert";
        }
        if (m.contains("no encryption")) {
            return "the lab server " + name + " accepts only encrypted (TLS) connections and the address " + url
                    + " asks for none; add --tls-root-cert FILE with the lab's CA certificate (sslmode=verify-full)";
        }
        if (m.contains("does not support SSL")) {
            return "the lab server " + name + " does not offer TLS but its address " + url + " requires it; ask the"
                    + " server's administrator to turn on ssl, and do not connect without it";
        }
        return null;
    }

    /** The value of a query option in the address, decoded, or null. */
    String query(String key) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String kv : url.substring(q + 1).split("&")) {
            if (kv.startsWith(key + "=")) {
                return java.net.URLDecoder.decode(kv.substring(key.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String host() {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
