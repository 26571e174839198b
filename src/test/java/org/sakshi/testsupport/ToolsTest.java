package org.sakshi.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ToolsTest {
    @Test
    void aMissingToolSkipsLocallyWithAMessageNamingIt() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Tools.require(false, "frobnicate is not on the PATH", false));
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    }

    @Test
    void aMissingToolFailsUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Tools.require(false, "frobnicate is not on the PATH", true));
        assertTrue(e.getMessage().contains("CI=true") && e.getMessage().contains("frobnicate"), e.getMessage());
    }

    @Test
    void runningAProgramThatIsNotInstalledIsARequireMiss() {
        // locally (CI unset) a skip naming the program; under CI the same call fails the test
        Class<? extends Throwable> expected = Tools.underCi() ? AssertionFailedError.class : TestAbortedException.class;
        Throwable e = assertThrows(expected, () -> Tools.run(null, "sakshi-no-such-tool-4711", "--version"));
        assertTrue(e.getMessage().contains("sakshi-no-such-tool-4711 is not on the PATH"), e.getMessage());
    }

    @Test
    void aPresentToolNeitherSkipsNorFails() {
        assertDoesNotThrow(() -> Tools.require(true, "sh", true));
        assertDoesNotThrow(() -> Tools.require(true, "sh", false));
    }
}
