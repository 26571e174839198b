package org.sakshi.ui.common;

/**
 * A window's default and minimum size, and the rules for its remembered geometry, kept apart from
 * the stage so they are tested without a window manager. A window opens at its default size (or
 * the remembered one), is never smaller than its minimum, and a size below the minimum (a window
 * manager that opened it at 200×200) is never remembered. Everything is clamped to the screen, so
 * a small screen lowers the minimum rather than pushing the window off it.
 */
public record WindowSize(double width, double height, double minWidth, double minHeight) {
    /** The start window and a case window: the whole workstation must fit. */
    public static final WindowSize MAIN = new WindowSize(1100, 720, 1024, 700);
    public static final WindowSize CASE = new WindowSize(1280, 800, 1024, 700);
    /** A secondary window (ledger, verify, audit). */
    public static final double WINDOW_MIN_WIDTH = 900;
    public static final double WINDOW_MIN_HEIGHT = 600;
    /** The least any dialog or wizard shrinks to. */
    public static final double DIALOG_MIN_WIDTH = 480;
    public static final double DIALOG_MIN_HEIGHT = 320;

    public WindowSize {
        if (!(minWidth > 0 && minHeight > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("a window needs a positive minimum and a finite size");
        }
        width = Math.max(width, minWidth);
        height = Math.max(height, minHeight);
    }

    /** A window of this default size whose minimum is the secondary-window minimum (never above the default). */
    public static WindowSize window(double width, double height) {
        return new WindowSize(width, height, Math.min(width, WINDOW_MIN_WIDTH), Math.min(height, WINDOW_MIN_HEIGHT));
    }

    /** A dialog or wizard of this default size with the dialog minimum (never above the default). */
    public static WindowSize dialog(double width, double height) {
        return new WindowSize(width, height, Math.min(width, DIALOG_MIN_WIDTH), Math.min(height, DIALOG_MIN_HEIGHT));
    }

    /** This size on a screen whose usable area is {@code screenWidth}×{@code screenHeight}. */
    public WindowSize fitTo(double screenWidth, double screenHeight) {
        if (!(screenWidth > 0 && screenHeight > 0)) {
            return this;
        }
        double mw = Math.min(minWidth, screenWidth);
        double mh = Math.min(minHeight, screenHeight);
        return new WindowSize(Math.min(width, screenWidth), Math.min(height, screenHeight), mw, mh);
    }

    /** Whether a window of this geometry is at least the minimum (and a real size). */
    public boolean fits(Settings.WindowGeometry g) {
        return g != null && Double.isFinite(g.width()) && Double.isFinite(g.height())
                && g.width() >= minWidth && g.height() >= minHeight;
    }

    /** The geometry to open with: the remembered one when it fits the minimum, else null (open at the default size). */
    public Settings.WindowGeometry restore(Settings.WindowGeometry remembered) {
        return fits(remembered) ? remembered : null;
    }

    /**
     * What to remember when the window closes at {@code now}: {@code now} when it fits the minimum,
     * else what was remembered before ({@code previous}, possibly null): a size below the minimum is
     * never written to the settings.
     */
    public Settings.WindowGeometry remember(Settings.WindowGeometry now, Settings.WindowGeometry previous) {
        if (fits(now)) {
            return now;
        }
        return fits(previous) ? previous : null;
    }
}
