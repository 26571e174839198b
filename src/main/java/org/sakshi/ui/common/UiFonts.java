package org.sakshi.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Noto fonts bundled in the jar (the same files the PDF embeds), loaded into JavaFX once so
 * that Devanagari and Bengali are drawn on a machine without Indic system fonts; the stylesheet
 * names them as the window's font families. The PDF code is not used here: the files are read
 * from the jar's resources.
 *
 * <p>JavaFX copies a font given as a stream (or a jar URL) into a hidden temporary file that it
 * removes only at a clean exit, so every launch that is killed would leave the six fonts behind
 * in the temporary folder. A font that is a plain file is loaded where it is; one inside the jar is
 * copied once into the profile's {@code fonts/} folder (replaced when its size differs) and
 * loaded from there; only when that folder cannot be written is the stream given to JavaFX.
 */
public final class UiFonts {
    private static final Logger LOG = LoggerFactory.getLogger(UiFonts.class);
    private static final String DIR = "/org/sakshi/report/fonts/";
    private static final List<String> FILES = List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
            "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf",
            "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf");
    private static List<String> loaded;

    private UiFonts() {
    }

    /**
     * Loads the bundled fonts (once; later calls do nothing) and returns the families JavaFX now
     * knows from them. A missing or unreadable file is logged and skipped: the window then falls
     * back to the system fonts.
     */
    public static synchronized List<String> load() {
        if (loaded != null) {
            return loaded;
        }
        Path cache = SettingsStore.forUser().file().getParent().resolve("fonts");
        List<String> families = new ArrayList<>();
        for (String file : FILES) {
            URL url = UiFonts.class.getResource(DIR + file);
            if (url == null) {
                LOG.warn("bundled font {} is not in the application; Indic text may show as boxes", file);
                continue;
            }
            Font f = load(url, file, cache);
            if (f == null) {
                LOG.warn("JavaFX could not load the bundled font {}", file);
            } else if (!families.contains(f.getFamily())) {
                families.add(f.getFamily());
            }
        }
        loaded = List.copyOf(families);
        LOG.debug("bundled fonts loaded: {}", loaded);
        return loaded;
    }

    /** One font: from its file, from the profile's copy, or (last resort) from the stream. */
    static Font load(URL url, String file, Path cache) {
        if ("file".equals(url.getProtocol())) {
            return Font.loadFont(url.toExternalForm(), 13);
        }
        try {
            Path copy = cached(url, file, cache);
            return Font.loadFont(copy.toUri().toString(), 13);
        } catch (IOException | RuntimeException e) {
            LOG.debug("bundled font {} not cached in {} ({}); loading it from the application", file, cache, e.toString());
        }
        try (InputStream in = url.openStream()) {
            return Font.loadFont(in, 13);
        } catch (IOException e) {
            LOG.warn("could not read the bundled font {}", file, e);
            return null;
        }
    }

    /** The font's copy in {@code cache}, written (temporary name, then renamed) when missing or of another size. */
    static Path cached(URL url, String file, Path cache) throws IOException {
        Path target = cache.resolve(file);
        long size = url.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(cache);
        Path part = Files.createTempFile(cache, file, ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }
}
