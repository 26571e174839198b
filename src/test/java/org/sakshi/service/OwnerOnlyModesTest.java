package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Item;

/** A case holds victims' evidence: its folders are 0700, its database and records 0600, vault copies 0400. */
class OwnerOnlyModesTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void aNewCaseItsDatabaseRecordsDerivedFilesAndVaultCopiesAreTheOwnersOnly(Fixture.Store store) throws Exception {
        assumeTrue(Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null,
                "this file system has no POSIX permissions");
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        Path chat = tmp.resolve("WhatsApp Chat with Ravi.txt");
        Files.writeString(chat, "28/07/21, 2:05 pm - Ravi: hello\n28/07/21, 2:06 pm - Asha: hi\n",
                StandardCharsets.UTF_8);
        Path png = tmp.resolve("shot.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        List<Item> items = fx.imports.importPaths(c, List.of(chat, png), Fixture.plain(), null, null).imported();
        assertEquals(2, items.size());

        assertEquals("rwx------", mode(c));
        for (String sub : List.of("vault", "records", "derived", "exports")) {
            assertEquals("rwx------", mode(c.resolve(sub)), sub);
        }
        if (store == Fixture.Store.FOLDER) {
            assertEquals("rw-------", mode(c.resolve("case.db")));
        } else { // the ledger is on the lab server; the folder holds only the link and the case's files
            assertFalse(Files.exists(c.resolve("case.db")));
        }
        assertEquals("rw-------", mode(c.resolve("records/E0001.jsonl")));
        assertEquals("rwx------", mode(c.resolve("derived/E0002")));
        try (Stream<Path> s = Files.list(c.resolve("derived/E0002"))) {
            for (Path f : s.toList()) {
                assertEquals("r--------", mode(f), f.toString());
            }
        }
        for (Item it : items) {
            Path blob = fx.evidence.blobPath(c, it.id());
            assertEquals("r--------", mode(blob), blob.toString());
            assertEquals("rwx------", mode(blob.getParent()));
        }
    }
}
