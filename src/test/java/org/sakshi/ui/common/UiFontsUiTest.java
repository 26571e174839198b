package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.text.Font;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Indic text in the window: with only the stylesheet and the bundled fonts (the test machine has
 * no Indic system fonts), two different Devanagari (and Bengali) words of equal length must draw
 * different pixels; drawn as missing-glyph boxes they would be identical, like two strings of
 * unassigned code points are.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UiFontsUiTest {
    private Label a;
    private Label b;

    @Start
    void start(Stage stage) {
        a = new Label();
        b = new Label();
        VBox box = new VBox(a, b);
        stage.setScene(Workbench.scene(box, 400, 200));
        stage.show();
    }

    private int[] pixelsOf(Label label, String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            label.setText(text);
            label.applyCss();
            label.layout();
            label.getParent().layout();
            WritableImage img = label.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h + 2];
            PixelReader r = img.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = r.getArgb(x, y);
                }
            }
            px[w * h] = w;
            px[w * h + 1] = h;
            return px;
        }).get();
    }

    private void assertGlyphsDrawn(String word1, String word2) throws Exception {
        int[] missing1 = pixelsOf(a, "\uE000\uE001\uE002");
        int[] missing2 = pixelsOf(b, "\uE003\uE004\uE005");
        assertTrue(Arrays.equals(missing1, missing2),
                "the check rests on unknown characters all drawing the same box");
        int[] one = pixelsOf(a, word1);
        int[] two = pixelsOf(b, word2);
        assertNotEquals(Arrays.hashCode(one), Arrays.hashCode(two),
                word1 + " and " + word2 + " draw the same pixels: their glyphs are missing");
        assertTrue(!Arrays.equals(one, missing1), word1 + " is drawn as missing-glyph boxes");
    }

    @Test
    void devanagariWordsAreDrawnWithTheirOwnGlyphsNotEmptyBoxes() throws Exception {
        assertGlyphsDrawn("\u0915\u0916\u0917", "\u091A\u091B\u091C");
    }

    @Test
    void bengaliWordsAreDrawnWithTheirOwnGlyphsNotEmptyBoxes() throws Exception {
        assertGlyphsDrawn("\u0995\u0996\u0997", "\u099A\u099B\u099C");
    }

    private static Set<String> javafxTempFonts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("+JXF")).collect(Collectors.toSet());
        }
    }

    @Test
    void aFontInsideTheJarIsCopiedOnceIntoTheProfileAndLeavesNoTemporaryFileBehind(@TempDir Path tmp) throws Exception {
        String file = "NotoSansDevanagari-Regular.ttf";
        byte[] font;
        try (var in = UiFonts.class.getResourceAsStream("/org/sakshi/report/fonts/" + file)) {
            font = in.readAllBytes();
        }
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("fonts/" + file));
            out.write(font);
            out.closeEntry();
        }
        URL url = java.net.URI.create("jar:" + jar.toUri() + "!/fonts/" + file).toURL();
        Path cache = tmp.resolve("profile").resolve("fonts");
        Set<String> before = javafxTempFonts();

        Font f = WaitForAsyncUtils.asyncFx(() -> UiFonts.load(url, file, cache)).get();
        assertNotNull(f, "the font inside the jar loads");
        assertTrue(f.getFamily().contains("Devanagari"), f.getFamily());
        Path copy = cache.resolve(file);
        assertEquals(font.length, Files.size(copy), "the profile holds the whole font");
        var written = Files.getLastModifiedTime(copy);

        Font again = WaitForAsyncUtils.asyncFx(() -> UiFonts.load(url, file, cache)).get();
        assertNotNull(again);
        assertEquals(written, Files.getLastModifiedTime(copy), "a copy of the right size is not written again");
        Set<String> after = javafxTempFonts();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "JavaFX was given a stream and left temporary copies: " + after);
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(1, s.count(), "no part file is left in the profile's font folder");
        }
    }
}
