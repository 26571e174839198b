package org.sakshi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theIdentityOfAJarIsTheSha256OfItsBytes() throws Exception {
        byte[] bytes = "PK\u0003\u0004 not a real jar, hashed as bytes".getBytes();
        Path jar = Files.write(dir.resolve("sakshi.jar"), bytes);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(Optional.of(expected), ToolIdentity.sha256OfJar(jar));
    }

    @Test
    void classesFromAFolderOrAMissingFileHaveNoIdentity() throws Exception {
        assertEquals(Optional.empty(), ToolIdentity.sha256OfJar(dir));
        assertEquals(Optional.empty(), ToolIdentity.sha256OfJar(dir.resolve("gone.jar")));
        assertEquals(Optional.empty(), ToolIdentity.sha256OfJar(Files.writeString(dir.resolve("notes.txt"), "x")));
        assertEquals(Optional.empty(), ToolIdentity.sha256OfJar(null));
    }

    @Test
    void theTestsRunFromClassesSoTheRunningToolHasNoJarIdentity() {
        assertTrue(ToolIdentity.jarSha256().isEmpty(), "tests load org.sakshi.core from target/classes");
    }
}
