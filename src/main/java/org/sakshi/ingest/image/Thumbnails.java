package org.sakshi.ingest.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Headless thumbnails with ImageIO. The caller has already checked the pixel count claimed by
 * the header; decoding then uses source subsampling, so even a large photo is never held at full
 * resolution. ImageIO's disk cache is switched off: parsers never write files.
 */
final class Thumbnails {
    /** Longest side of a thumbnail, in pixels. */
    static final int MAX_SIDE = 256;

    static {
        ImageIO.setUseCache(false);
    }

    private Thumbnails() {
    }

    /** Width and height from the header via ImageIO (no pixel decoding), or null. */
    static int[] headerDimensions(Path file) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            if (iis == null) {
                return null;
            }
            Iterator<ImageReader> it = ImageIO.getImageReaders(iis);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader r = it.next();
            try {
                r.setInput(iis, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes the first frame subsampled to about twice the thumbnail size, scales it to at most
     * {@link #MAX_SIDE} px, turns it upright per the EXIF orientation (TIFF 6.0 tag 274: 3 = 180°,
     * 6 = 90° clockwise, 8 = 90° anticlockwise) and encodes it as PNG.
     */
    static byte[] thumbnail(Path file, int[] dims, Integer orientation) throws IOException {
        BufferedImage src;
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            if (iis == null) {
                throw new IOException("cannot open the image stream");
            }
            Iterator<ImageReader> it = ImageIO.getImageReaders(iis);
            if (!it.hasNext()) {
                throw new IOException("no image decoder recognises the content");
            }
            ImageReader r = it.next();
            try {
                r.setInput(iis, true, true);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                if ((long) w * h > (long) dims[0] * dims[1]) {
                    throw new IOException("the decoder sees " + w + " x " + h + " pixels, more than the header's "
                            + dims[0] + " x " + dims[1]);
                }
                ImageReadParam p = r.getDefaultReadParam();
                int step = Math.max(1, Math.max(w, h) / (2 * MAX_SIDE));
                p.setSourceSubsampling(step, step, 0, 0);
                src = r.read(0, p);
            } finally {
                r.dispose();
            }
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(src.getWidth(), src.getHeight()));
        int tw = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int th = Math.max(1, (int) Math.round(src.getHeight() * scale));
        int o = orientation == null ? 1 : orientation;
        boolean swap = o == 6 || o == 8;
        BufferedImage out = new BufferedImage(swap ? th : tw, swap ? tw : th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform t = new AffineTransform();
            switch (o) {
                case 3 -> { t.translate(tw, th); t.rotate(Math.PI); }
                case 6 -> { t.translate(th, 0); t.rotate(Math.PI / 2); }
                case 8 -> { t.translate(0, tw); t.rotate(-Math.PI / 2); }
                default -> { }
            }
            t.scale((double) tw / src.getWidth(), (double) th / src.getHeight());
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        if (!ImageIO.write(out, "png", bos)) {
            throw new IOException("no PNG encoder available");
        }
        return bos.toByteArray();
    }
}
