package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.hoursAfter;
import static org.toxwatch.monitoring.domain.PatientEvents.neuroAssessment;
import static org.toxwatch.monitoring.domain.PatientEvents.vitalsAt;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * A laboratory correction or cancellation of a result a published assessment used reaches the next assessment of
 * every criterion that used it: with the replaced result's event id as withdrawn evidence, even when the grade does
 * not change, so that the alert built on the result can be withdrawn or lowered.
 */
class SourceCorrectionTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneOffset.UTC);
    private PatientState state = PatientState.empty(PATIENT);

    /** Applies the result and publishes what changed, as the stream does. */
    private Reassessment receive(LabResultRecorded result) {
        return receive(new ClinicalEvent.Lab(result));
    }

    private Reassessment receive(ClinicalEvent event) {
        var correction = SourceCorrection.of(state, event);
        var reassessment = grader.reassess(event.applyTo(state), correction);
        state = reassessment.state();
        return reassessment;
    }

    private static LabResultRecorded potassium(String mmolPerL, String sourceObservationId, ResultStatus status) {
        return aLab(Analyte.POTASSIUM)
                .value(mmolPerL)
                .sourceObservationId(sourceObservationId)
                .status(status)
                .build();
    }

    private static Assessment of(Reassessment reassessment, Criterion criterion) {
        return reassessment.changed().stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aGradeThreePotassiumCorrectedToNormalIsPublishedAsGradeZeroWithTheWrongResultWithdrawn() {
        var wrong = potassium("6.5", "K-1", ResultStatus.FINAL);
        assertThat(of(receive(wrong), Criterion.HYPERKALEMIA).grade()).isEqualTo(3);

        var corrected = receive(potassium("4.2", "K-1", ResultStatus.CORRECTED));

        assertThat(of(corrected, Criterion.HYPERKALEMIA).grade()).isZero();
        assertThat(corrected.withdrawalOf(Criterion.HYPERKALEMIA)).satisfies(withdrawal -> {
            assertThat(withdrawal.withdrawnEvidence()).containsExactly(wrong.eventId());
            assertThat(withdrawal.caveat()).isEqualTo(AssessmentCaveat.SOURCE_RESULT_CORRECTED);
            assertThat(withdrawal.explain("grade 0")).isEqualTo("source result corrected: grade 0");
        });
    }

    @Test
    void aCorrectionThatLeavesTheGradeUnchangedIsStillPublishedSoTheAlertLearnsWhatItRestsOn() {
        var wrong = potassium("6.5", "K-1", ResultStatus.FINAL);
        receive(wrong);
        var correction = potassium("6.8", "K-1", ResultStatus.CORRECTED);

        var corrected = receive(correction);

        var hyperkalemia = of(corrected, Criterion.HYPERKALEMIA);
        assertThat(hyperkalemia.grade()).isEqualTo(3);
        assertThat(hyperkalemia.evidence()).extracting(e -> e.eventId()).contains(correction.eventId());
        assertThat(corrected.withdrawalOf(Criterion.HYPERKALEMIA).withdrawnEvidence())
                .containsExactly(wrong.eventId());
        assertThat(corrected.withdrawalOf(Criterion.HYPOKALEMIA).withdrawnEvidence())
                .as("hypokalemia graded the same result, at 0")
                .containsExactly(wrong.eventId());
    }

    @Test
    void aCancellationThatLeavesNoResultMakesTheCriterionNotAssessableInsteadOfKeepingItsGrade() {
        var wrong = potassium("6.5", "K-1", ResultStatus.FINAL);
        receive(wrong);

        var cancelled = receive(aLab(Analyte.POTASSIUM)
                .sourceObservationId("K-1")
                .status(ResultStatus.CANCELLED)
                .build());

        var hyperkalemia = of(cancelled, Criterion.HYPERKALEMIA);
        assertThat(hyperkalemia.grade()).isNull();
        assertThat(hyperkalemia.notAssessableReason()).contains("was cancelled");
        assertThat(cancelled.withdrawalOf(Criterion.HYPERKALEMIA)).satisfies(withdrawal -> {
            assertThat(withdrawal.withdrawnEvidence()).containsExactly(wrong.eventId());
            assertThat(withdrawal.caveat()).isEqualTo(AssessmentCaveat.SOURCE_RESULT_CANCELLED);
        });
        assertThat(state.publishedGrade(Criterion.HYPERKALEMIA).grade()).isNull();
    }

    @Test
    void aCancellationGradesFromTheResultsThatRemain() {
        receive(aLab(Analyte.POTASSIUM).value("5.8").at(hoursAfter(-6)).build());
        var wrong = potassium("6.5", "K-1", ResultStatus.FINAL);
        receive(wrong);

        var cancelled = receive(aLab(Analyte.POTASSIUM)
                .sourceObservationId("K-1")
                .status(ResultStatus.CANCELLED)
                .build());

        assertThat(of(cancelled, Criterion.HYPERKALEMIA).grade()).isEqualTo(2);
        assertThat(cancelled.withdrawalOf(Criterion.HYPERKALEMIA).withdrawnEvidence())
                .containsExactly(wrong.eventId());
    }

    @Test
    void anEarlierHigherGradeStaysWithdrawableAfterALowerOneWasPublished() {
        var wrong = potassium("7.5", "K-1", ResultStatus.FINAL);
        receive(wrong);
        receive(aLab(Analyte.POTASSIUM).value("5.8").at(hoursAfter(6)).build());

        var corrected = receive(potassium("4.2", "K-1", ResultStatus.CORRECTED));

        assertThat(of(corrected, Criterion.HYPERKALEMIA).grade())
                .as("still the newest result's grade")
                .isEqualTo(2);
        assertThat(corrected.withdrawalOf(Criterion.HYPERKALEMIA).withdrawnEvidence())
                .containsExactly(wrong.eventId());
    }

    @Test
    void correctingAResultNoPublishedAssessmentUsedWithdrawsNothing() {
        receive(potassium("6.5", "K-1", ResultStatus.FINAL));
        receive(aLab(Analyte.POTASSIUM)
                .value("6.6")
                .sourceObservationId("K-2")
                .at(hoursAfter(1))
                .build());

        var corrected = receive(aLab(Analyte.POTASSIUM)
                .value("6.7")
                .sourceObservationId("K-2")
                .status(ResultStatus.CORRECTED)
                .at(hoursAfter(1))
                .build());

        assertThat(corrected.changed()).isEmpty();
        assertThat(corrected.withdrawals()).isEmpty();
    }

    @Test
    void aRedeliveredCorrectionWithdrawsNothingTwice() {
        receive(potassium("6.5", "K-1", ResultStatus.FINAL));
        var correction = potassium("4.2", "K-1", ResultStatus.CORRECTED);
        receive(correction);

        var again = receive(correction);

        assertThat(again.changed()).isEmpty();
        assertThat(SourceCorrection.of(state, new ClinicalEvent.Lab(correction)))
                .isNull();
    }

    @Test
    void aFeverCorrectedInTheChartWithdrawsTheFebrileNeutropeniaItMade() {
        receive(aLab(Analyte.ANC).value("0.4").build());
        var mistyped = vitalsAt(hoursAfter(1)).temperature("38.9").build();
        assertThat(of(receive(new ClinicalEvent.Vitals(mistyped)), Criterion.FEBRILE_NEUTROPENIA)
                        .grade())
                .isEqualTo(3);

        var corrected = receive(new ClinicalEvent.Vitals(vitalsAt(hoursAfter(1))
                .temperature("36.9")
                .status(ResultStatus.CORRECTED)
                .build()));

        assertThat(of(corrected, Criterion.FEBRILE_NEUTROPENIA).grade()).isZero();
        assertThat(corrected.withdrawalOf(Criterion.FEBRILE_NEUTROPENIA)).satisfies(withdrawal -> {
            assertThat(withdrawal.withdrawnEvidence()).containsExactly(mistyped.eventId());
            assertThat(withdrawal.caveat()).isEqualTo(AssessmentCaveat.SOURCE_RESULT_CORRECTED);
        });
    }

    @Test
    void aNeurologicalAssessmentCorrectedInTheChartWithdrawsTheIcansGradeItMade() {
        var mischarted = neuroAssessment(hoursAfter(2), 2, LevelOfConsciousness.ALERT);
        assertThat(of(receive(new ClinicalEvent.Neuro(mischarted)), Criterion.ICANS)
                        .grade())
                .isEqualTo(3);

        var corrected = receive(new ClinicalEvent.Neuro(neuroAssessment(
                hoursAfter(2), 10, LevelOfConsciousness.ALERT, SeizureFinding.NONE, ResultStatus.CORRECTED)));

        assertThat(of(corrected, Criterion.ICANS).grade()).isZero();
        assertThat(corrected.withdrawalOf(Criterion.ICANS).withdrawnEvidence()).containsExactly(mischarted.eventId());
    }

    @Test
    void aFinalResultReplacingItsPreliminaryVersionIsNotACorrection() {
        receive(potassium("6.5", "K-1", ResultStatus.PRELIMINARY));

        var finalVersion = receive(potassium("6.4", "K-1", ResultStatus.FINAL));

        assertThat(finalVersion.withdrawals()).isEmpty();
        assertThat(finalVersion.changed()).isEqualTo(List.of());
    }
}
