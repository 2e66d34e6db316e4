package org.crmkit.persistence.mybatis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter stays an adapter that a host could have written: it uses crm-core's exported API (the ports on snapshot
 * records, the kernel, the SPI), never a package named {@code internal} (domain, services, stores, in-memory).
 */
class AdapterArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.persistence.mybatis");

    @Test
    void theAdapterUsesOnlyCrmCoresApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.crmkit.core..internal..")
                .because("crm-core's module exports only its API (ADR 0011)")
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
