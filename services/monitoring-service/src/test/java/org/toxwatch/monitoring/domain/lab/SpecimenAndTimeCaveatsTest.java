package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.lab.ReportedLabs.read;
import static org.toxwatch.monitoring.domain.lab.ReportedLabs.recorded;
import static org.toxwatch.monitoring.domain.lab.ReportedLabs.with;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.cytopenia.CountDecreasedRule;
import org.toxwatch.monitoring.domain.hepatotoxicity.LiverTermRule;
import org.toxwatch.monitoring.domain.metabolic.HyperkalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypokalemiaRule;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Issue 14 item 9: what the laboratory said about the specimen and the time reaches the assessment as a caveat
 * and in words. The grade stays what the numbers give (CRITERIA.md does not say to drop such a result); whether
 * to page on it is the alert policy's decision.
 */
class SpecimenAndTimeCaveatsTest {

    private static LabResult potassium(String value, List<SpecimenCondition> conditions, @Nullable TimePrecision time) {
        return read(with(recorded(Analyte.POTASSIUM, value, "mmol/L", "3.5", "5.1"), null, conditions, time, null));
    }

    @Test
    void aHemolyzedPotassiumKeepsItsGradeAndSaysItMayBeFalselyHigh() {
        var assessment = new HyperkalemiaRule().assess(potassium("6.5", List.of(SpecimenCondition.HEMOLYZED), null));

        assertThat(assessment.grade()).isEqualTo(3);
        assertThat(assessment.caveats()).containsExactly(AssessmentCaveat.HEMOLYZED_SPECIMEN);
        assertThat(assessment.summary()).contains("Hemolyzed specimen: potassium may be falsely high.");
    }

    @Test
    void theSameSpecimenWarnsTheLowDirectionToo() {
        // hemolysis can raise a truly low potassium into the normal range: a grade 0 is not reassuring either
        var assessment = new HypokalemiaRule().assess(potassium("4.0", List.of(SpecimenCondition.HEMOLYZED), null));

        assertThat(assessment.grade()).isZero();
        assertThat(assessment.caveats()).containsExactly(AssessmentCaveat.HEMOLYZED_SPECIMEN);
    }

    @Test
    void aHemolyzedCountMayBeUnreliableRatherThanFalselyHigh() {
        var anc = read(with(
                recorded(Analyte.ANC, "0.4", "10*9/L", "1.8", "7.7"),
                null,
                List.of(SpecimenCondition.HEMOLYZED),
                null,
                null));

        var assessment = CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(anc);

        assertThat(assessment.grade()).isEqualTo(4);
        assertThat(assessment.summary()).contains("Hemolyzed specimen: ANC may be unreliable.");
    }

    @Test
    void anotherSpecimenConditionIsNamedAsSuch() {
        var assessment = new HyperkalemiaRule().assess(potassium("5.3", List.of(SpecimenCondition.CLOTTED), null));

        assertThat(assessment.grade()).isEqualTo(1);
        assertThat(assessment.caveats()).containsExactly(AssessmentCaveat.SPECIMEN_CONDITION);
        assertThat(assessment.summary()).contains("Clotted specimen: potassium may be unreliable.");
    }

    @Test
    void aResultTimedOnlyToTheDayNamesTheImprecision() {
        var assessment = new HyperkalemiaRule().assess(potassium("5.3", List.of(), TimePrecision.DAY));

        assertThat(assessment.grade()).isEqualTo(1);
        assertThat(assessment.caveats()).containsExactly(AssessmentCaveat.DAY_PRECISION_TIME);
        assertThat(assessment.summary()).contains("Collection time known only to the day (2026-03-02 UTC");
    }

    @Test
    void aTimeToTheMinuteIsNoCaveat() {
        var assessment = new HyperkalemiaRule().assess(potassium("5.3", List.of(), TimePrecision.MINUTE));

        assertThat(assessment.caveats()).isEmpty();
    }

    @Test
    void aBaselineFromAPoorSpecimenIsNamedAsTheBaseline() {
        var value = read(recorded(Analyte.AST, "150", "U/L", null, "40"));
        var baseline = read(with(
                recorded(Analyte.AST, "30", "U/L", null, "40"), null, List.of(SpecimenCondition.LIPEMIC), null, null));

        var assessment = LiverTermRule.ASPARTATE_AMINOTRANSFERASE_INCREASED.assess(value, baseline);

        assertThat(assessment.grade()).isEqualTo(2);
        assertThat(assessment.caveats()).containsExactly(AssessmentCaveat.SPECIMEN_CONDITION);
        assertThat(assessment.summary()).contains("Baseline: Lipemic specimen: AST may be unreliable.");
    }

    @Test
    void everyCaveatOfOneResultIsKept() {
        var anc = read(with(
                recorded(Analyte.ANC, "0.1", "10*9/L", "1.8", "7.7"),
                ValueComparator.LESS_THAN,
                List.of(SpecimenCondition.HEMOLYZED),
                TimePrecision.DAY,
                "K/uL"));

        var assessment = CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED.assess(anc);

        assertThat(assessment.grade()).isEqualTo(4);
        assertThat(assessment.caveats())
                .containsExactlyInAnyOrder(
                        AssessmentCaveat.CENSORED_RESULT,
                        AssessmentCaveat.HEMOLYZED_SPECIMEN,
                        AssessmentCaveat.DAY_PRECISION_TIME);
        assertThat(assessment.evidence().getFirst().display()).isEqualTo("ANC (censored: <0.1; reported unit K/uL)");
    }
}
