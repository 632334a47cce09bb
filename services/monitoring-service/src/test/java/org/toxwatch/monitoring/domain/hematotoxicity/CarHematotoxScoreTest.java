package org.toxwatch.monitoring.domain.hematotoxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.hematotoxicity.CarTReadings.aLab;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.Observation;

/** CRITERIA.md 6.2: CAR-HEMATOTOX, with the cut points of A-10. */
class CarHematotoxScoreTest {

    private static Observation platelets(String count) {
        return aLab("777-3", "Platelets [#/volume] in Blood by Automated count", count, "10*9/L");
    }

    private static Observation anc(String count) {
        return aLab("751-8", "Neutrophils [#/volume] in Blood by Automated count", count, "10*9/L");
    }

    private static Observation hemoglobin(String gramsPerDecilitre) {
        return aLab("718-7", "Hemoglobin [Mass/volume] in Blood", gramsPerDecilitre, "g/dL");
    }

    private static Observation crp(String milligramsPerLitre) {
        return aLab("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", milligramsPerLitre, "mg/L");
    }

    private static Observation ferritin(String nanogramsPerMillilitre) {
        return aLab("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", nanogramsPerMillilitre, "ng/mL");
    }

    private static HematotoxScore score(
            @Nullable String platelets,
            @Nullable String anc,
            @Nullable String hemoglobin,
            @Nullable String crp,
            @Nullable String ferritin) {
        return CarHematotoxScore.score(
                platelets == null ? null : platelets(platelets),
                anc == null ? null : anc(anc),
                hemoglobin == null ? null : hemoglobin(hemoglobin),
                crp == null ? null : crp(crp),
                ferritin == null ? null : ferritin(ferritin));
    }

    @ParameterizedTest(name = "platelets {0} 10*9/L -> {1} points")
    @CsvSource({"175.1, 0", "175, 1", "75, 1", "74.9, 2"})
    void scoresPlatelets(String count, int points) {
        assertThat(score(count, null, null, null, null).score()).isEqualTo(points);
    }

    @ParameterizedTest(name = "ANC {0} 10*9/L -> {1} points")
    @CsvSource({"1.21, 0", "1.2, 1", "1.19, 1"}) // 1.2 scores the higher-risk point
    void scoresAnc(String count, int points) {
        assertThat(score(null, count, null, null, null).score()).isEqualTo(points);
    }

    @ParameterizedTest(name = "hemoglobin {0} g/dL -> {1} points")
    @CsvSource({"9.1, 0", "9.0, 1", "8.9, 1"}) // 9.0 scores the higher-risk point
    void scoresHemoglobin(String gramsPerDecilitre, int points) {
        assertThat(score(null, null, gramsPerDecilitre, null, null).score()).isEqualTo(points);
    }

    @ParameterizedTest(name = "CRP {0} mg/L -> {1} points")
    @CsvSource({"29.9, 0", "30, 1", "30.1, 1"}) // 3.0 mg/dL = 30 mg/L; A-10: 30 scores the higher-risk point
    void scoresCrpInMilligramsPerLitre(String milligramsPerLitre, int points) {
        assertThat(score(null, null, null, milligramsPerLitre, null).score()).isEqualTo(points);
    }

    @ParameterizedTest(name = "ferritin {0} ng/mL -> {1} points")
    @CsvSource({"649.9, 0", "650, 1", "2000, 1", "2000.1, 2"})
    void scoresFerritin(String nanogramsPerMillilitre, int points) {
        assertThat(score(null, null, null, null, nanogramsPerMillilitre).score())
                .isEqualTo(points);
    }

    @ParameterizedTest(name = "platelets {0}, ANC {1}, Hb {2}, CRP {3}, ferritin {4} -> {5}, high risk {6}")
    @CsvSource({
        "200, 2.0, 12.0, 5,  300,  0, false",
        "150, 2.0, 12.0, 5,  300,  1, false", // 0-1: low risk
        "150, 1.0, 12.0, 5,  300,  2, true", // >= 2: high risk
        "50,  2.0, 12.0, 5,  300,  2, true",
        "50,  1.0, 8.0,  40, 2500, 7, true",
    })
    void addsThePointsAndCallsTwoOrMoreHighRisk(
            String platelets, String anc, String hemoglobin, String crp, String ferritin, int total, boolean high) {
        var score = score(platelets, anc, hemoglobin, crp, ferritin);

        assertThat(score.score()).isEqualTo(total);
        assertThat(score.highRisk()).isEqualTo(high);
        assertThat(score.complete()).isTrue();
        assertThat(score.riskDetermined()).isTrue();
        assertThat(score.missing()).isEmpty();
        assertThat(score.points()).hasSize(5);
        assertThat(score.evidence()).hasSize(5);
    }

    @Test
    void scoresWhatIsPresentAndNamesWhatIsMissing() {
        var score = score("150", "2.0", "12.0", null, null);

        assertThat(score.score()).isEqualTo(1);
        assertThat(score.highRisk()).isFalse();
        assertThat(score.complete()).isFalse();
        assertThat(score.riskDetermined()).isFalse();
        assertThat(score.missing()).containsExactly("CRP (no result)", "Ferritin (no result)");
        assertThat(score.points())
                .containsExactly(
                        "Platelets 150 10*9/L, 75-175 x10^9/L: 1 point",
                        "ANC 2.0 10*9/L, > 1.2 x10^9/L: 0 points",
                        "Hemoglobin 12.0 g/dL, > 9.0 g/dL: 0 points");
        assertThat(score.evidence()).hasSize(3);
    }

    @Test
    void isAlreadyHighRiskWhenThePartialScoreReachesTwo() {
        var score = score("50", null, null, null, null);

        assertThat(score.highRisk()).isTrue();
        assertThat(score.complete()).isFalse();
        assertThat(score.riskDetermined()).isTrue();
    }

    @Test
    void doesNotScoreAValueOutsideTheCanonicalUnit() {
        var crpInMilligramsPerDecilitre =
                aLab("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "3.0", "mg/dL");

        var score = CarHematotoxScore.score(
                platelets("200"), anc("2.0"), hemoglobin("12.0"), crpInMilligramsPerDecilitre, ferritin("300"));

        assertThat(score.score()).isZero();
        assertThat(score.complete()).isFalse();
        assertThat(score.missing())
                .containsExactly("CRP (reported in mg/dL, not converted to the canonical unit mg/L)");
    }
}
