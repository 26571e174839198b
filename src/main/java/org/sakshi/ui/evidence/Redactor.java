package org.sakshi.ui.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.sakshi.core.InputException;

/**
 * Makes the redacted copy of a photo: every region painted opaque black over a fresh RGB raster
 * (so no alpha channel can hide what is under a box), written as PNG. The copy carries no metadata
 * of the original (ImageIO writes pixels only), so EXIF such as GPS positions is not carried over.
 * Pure: bytes in, bytes out, no screen.
 */
public final class Redactor {
    /** A rectangle in the original's pixels. */
    public record Region(int x, int y, int w, int h) {
        /** The same rectangle clipped to a {@code width} × {@code height} image; null when nothing is left. */
        public Region clip(int width, int height) {
            int x0 = Math.max(0, x);
            int y0 = Math.max(0, y);
            int x1 = Math.min(width, x + w);
            int y1 = Math.min(height, y + h);
            return x1 <= x0 || y1 <= y0 ? null : new Region(x0, y0, x1 - x0, y1 - y0);
        }

        /** {@code [x, y, w, h]} as recorded in the ITEM_DERIVED event. */
        public List<Integer> asList() {
            return List.of(x, y, w, h);
        }
    }

    /** The redacted PNG and the regions actually painted (clipped to the image). */
    public record Result(byte[] png, List<Region> regions, int width, int height) {
    }

    private Redactor() {
    }

    /** Reads {@code image} (PNG, JPEG, GIF, BMP), paints {@code regions} black, returns a PNG. */
    public static Result redact(byte[] image, List<Region> regions) throws InputException {
        BufferedImage src;
        try {
            src = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new InputException("the image could not be read for redaction (" + e.getMessage() + ")", e);
        }
        if (src == null) {
            throw new InputException("this image format cannot be redacted here (only PNG, JPEG, GIF and BMP); "
                    + "convert a copy outside Sakshi and import it instead");
        }
        if (regions.isEmpty()) {
            throw new InputException("draw at least one rectangle over what must be hidden");
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        List<Region> painted = new ArrayList<>();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, null);
            g.setColor(Color.BLACK);
            for (Region r : regions) {
                Region c = r.clip(w, h);
                if (c != null) {
                    g.fillRect(c.x(), c.y(), c.w(), c.h());
                    painted.add(c);
                }
            }
        } finally {
            g.dispose();
        }
        if (painted.isEmpty()) {
            throw new InputException("every rectangle lies outside the image; draw them over the picture");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new InputException("the redacted copy could not be encoded as PNG (" + e.getMessage() + ")", e);
        }
        return new Result(bytes.toByteArray(), painted, w, h);
    }
}
