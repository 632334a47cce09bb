package org.toxwatch.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.ServiceArchitecture;

@AnalyzeClasses(packages = "org.toxwatch.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule onlyTheKafkaAdapterChoosesTopics = noClasses()
            .that()
            .resideInAnyPackage("..adapter.hl7..", "..adapter.fhir..", "..adapter.web..", "..application..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Topics.class)
            .because("protocol adapters translate and the use case routes by kind of input; which Kafka topic a kind"
                    + " means is the Kafka adapter's business alone");
}
