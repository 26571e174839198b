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
        assertEquals(CertificateKind.NP, ExportViewModel.defaultCertificate(Jurisdiction.NP));
        assertEquals(CertificateKind.BD, ExportViewModel.defaultCertificate(Jurisdiction.BD));
        assertEquals(CertificateKind.GENERIC, ExportViewModel.defaultCertificate(Jurisdiction.OTHER));
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

            ExportViewModel.ResultText text = ExportViewModel.explain(r.verification(), signer.chain());
            String rootSubject = signer.chain().get(signer.chain().size() - 1).getSubjectX500Principal().getName();
            assertTrue(text.roots().contains(rootSubject), text.roots());
            assertTrue(text.recipient().contains(rootSubject) && text.recipient().contains("time-stamp authority"),
                    text.recipient());
            assertEquals(r.verification().verdict() == Verdict.PASSED, text.problems().isEmpty(), text.problems().toString());
        }
    }

    @Test
    void theReportLanguageChosenInTheWizardGivesABilingualReportInTheBundle() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            AppContext app = new AppContext(dir.resolve("ws"));
            Path caseDir = dir.resolve("ws/case");
            Actor rahman = Actor.named("SI Abdur Rahman");
            app.ui().cases().create(caseDir, new NewCase("DMP 7/2026", "Bilingual", null, Jurisdiction.BD,
                    ZoneId.of("Asia/Dhaka"), rahman));
            Path photo = Files.write(dir.resolve("photo.bin"), new byte[] {1, 2, 3, 4, 5});
            app.ui().imports().importPaths(caseDir, List.of(photo),
                    new ImportRequest(null, null, null, null, null, List.of(tsa.source()), rahman), null, null);
            ExportViewModel vm = vm(app, caseDir, app.ui().cases().open(caseDir), app.ui().evidence().items(caseDir));
            assertEquals(null, vm.reportLanguageProperty().get(), "English alone unless the officer chooses");
            vm.identityProperty().set(tsa.pki().officerP12().toString());
            vm.tsaUrlsProperty().set(tsa.url().toString());
            vm.reportLanguageProperty().set("bn");
            ExportResult r = vm.export(vm.openIdentity(tsa.pki().officerPassword()), rahman, null, null);
            Path report = dir.resolve("report.pdf");
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(r.bundle().toFile())) {
                var e = java.util.Collections.list(z.entries()).stream()
                        .filter(x -> x.getName().endsWith("data/report/report.pdf")).findFirst().orElseThrow();
                try (var in = z.getInputStream(e)) {
                    Files.copy(in, report);
                }
            }
            String text = org.sakshi.report.PdfText.extract(report);
            assertTrue(text.contains("Digital Evidence Report") && text.contains("ডিজিটাল সাক্ষ্য প্রতিবেদন"), text);
            assertTrue(text.contains("TRANSLATION (Bengali) — DRAFT"), text);
            assertNotEquals(Verdict.FAILED, r.verification().verdict(), r.verification().toString());
        }
    }

    @Test
    void aWrongPasswordIsRecognisedAndNamesTheChosenFile() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            ExportViewModel vm = vm(new AppContext(dir.resolve("ws")), dir, info(Jurisdiction.IN), List.of());
            vm.identityProperty().set(tsa.pki().officerP12().toString());
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> vm.openIdentity("not-the-password".toCharArray()));
            assertTrue(ExportViewModel.wrongSecret(e), e.toString());
            assertTrue(vm.wrongSecretText().startsWith("Wrong password for " + tsa.pki().officerP12()), vm.wrongSecretText());
            assertEquals(tsa.pki().officerP12().toString(), vm.identityProperty().get(), "the file stays chosen");
            assertTrue(!ExportViewModel.wrongSecret(new org.sakshi.core.SigningException("keystore x has no private key")));
        }
    }

    @Test
    void everyCheckThatDidNotPassIsExplainedInItsOwnWords() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            Signer signer = new AppContext(dir.resolve("ws")).ui().identities().open(
                    org.sakshi.service.SigningIdentity.pkcs12(tsa.pki().officerP12(), null), tsa.pki().officerPassword());
            org.sakshi.core.VerificationReport report = new org.sakshi.core.VerificationReport(Verdict.INDETERMINATE, "b",
                    "FIR 1", null, List.of(), List.of(
                    org.sakshi.core.Check.passed(org.sakshi.core.CheckCode.values()[0], "", "fine"),
                    org.sakshi.core.Check.indeterminate(org.sakshi.core.CheckCode.values()[1], "tokens/item.tsr",
                            "the time-stamp authority's certificate does not chain to a certificate you trust")), List.of());
            ExportViewModel.ResultText text = ExportViewModel.explain(report, signer.chain());
            assertEquals(1, text.problems().size(), text.problems().toString());
            assertTrue(text.problems().get(0).contains("not decided")
                    && text.problems().get(0).contains("tokens/item.tsr: the time-stamp authority's certificate"),
                    text.problems().get(0));
            assertTrue(text.roots().contains("none (no time-stamp authority answered)"), text.roots());
        }
    }

    @Test
    void recipientsComeFromCertificateFilesAndMakeTheDestinationAP7m() throws Exception {
        try (LocalTsa tsa = LocalTsa.start(dir.resolve("pki"))) {
            ExportViewModel vm = vm(new AppContext(dir.resolve("ws")), dir, info(Jurisdiction.IN), List.of());
            Path pem = dir.resolve("prosecutor.pem");
            org.sakshi.signing.Pem.writeCertificates(pem, List.of(tsa.pki().issueRecipient("Public Prosecutor", "RSA").cert()));
            vm.outProperty().set(dir.resolve("B.zip"));
            assertEquals(dir.resolve("B.zip"), vm.written());
            vm.addRecipient(pem);
            vm.addRecipient(pem);
            assertEquals(1, vm.recipients().size(), "the same certificate counts once");
            assertEquals("Public Prosecutor (RSA 3072)", ExportViewModel.describe(vm.recipients().get(0)));
            assertEquals(dir.resolve("B.zip.p7m"), vm.written());
            Files.writeString(dir.resolve("B.zip.p7m"), "taken");
            vm.identityProperty().set(tsa.pki().officerP12().toString());
            vm.selected().add("E0001");
            assertTrue(vm.problemProperty().get().contains("B.zip.p7m"), vm.problemProperty().get());
            Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(org.sakshi.core.InputException.class,
                    () -> vm.addRecipient(junk));
            assertTrue(e.getMessage().startsWith("certificate file " + junk), e.getMessage());
        }
    }
}
