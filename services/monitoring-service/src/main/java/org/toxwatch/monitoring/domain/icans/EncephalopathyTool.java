package org.toxwatch.monitoring.domain.icans;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;

/**
 * Which score decides the ICANS encephalopathy row (CRITERIA.md 5.3, A-7 decided): the CAPD for a child younger
 * than 12 years at the assessment, the ICE from 12 years on.
 *
 * <ul>
 *   <li>Only the other tool reported: it is graded as reported and the assessment says that the age calls for
 *       the other one.
 *   <li>Both reported: the age-appropriate one decides; the other is shown but not counted.
 *   <li>No age known: the reported tool decides. With both reported and no age, both count (the higher grade
 *       stands): 5.3 is silent on that case and ToxWatch takes the conservative reading.
 * </ul>
 *
 * @param countsIce whether the ICE score (when reported) counts for the encephalopathy row
 * @param countsCapd whether the CAPD score (when reported) counts
 * @param expected the tool the age calls for; empty without an age
 * @param basis what the assessment says about the choice, e.g. {@code age 6 years: CAPD (under 12 years)}
 */
record EncephalopathyTool(boolean countsIce, boolean countsCapd, Optional<Tool> expected, String basis) {

    /** 5.3: the ICE from this age in completed years; the CAPD below it. */
    static final int ICE_FROM_YEARS = 12;

    enum Tool {
        ICE("ICE score", "ICE expected from 12 years"),
        CAPD("CAPD score", "CAPD expected under 12 years");

        private final String score;
        private final String expectation;

        Tool(String score, String expectation) {
            this.score = score;
            this.expectation = expectation;
        }

        String score() {
            return score;
        }

        static Tool forAge(AgeAtAssessment age) {
            return age.completedYears() < ICE_FROM_YEARS ? CAPD : ICE;
        }
    }

    static EncephalopathyTool choose(NeurologicAssessmentRecorded assessment, Optional<AgeAtAssessment> age) {
        boolean ice = assessment.iceScore() != null;
        boolean capd = assessment.capdScore() != null;
        if (age.isEmpty()) {
            return new EncephalopathyTool(true, true, Optional.empty(), unknownAgeBasis(ice, capd));
        }
        var known = age.get();
        var expected = Tool.forAge(known);
        var other = expected == Tool.ICE ? Tool.CAPD : Tool.ICE;
        boolean expectedReported = expected == Tool.ICE ? ice : capd;
        boolean otherReported = expected == Tool.ICE ? capd : ice;
        String basis;
        boolean countsOther;
        if (expectedReported) {
            countsOther = false;
            basis = AgeNote.of(age) + ": " + expected.name() + " " + range(expected)
                    + (otherReported
                            ? " decides the encephalopathy row; the " + other.name() + " also reported is not counted"
                            : "");
        } else if (otherReported) {
            countsOther = true;
            basis = "%s reported for %s: %s; graded with the %s as reported"
                    .formatted(other.name(), AgeNote.person(known), expected.expectation, other.name());
        } else {
            countsOther = false;
            basis = AgeNote.of(age) + ": " + expected.name() + " " + range(expected) + ", not reported";
        }
        boolean countsIce = expected == Tool.ICE || countsOther;
        boolean countsCapd = expected == Tool.CAPD || countsOther;
        return new EncephalopathyTool(countsIce, countsCapd, Optional.of(expected), basis);
    }

    private static String range(Tool tool) {
        return tool == Tool.CAPD ? "(under 12 years)" : "(from 12 years)";
    }

    private static String unknownAgeBasis(boolean ice, boolean capd) {
        var age = AgeNote.AGE_UNKNOWN;
        if (ice && capd) {
            return age + ": ICE and CAPD both reported, both counted";
        }
        if (ice || capd) {
            return age + ": the reported " + (ice ? "ICE" : "CAPD") + " decides the encephalopathy row";
        }
        return age;
    }

    @Nullable
    Integer ice(NeurologicAssessmentRecorded assessment) {
        return countsIce ? assessment.iceScore() : null;
    }

    @Nullable
    Integer capd(NeurologicAssessmentRecorded assessment) {
        return countsCapd ? assessment.capdScore() : null;
    }

    /** The score the encephalopathy row misses when neither counted score was reported. */
    String missingScore() {
        return expected.map(Tool::score).orElse("ICE score");
    }
}
