package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentDuringTherapy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;

class AlertPolicyTest {

    private final AlertPolicy policy = new AlertPolicy();

    @ParameterizedTest(name = "{0} grade {1} -> {2}")
    @CsvSource({
        "NEUTROPHIL_COUNT_DECREASED, 4, HIGH",
        "NEUTROPHIL_COUNT_DECREASED, 3, MEDIUM",
        "PLATELET_COUNT_DECREASED, 4, HIGH",
        "ALANINE_AMINOTRANSFERASE_INCREASED, 3, MEDIUM",
        "CYTOKINE_RELEASE_SYNDROME, 2, HIGH",
        "CYTOKINE_RELEASE_SYNDROME, 3, HIGH",
        "ICANS, 2, HIGH",
        "FEBRILE_NEUTROPENIA, 3, HIGH",
        "VOD_SOS, 1, HIGH",
        "HYS_LAW, 1, HIGH",
        "ICAHT_EARLY, 3, MEDIUM",
        "ICAHT_EARLY, 4, HIGH",
        "BESPONSA_PRE_DOSE, 1, HIGH",
        "BESPONSA_PRE_DOSE, 2, HIGH",
        "BLINCYTO_ACTION, 1, HIGH",
        "BLINCYTO_ACTION, 2, HIGH",
        "RESULT_OVERDUE, 1, LOW",
    })
    void gradesThatNeedAClinicianGetTheirPriority(Criterion criterion, int grade, AlertPriority priority) {
        var decision = policy.decide(anAssessment("MRN-1", criterion, grade));

        assertThat(decision).get().extracting(AlertDecision::priority).isEqualTo(priority);
        assertThat(decision.get().policyVersion()).isEqualTo(AlertPolicy.VERSION);
        assertThat(decision.get().reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} grade {1} -> no alert")
    @CsvSource({
        "NEUTROPHIL_COUNT_DECREASED, 0",
        "NEUTROPHIL_COUNT_DECREASED, 1",
        "NEUTROPHIL_COUNT_DECREASED, 2",
        "CYTOKINE_RELEASE_SYNDROME, 1",
        "ICANS, 1",
        "HYPERKALEMIA, 2",
        "HYS_LAW, 0",
        "BESPONSA_PRE_DOSE, 0",
        "BLINCYTO_ACTION, 0",
        "RESULT_OVERDUE, 0",
    })
    void lowGradesOutsideTherapyRaiseNothing(Criterion criterion, int grade) {
        assertThat(policy.decide(anAssessment("MRN-1", criterion, grade))).isEmpty();
    }

    @Test
    void aGradeTwoLiverOrCountToxicityDuringTherapyIsLow() {
        assertThat(policy.decide(anAssessmentDuringTherapy("MRN-1", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 2)))
                .get()
                .extracting(AlertDecision::priority)
                .isEqualTo(AlertPriority.LOW);
        assertThat(policy.decide(anAssessmentDuringTherapy("MRN-1", Criterion.HYPERKALEMIA, 2)))
                .isEmpty();
    }

    @Test
    void aNotAssessableCriterionRaisesNothing() {
        assertThat(policy.decide(anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, null)))
                .isEmpty();
    }
}
