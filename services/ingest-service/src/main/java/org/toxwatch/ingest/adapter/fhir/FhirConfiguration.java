package org.toxwatch.ingest.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;

/**
 * The one FhirContext (R4; expensive to build, thread-safe once built) and the FHIR adapter around it. Kept
 * beside the adapter so the FHIR entry point is one package; it needs nothing of {@code config} but the use case.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    FhirJson fhirJson(FhirContext fhirContext) {
        return new FhirJson(fhirContext);
    }

    @Bean
    FhirIngest fhirIngest(FhirJson fhirJson, RecordClinicalEvents recordClinicalEvents, IngestMonitor monitor) {
        return new FhirIngest(fhirJson, recordClinicalEvents, monitor);
    }

    /** Lets an operator replay a rejected FHIR message (the replay use case collects every protocol's). */
    @Bean
    FhirReplay fhirReplay(FhirIngest fhirIngest) {
        return new FhirReplay(fhirIngest);
    }
}
