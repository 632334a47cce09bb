package org.toxwatch.alerting.patient.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.model.ClinicalEvents.aLabResult;
import static org.toxwatch.model.ClinicalEvents.aTemperature;
import static org.toxwatch.model.ClinicalEvents.aTherapyEvent;
import static org.toxwatch.model.ClinicalEvents.anAncOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.ObservationRecords.Outcome;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

class RecordObservationsTest {

    private static final Instant DAY_0 = Instant.parse("2026-11-30T10:30:00Z");

    private final List<List<ChartedObservation>> observationWrites = new ArrayList<>();
    private final List<List<TherapyMilestone>> therapyWrites = new ArrayList<>();
    private final RecordObservations recordObservations = new RecordObservations(new ObservationLog() {
        @Override
        public void recordObservations(List<ChartedObservation> observations) {
            observationWrites.add(List.copyOf(observations));
        }

        @Override
        public void recordTherapy(List<TherapyMilestone> milestones) {
            therapyWrites.add(List.copyOf(milestones));
        }

        @Override
        public PatientObservations of(String patientId) {
            return PatientObservations.NONE;
        }
    });

    @Test
    void aBatchIsKeptInOneWritePerKindAndEachRecordsOutcomeIsAnsweredInItsPlace() {
        var outcomes = recordObservations.onAll(List.of(
                anAncOf("MRN-1", "0.4", DAY_0),
                aTherapyEvent("MRN-2", TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, DAY_0),
                aLabResult("MRN-1", "1975-2", "24", "umol/L", DAY_0),
                aTemperature("MRN-3", "38.9", DAY_0)));

        assertThat(outcomes).containsExactly(Outcome.KEPT, Outcome.KEPT, Outcome.OTHER_UNIT, Outcome.KEPT);
        assertThat(observationWrites).hasSize(1);
        assertThat(observationWrites.getFirst())
                .extracting(ChartedObservation::patientId)
                .containsExactly("MRN-1", "MRN-3");
        assertThat(therapyWrites).hasSize(1);
        assertThat(therapyWrites.getFirst())
                .extracting(TherapyMilestone::patientId)
                .containsExactly("MRN-2");
    }

    @Test
    void aBatchChartingNothingWritesNothing() {
        var outcomes = recordObservations.onAll(List.of(aLabResult("MRN-1", "1975-2", "24", "umol/L", DAY_0)));

        assertThat(outcomes).containsExactly(Outcome.OTHER_UNIT);
        assertThat(observationWrites).isEmpty();
        assertThat(therapyWrites).isEmpty();
    }
}
