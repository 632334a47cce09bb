package org.toxwatch.alerting;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.NamedInterfaces;

/**
 * Alerting's feature modules for Spring Modulith: every direct sub-package of {@code org.toxwatch.alerting} is a
 * module, and what a module offers the others is named here, ring by ring, rather than by annotations in the rings
 * themselves (the core rings import no framework; see ArchitectureTest). A ring named here is exposed with its
 * sub-packages; a module's adapters and configuration are always its own. Registered in
 * {@code META-INF/spring.factories} of the test classpath.
 */
public final class FeatureModules implements ApplicationModuleDetectionStrategy {

    /** The rings each module exposes: alerts and patients are read by the console, patients by notification. */
    static final Map<String, List<String>> EXPOSED =
            Map.of("alert", List.of("domain", "application"), "patient", List.of("domain", "application"));

    @Override
    public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
        return rootPackage.getDirectSubPackages().stream();
    }

    @Override
    public NamedInterfaces detectNamedInterfaces(JavaPackage basePackage, ApplicationModuleInformation information) {
        List<String> rings = EXPOSED.getOrDefault(basePackage.getLocalName(), List.of());
        return NamedInterfaces.builder(basePackage)
                .recursive()
                .including(ring -> {
                    String name = basePackage.getTrailingName(ring);
                    return rings.stream().anyMatch(exposed -> name.equals(exposed) || name.startsWith(exposed + "."));
                })
                .build();
    }
}
