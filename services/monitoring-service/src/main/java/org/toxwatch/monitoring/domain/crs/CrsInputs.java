package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.monitoring.domain.Observation;

/**
 * What ASTCT 2019 CRS grading needs at one assessment time (CRITERIA.md 4.1).
 *
 * @param temperaturesInWindow body temperatures (LOINC 8310-5) in Cel from the look-back window (default
 *     24 h); their maximum is {@code maxTempC}
 * @param feverMasked the patient already had CRS fever this episode and has since received antipyretics or
 *     anti-cytokine / immunosuppressive therapy
 * @param hypotension clinically significant hypotension not attributable to another cause (CRITERIA.md 4.4)
 * @param vasopressorCount distinct vasopressor agents running for CRS, not counting vasopressin
 * @param vasopressin vasopressin is running
 * @param oxygenFlowLitresPerMinute oxygen flow; needed for {@link OxygenDevice#NASAL_CANNULA} only
 * @param supportEvidence the blood-pressure, vasopressor and oxygen observations behind the flags above
 * @param hypotensionLimit the CRITERIA.md 4.4 definition for the patient's age, named on the assessment
 * @param bloodPressure the latest blood pressure in the window, judged against that limit; absent if none
 */
public record CrsInputs(
        Instant assessedAt,
        List<Observation> temperaturesInWindow,
        boolean feverMasked,
        boolean hypotension,
        int vasopressorCount,
        boolean vasopressin,
        OxygenDevice oxygenDevice,
        @Nullable BigDecimal oxygenFlowLitresPerMinute,
        List<Evidence> supportEvidence,
        HypotensionLimit hypotensionLimit,
        @Nullable BloodPressure bloodPressure) {

    /** Inputs whose hypotension is given directly, for a patient of unknown age and with no pressure recorded. */
    public CrsInputs(
            Instant assessedAt,
            List<Observation> temperaturesInWindow,
            boolean feverMasked,
            boolean hypotension,
            int vasopressorCount,
            boolean vasopressin,
            OxygenDevice oxygenDevice,
            @Nullable BigDecimal oxygenFlowLitresPerMinute,
            List<Evidence> supportEvidence) {
        this(
                assessedAt,
                temperaturesInWindow,
                feverMasked,
                hypotension,
                vasopressorCount,
                vasopressin,
                oxygenDevice,
                oxygenFlowLitresPerMinute,
                supportEvidence,
                HypotensionLimits.defaults().forAge(Optional.empty()),
                null);
    }

    public CrsInputs {
        Objects.requireNonNull(hypotensionLimit, "hypotensionLimit");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(oxygenDevice, "oxygenDevice");
        temperaturesInWindow = List.copyOf(temperaturesInWindow);
        supportEvidence = List.copyOf(supportEvidence);
        if (vasopressorCount < 0) {
            throw new IllegalArgumentException("vasopressorCount must not be negative: " + vasopressorCount);
        }
        if (oxygenFlowLitresPerMinute != null && oxygenFlowLitresPerMinute.signum() < 0) {
            throw new IllegalArgumentException("oxygen flow must not be negative: " + oxygenFlowLitresPerMinute);
        }
    }
}
