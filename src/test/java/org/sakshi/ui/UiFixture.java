package org.sakshi.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.sakshi.app.AppContext;
import org.sakshi.ui.common.OperatorProfile;
import org.sakshi.ui.common.SettingsStore;
import org.sakshi.ui.common.Workbench;
import org.testfx.util.WaitForAsyncUtils;

/** Shared set-up of the few headless UI tests: a real AppContext on a temp workspace and an operator. */
public final class UiFixture {
    private UiFixture() {
    }

    public static Workbench bench(Path dir) {
        Workbench bench = new Workbench(new AppContext(dir.resolve("ws")).ui(), dir.resolve("ws"),
                new SettingsStore(dir.resolve("home")));
        bench.settings().profile = new OperatorProfile("SI Asha Rao", "SI", "4711", "CID West Bengal", null, false);
        bench.settings().workspace = dir.resolve("ws").toString();
        return bench;
    }

    /** Waits (up to 20 s, polling) for a condition that background work makes true. */
    public static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
