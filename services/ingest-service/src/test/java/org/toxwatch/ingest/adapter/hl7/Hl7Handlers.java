package org.toxwatch.ingest.adapter.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.toxwatch.ingest.adapter.metrics.MicrometerIngestMonitor;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;

/** The HL7 handler as the application wires it, over a recording event store and an in-memory archive. */
final class Hl7Handlers {

    private Hl7Handlers() {}

    static Hl7MessageHandler handler(
            RecordingEventPublisher kafka,
            LocalCodes localCodes,
            Instant now,
            ZoneId hospitalZone,
            MeterRegistry meters) {
        return handler(kafka, localCodes, now, hospitalZone, Hl7PatientIdentity.ID, meters);
    }

    static Hl7MessageHandler handler(
            RecordingEventPublisher kafka,
            LocalCodes localCodes,
            Instant now,
            ZoneId hospitalZone,
            Hl7PatientIdentity patientIdentity,
            MeterRegistry meters) {
        var context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        var record = new RecordClinicalEvents(
                new ObservationValidator(Duration.ofMinutes(5)),
                new TherapyEvents(Duration.ofMinutes(5)),
                localCodes,
                kafka,
                new InMemoryInboundArchive(),
                Clock.fixed(now, ZoneOffset.UTC));
        return new Hl7MessageHandler(
                context.getPipeParser(), record, hospitalZone, patientIdentity, new MicrometerIngestMonitor(meters));
    }
}
