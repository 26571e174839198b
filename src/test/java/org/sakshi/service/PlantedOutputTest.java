package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.InputException;
import org.sakshi.core.VerificationReport;

/**
 * A symbolic link planted where the user asked for an output file (export --out, verify --report,
 * audit --report) is refused with a sentence naming it; the link's target is not touched and no
 * part file is left behind. An existing file is never overwritten either.
 */
@ParameterizedClass(name = "{0} store")
@EnumSource(Fixture.Store.class)
class PlantedOutputTest {
    @Parameter
    Fixture.Store store;
    static ExportFixture fx;
    static Path bundle;

    @TempDir
    Path dir;

    @BeforeParameterizedClassInvocation
    static void export(Fixture.Store store) throws Exception {
        fx = ExportFixture.shared(store);
        bundle = ExportFixture.sharedExport(store).bundle();
    }

    /** A precious file and a link to it at {@code name}. */
    private Path plant(String name, Path victim) throws Exception {
        Files.writeString(victim, "precious");
        return Files.createSymbolicLink(dir.resolve(name), victim);
    }

    private void assertRefusedAndUntouched(InputException e, Path link, Path victim) throws Exception {
        assertTrue(e.getMessage().contains("is a symbolic link") && e.getMessage().contains("remove the link"),
                e.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no part file is left");
        }
    }

    @Test
    void exportRefusesALinkPlantedAtTheBundlePath() throws Exception {
        Path victim = dir.resolve("victim.txt");
        Path link = plant("bundle.zip", victim);
        InputException e = assertThrows(InputException.class,
                () -> fx.exports.export(fx.caseDir, fx.request(link, List.of()), null, null));
        assertRefusedAndUntouched(e, link, victim);
    }

    @Test
    void exportRefusesADanglingLinkPlantedAtTheBundlePath() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("bundle.zip"), dir.resolve("not-yet.txt"));
        InputException e = assertThrows(InputException.class,
                () -> fx.exports.export(fx.caseDir, fx.request(link, List.of()), null, null));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("not-yet.txt"), LinkOption.NOFOLLOW_LINKS), "the link's target was created");
    }

    @Test
    void verifyReportRefusesALinkAndAnExistingFile() throws Exception {
        VerificationReport r = fx.verifier.verify(bundle, fx.trust(), null);
        Path victim = dir.resolve("victim.pdf");
        Path link = plant("report.pdf", victim);
        InputException e = assertThrows(InputException.class, () -> fx.verifier.writeReportPdf(r, bundle, link));
        assertRefusedAndUntouched(e, link, victim);
        InputException again = assertThrows(InputException.class, () -> fx.verifier.writeReportPdf(r, bundle, victim));
        assertTrue(again.getMessage().contains("already exists; choose another file name"), again.getMessage());
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void auditReportRefusesALinkPlantedAtItsPath() throws Exception {
        AuditService audit = AuditService.standard(fx.cases, fx.custody, fx.evidence);
        AuditReport r = audit.auditCase(fx.caseDir, AuditOptions.DEFAULTS);
        Path victim = dir.resolve("victim.pdf");
        Path link = plant("audit.pdf", victim);
        InputException e = assertThrows(InputException.class,
                () -> audit.writeReportPdf(r, "sakshi test", link, null, null));
        assertRefusedAndUntouched(e, link, victim);
    }
}
