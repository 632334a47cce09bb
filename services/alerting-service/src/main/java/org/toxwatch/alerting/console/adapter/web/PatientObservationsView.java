package org.toxwatch.alerting.console.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * Every charted observation received for a patient, as it stands (corrections applied, cancellations withdrawn),
 * oldest first, whether or not it changed a grade; and the therapy events.
 */
record PatientObservationsView(String patientId, List<Observation> observations, List<TherapyEvent> therapyEvents) {

    /** @param comparator for a censored result ({@code <}): the value is the bound */
    record Observation(
            UUID eventId,
            ChartedAnalyte analyte,
            String code,
            BigDecimal value,
            String unit,
            @Nullable String comparator,
            @Nullable ReferenceRange referenceRange,
            Instant observedAt,
            Instant receivedAt,
            ResultStatus status,
            String sourceMessageId) {

        static Observation of(ChartedObservation o) {
            var comparator = o.comparator();
            return new Observation(
                    o.eventId(),
                    o.analyte(),
                    o.code(),
                    java.util.Objects.requireNonNull(o.value()),
                    o.unit(),
                    comparator == null ? null : comparator.symbol(),
                    o.referenceRange(),
                    o.observedAt(),
                    o.receivedAt(),
                    o.status(),
                    o.sourceMessageId());
        }
    }

    record TherapyEvent(
            UUID eventId,
            Therapy therapy,
            TherapyEventType type,
            Instant occurredAt,
            @Nullable String product,
            @Nullable Integer cycle,
            @Nullable Integer cycleDay) {

        static TherapyEvent of(TherapyMilestone m) {
            return new TherapyEvent(
                    m.eventId(), m.therapy(), m.type(), m.occurredAt(), m.product(), m.cycle(), m.cycleDay());
        }
    }

    static PatientObservationsView of(String patientId, PatientObservations logged) {
        return new PatientObservationsView(
                patientId,
                logged.observations().stream().map(Observation::of).toList(),
                logged.therapy().stream().map(TherapyEvent::of).toList());
    }
}
