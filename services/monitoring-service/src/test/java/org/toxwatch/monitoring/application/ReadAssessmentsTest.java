package org.toxwatch.monitoring.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/** The query answers what the periodic check publishes: an overdue result is judged at the time of asking. */
class ReadAssessmentsTest {

    private static final Instant INFUSION = Instant.parse("2026-11-10T09:00:00Z");
    private static final Instant LAST_ANC = INFUSION.plus(Duration.ofDays(3));

    private final PatientState state = PatientState.empty(PATIENT)
            .apply(carTInfused(INFUSION))
            .apply(aLab(Analyte.ANC)
                    .value("0.4")
                    .range("1.8", "7.7")
                    .at(LAST_ANC)
                    .build());

    private Optional<Integer> overdueAskedAt(Instant now) {
        var read = new ReadAssessments(
                patientId -> new PatientStates.Location.Here(Optional.of(state)),
                new ToxicityGrader(ZoneId.of("UTC")),
                Clock.fixed(now, ZoneOffset.UTC));
        var answer = (ReadAssessments.Answer.Current) read.of(PATIENT);
        return answer.assessments().stream()
                .filter(a -> a.criterion() == Criterion.RESULT_OVERDUE)
                .findFirst()
                .map(Assessment::grade);
    }

    @Test
    void aMissingAncIsOverdueWhenAskedMoreThan24HoursAfterTheLastOne() {
        assertThat(overdueAskedAt(LAST_ANC.plus(Duration.ofHours(2)))).contains(0);
        assertThat(overdueAskedAt(LAST_ANC.plus(Duration.ofHours(26)))).contains(1);
    }
}
