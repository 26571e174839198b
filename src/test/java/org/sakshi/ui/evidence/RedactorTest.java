package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sakshi.core.InputException;

/** Painting redaction boxes on a copy of a photo, without a screen. */
class RedactorTest {

    private static byte[] image(String format, int type) throws Exception {
        BufferedImage img = new BufferedImage(100, 60, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 120, 40, type == BufferedImage.TYPE_INT_ARGB ? 60 : 255));
        g.fillRect(0, 0, 100, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp"})
    void pixelsInsideABoxBecomeBlackAndPixelsOutsideKeepTheirColour(String format) throws Exception {
        Redactor.Result r = Redactor.redact(image(format, BufferedImage.TYPE_INT_RGB),
                List.of(new Redactor.Region(10, 10, 20, 15)));
        BufferedImage out = read(r.png());
        assertEquals(0x000000, out.getRGB(10, 10) & 0xffffff);
        assertEquals(0x000000, out.getRGB(29, 24) & 0xffffff);
        int outside = out.getRGB(30, 25) & 0xffffff;
        assertEquals(200, (outside >> 16) & 0xff, 8.0);
        assertEquals(100, r.width());
        assertEquals(60, r.height());
    }

    @Test
    void theCopyIsOpaqueSoNoAlphaChannelCanRevealWhatIsUnderABox() throws Exception {
        Redactor.Result r = Redactor.redact(image("png", BufferedImage.TYPE_INT_ARGB),
                List.of(new Redactor.Region(0, 0, 5, 5)));
        BufferedImage out = read(r.png());
        assertEquals(false, out.getColorModel().hasAlpha());
        assertEquals(0xff000000, out.getRGB(2, 2));
    }

    @Test
    void boxesReachingOutsideThePictureAreClippedAndRecordedClipped() throws Exception {
        Redactor.Result r = Redactor.redact(image("png", BufferedImage.TYPE_INT_RGB),
                List.of(new Redactor.Region(90, 50, 40, 40)));
        assertEquals(List.of(new Redactor.Region(90, 50, 10, 10)), r.regions());
        assertEquals(List.of(90, 50, 10, 10), r.regions().get(0).asList());
    }

    @Test
    void aBoxWhollyOutsideThePictureIsNothing() {
        assertNull(new Redactor.Region(200, 0, 10, 10).clip(100, 60));
    }

    @Test
    void withoutAnyBoxThereIsNothingToRedact() throws Exception {
        byte[] png = image("png", BufferedImage.TYPE_INT_RGB);
        assertThrows(InputException.class, () -> Redactor.redact(png, List.of()));
    }

    @Test
    void bytesThatAreNoImageAreAnInputError() {
        assertThrows(InputException.class, () -> Redactor.redact("not an image".getBytes(),
                List.of(new Redactor.Region(0, 0, 5, 5))));
    }
}
