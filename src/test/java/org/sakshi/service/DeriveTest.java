package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Severity;
import org.sakshi.hashing.HashPipeline;

/** A redacted copy recorded as a new item derived from a photo; the photo itself stays untouched. */
@ParameterizedClass(name = "{0} store")
@EnumSource(Fixture.Store.class)
class DeriveTest {
    @Parameter
    Fixture.Store store;
    @TempDir
    Path dir;
    private Fixture fx;
    private Path caseDir;
    private Item photo;
    private byte[] photoBytes;

    private static byte[] png(Color fill, boolean blackBox) throws Exception {
        BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, 120, 80);
        if (blackBox) {
            g.setColor(Color.BLACK);
            g.fillRect(10, 20, 30, 15);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @BeforeEach
    void caseWithAPhoto() throws Exception {
        fx = store.fixture();
        caseDir = fx.newCase(dir.resolve("case"));
        photoBytes = png(Color.ORANGE, false);
        Path f = Files.write(dir.resolve("Screenshot_20260727-211500.png"), photoBytes);
        photo = fx.imports.importPaths(caseDir, List.of(f), Fixture.plain(), null, null).imported().get(0);
    }

    private Item deriveRedacted() throws Exception {
        return fx.imports.derive(caseDir, new DeriveRequest(photo.id(), "Screenshot_20260727-211500-redacted.png",
                png(Color.ORANGE, true), "redaction", "face of a victim", List.of(List.of(10, 20, 30, 15)),
                Fixture.OFFICER, List.of()));
    }

    @Test
    void theRedactedCopyIsANewItemDerivedFromThePhotoWithItsOwnHashes() throws Exception {
        Item red = deriveRedacted();
        assertEquals("E0002", red.id());
        assertEquals(photo.id(), red.derivedFrom());
        assertEquals(ItemKind.SCREENSHOT, red.kind());
        assertNotEquals(photo.digests().sha256(), red.digests().sha256());
        byte[] stored = Files.readAllBytes(fx.evidence.blobPath(caseDir, red.id()));
        assertEquals(HashPipeline.hashBytes(stored).digests(), red.digests());
        assertEquals(red, fx.evidence.item(caseDir, red.id()));
    }

    @Test
    void theParentsVaultCopyAndRecordAreUnchanged() throws Exception {
        Path blob = fx.evidence.blobPath(caseDir, photo.id());
        deriveRedacted();
        assertArrayEquals(photoBytes, Files.readAllBytes(blob));
        assertEquals(photo, fx.evidence.item(caseDir, photo.id()));
        assertTrue(Files.getPosixFilePermissions(fx.evidence.blobPath(caseDir, "E0002")).stream()
                .noneMatch(p -> p.name().endsWith("_WRITE")), "the derived copy is read-only");
    }

    @Test
    void anItemDerivedEventNamesTheParentTheMethodAndTheRegionsAndTheLedgerVerifies() throws Exception {
        Item red = deriveRedacted();
        CustodyEvent e = fx.custody.events(caseDir).stream()
                .filter(x -> x.type().equals("ITEM_DERIVED") && red.id().equals(x.itemId())
                        && x.details().containsKey("parent"))
                .findFirst().orElseThrow();
        Map<String, Object> d = e.details();
        assertEquals(photo.id(), d.get("parent"));
        assertEquals(photo.digests().sha256(), d.get("parent_sha256"));
        assertEquals("redaction", d.get("method"));
        assertEquals("face of a victim", d.get("reason"));
        assertEquals(List.of(List.of(10, 20, 30, 15)), d.get("regions"));
        assertEquals(red.digests().sha256(), e.itemSha256());
        assertTrue(fx.custody.verify(caseDir).intact());
        assertTrue(fx.custody.events(caseDir).stream().noneMatch(x -> x.type().equals("ITEM_IMPORTED")
                && red.id().equals(x.itemId())), "a derived item is not an import");
    }

    @Test
    void theAuditFollowsTheDerivationWithoutErrors() throws Exception {
        Item red = deriveRedacted();
        AuditReport r = AuditService.standard(fx.cases, fx.custody, fx.evidence).audit(caseDir, AuditOptions.DEFAULTS);
        assertEquals(0, r.count(Severity.ERROR), r.findings().toString());
        assertTrue(r.findings("DERIVED_PARENT_MISSING").isEmpty());
        assertEquals("ITEM_DERIVED", r.item(red.id()).orElseThrow().timeline().get(0).type());
    }

    @Test
    void aFolderItemCannotBeAParent() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dump"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Item f = fx.imports.importPaths(caseDir, List.of(folder), Fixture.plain(), null, null).imported().get(0);
        assertThrows(InputException.class, () -> fx.imports.derive(caseDir, new DeriveRequest(f.id(), "x.png",
                photoBytes, "redaction", null, List.of(), Fixture.OFFICER, List.of())));
    }
}
