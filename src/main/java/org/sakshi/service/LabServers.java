package org.sakshi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.storage.LabServer;
import org.sakshi.storage.ServerConfig;
import org.sakshi.storage.ServerDirectory;

/**
 * The lab servers this workstation knows, kept in the profile's {@code lab-servers.json} (name,
 * address without credentials, login role, password file, shared vault folder; never a password).
 * Resolves the server a case folder's {@code server-case.json} names.
 */
public final class LabServers implements ServerDirectory {
    public static final String FILE = "lab-servers.json";
    /**
     * The JSON mapper, made when the settings are first read or written: every case command makes a
     * LabServers (server cases find their server through it), most never read the settings, and
     * making a mapper loads Jackson's data-binding classes.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path profile;

    public LabServers(Path profile) {
        this.profile = profile;
    }

    @Override
    public ServerConfig server(String name) throws SakshiException {
        for (ServerConfig c : list()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new InputException("this workstation knows no lab server named '" + name + "'; add it with 'sakshi"
                + " server add " + name + " --db postgresql://host:port/database --vault DIR' (or 'sakshi server init'"
                + " for a new server)");
    }

    /** Every server in the settings, in the order added. */
    public List<ServerConfig> list() throws StorageException {
        Path f = profile.resolve(FILE);
        List<ServerConfig> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            for (JsonNode n : Json.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8)).path("servers")) {
                String pw = n.path("passwordFile").asText(null);
                out.add(new ServerConfig(n.path("name").asText(), n.path("address").asText(),
                        n.path("user").asText(null), pw == null ? null : Path.of(pw), Path.of(n.path("vault").asText())));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new StorageException("cannot read the lab-server settings " + f + " (" + e.getMessage() + "); fix or"
                    + " remove the file and add the servers again with 'sakshi server add'", e);
        }
    }

    /** Adds or replaces a server in the settings (written atomically, owner-only). */
    public void save(ServerConfig server) throws StorageException {
        List<ServerConfig> all = new ArrayList<>(list());
        all.removeIf(c -> c.name().equals(server.name()));
        all.add(server);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("servers");
        for (ServerConfig c : all) {
            ObjectNode n = arr.addObject();
            n.put("name", c.name());
            n.put("address", c.url());
            n.put("user", c.user());
            n.put("passwordFile", c.passwordFile() == null ? null : c.passwordFile().toAbsolutePath().toString());
            n.put("vault", c.vault().toAbsolutePath().toString());
        }
        Path f = profile.resolve(FILE);
        try {
            org.sakshi.core.OwnerOnly.dir(profile);
            Path tmp = profile.resolve(FILE + ".tmp");
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("cannot write the lab-server settings " + f + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * {@code server init}: prepares the database as its administrator (register, functions,
     * application role, optionally the workstation login {@code appUser}), makes the vault folder
     * and saves the server under {@code name}, to be reached as {@code appUser} (else the
     * administrator) with {@code appPasswordFile} (else {@code adminPasswordFile}, else PGPASSFILE).
     */
    public ServerConfig init(String name, String address, String adminUser, Path adminPasswordFile, String appUser,
                             Path appPasswordFile, Path vault) throws SakshiException {
        return init(name, address, adminUser, adminPasswordFile, appUser, appPasswordFile, vault, null);
    }

    /** As above; {@code tlsRoot} (may be null) is the lab's CA certificate: TLS with {@code sslmode=verify-full}. */
    public ServerConfig init(String name, String address, String adminUser, Path adminPasswordFile, String appUser,
                             Path appPasswordFile, Path vault, Path tlsRoot) throws SakshiException {
        String[] a = ServerConfig.parseAddress(address);
        String admin = adminUser != null ? adminUser : a[1];
        ServerConfig adminCfg = config(name, ServerConfig.withTlsRoot(a[0], tlsRoot), admin, adminPasswordFile, vault);
        makeVault(vault);
        LabServer.init(adminCfg, appUser, appPasswordFile);
        ServerConfig saved = appUser != null ? adminCfg.as(appUser, appPasswordFile) : adminCfg;
        save(saved);
        return saved;
    }

    /** {@code server add}: saves a server prepared elsewhere, after checking that its register can be read. */
    public ServerConfig add(String name, String address, String user, Path passwordFile, Path vault)
            throws SakshiException {
        return add(name, address, user, passwordFile, vault, null);
    }

    /** As above; {@code tlsRoot} (may be null) is the lab's CA certificate: TLS with {@code sslmode=verify-full}. */
    public ServerConfig add(String name, String address, String user, Path passwordFile, Path vault, Path tlsRoot)
            throws SakshiException {
        String[] a = ServerConfig.parseAddress(address);
        ServerConfig c = config(name, ServerConfig.withTlsRoot(a[0], tlsRoot), user != null ? user : a[1], passwordFile,
                vault);
        LabServer.cases(c);
        if (!Files.isDirectory(vault)) {
            throw new InputException("the vault folder " + vault + " does not exist here; mount the lab's shared"
                    + " storage first, then add the server");
        }
        save(c);
        return c;
    }

    /**
     * {@code server upgrade}: brings the named server's register and case schemas to this Sakshi's
     * versions, connecting as {@code ownerUser} with {@code ownerPasswordFile} (else as saved).
     * Returns the register version found before.
     */
    public int upgrade(String name, String ownerUser, Path ownerPasswordFile) throws SakshiException {
        ServerConfig saved = server(name);
        ServerConfig owner = ownerUser != null || ownerPasswordFile != null
                ? saved.as(ownerUser != null ? ownerUser : saved.user(), ownerPasswordFile) : saved;
        return LabServer.upgrade(owner);
    }

    /** The cases in a server's register. */
    public List<LabServer.ServerCase> cases(String name) throws SakshiException {
        return LabServer.cases(server(name));
    }

    private static ServerConfig config(String name, String url, String user, Path passwordFile, Path vault)
            throws InputException {
        try {
            return new ServerConfig(name, url, user, passwordFile, vault);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage() + "; choose another --name", e);
        }
    }

    private static void makeVault(Path vault) throws InputException {
        try {
            Files.createDirectories(vault);
        } catch (IOException e) {
            throw new InputException("cannot create the vault folder " + vault + " (" + e.getMessage() + "); give a"
                    + " writable folder on the lab's shared storage", e);
        }
    }
}
