package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {
    @TempDir
    Path profile;

    private static byte[] original(String resource) throws Exception {
        URL url = SqliteLibrary.class.getClassLoader().getResource(resource);
        assertNotNull(url, resource);
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void theDriversLibraryIsCopiedOnceIntoTheProfileAndTheCopyIsReusedWhileItMatchesTheJar() throws Exception {
        String resource = SqliteLibrary.resource();
        assumeTrue(resource != null, "a platform whose library the driver unpacks itself");
        Path dir = SqliteLibrary.keep(profile);
        assertNotNull(dir);
        assertTrue(dir.startsWith(profile.resolve("native")), dir.toString());
        Path lib = dir.resolve(System.mapLibraryName("sqlitejdbc"));
        assertArrayEquals(original(resource), Files.readAllBytes(lib));

        Files.setLastModifiedTime(lib, FileTime.fromMillis(1_000_000L));
        assertEquals(dir, SqliteLibrary.keep(profile));
        assertEquals(1_000_000L, Files.getLastModifiedTime(lib).toMillis(), "a matching copy is not written again");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left beside the copy");
        }
    }

    @Test
    void aDamagedOrTruncatedCopyIsWrittenAgainBeforeTheDriverLoadsIt() throws Exception {
        String resource = SqliteLibrary.resource();
        assumeTrue(resource != null, "a platform whose library the driver unpacks itself");
        Path lib = SqliteLibrary.keep(profile).resolve(System.mapLibraryName("sqlitejdbc"));
        byte[] good = Files.readAllBytes(lib);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x5a; // same size, other bytes: caught by the CRC-32
        Files.write(lib, flipped);
        SqliteLibrary.keep(profile);
        assertArrayEquals(good, Files.readAllBytes(lib));

        Files.write(lib, new byte[] {1, 2, 3});
        SqliteLibrary.keep(profile);
        assertArrayEquals(good, Files.readAllBytes(lib));
    }
}
