package org.sakshi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of ARCHITECTURE.md, enforced from the first commit. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sakshi");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void coreUsesNoIoLibrariesAndNoOtherSakshiPackage() {
        check(noClasses().that().resideInAPackage("org.sakshi.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..",
                        "org.bouncycastle..", "org.apache.pdfbox..", "org.apache.commons.compress..", "org.sqlite..",
                        "org.sakshi.hashing..", "org.sakshi.vault..", "org.sakshi.storage..", "org.sakshi.ingest..",
                        "org.sakshi.timestamp..", "org.sakshi.signing..", "org.sakshi.bundle..",
                        "org.sakshi.report..", "org.sakshi.service..", "org.sakshi.cli..", "org.sakshi.ui..",
                        "org.sakshi.app.."));
    }

    @Test
    void onlyStorageUsesJdbc() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite.."));
    }

    @Test
    void bouncyCastleStaysInTimestampAndSigning() {
        check(noClasses().that().resideOutsideOfPackages("org.sakshi.timestamp..", "org.sakshi.signing..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle.."));
    }

    @Test
    void pdfBoxStaysInReport() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox.."));
    }

    @Test
    void commonsCompressStaysInBundleAndIngest() {
        check(noClasses().that().resideOutsideOfPackages("org.sakshi.bundle..", "org.sakshi.ingest..", "org.sakshi.sample..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.compress.."));
    }

    @Test
    void javaFxStaysInUi() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx.."));
    }

    @Test
    void engineKnowsNothingOfTheFaces() {
        check(noClasses().that().resideInAnyPackage("org.sakshi.core..", "org.sakshi.hashing..",
                        "org.sakshi.vault..", "org.sakshi.storage..", "org.sakshi.ingest..", "org.sakshi.timestamp..",
                        "org.sakshi.signing..", "org.sakshi.bundle..", "org.sakshi.report..", "org.sakshi.service..",
                        "org.sakshi.sample..", "org.sakshi.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sakshi.ui..", "org.sakshi.cli..",
                        "org.sakshi.app.."));
    }

    @Test
    void onlyViewModelsAndServicesAreCalledFromTheUi() {
        check(noClasses().that().resideInAPackage("org.sakshi.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sakshi.storage..", "org.sakshi.vault..",
                        "org.sakshi.hashing..", "org.sakshi.cli.."));
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.cli..")
                .should().accessField(System.class, "out"));
    }
}
