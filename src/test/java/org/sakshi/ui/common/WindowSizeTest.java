package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The window-size rules, without a window manager. */
class WindowSizeTest {
    private static Settings.WindowGeometry g(double w, double h) {
        return new Settings.WindowGeometry(10, 20, w, h, false);
    }

    @Test
    void aSizeBelowTheMinimumIsNeverRememberedAndThePreviousGoodOneIsKept() {
        Settings.WindowGeometry good = g(1300, 820);
        assertSame(good, WindowSize.CASE.remember(g(200, 200), good), "a 200×200 window keeps the earlier size");
        assertNull(WindowSize.CASE.remember(g(200, 200), null), "nothing is remembered when nothing good was");
        assertNull(WindowSize.CASE.remember(g(1300, 200), g(1000, 900)), "the previous one is below the minimum too");
        Settings.WindowGeometry bigger = g(1400, 900);
        assertSame(bigger, WindowSize.CASE.remember(bigger, good));
        assertSame(good, WindowSize.MAIN.remember(g(Double.NaN, 800), good));
    }

    @Test
    void aRememberedSizeBelowTheMinimumIsIgnoredAndTheWindowOpensAtItsDefault() {
        assertNull(WindowSize.MAIN.restore(g(200, 200)));
        assertNull(WindowSize.MAIN.restore(null));
        Settings.WindowGeometry ok = g(1024, 700);
        assertSame(ok, WindowSize.MAIN.restore(ok), "exactly the minimum is kept");
    }

    @Test
    void theDefaultIsNeverBelowTheMinimumAndASmallScreenLowersBoth() {
        WindowSize s = new WindowSize(300, 200, 640, 480);
        assertEquals(640, s.width());
        assertEquals(480, s.height());

        WindowSize onSmall = WindowSize.CASE.fitTo(1000, 680);
        assertEquals(1000, onSmall.width());
        assertEquals(680, onSmall.height());
        assertEquals(1000, onSmall.minWidth());
        assertEquals(680, onSmall.minHeight());

        WindowSize onBig = WindowSize.CASE.fitTo(1920, 1050);
        assertEquals(WindowSize.CASE, onBig);
        assertEquals(WindowSize.CASE, WindowSize.CASE.fitTo(0, 0), "an unknown screen changes nothing");
    }

    @Test
    void windowsAndDialogsGetTheirMinimumButNoneAboveTheirDefault() {
        WindowSize ledger = WindowSize.window(1150, 680);
        assertEquals(900, ledger.minWidth());
        assertEquals(600, ledger.minHeight());
        WindowSize tiny = WindowSize.window(300, 200);
        assertEquals(300, tiny.minWidth());
        assertEquals(200, tiny.minHeight());
        WindowSize wizard = WindowSize.dialog(760, 720);
        assertEquals(480, wizard.minWidth());
        assertEquals(320, wizard.minHeight());
        assertThrows(IllegalArgumentException.class, () -> new WindowSize(100, 100, 0, 10));
    }
}
