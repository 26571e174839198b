package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;

/** Redacting a photo of a real case: a new derived item, the photo untouched (no screen). */
class RedactionViewModelTest {
    private static final Actor ASHA = Actor.named("SI Asha Rao");
    @TempDir
    Path dir;
    private AppContext app;
    private Path caseDir;
    private Item photo;
    private Path photoBlob;
    private byte[] photoBytes;

    @BeforeEach
    void caseWithAPhoto() throws Exception {
        app = new AppContext(dir.resolve("ws"));
        caseDir = dir.resolve("ws").resolve("case");
        app.ui().cases().create(caseDir, new NewCase("FIR 9/2026", "Redaction", null, Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), ASHA));
        BufferedImage img = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.CYAN);
        g.fillRect(0, 0, 80, 40);
        g.dispose();
        Path f = dir.resolve("IMG_0042.png");
        ImageIO.write(img, "png", f.toFile());
        photoBytes = Files.readAllBytes(f);
        photo = app.ui().imports().importPaths(caseDir, List.of(f),
                new ImportRequest(null, null, null, null, null, List.of(), ASHA), null, null).imported().get(0);
        photoBlob = app.ui().evidence().blobPath(caseDir, photo.id());
    }

    @Test
    void theDerivedNameKeepsTheBaseNameAndSaysRedacted() {
        assertEquals("IMG_0042-redacted.png", RedactionViewModel.derivedName("IMG_0042.jpg"));
        assertEquals("scan-redacted.png", RedactionViewModel.derivedName("scan"));
    }

    @Test
    void aClickWithoutADragDrawsNoBox() {
        RedactionViewModel vm = new RedactionViewModel(caseDir, app.ui().imports(), photo, photoBlob);
        assertFalse(vm.add(new Redactor.Region(5, 5, 1, 1)));
        assertTrue(vm.regions().isEmpty());
    }

    @Test
    void savingRecordsABlackedOutCopyDerivedFromThePhotoAndLeavesThePhotoAsItWas() throws Exception {
        RedactionViewModel vm = new RedactionViewModel(caseDir, app.ui().imports(), photo, photoBlob);
        assertTrue(vm.add(new Redactor.Region(4, 4, 10, 8)));
        vm.reasonProperty().set("face of a victim");
        Item copy = vm.save(ASHA, List.of());

        assertEquals(photo.id(), copy.derivedFrom());
        assertEquals("IMG_0042-redacted.png", copy.name());
        BufferedImage saved = ImageIO.read(app.ui().evidence().blobPath(caseDir, copy.id()).toFile());
        assertEquals(0, saved.getRGB(5, 5) & 0xffffff);
        assertEquals(Color.CYAN.getRGB() & 0xffffff, saved.getRGB(20, 20) & 0xffffff);
        assertArrayEquals(photoBytes, Files.readAllBytes(photoBlob));
        CustodyEvent derived = app.ui().custody().events(caseDir).stream()
                .filter(e -> e.type().equals("ITEM_DERIVED") && copy.id().equals(e.itemId())).findFirst().orElseThrow();
        assertEquals("redaction", derived.details().get("method"));
        assertEquals(List.of(List.of(4, 4, 10, 8)), derived.details().get("regions"));
        assertTrue(app.ui().custody().verify(caseDir).intact());
    }
}
