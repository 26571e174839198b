package org.sakshi.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.sample.SampleCase;

/** Help → Open sample case against a real workspace (no screen). */
class SampleCaseViewModelTest {
    @TempDir
    Path dir;
    private AppContext app;
    private Path ws;
    private SampleCaseViewModel vm;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("ws");
        app = new AppContext(ws);
        vm = new SampleCaseViewModel(app.ui().cases(), app.ui().samples(), ws);
    }

    @Test
    void firstUseBuildsTheSampleCaseInSample0001WithItsThreeItems() throws Exception {
        SampleCaseViewModel.Outcome out = vm.openOrBuild();
        assertTrue(out.created());
        assertEquals(ws.resolve("SAMPLE-0001"), out.dir());
        assertEquals(3, app.ui().evidence().items(out.dir()).size());
        assertEquals(SampleCase.CASE_NUMBER, app.ui().cases().open(out.dir()).number());
        assertTrue(app.ui().custody().verify(out.dir()).intact());
    }

    @Test
    void secondUseOpensTheExistingSampleCaseInsteadOfBuildingAnother() throws Exception {
        Path first = vm.openOrBuild().dir();
        SampleCaseViewModel.Outcome again = vm.openOrBuild();
        assertFalse(again.created());
        assertEquals(first, again.dir());
        assertEquals(1, app.ui().cases().list(ws).size());
    }

    @Test
    void aFolderAlreadyNamedSample0001ThatIsNoCaseIsLeftAloneAndTheNextNameIsUsed() throws Exception {
        Files.createDirectories(ws.resolve("SAMPLE-0001"));
        Files.writeString(ws.resolve("SAMPLE-0001").resolve("notes.txt"), "someone else's folder");
        SampleCaseViewModel.Outcome out = vm.openOrBuild();
        assertEquals(ws.resolve("SAMPLE-0001 (2)"), out.dir());
        assertTrue(Files.exists(ws.resolve("SAMPLE-0001").resolve("notes.txt")));
        assertFalse(Files.exists(ws.resolve("SAMPLE-0001").resolve("case.db")));
    }
}
