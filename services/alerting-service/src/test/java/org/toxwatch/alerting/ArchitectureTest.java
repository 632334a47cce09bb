package org.toxwatch.alerting;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.toxwatch.testinfrastructure.ServiceArchitecture;

/**
 * The hexagon inside each feature module (alert, notification, patient, console, infrastructure): the shared
 * rules match every module's {@code domain}, {@code application} and {@code adapter} rings. How the modules may use
 * each other is ModularityTest's.
 */
@AnalyzeClasses(packages = "org.toxwatch.alerting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

    /** The shared rule's slices are per technology ("mongo"); here each module's adapters are their own too. */
    @ArchTest
    static final ArchRule adaptersAreIndependentAcrossModules = slices().matching(
                    "org.toxwatch.alerting.(*).adapter.(*)..")
            .should()
            .notDependOnEachOther();
}
