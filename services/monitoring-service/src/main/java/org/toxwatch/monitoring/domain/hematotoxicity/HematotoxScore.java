package org.toxwatch.monitoring.domain.hematotoxicity;

import java.util.List;
import org.toxwatch.model.Evidence;

/**
 * A CAR-HEMATOTOX score (CRITERIA.md 6.2) from the features that were present.
 *
 * @param score 0-7, the points of the features present
 * @param highRisk score of 2 or more
 * @param points one line per feature scored, e.g. {@code Platelets 80 10*9/L, 75-175 x10^9/L: 1 point}
 * @param evidence the observations scored
 * @param complete all five features were scored
 * @param missing the features not scored and why, e.g. {@code ferritin (no result)}
 */
public record HematotoxScore(
        int score,
        boolean highRisk,
        List<String> points,
        List<Evidence> evidence,
        boolean complete,
        List<String> missing) {

    public HematotoxScore {
        points = List.copyOf(points);
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }

    /**
     * Whether the risk group is known: a partial score of 2 or more is already high risk, but a partial score
     * below 2 may still reach 2 once the missing features are measured.
     */
    public boolean riskDetermined() {
        return highRisk || complete;
    }
}
