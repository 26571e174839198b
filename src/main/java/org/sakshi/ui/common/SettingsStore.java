package org.sakshi.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON in {@code ~/.sakshi/settings.json} (or the folder given
 * by the {@code sakshi.home} system property). A missing or unreadable file gives fresh settings;
 * writes go to a temporary file first and are moved into place.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path dir) {
        this.file = dir.resolve("settings.json");
    }

    public static SettingsStore forUser() {
        String home = System.getProperty("sakshi.home");
        Path dir = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".sakshi");
        return new SettingsStore(dir);
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try {
            return json.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.warn("settings {} unreadable, starting fresh: {}", file, e.getMessage());
            return new Settings();
        }
    }

    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("settings.json.tmp");
            json.writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
        }
    }
}
