package org.crmkit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the hexagon of docs/architecture.md honest on crm-core's main classes. Every rule was seen to fail once
 * against a deliberately violating class before it was trusted.
 */
@AnalyzeClasses(packages = ArchitectureTest.CORE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String CORE = "org.crmkit.core";
    static final String KERNEL = CORE + ".shared";
    /** Sub-packages of crm-core that are not business areas: the kernel, the core's internals, the SPI. */
    static final Set<String> NOT_AREAS = Set.of("shared", "internal", "spi");

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaTheKernelAndItsOwnDomain = classes()
            .that().resideInAPackage(CORE + ".*.internal.domain..")
            .should(dependOnlyOnJavaTheKernelTheAreasVocabularyAndTheirOwnDomain())
            .because("the domain is plain Java (docs/architecture.md, Rules of the core)");

    @ArchTest
    static final ArchRule theVocabularyDependsOnNoUseCaseAndNoAdapter = classes()
            .that(DescribedPredicate.describe("are an area's vocabulary", (JavaClass c) -> isVocabulary(c.getPackageName())))
            .should().onlyDependOnClassesThat(DescribedPredicate.describe("java.., the kernel or the vocabulary",
                    (JavaClass c) -> {
                        String pkg = c.getBaseComponentType().getPackageName();
                        return c.getBaseComponentType().isPrimitive() || isJava(pkg) || isIn(pkg, KERNEL)
                                || isVocabulary(pkg);
                    }))
            .because("an area's vocabulary (ids, enums, values, events, configuration) is what every layer speaks; "
                    + "it knows no use case, service or adapter");

    @ArchTest
    static final ArchRule noAreaActsAsAMadeUpSystemActor = noClasses()
            .that().doNotHaveFullyQualifiedName(KERNEL + ".Actor")
            .should().callMethod(KERNEL + ".Actor", "system", "java.lang.String")
            .because("areas read and write each other through internal ports (ADR 0011), never as a system actor "
                    + "that the host's access policy may refuse");

    @ArchTest
    static final ArchRule theKernelDependsOnNoArea = classes()
            .that().resideInAPackage(KERNEL + "..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", KERNEL + "..", "jakarta.validation..",
                    "org.hibernate.validator..", "org.slf4j..")
            .because("every area depends on the kernel, so the kernel may depend on none");

    @ArchTest
    static final ArchRule noJdbcMyBatisMySqlOrSpringInTheCore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.ibatis..",
                    "org.mybatis..", "com.mysql..", "org.mariadb..", "org.springframework..")
            .because("crm-core runs without a database or a framework; adapters live in their own modules");

    @ArchTest
    static final ArchRule inboundPortsDoNotDependOnOutboundPorts = noClasses()
            .that().resideInAPackage(CORE + ".*.port.in..")
            .should().dependOnClassesThat().resideInAPackage(CORE + ".*.port.out..");

    @ArchTest
    static final ArchRule servicesAreNotPublic = classes()
            .that().resideInAPackage(CORE + ".*.internal.application..")
            .and().areTopLevelClasses() // what the public factory hands out is nested in it
            .and().haveSimpleNameNotEndingWith("Application")
            .should().notBePublic()
            .because("hosts reach the use cases through the area's port.in interface and its one public factory");

    @ArchTest
    static final ArchRule commandsAndQueriesAreRecords = classes()
            .that(areCommandsOrQueriesOfAnInboundPort())
            .should(beRecords());

    /**
     * Slices are the sub-packages of org.crmkit.core. The kernel, the in-memory adapters and the SPI stay in: the
     * kernel must not depend on an area and no area may depend on an adapter or the SPI, so any cycle through
     * them is a mistake too. The root package (the {@code Crm} composition root, which wires everything) is not a
     * slice by the pattern, since nothing may depend on it anyway.
     */
    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices()
            .matching(CORE + ".(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule areasReferToEachOtherOnlyThroughTheirVocabularyAndInboundPorts = classes()
            .that(resideInAnArea())
            .should(referToOtherAreasOnlyThroughTheirInboundPorts());

    @ArchTest
    static final ArchRule theInMemoryAdaptersDoNotReachIntoApplication = noClasses()
            .that().resideInAPackage(CORE + ".internal.inmemory..")
            .should().dependOnClassesThat().resideInAPackage(CORE + ".*.internal.application..");

    @ArchTest
    static void eachApplicationPackageHasExactlyOnePublicFactoryNamedAfterItsArea(JavaClasses classes) {
        Map<String, List<String>> publicByPackage = new TreeMap<>();
        classes.stream()
                .filter(c -> c.getPackageName().matches("org\\.crmkit\\.core\\.[a-z]+\\.internal\\.application"))
                .forEach(c -> publicByPackage.computeIfAbsent(c.getPackageName(), p -> new java.util.ArrayList<>()));
        classes.stream()
                .filter(c -> publicByPackage.containsKey(c.getPackageName()))
                .filter(c -> c.getEnclosingClass().isEmpty()) // what the factory hands out is nested in it
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .forEach(c -> publicByPackage.get(c.getPackageName()).add(c.getSimpleName()));
        assertThat(publicByPackage).as("application packages").isNotEmpty();
        publicByPackage.forEach((pkg, publicTypes) -> {
            String area = pkg.substring(CORE.length() + 1, pkg.length() - ".internal.application".length());
            String factory = area.substring(0, 1).toUpperCase(Locale.ROOT) + area.substring(1) + "Application";
            assertThat(publicTypes).as("public types of %s", pkg).containsExactly(factory);
        });
    }

    // ---- predicates and conditions ----------------------------------------------------------------------------

    /** @return the area a class belongs to ("customer"), or null for the root and the non-area packages */
    static String areaOf(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(CORE + ".")) {
            return null;
        }
        String area = pkg.substring(CORE.length() + 1).split("\\.")[0];
        return NOT_AREAS.contains(area) ? null : area;
    }

    private static boolean isJava(String pkg) {
        return pkg.equals("java") || pkg.startsWith("java.");
    }

    private static boolean isIn(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    /** @return whether a package is an area's vocabulary: its root package ({@code org.crmkit.core.customer}) */
    static boolean isVocabulary(String pkg) {
        return pkg.matches("org\\.crmkit\\.core\\.[a-z]+") && !NOT_AREAS.contains(pkg.substring(CORE.length() + 1));
    }

    private static ArchCondition<JavaClass> dependOnlyOnJavaTheKernelTheAreasVocabularyAndTheirOwnDomain() {
        return new ArchCondition<>("depend only on java.., " + KERNEL + ", the areas' vocabulary and their own "
                + "area's domain") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String ownDomain = CORE + "." + areaOf(item) + ".internal.domain";
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String pkg = target.getPackageName();
                    if (!target.isPrimitive() && !isJava(pkg) && !isIn(pkg, KERNEL) && !isIn(pkg, ownDomain)
                            && !isVocabulary(pkg)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> resideInAnArea() {
        return DescribedPredicate.describe("reside in a business area", type -> areaOf(type) != null);
    }

    private static ArchCondition<JavaClass> referToOtherAreasOnlyThroughTheirInboundPorts() {
        return new ArchCondition<>("refer to other areas only through their vocabulary, port.in and internal.port") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = areaOf(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String other = areaOf(target);
                    if (other != null && !other.equals(own) && !isVocabulary(target.getPackageName())
                            && !isIn(target.getPackageName(), CORE + "." + other + ".port.in")
                            && !isIn(target.getPackageName(), CORE + "." + other + ".internal.port")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> areCommandsOrQueriesOfAnInboundPort() {
        return DescribedPredicate.describe("are commands or queries of an inbound port",
                type -> type.getPackageName().matches("org\\.crmkit\\.core\\.[a-z]+\\.port\\.in")
                        && (type.getSimpleName().endsWith("Command") || type.getSimpleName().endsWith("Query")));
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!item.isRecord()) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is not a record"));
                }
            }
        };
    }
}
