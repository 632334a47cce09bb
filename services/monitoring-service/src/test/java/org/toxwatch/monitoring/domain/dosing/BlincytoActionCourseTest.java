package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.vasopressorsRunning;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * The BLINCYTO action over a course, graded after every event as the stream does: CRS grade 4 discontinues
 * permanently, so the action stays DISCONTINUE when the CRS grade falls again (CRITERIA.md 9.1).
 */
class BlincytoActionCourseTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("UTC"));

    @Test
    void crsGrade4DiscontinuesAndTheDecisionOutlivesTheFallingGrade() {
        var state = PatientState.empty(PATIENT);
        state = gradedAfter(state, infusionStarted(START));
        state = gradedAfter(
                state, vitalsAt(hours(20)).temperature("39.4").systolic("78").build());
        state = gradedAfter(state, vasopressorsRunning(hours(20).plusSeconds(60), 2, false));
        assertThat(grade(state, Criterion.CYTOKINE_RELEASE_SYNDROME))
                .as("two vasopressors")
                .isEqualTo(4);
        assertThat(grade(state, Criterion.BLINCYTO_ACTION)).isEqualTo(2);

        state = gradedAfter(state, vasopressorsRunning(hours(40), 0, false));
        state = gradedAfter(
                state, vitalsAt(hours(60)).temperature("37.0").systolic("118").build());

        assertThat(grade(state, Criterion.CYTOKINE_RELEASE_SYNDROME)).isLessThan(4);
        assertThat(grade(state, Criterion.BLINCYTO_ACTION))
                .as("discontinued permanently")
                .isEqualTo(2);
    }

    private PatientState gradedAfter(PatientState state, Object event) {
        PatientState applied = switch (event) {
            case TherapyEventRecorded therapy -> state.apply(therapy);
            case VitalSignsRecorded vitals -> state.apply(vitals);
            case LabResultRecorded lab -> state.apply(lab);
            default -> throw new IllegalArgumentException(event.toString());
        };
        return grader.reassess(applied).state();
    }

    private Integer grade(PatientState state, Criterion criterion) {
        List<Assessment> all = grader.assessAll(state);
        return all.stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .map(Assessment::grade)
                .orElse(null);
    }

    private static Instant hours(long hours) {
        return START.plus(Duration.ofHours(hours));
    }
}
