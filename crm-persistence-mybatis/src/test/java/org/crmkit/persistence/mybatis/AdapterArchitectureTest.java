package org.crmkit.persistence.mybatis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter stays an adapter: it uses crm-core's ports and domain, never its application services. */
class AdapterArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.persistence.mybatis");

    @Test
    void theAdapterDoesNotReachIntoApplicationServices() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.crmkit.core..application..")
                .check(ADAPTER);
    }

    @Test
    void theAdapterUsesNoSpringAndNoInMemoryAdapter() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.crmkit.core.internal.inmemory..")
                .check(ADAPTER);
    }

    @Test
    void mappersAndRowsArePackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleNameEndingWith("Row")
                .should().notBePublic().check(ADAPTER);
    }
}
