package org.sakshi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/architecture.md#dependency-rules-enforced, enforced from the first commit. Each rule's name and
 * {@code because} say what it enforces; a failure names the offending classes.
 */
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
                        "org.sakshi.app..")
                .because("core holds the records and rules every package shares, so it must import no library with I/O and no other Sakshi package"));
    }

    @Test
    void onlyStorageUsesJdbc() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
                .because("storage is the one package that speaks SQL; services see a store, not JDBC"));
    }

    @Test
    void bouncyCastleStaysInTimestampAndSigning() {
        check(noClasses().that().resideOutsideOfPackages("org.sakshi.timestamp..", "org.sakshi.signing..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .because("Bouncy Castle is confined to the CMS and RFC 3161 code"));
    }

    @Test
    void euDssStaysInTheLongTermPackage() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.signing.ltv..")
                .should().dependOnClassesThat().resideInAPackage("eu.europa.esig..")
                .because("EU DSS augments and validates signatures for the long term in signing.ltv only; the rest"
                        + " sees Sakshi's own records"));
    }

    @Test
    void pdfBoxStaysInReport() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .because("PDF writing and signing live in report only"));
    }

    @Test
    void commonsCompressStaysInBundleAndIngest() {
        check(noClasses().that().resideOutsideOfPackages("org.sakshi.bundle..", "org.sakshi.ingest..", "org.sakshi.sample..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.compress..")
                .because("archives are read and written by bundle, ingest and the sample data generator only"));
    }

    @Test
    void javaFxStaysInUi() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the engine and the command line must run without a display"));
    }

    @Test
    void engineKnowsNothingOfTheFaces() {
        check(noClasses().that().resideInAnyPackage("org.sakshi.core..", "org.sakshi.hashing..",
                        "org.sakshi.vault..", "org.sakshi.storage..", "org.sakshi.ingest..", "org.sakshi.timestamp..",
                        "org.sakshi.signing..", "org.sakshi.bundle..", "org.sakshi.report..", "org.sakshi.service..",
                        "org.sakshi.sample..", "org.sakshi.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sakshi.ui..", "org.sakshi.cli..",
                        "org.sakshi.app..")
                .because("every face calls the same engine; the engine knows none of them"));
    }

    @Test
    void frontEndsReachTheEngineOnlyThroughServiceAndCore() {
        check(noClasses().that().resideInAnyPackage("org.sakshi.cli..", "org.sakshi.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sakshi.hashing..", "org.sakshi.vault..",
                        "org.sakshi.storage..", "org.sakshi.ingest..", "org.sakshi.timestamp..", "org.sakshi.signing..",
                        "org.sakshi.bundle..", "org.sakshi.report..", "org.sakshi.audit..", "org.sakshi.sample..",
                        "org.sakshi.app..")
                .because("the command line and the GUI call the same service methods with core types (no front end "
                        + "opens a key store or reads an engine type itself) and get their services by constructor "
                        + "from app, which they never call back"));
    }

    @Test
    void theCommandLineAndTheGuiDoNotDependOnEachOther() {
        check(noClasses().that().resideInAPackage("org.sakshi.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.sakshi.ui..")
                .because("each face stands alone on the services"));
        check(noClasses().that().resideInAPackage("org.sakshi.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.sakshi.cli..")
                .because("each face stands alone on the services"));
    }

    @Test
    void viewModelsGetTheirServicesByConstructorNotTheWorkbench() {
        check(noClasses().that().resideInAPackage("org.sakshi.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.sakshi.ui.common.UiServices")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.sakshi.ui.common.Workbench")
                .because("a view model is given the few services it uses, so its tests wire exactly those"));
    }

    @Test
    void onlyTheWindowHelperCreatesWindows() {
        check(noClasses().that().doNotHaveFullyQualifiedName("org.sakshi.ui.common.Windows")
                .should().callConstructor(javafx.stage.Stage.class)
                .because("every window gets its owner, one instance per key, the shortcuts and the close hook "
                        + "from one place (ui.common.Windows)"));
    }

    @Test
    void packagesFormNoCycles() {
        check(slices().matching("org.sakshi.(*)..").should().beFreeOfCycles()
                .because("a package that depends on another may not be depended on by it, directly or around a loop; "
                        + "shared types move down (to core) instead"));
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        check(noClasses().that().resideOutsideOfPackage("org.sakshi.cli..")
                .should().accessField(System.class, "out")
                .because("standard output belongs to the command line's results; everything else logs"));
    }
}
