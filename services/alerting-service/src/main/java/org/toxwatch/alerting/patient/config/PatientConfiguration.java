package org.toxwatch.alerting.patient.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.toxwatch.alerting.patient.adapter.kafka.ObservationListener;
import org.toxwatch.alerting.patient.adapter.kafka.PatientListener;
import org.toxwatch.alerting.patient.adapter.mongo.MongoObservationLog;
import org.toxwatch.alerting.patient.adapter.mongo.MongoPatientFiles;
import org.toxwatch.alerting.patient.application.ObservationLog;
import org.toxwatch.alerting.patient.application.PatientChanges;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.application.RecordObservations;
import org.toxwatch.alerting.patient.application.RecordPatient;
import org.toxwatch.alerting.patient.domain.timeline.TimelineBounds;

/**
 * Patients: ingest's patient records kept as patient files, and its lab results, vital signs and therapy events
 * kept in the observation log behind the timeline. Whoever shows a patient is told of a change through
 * {@link PatientChanges} (the console's live feed).
 */
@Configuration(proxyBeanMethods = false)
class PatientConfiguration {

    /** The hospital's zone, in which the console shows every time. */
    @Bean
    ZoneId hospitalTimeZone(TimelineProperties properties) {
        return Objects.requireNonNull(properties.hospitalTimeZone());
    }

    @Bean
    PatientFiles patientFiles(MongoTemplate mongoTemplate) {
        return new MongoPatientFiles(mongoTemplate);
    }

    @Bean
    RecordPatient recordPatient(PatientFiles patientFiles, PatientChanges patientChanges) {
        return new RecordPatient(patientFiles, patientChanges);
    }

    @Bean
    PatientListener patientListener(RecordPatient recordPatient) {
        return new PatientListener(recordPatient);
    }

    @Bean
    ObservationLog observationLog(MongoTemplate mongoTemplate, TimelineProperties properties) {
        return new MongoObservationLog(
                mongoTemplate,
                new TimelineBounds(
                        Objects.requireNonNull(properties.observationsPerPatient()),
                        Objects.requireNonNull(properties.observationRetention())));
    }

    @Bean
    RecordObservations recordObservations(ObservationLog observationLog) {
        return new RecordObservations(observationLog);
    }

    @Bean
    ObservationListener observationListener(RecordObservations recordObservations, MeterRegistry meterRegistry) {
        return new ObservationListener(recordObservations, meterRegistry);
    }
}
