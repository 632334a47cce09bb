package org.toxwatch.monitoring.domain.icans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.daysAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.daysBefore;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * ICANS (CRITERIA.md section 5) on a patient's state: the newest neurological assessment, in or outside the CRS
 * window, published when its grade changes.
 */
class ImmuneEffectorNeurotoxicityTest {

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

    @Test
    void gradesTheNewestNeurologicalAssessmentInItsTherapyContext() {
        var icans = assess(
                Criterion.ICANS,
                enrolled(Therapy.CAR_T, daysBefore(5)),
                carTInfused(NOW),
                neuroAssessment(daysAfter(4), 5, LevelOfConsciousness.ALERT),
                neuroAssessment(daysAfter(3), 9, LevelOfConsciousness.ALERT));

        assertThat(icans.grade()).isEqualTo(2);
        assertThat(icans.assessedAt()).isEqualTo(daysAfter(4));
        assertThat(icans.therapyContext().daySinceInfusion()).isEqualTo(4);
    }

    @Test
    void stillGradesANeurologicalEventAfterTheDay28CrsWindow() {
        var icans = assess(
                Criterion.ICANS,
                carTInfused(NOW),
                neuroAssessment(daysAfter(40), null, LevelOfConsciousness.AWAKENS_TO_TACTILE));

        assertThat(icans.grade()).isEqualTo(3);
    }

    @Test
    void isNotProducedWithoutANeurologicalAssessment() {
        assertThat(assess(
                        Criterion.ICANS,
                        carTInfused(NOW),
                        vitalsAt(hoursAfter(2)).temperature("38.5").build()))
                .isNull();
    }

    @Test
    void isPublishedWhenTheGradeChangesAndNotForTheSameGradeAgain() {
        var first =
                grader.reassess(fold(carTInfused(NOW), neuroAssessment(daysAfter(2), 8, LevelOfConsciousness.ALERT)));

        var sameGrade = grader.reassess(
                first.state().apply(neuroAssessment(daysAfter(2).plusSeconds(3600), 7, LevelOfConsciousness.ALERT)));
        var worse =
                grader.reassess(sameGrade.state().apply(neuroAssessment(daysAfter(3), 4, LevelOfConsciousness.ALERT)));

        assertThat(first.changed()).extracting(Assessment::criterion).contains(Criterion.ICANS);
        assertThat(sameGrade.changed()).extracting(Assessment::criterion).doesNotContain(Criterion.ICANS);
        assertThat(worse.changed())
                .filteredOn(assessment -> assessment.criterion() == Criterion.ICANS)
                .singleElement()
                .extracting(Assessment::grade)
                .isEqualTo(2);
    }
}
