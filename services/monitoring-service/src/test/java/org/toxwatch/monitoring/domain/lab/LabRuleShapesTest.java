package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.result;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/** What the two shapes of laboratory rule read from a patient's laboratory record. */
class LabRuleShapesTest {

    private final LabResult fibrinogen = result(Analyte.FIBRINOGEN, "150", "mg/dL", "200", "400");
    private final LabResult baseline = result(Analyte.FIBRINOGEN, "300", "mg/dL", "200", "400");

    private static Assessment anyGrade(Criterion criterion, LabResult result) {
        return LabAssessment.of(criterion, result, new GradeLadder()).build();
    }

    /** A history that fails the test when it is consulted. */
    private static final LabHistory UNTOUCHABLE = new LabHistory() {
        @Override
        public @Nullable LabResult baseline(Analyte analyte, Instant collectedAt) {
            throw new AssertionError("baseline read");
        }

        @Override
        public @Nullable LabResult nearest(Analyte analyte, Instant at, Duration within) {
            throw new AssertionError("nearest read");
        }
    };

    @Nested
    class SingleResult {

        private @Nullable LabResult graded;

        private final SingleResultRule rule = new SingleResultRule(Criterion.FIBRINOGEN_DECREASED, Analyte.FIBRINOGEN) {
            @Override
            protected Assessment grade(LabResult result) {
                graded = result;
                return anyGrade(criterion(), result);
            }
        };

        @Test
        void gradesTheResultWithoutReadingTheHistory() {
            rule.assess(fibrinogen, UNTOUCHABLE);

            assertThat(graded).isSameAs(fibrinogen);
        }

        @Test
        void namesItsCriterionAndItsOneAnalyte() {
            assertThat(rule.criterion()).isEqualTo(Criterion.FIBRINOGEN_DECREASED);
            assertThat(rule.analytes()).containsExactly(Analyte.FIBRINOGEN);
        }
    }

    @Nested
    class BaselineDependent {

        private @Nullable LabResult usedBaseline;

        private final BaselineDependentRule rule =
                new BaselineDependentRule(Criterion.FIBRINOGEN_DECREASED, Analyte.FIBRINOGEN) {
                    @Override
                    protected Assessment grade(LabResult result, @Nullable LabResult baseline) {
                        usedBaseline = baseline;
                        return anyGrade(criterion(), result);
                    }
                };

        @Test
        void readsTheBaselineOfItsAnalyteForTheResultsCollectionTime() {
            var history = new LabHistory() {
                @Override
                public @Nullable LabResult baseline(Analyte analyte, Instant collectedAt) {
                    return analyte == Analyte.FIBRINOGEN && collectedAt.equals(fibrinogen.observedAt())
                            ? baseline
                            : null;
                }

                @Override
                public @Nullable LabResult nearest(Analyte analyte, Instant at, Duration within) {
                    throw new AssertionError("nearest read");
                }
            };

            rule.assess(fibrinogen, history);

            assertThat(usedBaseline).isSameAs(baseline);
        }

        @Test
        void gradesAsWhenTheBaselineIsMissingWithoutAHistory() {
            rule.assess(fibrinogen);

            assertThat(usedBaseline).isNull();
        }

        @Test
        void namesItsCriterionAndItsOneAnalyte() {
            assertThat(rule.criterion()).isEqualTo(Criterion.FIBRINOGEN_DECREASED);
            assertThat(rule.analytes()).containsExactly(Analyte.FIBRINOGEN);
        }
    }

    @Test
    void explainsAMissingLimitAsNotAssessable() {
        var assessment = LabAssessment.missingLimit(Criterion.FIBRINOGEN_DECREASED, fibrinogen, "LLN", "fibrinogen");

        assertThat(assessment.grade()).isNull();
        assertThat(assessment.notAssessableReason()).isEqualTo("no LLN for fibrinogen reported and no default in 13.4");
        assertThat(assessment.evidence()).containsExactly(fibrinogen.evidence());
    }
}
