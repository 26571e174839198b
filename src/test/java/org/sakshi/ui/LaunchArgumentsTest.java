package org.sakshi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sakshi gui ...} arguments, parsed without a screen. */
class LaunchArgumentsTest {

    @Test
    void verifyOptionNamesTheBundleToOpenInTheVerifyView() {
        LaunchArguments a = LaunchArguments.parse(List.of("gui", "--verify", "/tmp/FIR-12.zip"));
        assertEquals(List.of(Path.of("/tmp/FIR-12.zip")), a.verify());
        assertTrue(a.paths().isEmpty());
        assertTrue(a.ignored().isEmpty());
    }

    @Test
    void verifyOptionAlsoTakesTheEqualsForm() {
        assertEquals(List.of(Path.of("b.zip")), LaunchArguments.parse(List.of("gui", "--verify=b.zip")).verify());
    }

    @Test
    void verifyFileNotEndingInZipIsStillVerified() {
        assertEquals(List.of(Path.of("evidence.bundle")),
                LaunchArguments.parse(List.of("--verify", "evidence.bundle")).verify());
    }

    @Test
    void plainPathsKeepTheirFormBesideTheVerifyOption() {
        LaunchArguments a = LaunchArguments.parse(List.of("gui", "cases/FIR-1", "--verify", "x.zip", "y.zip"));
        assertEquals(List.of(Path.of("cases/FIR-1"), Path.of("y.zip")), a.paths());
        assertEquals(List.of(Path.of("x.zip")), a.verify());
    }

    @Test
    void verifyWithoutABundleIsIgnoredNotTakenAsAPath() {
        LaunchArguments a = LaunchArguments.parse(List.of("gui", "--verify"));
        assertTrue(a.isEmpty());
        assertEquals(List.of("--verify"), a.ignored());
    }

    @Test
    void noArgumentsOrOnlyGuiOpenNothingButTheStartWindow() {
        assertTrue(LaunchArguments.parse(List.of()).isEmpty());
        assertTrue(LaunchArguments.parse(List.of("gui")).isEmpty());
    }

    @Test
    void unknownOptionsAreIgnoredAndReported() {
        LaunchArguments a = LaunchArguments.parse(List.of("gui", "--fullscreen", "case"));
        assertEquals(List.of("--fullscreen"), a.ignored());
        assertEquals(List.of(Path.of("case")), a.paths());
    }

    @Test
    void aSecondGuiWordIsAPathNotTheCommand() {
        assertEquals(List.of(Path.of("gui")), LaunchArguments.parse(List.of("gui", "gui")).paths());
    }

    @Test
    void langOptionChoosesTheWindowLanguageAndIsNotAPath() {
        LaunchArguments a = LaunchArguments.parse(List.of("gui", "--lang", "bn", "/cases/FIR-12"));
        assertEquals("bn", a.lang());
        assertEquals(List.of(Path.of("/cases/FIR-12")), a.paths());
        assertTrue(a.ignored().isEmpty());
        assertEquals("hi", LaunchArguments.parse(List.of("gui", "--lang=hi")).lang());
        assertEquals(null, LaunchArguments.parse(List.of("gui")).lang());
    }
}
