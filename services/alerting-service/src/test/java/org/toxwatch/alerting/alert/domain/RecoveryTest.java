package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;

class RecoveryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-17T08:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-18T08:00:00Z");

    @Test
    void oneCriterionBackToZeroIsNotRecoveryWhileAnotherOfTheFamilyIsStillAbnormal() {
        var recovery = Recovery.startingWith(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, MONDAY))
                .after(anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, MONDAY))
                .after(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0, TUESDAY));

        assertThat(recovery.normalSince()).isNull();

        var recovered = recovery.after(anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 0, WEDNESDAY));

        assertThat(recovered.normalSince()).isEqualTo(WEDNESDAY);
    }

    @Test
    void anotherGradeZeroKeepsTheStartOfRecoveryAndAGradeAboveZeroEndsItAndWithdrawsTheProposal() {
        var recovered = Recovery.startingWith(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, MONDAY))
                .after(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0, TUESDAY))
                .proposed(WEDNESDAY);

        var stillNormal = recovered.after(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 0, WEDNESDAY));
        var relapsed = recovered.after(anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 2, WEDNESDAY));

        assertThat(stillNormal.normalSince()).isEqualTo(TUESDAY);
        assertThat(stillNormal.proposedAt()).isEqualTo(WEDNESDAY);
        assertThat(relapsed.normalSince()).isNull();
        assertThat(relapsed.proposedAt()).isNull();
    }
}
