package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/**
 * Alerting's features as Spring Modulith application modules: no cycles, no module reaching into another's
 * adapters or configuration, and each module using exactly the modules its design says.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(AlertingApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughWhatTheyExposeAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theFeaturesAreTheModules() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("alert", "notification", "patient", "console", "infrastructure");
    }

    @Test
    void alertsAndPatientsOfferTheirCoreRingsAndNoModuleItsAdaptersOrConfiguration() {
        assertThat(namedInterfacesOf("alert")).containsExactlyInAnyOrder("domain", "domain.freshness", "application");
        assertThat(namedInterfacesOf("patient")).containsExactlyInAnyOrder("domain", "domain.timeline", "application");
        assertThat(namedInterfacesOf("notification")).isEmpty();
        assertThat(namedInterfacesOf("console")).isEmpty();
        assertThat(namedInterfacesOf("infrastructure")).isEmpty();
    }

    @Test
    void alertsPatientsAndInfrastructureStandAlone() {
        assertThat(dependenciesOf("alert")).isEmpty();
        assertThat(dependenciesOf("patient")).isEmpty();
        assertThat(dependenciesOf("infrastructure")).isEmpty();
    }

    @Test
    void notificationReadsPatientsForThePatientBlockOfADelivery() {
        assertThat(dependenciesOf("notification")).containsExactly("patient");
    }

    @Test
    void theConsoleReadsAlertsAndPatients() {
        assertThat(dependenciesOf("console")).containsExactlyInAnyOrder("alert", "patient");
    }

    @Test
    void documentationIsWrittenForTheModules() {
        var documenter =
                new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"));

        documenter.writeDocumentation();

        assertThat(Path.of("target/spring-modulith-docs/components.puml")).isRegularFile();
    }

    private static List<String> namedInterfacesOf(String module) {
        return MODULES.getModuleByName(module).orElseThrow().getNamedInterfaces().stream()
                .filter(NamedInterface::isNamed)
                .map(NamedInterface::getName)
                .toList();
    }

    private static List<String> dependenciesOf(String module) {
        ApplicationModule applicationModule = MODULES.getModuleByName(module).orElseThrow();
        return applicationModule
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(dependency -> dependency.getIdentifier().toString())
                .toList();
    }
}
