package org.toxwatch.testinfrastructure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon every ToxWatch service keeps: a plain-Java domain and application core that knows no framework
 * and no adapter, and adapters that do not call each other. Each service's {@code ArchitectureTest} applies
 * these rules to its own classes with {@code ArchTests.in(ServiceArchitecture.class)}.
 */
public final class ServiceArchitecture {

    @ArchTest
    public static final ArchRule coreIsPlainJava = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "io.micrometer..");

    @ArchTest
    public static final ArchRule coreDoesNotReachIntoAdapters = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..adapter..", "..config..");

    @ArchTest
    public static final ArchRule adaptersAreIndependent =
            slices().matching("..adapter.(*)..").should().notDependOnEachOther();

    private ServiceArchitecture() {}
}
