package org.sakshi.ingest.image;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sakshi.core.CancelFlag;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.RecordSink;
import org.sakshi.testsupport.FuzzFiles;

/**
 * Fuzzes the image metadata path (docs/threat-model.md, item 30): detection, EXIF/XMP/PNG text and the thumbnail,
 * from JPEG (with EXIF GPS and XMP), PNG (with a text chunk), GIF and BMP samples in
 * {@code ImageFuzzTestInputs/parse}. Property: a result (with warnings), never an exception.
 */
@Tag("fuzz")
class ImageFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("sakshi-fuzz-image");
    private static final ParseOptions OPTIONS = ParseOptions.defaults(ZoneId.of("Asia/Kolkata"));

    @AfterAll
    static void clean() throws IOException {
        FILES.delete();
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) throws Exception {
        ImageParser parser = new ImageParser();
        ParseInput in = ParseInput.ofFile("fuzz.jpg", FILES.write("fuzz.jpg", data), OPTIONS);
        parser.detect(in);
        assertNotNull(parser.parse(in, RecordSink.DISCARD, new CancelFlag()));
    }
}
