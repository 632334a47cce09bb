package org.toxwatch.monitoring.domain.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.CatalogueFile;
import org.toxwatch.monitoring.domain.GradingSettings;

/** The BLINCYTO action section of the criteria catalogue is what BlincytoActionRules applies (CRITERIA.md 9.1). */
class BlincytoCatalogueEntriesTest {

    @Test
    void listsExactlyTheValuesTheRulesApply() {
        assertThat(CatalogueFile.section("blincyto.action."))
                .containsOnlyKeys(
                        "transaminases-above-uln-multiple",
                        "bilirubin-above-uln-multiple",
                        "grade-4-neutropenia-anc-below",
                        "prolonged-neutropenia-calendar-days",
                        "neuro-grade-3.restart-after-hours-at-most-grade-1",
                        "neuro-grade-3.discontinue-if-resolution-longer-than-hours",
                        "grading-system",
                        "active-until-stopped-longer-than-days")
                .containsEntry(
                        "transaminases-above-uln-multiple", BlincytoActionRules.TRANSAMINASE_MULTIPLE.toPlainString())
                .containsEntry("bilirubin-above-uln-multiple", BlincytoActionRules.BILIRUBIN_MULTIPLE.toPlainString())
                .containsEntry(
                        "grade-4-neutropenia-anc-below", BlincytoActionRules.GRADE_4_NEUTROPENIA_BELOW.toPlainString())
                .containsEntry(
                        "prolonged-neutropenia-calendar-days",
                        String.valueOf(BlincytoActionRules.PROLONGED_NEUTROPENIA_DAYS))
                .containsEntry(
                        "neuro-grade-3.restart-after-hours-at-most-grade-1",
                        String.valueOf(BlincytoActionRules.NEURO_RECOVERY_BEFORE_RESTART.toHours()))
                .containsEntry(
                        "neuro-grade-3.discontinue-if-resolution-longer-than-hours",
                        String.valueOf(BlincytoActionRules.NEURO_LONGEST_RESOLUTION.toHours()))
                .containsEntry(
                        "grading-system",
                        GradingSettings.defaults().blincytoGradingSystem().name());
    }
}
