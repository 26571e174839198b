package org.sakshi.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.core.Verdict;
import org.sakshi.service.ExportResult;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.NewCase;
import org.sakshi.testsupport.LocalTsa;

class ExportViewModelTest {
    private static ExportViewModel vm(AppContext app, Path caseDir, CaseInfo info, List<Item> items) {
        return new ExportViewModel(app.ui().exports(), app.ui().identities(), app.ui().timestamps(), caseDir, info, items);
    }

    @TempDir
    Path dir;

    private static CaseInfo info(Jurisdiction j) {
        return new CaseInfo(UUID.randomUUID(), "FIR 12/2026", "t", null, j, "Asha", ZoneId.of("Asia/Kolkata"), Instant.now());
    }

    @Test
    void theJurisdictionChoosesTheDefaultCertificate() {
        assertEquals(CertificateKind.IN_BSA63, ExportViewModel.defaultCertificate(Jurisdiction.IN));
        assertEquals(CertificateKind.US_FRE902, ExportViewModel.defaultCertificate(Jurisdiction.US));
        assertEquals(CertificateKind.GENERIC, ExportViewModel.defaultCertificate(Jurisdiction.NP));
    }

    @Test
    void theDefaultDestinationIsInTheCaseExportsFolderAndNeverOverwrites() throws Exception {
        Path first = ExportViewModel.defaultOut(dir, "FIR 12/2026", LocalDate.of(2026, 7, 28));
        assertEquals(dir.resolve("exports/FIR_12_2026-2026-07-28.zip"), first);
        Files.createDirectories(first.getParent());
        Files.writeString(first, "x");
        assertEquals(dir.resolve("exports/FIR_12_2026-2026-07-28-2.zip"),
                ExportViewModel.defaultOut(dir, "FIR 12/2026", LocalDate.of(2026, 7, 28)));
    }

    @Test
    void tsaUrlsAreReadOnePerLine() {
        assertEquals(List.of("http://a/tsa", "https://b/tsr"), ExportViewModel.parseUrls(" http://a/tsa\n\nhttps://b/tsr, http://a/tsa"));
    }

    @Test
    void aMissingIdentityFileIsNamedAndAllItemsMeanAnEmptyList() {
        ExportViewModel vm = vm(new AppContext(dir), dir, info(Jurisdiction.IN), List.of());
        vm.identityProperty().set(dir.resolve("nobody.p12").toString());
        assertTrue(vm.problemProperty().get().contains("items") || vm.problemProperty().get().contains("item"));
        assertTrue(vm.itemIds().isEmpty());
    }

    @Test
    void theSecretIsWipedAfterOpeningTheIdentityAndTheBundleIsSealedAndVerified() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            AppContext app = new AppContext(dir.resolve("ws"));
            Path caseDir = dir.resolve("ws/case");
            Actor asha = Actor.named("SI Asha Rao");
            app.ui().cases().create(caseDir, new NewCase("FIR 12/2026", "Export", null, Jurisdiction.IN,
                    ZoneId.of("Asia/Kolkata"), asha));
            Path photo = Files.write(dir.resolve("photo.bin"), new byte[] {1, 2, 3, 4, 5});
            app.ui().imports().importPaths(caseDir, List.of(photo),
                    new ImportRequest(null, null, null, null, null, List.of(tsa.source()), asha), null, null);
            List<Item> items = app.ui().evidence().items(caseDir);
            ExportViewModel vm = vm(app, caseDir, app.ui().cases().open(caseDir), items);
            vm.identityProperty().set(tsa.pki().officerP12().toString());
            vm.tsaUrlsProperty().set(tsa.url().toString());
            assertEquals("", vm.problemProperty().get());

            char[] secret = tsa.pki().officerPassword();
            Signer signer = vm.openIdentity(secret);
            assertArrayEquals(new char[secret.length], secret);
            ExportResult r = vm.export(signer, asha, null, null);

            assertTrue(Files.isRegularFile(r.bundle()));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(r.bundle()))),
                    r.sha256());
            assertNotEquals(Verdict.FAILED, r.verification().verdict(), r.verification().toString());
        }
    }
}
