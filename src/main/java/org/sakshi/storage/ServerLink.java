package org.sakshi.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.sakshi.core.StorageException;

/**
 * The file {@code server-case.json} that makes a folder the place of a case kept on a lab server:
 * the server's name (resolved in this workstation's settings), the case id and, for the reader's
 * benefit, the server address without credentials. Such a folder holds no {@code case.db}; its
 * {@code vault/}, {@code records/}, {@code derived/} and {@code exports/} are the case's files on
 * the shared storage, so every command that takes a case folder works on it unchanged.
 */
public record ServerLink(String server, UUID caseId, String address) {
    public static final String FILE = "server-case.json";
    static final String FORMAT = "sakshi-server-case/1";
    /** Made when a link file is read or written: opening a case that has none needs no mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static boolean isLink(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** The link in {@code dir}, or empty when the folder is not a server case. */
    public static Optional<ServerLink> read(Path dir) throws StorageException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
            if (!FORMAT.equals(n.path("format").asText())) {
                throw new StorageException(f + " is not a Sakshi server-case file (format " + n.path("format").asText()
                        + "); it may have been written by a newer Sakshi");
            }
            return Optional.of(new ServerLink(n.path("server").asText(), UUID.fromString(n.path("case").asText()),
                    n.path("address").asText(null)));
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException("cannot read " + f + " (" + e.getMessage() + "); the case's link to its server"
                    + " is damaged: restore it from a backup ('sakshi server list --cases NAME' shows each case's id and"
                    + " folder)", e);
        }
    }

    /** Writes the link atomically (temp file, fsync, rename). */
    void write(Path dir) throws StorageException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("server", server);
        n.put("case", caseId.toString());
        n.put("address", address);
        Path f = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n",
                    StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot write " + f + " (" + e.getMessage() + "); check that the folder is"
                    + " writable", e);
        }
    }
}
