package org.toxwatch.alerting.patient.adapter.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.ValueComparator;

/** One charted observation, keyed by its event id and code so a redelivery overwrites it with itself. */
@Document("observations")
record ObservationDocument(
        @Id String id,
        UUID eventId,
        String patientId,
        ChartedAnalyte analyte,
        String code,
        @Nullable BigDecimal value,
        String unit,
        @Nullable ValueComparator comparator,
        @Nullable BigDecimal referenceLow,
        @Nullable BigDecimal referenceHigh,
        Instant observedAt,
        Instant receivedAt,
        String sourceMessageId,
        @Nullable String sourceObservationId,
        ResultStatus status) {

    static ObservationDocument from(ChartedObservation observation) {
        var range = observation.referenceRange();
        return new ObservationDocument(
                observation.id(),
                observation.eventId(),
                observation.patientId(),
                observation.analyte(),
                observation.code(),
                observation.value(),
                observation.unit(),
                observation.comparator(),
                range == null ? null : range.low(),
                range == null ? null : range.high(),
                observation.observedAt(),
                observation.receivedAt(),
                observation.sourceMessageId(),
                observation.sourceObservationId(),
                observation.status());
    }

    ChartedObservation toDomain() {
        return new ChartedObservation(
                eventId,
                patientId,
                analyte,
                code,
                value,
                unit,
                comparator,
                referenceLow == null && referenceHigh == null ? null : new ReferenceRange(referenceLow, referenceHigh),
                observedAt,
                receivedAt,
                sourceMessageId,
                sourceObservationId,
                status);
    }
}
