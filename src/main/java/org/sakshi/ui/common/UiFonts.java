package org.sakshi.ui.common;

import java.io.IOException;
import java.io.InputStream;
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
        List<String> families = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = UiFonts.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    LOG.warn("bundled font {} is not in the application; Indic text may show as boxes", file);
                    continue;
                }
                Font f = Font.loadFont(in, 13);
                if (f == null) {
                    LOG.warn("JavaFX could not load the bundled font {}", file);
                } else if (!families.contains(f.getFamily())) {
                    families.add(f.getFamily());
                }
            } catch (IOException e) {
                LOG.warn("could not read the bundled font {}", file, e);
            }
        }
        loaded = List.copyOf(families);
        LOG.debug("bundled fonts loaded: {}", loaded);
        return loaded;
    }
}
