package org.toxwatch.ingest.adapter.fhir;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.application.RecordClinicalEvents.Derived;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * A Patient that travels in a transaction with the patient's results describes the patient those results are about,
 * so it is stated a millisecond before the earliest of them when its {@code meta.lastUpdated} (or, without one, its
 * arrival) is later. Monitoring takes the waiting record with the lowest clinical time first, and breaks a tie
 * between two topics arbitrarily: so a child is graded with her age from her first results, not first with adult
 * thresholds and again a moment later. HL7 states a result message's PID the same way.
 */
final class PatientsBeforeTheirResults {

    private PatientsBeforeTheirResults() {}

    static List<Derived> of(List<Derived> derived) {
        return derived.stream()
                .map(item -> item.event() == null || !item.violations().isEmpty()
                        ? item
                        : new Derived(
                                item.violations(),
                                receivedAt -> statedBeforeResults(
                                        Objects.requireNonNull(item.event()).apply(receivedAt),
                                        item,
                                        derived,
                                        receivedAt),
                                item.notMonitored()))
                .toList();
    }

    private static Object statedBeforeResults(Object event, Derived self, List<Derived> all, Instant receivedAt) {
        if (!(event instanceof PatientRecorded patient)) {
            return event;
        }
        Instant earliest = all.stream()
                .filter(other -> other != self
                        && other.event() != null
                        && other.violations().isEmpty())
                .map(other ->
                        clinicalTimeOf(Objects.requireNonNull(other.event()).apply(receivedAt), patient))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (earliest == null || !earliest.minusMillis(1).isBefore(patient.recordedAt())) {
            return patient;
        }
        return new PatientRecorded(
                patient.eventId(),
                patient.patientId(),
                earliest.minusMillis(1),
                patient.receivedAt(),
                patient.sourceSystem(),
                patient.sourceMessageId(),
                patient.encounterEvent(),
                patient.identifiers(),
                patient.familyName(),
                patient.givenName(),
                patient.birthDate(),
                patient.sex(),
                patient.weightKg(),
                patient.heightCm(),
                patient.location(),
                patient.attending());
    }

    private static @Nullable Instant clinicalTimeOf(Object event, PatientRecorded patient) {
        if (event instanceof LabResultRecorded lab && lab.patientId().equals(patient.patientId())) {
            return lab.observedAt();
        }
        if (event instanceof VitalSignsRecorded vitals && vitals.patientId().equals(patient.patientId())) {
            return vitals.observedAt();
        }
        return null;
    }
}
