package org.toxwatch.monitoring.domain.hematotoxicity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.Observation;

/**
 * CAR-HEMATOTOX, the pre-infusion risk score for CAR-T hematotoxicity (Rejeski et al., Blood
 * 2021;138(24):2499-2513), as CRITERIA.md 6.2 specifies it, from labs measured before lymphodepletion (around
 * day -5): 0-1 points is low risk, 2 or more high risk.
 *
 * <p><b>Informational only in B-ALL.</b> The score was validated in large B-cell lymphoma (later also myeloma
 * and mantle cell lymphoma), not in B-ALL; it does not grade a toxicity and is not an {@code Assessment}.
 *
 * <p>The published table leaves the single points ANC = 1.2 x10^9/L, Hb = 9.0 g/dL and CRP = 3.0 mg/dL
 * unassigned; ToxWatch gives them the higher-risk point and counts 75, 175, 650 and 2000 inside the 1-point
 * bands. CRP is canonical in mg/L (CRITERIA.md 13.3), so the 3.0 mg/dL cut point is compared as 30
 * mg/L. A missing feature is not scored and is listed as missing, never counted as 0 points.
 */
public final class CarHematotoxScore {

    static final String COUNT_UNIT = "10*9/L";
    static final String HEMOGLOBIN_UNIT = "g/dL";
    static final String CRP_UNIT = "mg/L";
    static final String FERRITIN_UNIT = "ng/mL";

    private static final BigDecimal PLATELETS_75 = new BigDecimal("75");
    private static final BigDecimal PLATELETS_175 = new BigDecimal("175");
    private static final BigDecimal ANC_1_2 = new BigDecimal("1.2");
    private static final BigDecimal HEMOGLOBIN_9_0 = new BigDecimal("9.0");
    private static final BigDecimal CRP_30_MG_PER_L = new BigDecimal("30");
    private static final BigDecimal FERRITIN_650 = new BigDecimal("650");
    private static final BigDecimal FERRITIN_2000 = new BigDecimal("2000");
    private static final int HIGH_RISK_FROM = 2;

    private CarHematotoxScore() {}

    /**
     * Scores the features present; any argument may be absent.
     *
     * @param platelets platelet count in 10*9/L
     * @param anc absolute neutrophil count in 10*9/L
     * @param hemoglobin hemoglobin in g/dL
     * @param crp C-reactive protein in mg/L, the canonical unit
     * @param ferritin ferritin in ng/mL
     */
    public static HematotoxScore score(
            @Nullable Observation platelets,
            @Nullable Observation anc,
            @Nullable Observation hemoglobin,
            @Nullable Observation crp,
            @Nullable Observation ferritin) {
        var card = new ScoreCard();
        card.add("Platelets", platelets, COUNT_UNIT, CarHematotoxScore::platelets);
        card.add("ANC", anc, COUNT_UNIT, CarHematotoxScore::anc);
        card.add("Hemoglobin", hemoglobin, HEMOGLOBIN_UNIT, CarHematotoxScore::hemoglobin);
        card.add("CRP", crp, CRP_UNIT, CarHematotoxScore::crp);
        card.add("Ferritin", ferritin, FERRITIN_UNIT, CarHematotoxScore::ferritin);
        return new HematotoxScore(
                card.score,
                card.score >= HIGH_RISK_FROM,
                card.points,
                card.evidence,
                card.missing.isEmpty(),
                card.missing);
    }

    static Band platelets(BigDecimal count) {
        if (count.compareTo(PLATELETS_175) > 0) {
            return new Band(0, "> 175 x10^9/L");
        }
        return count.compareTo(PLATELETS_75) >= 0 ? new Band(1, "75-175 x10^9/L") : new Band(2, "< 75 x10^9/L");
    }

    static Band anc(BigDecimal count) {
        return count.compareTo(ANC_1_2) > 0 ? new Band(0, "> 1.2 x10^9/L") : new Band(1, "<= 1.2 x10^9/L (A-10)");
    }

    static Band hemoglobin(BigDecimal gramsPerDecilitre) {
        return gramsPerDecilitre.compareTo(HEMOGLOBIN_9_0) > 0
                ? new Band(0, "> 9.0 g/dL")
                : new Band(1, "<= 9.0 g/dL (A-10)");
    }

    static Band crp(BigDecimal milligramsPerLitre) {
        return milligramsPerLitre.compareTo(CRP_30_MG_PER_L) < 0
                ? new Band(0, "< 3.0 mg/dL (30 mg/L)")
                : new Band(1, ">= 3.0 mg/dL (30 mg/L; A-10)");
    }

    static Band ferritin(BigDecimal nanogramsPerMillilitre) {
        if (nanogramsPerMillilitre.compareTo(FERRITIN_650) < 0) {
            return new Band(0, "< 650 ng/mL");
        }
        return nanogramsPerMillilitre.compareTo(FERRITIN_2000) <= 0
                ? new Band(1, "650-2000 ng/mL")
                : new Band(2, "> 2000 ng/mL");
    }

    /** The band of the CRITERIA.md 6.2 table a value falls in, written as the table writes it. */
    record Band(int points, String condition) {}

    private static final class ScoreCard {
        private int score;
        private final List<String> points = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        void add(String feature, @Nullable Observation observation, String unit, Function<BigDecimal, Band> banding) {
            if (observation == null) {
                missing.add(feature + " (no result)");
                return;
            }
            if (!unit.equals(observation.unit())) {
                missing.add("%s (reported in %s, not converted to the canonical unit %s)"
                        .formatted(feature, observation.unit(), unit));
                return;
            }
            var band = banding.apply(observation.value());
            score += band.points();
            points.add("%s %s %s, %s: %d point%s"
                    .formatted(
                            feature,
                            observation.value().toPlainString(),
                            unit,
                            band.condition(),
                            band.points(),
                            band.points() == 1 ? "" : "s"));
            evidence.add(observation.toEvidence());
        }
    }
}
