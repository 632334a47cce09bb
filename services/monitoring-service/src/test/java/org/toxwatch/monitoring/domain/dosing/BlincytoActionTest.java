package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStarted;
import static org.toxwatch.monitoring.domain.PatientEvents.infusionStopped;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;

/** CRITERIA.md 9.1: only for an active blinatumomab episode, with what the episode has since T0. */
class BlincytoActionTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);

    private static @Nullable Assessment find(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElse(null);
    }

    private @Nullable Assessment assess(Criterion criterion, Object... events) {
        return find(grader.assessAll(fold(events)), criterion);
    }

    private final LabResultRecorded altAboveFiveTimesUln =
            aLab(Analyte.ALT).value("201").range(null, "40").at(hoursAfter(30)).build();

    @Test
    void interruptForTransaminasesAboveFiveTimesUlnDuringTheInfusion() {
        var action = assess(
                Criterion.BLINCYTO_ACTION,
                enrolled(Therapy.BLINATUMOMAB, NOW),
                infusionStarted(NOW),
                altAboveFiveTimesUln);

        assertThat(action.grade()).isEqualTo(1);
        assertThat(action.therapyContext().therapy()).isEqualTo(Therapy.BLINATUMOMAB);
        assertThat(action.criterion().id()).isEqualTo("BLINCYTO-USPI-current/dose_action");
    }

    @Test
    void ignoresResultsCollectedBeforeT0() {
        var action = assess(
                Criterion.BLINCYTO_ACTION,
                aLab(Analyte.ALT)
                        .value("400")
                        .range(null, "40")
                        .at(daysBefore(2))
                        .build(),
                enrolled(Therapy.BLINATUMOMAB, NOW),
                infusionStarted(NOW),
                vitalsAt(hoursAfter(2)).temperature("37.0").build());

        assertThat(action.grade()).isZero();
        assertThat(action.summary()).contains("Liver rows not evaluated");
    }

    @ParameterizedTest(name = "infusion stopped {0} days before the ALT -> produced: {1}")
    @CsvSource({"14, true", "15, false"})
    void stopsAfterTheTreatmentFreeIntervalWithoutARestart(long daysStopped, boolean produced) {
        var stop = hoursAfter(30).minus(Duration.ofDays(daysStopped));
        var action = assess(
                Criterion.BLINCYTO_ACTION,
                enrolled(Therapy.BLINATUMOMAB, stop.minus(Duration.ofDays(28))),
                infusionStarted(stop.minus(Duration.ofDays(28))),
                infusionStopped(stop),
                altAboveFiveTimesUln);

        assertThat(action != null).isEqualTo(produced);
    }

    @Test
    void isNotProducedForACarTPatient() {
        assertThat(assess(
                        Criterion.BLINCYTO_ACTION,
                        enrolled(Therapy.CAR_T, daysBefore(5)),
                        carTInfused(NOW),
                        altAboveFiveTimesUln))
                .isNull();
    }

    @Test
    void readsTheIcansGradeOfTheEpisodesNeurologicalAssessments() {
        var action = assess(
                Criterion.BLINCYTO_ACTION,
                enrolled(Therapy.BLINATUMOMAB, NOW),
                infusionStarted(NOW),
                neuroAssessment(hoursAfter(20), null, LevelOfConsciousness.UNAROUSABLE));

        assertThat(action.grade()).isEqualTo(2);
        assertThat(action.summary()).contains("NEURO_GRADE_4");
    }
}
