package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.OxygenSupport;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.VasopressorStatus;
import org.toxwatch.monitoring.domain.units.VitalSign;

/**
 * CRS (CRITERIA.md section 4) on a patient: graded only inside a CRS window (4.5), CAR-T days 0-28 (configurable,
 * section 10) after the first infusion, or a blinatumomab infusion that is running or stopped at most 48 h ago. The
 * temperatures are those of the preceding 24 h (4.1), hypotension is below the limit for the patient's age (4.4) or
 * a running vasopressor, and a fever earlier in the window counts when a drug given since may mask it (4.1).
 */
public final class CytokineReleaseSyndrome implements PatientRule {

    /** CRITERIA.md 4.1: maxTempC is the highest temperature in the preceding 24 h. */
    public static final Duration CRS_TEMPERATURE_WINDOW = Duration.ofHours(24);

    /** CRITERIA.md 4.5: blinatumomab CRS grading continues 48 h after an infusion stops. */
    public static final Duration BLINATUMOMAB_CRS_AFTER_STOP = Duration.ofHours(48);

    /** CRITERIA.md 4.1: the drugs that can mask a CRS fever. */
    static final Set<SupportiveDrug> FEVER_MASKING_DRUGS = EnumSet.of(
            SupportiveDrug.TOCILIZUMAB,
            SupportiveDrug.SILTUXIMAB,
            SupportiveDrug.ANAKINRA,
            SupportiveDrug.CORTICOSTEROID,
            SupportiveDrug.ANTIPYRETIC);

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        var now = patient.newestEventTime();
        if (now == null) {
            return null;
        }
        var windowStart = crsWindowStart(patient, context, now);
        if (windowStart == null) {
            return null;
        }
        var from = now.minus(CRS_TEMPERATURE_WINDOW);
        var inWindow = patient.vitals().stream()
                .filter(reading -> !reading.observedAt().isBefore(from)
                        && !reading.observedAt().isAfter(now))
                .toList();
        var evidence = new ArrayList<Evidence>();
        var hypotensionLimit = context.settings().hypotensionLimits().forAge(context.ageAt(now));
        var bloodPressure = BloodPressure.latestOf(inWindow);
        var hypotension = false;
        if (bloodPressure != null) {
            hypotension = bloodPressure.isBelow(hypotensionLimit);
            evidence.addAll(bloodPressure.evidence());
        }
        var vasopressors = patient.vasopressors();
        if (vasopressors != null) {
            hypotension = hypotension || vasopressors.anyRunning();
            evidence.add(vasopressorEvidence(vasopressors));
        }
        var oxygen = patient.oxygen();
        if (oxygen != null) {
            evidence.add(oxygenEvidence(oxygen));
        }
        var feverMasked = feverMasked(patient, windowStart, now, evidence);
        return CrsRule.assess(new CrsInputs(
                now,
                Observation.bodyTemperatures(inWindow),
                feverMasked,
                hypotension,
                vasopressors == null ? 0 : vasopressors.count(),
                vasopressors != null && vasopressors.vasopressin(),
                oxygen == null ? OxygenDevice.NONE : oxygen.device(),
                oxygen == null ? null : oxygen.flowLitresPerMinute(),
                evidence,
                hypotensionLimit,
                bloodPressure));
    }

    /**
     * The start of the CRS window open at {@code now} (4.5): the first CAR-T infusion when {@code now} is day
     * 0-28 after it, or the start of a blinatumomab infusion run (restarts within 48 h of a stop continue the
     * run) that is running or stopped at most 48 h ago. Absent outside every window.
     */
    private static @Nullable Instant crsWindowStart(PatientState patient, GradingContext context, Instant now) {
        var episodes = patient.episodes();
        for (int i = episodes.size() - 1; i >= 0; i--) {
            var episode = episodes.get(i);
            if (episode.therapy() == Therapy.CAR_T) {
                var infusedAt = episode.carTInfusedAt();
                if (infusedAt != null
                        && !infusedAt.isAfter(now)
                        && context.day(infusedAt, now)
                                <= context.settings()
                                        .carTWindows()
                                        .crsAndIcans()
                                        .lastDay()) {
                    return infusedAt;
                }
            } else if (episode.therapy() == Therapy.BLINATUMOMAB) {
                var stoppedAt = episode.infusionStoppedAt(now);
                var open = episode.infusionRunningAt(now)
                        || (stoppedAt != null
                                && Duration.between(stoppedAt, now).compareTo(BLINATUMOMAB_CRS_AFTER_STOP) <= 0);
                if (open) {
                    // a stop whose start was never received: the run began at the latest at T0
                    var runStart = episode.infusionRunStartedAt(now, BLINATUMOMAB_CRS_AFTER_STOP);
                    return runStart == null ? episode.t0() : runStart;
                }
            }
        }
        return null;
    }

    /**
     * CRITERIA.md 4.1: the patient had a fever of at least 38.0 C earlier in this CRS window and has since been
     * given an antipyretic or anti-cytokine / immunosuppressive drug.
     */
    private static boolean feverMasked(
            PatientState patient, Instant windowStart, Instant now, List<Evidence> evidence) {
        var firstFever = patient.fevers().stream()
                .filter(fever -> !fever.observedAt().isBefore(windowStart)
                        && !fever.observedAt().isAfter(now))
                .findFirst()
                .orElse(null);
        if (firstFever == null) {
            return false;
        }
        var masking = patient.drugsGivenBetween(firstFever.observedAt(), now).stream()
                .filter(drug -> FEVER_MASKING_DRUGS.contains(drug.drug()))
                .toList();
        if (masking.isEmpty()) {
            return false;
        }
        evidence.add(new Evidence(
                UUID.fromString(firstFever.eventId()),
                VitalSign.BODY_TEMPERATURE.loinc(),
                "Earlier fever in this CRS window",
                firstFever.celsius(),
                VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                firstFever.celsius(),
                VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                null,
                firstFever.observedAt(),
                firstFever.sourceMessageId()));
        masking.forEach(drug -> evidence.add(new Evidence(
                UUID.fromString(drug.eventId()),
                "supportive-drug",
                drug.drug() + " given after the fever",
                null,
                null,
                null,
                null,
                null,
                drug.givenAt(),
                drug.sourceMessageId())));
        return true;
    }

    private static Evidence vasopressorEvidence(VasopressorStatus vasopressors) {
        return new Evidence(
                UUID.fromString(vasopressors.eventId()),
                "vasopressors",
                "Vasopressors running, not counting vasopressin; vasopressin "
                        + (vasopressors.vasopressin() ? "running" : "not running"),
                BigDecimal.valueOf(vasopressors.count()),
                null,
                null,
                null,
                null,
                vasopressors.changedAt(),
                vasopressors.sourceMessageId());
    }

    private static Evidence oxygenEvidence(OxygenSupport oxygen) {
        var flow = oxygen.flowLitresPerMinute();
        var unit = flow == null ? null : VitalSign.INHALED_OXYGEN_FLOW.canonicalUnit();
        return new Evidence(
                UUID.fromString(oxygen.eventId()),
                "107117-4",
                "Oxygen delivery: " + oxygen.device(),
                flow,
                unit,
                flow,
                unit,
                null,
                oxygen.observedAt(),
                oxygen.sourceMessageId());
    }
}
