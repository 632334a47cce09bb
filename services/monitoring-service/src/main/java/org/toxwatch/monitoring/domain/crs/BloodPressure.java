package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.units.VitalSign;

/**
 * The systolic and mean pressures of the latest moment that measured either, which CRS grading judges against the
 * patient's {@link HypotensionLimit}. Measurements of one moment by one source are one reading however they arrived
 * (an HL7 OBX, a FHIR component or a JSON item each carries one), so a normal mean pressure sent after its systolic
 * does not hide a low systolic of the same moment.
 */
public record BloodPressure(
        @Nullable VitalSignsRecorded systolic, @Nullable VitalSignsRecorded mean) {

    /** The latest reading among {@code readings} (in measurement-time order); absent when none measured a pressure. */
    public static @Nullable BloodPressure latestOf(List<VitalSignsRecorded> readings) {
        VitalSignsRecorded latest = null;
        for (var reading : readings) {
            if (reading.systolicMmHg() != null || reading.meanArterialMmHg() != null) {
                latest = reading;
            }
        }
        if (latest == null) {
            return null;
        }
        VitalSignsRecorded systolic = null;
        VitalSignsRecorded mean = null;
        for (var reading : readings) {
            if (reading.observedAt().equals(latest.observedAt())
                    && reading.sourceSystem().equals(latest.sourceSystem())) {
                systolic = reading.systolicMmHg() != null ? reading : systolic;
                mean = reading.meanArterialMmHg() != null ? reading : mean;
            }
        }
        return new BloodPressure(systolic, mean);
    }

    public @Nullable BigDecimal systolicMmHg() {
        return systolic == null ? null : systolic.systolicMmHg();
    }

    public @Nullable BigDecimal meanArterialMmHg() {
        return mean == null ? null : mean.meanArterialMmHg();
    }

    public boolean isBelow(HypotensionLimit limit) {
        return limit.isMetBy(systolicMmHg(), meanArterialMmHg());
    }

    /** {@code systolic 86 mmHg, MAP 50 mmHg}. */
    public String describe() {
        var parts = new ArrayList<String>();
        if (systolicMmHg() != null) {
            parts.add("systolic " + systolicMmHg().toPlainString() + " mmHg");
        }
        if (meanArterialMmHg() != null) {
            parts.add("MAP " + meanArterialMmHg().toPlainString() + " mmHg");
        }
        return String.join(", ", parts);
    }

    public List<Evidence> evidence() {
        var evidence = new ArrayList<Evidence>();
        if (systolicMmHg() != null) {
            evidence.add(vitalEvidence(systolic, VitalSign.SYSTOLIC_BP, systolicMmHg()));
        }
        if (meanArterialMmHg() != null) {
            evidence.add(vitalEvidence(mean, VitalSign.MEAN_ARTERIAL_PRESSURE, meanArterialMmHg()));
        }
        return evidence;
    }

    private static Evidence vitalEvidence(VitalSignsRecorded reading, VitalSign sign, BigDecimal value) {
        return new Evidence(
                reading.eventId(),
                sign.loinc(),
                sign.display(),
                value,
                sign.canonicalUnit(),
                value,
                sign.canonicalUnit(),
                null,
                reading.observedAt(),
                reading.sourceMessageId());
    }
}
