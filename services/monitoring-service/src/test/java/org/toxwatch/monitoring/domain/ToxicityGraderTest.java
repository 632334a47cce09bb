package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.NOW;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.fold;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.monitoring.domain.crs.CytokineReleaseSyndrome;
import org.toxwatch.monitoring.domain.dosing.BlincytoAction;
import org.toxwatch.monitoring.domain.lab.LabTerm;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The grader's own job: it grades with every rule of the catalogue and publishes what changed since the last
 * publication. What each criterion reads from the state is specified in the criterion's package.
 */
class ToxicityGraderTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);

    /** CriteriaCatalogue.rules() is the one list of what is graded, in the order a rule may rely on. */
    @Nested
    class Catalogue {

        @Test
        void gradesEveryCtcaeLaboratoryTermOfSection2ThroughOneRule() {
            var labTerms = CriteriaCatalogue.rules().stream()
                    .filter(LabTerm.class::isInstance)
                    .map(rule -> ((LabTerm) rule).rule())
                    .toList();

            assertThat(labTerms).containsExactlyElementsOf(CriteriaCatalogue.labRules());
        }

        @Test
        void gradesCrsBeforeTheBlincytoActionThatReadsIt() {
            var rules = CriteriaCatalogue.rules();
            var crs = indexOf(rules, CytokineReleaseSyndrome.class);
            var blincyto = indexOf(rules, BlincytoAction.class);

            assertThat(crs).isNotNegative().isLessThan(blincyto);
        }

        @Test
        void returnsOneAssessmentPerCriterionInCriterionOrder() {
            var assessments = grader.assessAll(fold(
                    carTInfused(NOW),
                    aLab(Analyte.PLATELETS).value("40").range("150", "400").build(),
                    aLab(Analyte.ANC).value("0.4").at(hoursAfter(1)).build(),
                    vitalsAt(hoursAfter(2)).temperature("38.6").systolic("85").build(),
                    neuroAssessment(hoursAfter(3), 6, LevelOfConsciousness.ALERT)));

            assertThat(assessments)
                    .extracting(Assessment::criterion)
                    .contains(
                            Criterion.NEUTROPHIL_COUNT_DECREASED,
                            Criterion.FEBRILE_NEUTROPENIA,
                            Criterion.CYTOKINE_RELEASE_SYNDROME,
                            Criterion.ICANS,
                            Criterion.ICAHT_EARLY)
                    .doesNotHaveDuplicates()
                    .isSorted();
        }

        private static int indexOf(List<PatientRule> rules, Class<?> type) {
            for (int i = 0; i < rules.size(); i++) {
                if (type.isInstance(rules.get(i))) {
                    return i;
                }
            }
            return -1;
        }
    }

    @Nested
    class Reassess {

        private final LabResultRecorded plateletsGrade3 =
                aLab(Analyte.PLATELETS).value("40").range("150", "400").build();
        private final LabResultRecorded ancGrade4 =
                aLab(Analyte.ANC).value("0.4").build();

        @Test
        void publishesEveryGradedCriterionTheFirstTime() {
            var reassessment = grader.reassess(fold(plateletsGrade3, ancGrade4));

            assertThat(reassessment.changed())
                    .extracting(Assessment::criterion)
                    .containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED, Criterion.PLATELET_COUNT_DECREASED);
            assertThat(reassessment
                            .state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isEqualTo(3);
        }

        @Test
        void publishesNothingWhenNothingChanged() {
            var first = grader.reassess(fold(plateletsGrade3, ancGrade4));

            var second = grader.reassess(first.state());

            assertThat(second.changed()).isEmpty();
            assertThat(second.state()).isEqualTo(first.state());
        }

        @Test
        void publishesNothingForANewResultWithTheSameGrade() {
            var published = grader.reassess(fold(plateletsGrade3)).state();

            var next = grader.reassess(published.apply(aLab(Analyte.PLATELETS)
                    .value("30")
                    .range("150", "400")
                    .at(hoursAfter(6))
                    .build()));

            assertThat(next.changed()).isEmpty();
        }

        @ParameterizedTest(name = "platelets 40 then {0} -> published grade {1}")
        @CsvSource({"20, 4", "60, 2", "160, 0"})
        void publishesOnlyTheCriterionWhoseGradeWentUpOrDown(String newValue, int newGrade) {
            var published = grader.reassess(fold(plateletsGrade3, ancGrade4)).state();

            var next = grader.reassess(published.apply(aLab(Analyte.PLATELETS)
                    .value(newValue)
                    .range("150", "400")
                    .at(hoursAfter(6))
                    .build()));

            assertThat(next.changed()).singleElement().satisfies(assessment -> {
                assertThat(assessment.criterion()).isEqualTo(Criterion.PLATELET_COUNT_DECREASED);
                assertThat(assessment.grade()).isEqualTo(newGrade);
            });
            assertThat(next.state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isEqualTo(newGrade);
        }

        @Test
        void doesNotPublishACriterionThatWasNeverAssessable() {
            var reassessment = grader.reassess(
                    fold(aLab(Analyte.PLATELETS).value("150").unit("mg").build()));

            assertThat(reassessment.changed()).isEmpty();
            assertThat(reassessment.state().publishedGrade(Criterion.PLATELET_COUNT_DECREASED))
                    .isNull();
        }

        @Test
        void publishesACriterionThatBecameAssessable() {
            var unreadable = grader.reassess(
                    fold(aLab(Analyte.PLATELETS).value("150").unit("mg").build()));

            var next = grader.reassess(unreadable
                    .state()
                    .apply(aLab(Analyte.PLATELETS)
                            .value("160")
                            .range("150", "400")
                            .at(hoursAfter(1))
                            .build()));

            assertThat(next.changed()).extracting(Assessment::grade).containsExactly(0);
        }

        @Test
        void publishesACriterionThatStoppedBeingAssessableDistinctFromGradeZero() {
            var normal = grader.reassess(fold(
                    aLab(Analyte.PLATELETS).value("160").range("150", "400").build()));

            var next = grader.reassess(normal.state()
                    .apply(aLab(Analyte.PLATELETS)
                            .value("150")
                            .unit("mg")
                            .at(hoursAfter(1))
                            .build()));

            assertThat(next.changed())
                    .singleElement()
                    .satisfies(assessment -> assertThat(assessment.grade()).isNull());
            var published = next.state().publishedGrade(Criterion.PLATELET_COUNT_DECREASED);
            assertThat(published.grade()).isNull();
            assertThat(normal.state()
                            .publishedGrade(Criterion.PLATELET_COUNT_DECREASED)
                            .grade())
                    .isZero();
        }

        @Test
        void keepsThePublishedGradesThroughLaterEvents() {
            var published = grader.reassess(fold(plateletsGrade3)).state();

            var later =
                    published.apply(vitalsAt(hoursAfter(1)).temperature("37.0").build());

            assertThat(later.publishedGrade(Criterion.PLATELET_COUNT_DECREASED).grade())
                    .isEqualTo(3);
        }
    }
}
