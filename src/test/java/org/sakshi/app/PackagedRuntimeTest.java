package org.sakshi.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The installed application runs on a jlinked runtime holding only the modules
 * installer/build-linux.sh puts in it; a class of a JDK-specific management module loaded at start
 * stopped every launch of the .deb with NoClassDefFoundError. The launch path uses java.base only.
 */
class PackagedRuntimeTest {
    @Test
    void noApplicationClassNeedsTheJdkSpecificManagementModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sun.management..", "sun.management..")
                .because("the packaged runtime may lack jdk.management; measure with ProcessHandle instead")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.sakshi"));
    }
}
