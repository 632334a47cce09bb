package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;

/**
 * Cytokine release syndrome, ASTCT 2019 consensus grading (Lee et al., Biol Blood Marrow Transplant
 * 2019;25(4):625-638, CRS table and footnotes), as CRITERIA.md 4.2-4.3 specifies it.
 *
 * <p>Fever (at least 38.0 C) is the entry criterion: without it, and unless treatment has masked it,
 * hypotension or hypoxia is not CRS. The grade is then set by the more severe of two components,
 * hypotension (by vasopressor need) and hypoxia (by the oxygen support needed, not an SpO2 number).
 * Vasopressin alone counts as one vasopressor (ToxWatch decision A-5) but never towards "multiple"
 * vasopressors. A nasal cannula without a recorded flow is graded as low-flow, never assumed high-flow. A
 * masked fever without organ support is reported as grade 1 with {@value #FEVER_MASKED_NO_ORGAN_SUPPORT}
 * . Organ toxicities never change the grade, and grade 5 is not produced.
 */
public final class CrsRule {

    static final String TEMPERATURE_UNIT = "Cel";
    static final BigDecimal FEVER_AT_LEAST_CELSIUS = new BigDecimal("38.0");
    static final BigDecimal LOW_FLOW_AT_MOST_LITRES_PER_MINUTE = new BigDecimal("6");
    static final String FEVER_MASKED_NO_ORGAN_SUPPORT = "feverMaskedNoOrganSupport";

    static final String FEVER = "temperature >= 38.0 Cel";
    static final String FEVER_MASKED = "fever masked by antipyretics or anti-cytokine / immunosuppressive therapy";
    static final String HYPOTENSION_WITHOUT_VASOPRESSORS = "hypotension without vasopressors";
    static final String ONE_VASOPRESSOR = "one vasopressor (vasopressin alone counts as one)";
    static final String MULTIPLE_VASOPRESSORS = "two or more vasopressors excluding vasopressin";
    static final String LOW_FLOW_OXYGEN = "low-flow nasal cannula <= 6 L/min or blow-by";
    static final String HIGH_FLOW_OXYGEN = "high-flow > 6 L/min, face mask, non-rebreather or Venturi";
    static final String POSITIVE_PRESSURE = "positive pressure: CPAP, BiPAP, mechanical ventilation";

    private CrsRule() {}

    public static Assessment assess(CrsInputs inputs) {
        var unconverted = inputs.temperaturesInWindow().stream()
                .filter(t -> !TEMPERATURE_UNIT.equals(t.unit()))
                .findFirst();
        if (unconverted.isPresent()) {
            var reading = unconverted.get();
            return Assessment.notAssessable(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    inputs.assessedAt(),
                    "%s reported in %s, not converted to Cel".formatted(reading.display(), reading.unit()),
                    List.of(reading.toEvidence()));
        }
        var maxTemperature = inputs.temperaturesInWindow().stream()
                .max(Comparator.comparing(Observation::value).thenComparing(Observation::observedAt))
                .orElse(null);
        if (maxTemperature == null && !inputs.feverMasked()) {
            return Assessment.notAssessable(
                    Criterion.CYTOKINE_RELEASE_SYNDROME,
                    inputs.assessedAt(),
                    "no temperature in the window",
                    inputs.supportEvidence());
        }

        var feverPresent = maxTemperature != null && maxTemperature.value().compareTo(FEVER_AT_LEAST_CELSIUS) >= 0;
        var hypotension = hypotensionGrade(inputs);
        var hypoxia = hypoxiaGrade(inputs);
        var crs = feverPresent || inputs.feverMasked();
        // at least 1 with fever; a masked fever without organ support is also 1
        var grade = crs ? Math.max(Math.max(hypotension, hypoxia), 1) : 0;
        var summary = crs
                ? crsSummary(inputs, maxTemperature, feverPresent, hypotension, hypoxia, grade)
                : notCrsSummary(inputs, maxTemperature, hypotension, hypoxia);

        var evidence = new ArrayList<Evidence>();
        if (maxTemperature != null) {
            evidence.add(maxTemperature.toEvidence());
        }
        evidence.addAll(inputs.supportEvidence());
        return Assessment.graded(
                Criterion.CYTOKINE_RELEASE_SYNDROME,
                grade,
                inputs.assessedAt(),
                summary,
                List.of(
                        new AppliedThreshold(1, FEVER, feverPresent),
                        new AppliedThreshold(1, FEVER_MASKED, inputs.feverMasked()),
                        new AppliedThreshold(
                                2,
                                HYPOTENSION_WITHOUT_VASOPRESSORS + ": "
                                        + inputs.hypotensionLimit().condition(),
                                hypotension == 2),
                        new AppliedThreshold(3, ONE_VASOPRESSOR, hypotension == 3),
                        new AppliedThreshold(4, MULTIPLE_VASOPRESSORS, hypotension == 4),
                        new AppliedThreshold(2, LOW_FLOW_OXYGEN, hypoxia == 2),
                        new AppliedThreshold(3, HIGH_FLOW_OXYGEN, hypoxia == 3),
                        new AppliedThreshold(4, POSITIVE_PRESSURE, hypoxia == 4)),
                evidence,
                false,
                ReferenceRangeSource.NOT_USED);
    }

    /**
     * 0 without hypotension, 2 without vasopressors, 3 with one vasopressor or vasopressin alone, 4 with two
     * or more vasopressors other than vasopressin. Any vasopressor implies hypotension.
     */
    static int hypotensionGrade(CrsInputs inputs) {
        if (inputs.vasopressorCount() >= 2) {
            return 4;
        }
        if (inputs.vasopressorCount() == 1 || inputs.vasopressin()) {
            return 3;
        }
        return inputs.hypotension() ? 2 : 0;
    }

    /**
     * 2 for low-flow oxygen (nasal cannula at most 6 L/min, blow-by), 3 for high-flow nasal cannula, a nasal
     * cannula above 6 L/min or any mask, 4 for positive pressure. A nasal cannula without a recorded flow is
     * read as low-flow: a high flow is not assumed without a number.
     */
    static int hypoxiaGrade(CrsInputs inputs) {
        return switch (inputs.oxygenDevice()) {
            case NONE -> 0;
            case NASAL_CANNULA -> {
                var flow = inputs.oxygenFlowLitresPerMinute();
                yield flow != null && flow.compareTo(LOW_FLOW_AT_MOST_LITRES_PER_MINUTE) > 0 ? 3 : 2;
            }
            case BLOW_BY -> 2;
            case HIGH_FLOW_NASAL_CANNULA, SIMPLE_FACE_MASK, NON_REBREATHER, VENTURI_MASK -> 3;
            case CPAP, BIPAP, MECHANICAL_VENTILATION -> 4;
        };
    }

    private static String notCrsSummary(
            CrsInputs inputs, @Nullable Observation maxTemperature, int hypotension, int hypoxia) {
        var summary = "No CRS by ASTCT 2019: " + describeTemperature(maxTemperature)
                + ", below 38.0 Cel, and fever is not masked by treatment";
        if (hypotension > 0 || hypoxia > 0) {
            summary += "; hypotension or hypoxia without fever is not graded as CRS ("
                    + describeOrganSupport(inputs, hypotension, hypoxia) + ")";
        }
        return summary + ".";
    }

    private static String crsSummary(
            CrsInputs inputs,
            @Nullable Observation maxTemperature,
            boolean feverPresent,
            int hypotension,
            int hypoxia,
            int grade) {
        var summary = "CRS grade %d (ASTCT 2019): ".formatted(grade)
                + (feverPresent
                        ? "fever, " + describeTemperature(maxTemperature)
                        : "fever masked by antipyretic or anti-cytokine therapy (" + describeTemperature(maxTemperature)
                                + ")");
        if (hypotension == 0 && hypoxia == 0) {
            return summary + "; " + describeHypotension(inputs, 0)
                    + (feverPresent
                            ? " and no oxygen support."
                            : " and no oxygen support; " + FEVER_MASKED_NO_ORGAN_SUPPORT
                                    + ": reported as grade 1 and not escalated, since ASTCT does not say whether a"
                                    + " masked fever alone is grade 1 or resolved (A-6, docs/clinical/conventions.md#a-6).");
        }
        return summary + "; " + describeOrganSupport(inputs, hypotension, hypoxia) + "; grade set by "
                + drivenBy(hypotension, hypoxia) + ".";
    }

    private static String describeTemperature(@Nullable Observation maxTemperature) {
        return maxTemperature == null
                ? "no temperature in the window"
                : "highest temperature %s Cel at %s"
                        .formatted(maxTemperature.value().toPlainString(), maxTemperature.observedAt());
    }

    private static String describeOrganSupport(CrsInputs inputs, int hypotension, int hypoxia) {
        return describeHypotension(inputs, hypotension) + "; " + describeOxygen(inputs, hypoxia);
    }

    private static String describeHypotension(CrsInputs inputs, int hypotension) {
        var withVasopressin = inputs.vasopressin() ? " plus vasopressin (not counted towards multiple)" : "";
        var bloodPressure = describeBloodPressure(inputs);
        return switch (hypotension) {
            case 0 -> "no hypotension (%s)".formatted(bloodPressure);
            case 2 -> "hypotension without vasopressors (%s; component grade 2)".formatted(bloodPressure);
            case 3 ->
                inputs.vasopressorCount() == 0
                        ? "hypotension needing vasopressin alone, counted as one vasopressor (%s; component grade 3,"
                                        .formatted(bloodPressure)
                                + " A-5, docs/clinical/conventions.md#a-5)"
                        : "hypotension needing one vasopressor%s (%s; component grade 3)"
                                .formatted(withVasopressin, bloodPressure);
            default ->
                "hypotension needing %d vasopressors%s (%s; component grade 4)"
                        .formatted(inputs.vasopressorCount(), withVasopressin, bloodPressure);
        };
    }

    /**
     * The latest pressure against the patient's CRITERIA.md 4.4 limit, which names the age it is for: {@code
     * systolic 86 mmHg, not below the limit systolic < 82 mmHg (PALS, age 6 years)}.
     */
    private static String describeBloodPressure(CrsInputs inputs) {
        var limit = inputs.hypotensionLimit();
        var reading = inputs.bloodPressure();
        if (reading == null) {
            return "no blood pressure in the window; hypotension limit " + limit.condition();
        }
        return "%s, %s the hypotension limit %s"
                .formatted(reading.describe(), reading.isBelow(limit) ? "below" : "not below", limit.condition());
    }

    private static String describeOxygen(CrsInputs inputs, int hypoxia) {
        var device = inputs.oxygenDevice();
        if (device == OxygenDevice.NONE) {
            return "no oxygen support";
        }
        var flow = inputs.oxygenFlowLitresPerMinute();
        var support = device == OxygenDevice.NASAL_CANNULA ? nasalCannula(flow) : "oxygen by " + describe(device);
        return "%s (component grade %d)".formatted(support, hypoxia);
    }

    private static String describe(OxygenDevice device) {
        return switch (device) {
            case NONE -> "no device";
            case NASAL_CANNULA -> "nasal cannula";
            case BLOW_BY -> "blow-by";
            case HIGH_FLOW_NASAL_CANNULA -> "high-flow nasal cannula";
            case SIMPLE_FACE_MASK -> "simple face mask";
            case NON_REBREATHER -> "non-rebreather mask";
            case VENTURI_MASK -> "Venturi mask";
            case CPAP -> "CPAP";
            case BIPAP -> "BiPAP";
            case MECHANICAL_VENTILATION -> "mechanical ventilation";
        };
    }

    private static String nasalCannula(@Nullable BigDecimal flow) {
        return flow == null
                ? "oxygen by nasal cannula with no flow recorded, read as low-flow (a flow above 6 L/min is not"
                        + " assumed)"
                : "oxygen by nasal cannula at %s L/min".formatted(flow.toPlainString());
    }

    private static String drivenBy(int hypotension, int hypoxia) {
        if (hypotension == hypoxia) {
            return "hypotension and hypoxia equally";
        }
        return hypotension > hypoxia ? "hypotension" : "hypoxia";
    }
}
