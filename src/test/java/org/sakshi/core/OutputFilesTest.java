package org.sakshi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void createRefusesALinkEvenADanglingOneAndNeverCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), dir.resolve("target.csv"));
        InputException e = assertThrows(InputException.class, () -> OutputFiles.create(link));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("target.csv"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void createRefusesAnExistingFileWithoutTruncatingIt() throws Exception {
        Path f = Files.writeString(dir.resolve("out.csv"), "precious");
        InputException e = assertThrows(InputException.class, () -> OutputFiles.create(f));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(f));
    }

    @Test
    void publishNeverReplacesALinkPlantedWhileThePartWasWritten() throws Exception {
        Path part = dir.resolve("out.pdf.part");
        try (OutputStream os = OutputFiles.create(part)) {
            os.write("report".getBytes());
        }
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path out = Files.createSymbolicLink(dir.resolve("out.pdf"), victim); // planted after the first check
        InputException e = assertThrows(InputException.class, () -> OutputFiles.publish(part, out));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(out));
    }

    @Test
    void publishGivesThePartItsFinalName() throws Exception {
        Path part = Files.writeString(dir.resolve("b.zip.part"), "bundle");
        OutputFiles.publish(part, dir.resolve("b.zip"));
        assertEquals("bundle", Files.readString(dir.resolve("b.zip")));
        assertFalse(Files.exists(part));
    }
}
