package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
}
