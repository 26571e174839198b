package org.sakshi.ingest.device.ewf;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sakshi.core.CancelFlag;
import org.sakshi.testsupport.FuzzFiles;

/**
 * Fuzzes the EWF (E01) reader (docs/threat-model.md, item 30) from a 64 KiB image acquired with libewf's ewfacquire
 * in {@code EwfFuzzTestInputs/open}. Property: opening and verifying gives a result or the
 * documented EwfFormatException / IOException; never another exception, error or runaway allocation.
 */
@Tag("fuzz")
class EwfFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("sakshi-fuzz-ewf");

    @AfterAll
    static void clean() throws IOException {
        FILES.delete();
    }

    @FuzzTest(maxDuration = "60s")
    void open(byte[] data) throws Exception {
        try {
            EwfImage img = EwfImage.open(List.of(FILES.write("fuzz.E01", data)));
            assertNotNull(img.warnings());
            assertNotNull(img.verify(new CancelFlag()));
        } catch (EwfFormatException | IOException documented) {
            // not an EWF image, or a damaged one: said in one sentence
        }
    }
}
