package org.toxwatch.monitoring.domain.liversignals;

import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.ClinicianFindings;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.WeightMeasurement;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.VitalSign;

/**
 * The VOD/SOS watch (CRITERIA.md 7.2 and 8.1) on a patient: it runs from the first inotuzumab dose until 56 days
 * after the last one; day 0 is the last dose, the reference weight the last one at or before the first dose and the
 * bilirubin baseline that of 1.4 for the episode. The clinician's findings are those examined since the episode's
 * T0, as they stand; the standing ones are added to the evidence. A child is judged by EBMT 2018 (7.2).
 */
public final class VodSosWatch implements PatientRule {

    /** CRITERIA.md 8.1: VOD was reported up to 56 days after the last inotuzumab dose. */
    public static final Duration VOD_WATCH_AFTER_LAST_DOSE = Duration.ofDays(56);

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        return context.overCensored(Outcomes.GRADES, labs -> assess(patient, context, labs), Analyte.TOTAL_BILIRUBIN);
    }

    private static @Nullable Assessment assess(PatientState patient, GradingContext context, Labs labs) {
        var now = patient.newestEventTime();
        if (now == null) {
            return null;
        }
        TherapyEpisode inotuzumab = null;
        for (var episode : patient.episodes()) {
            if (episode.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN
                    && !episode.doses().isEmpty()) {
                inotuzumab = episode;
            }
        }
        if (inotuzumab == null) {
            return null;
        }
        var firstDose = inotuzumab.doses().getFirst().occurredAt();
        var lastDose = inotuzumab.doses().getLast().occurredAt();
        if (now.isBefore(firstDose) || now.isAfter(lastDose.plus(VOD_WATCH_AFTER_LAST_DOSE))) {
            return null;
        }
        var bilirubin = labs.of(Analyte.TOTAL_BILIRUBIN).stream()
                .map(LabResult::observation)
                .filter(result -> !result.observedAt().isBefore(firstDose))
                .toList();
        var weights =
                patient.weights().stream().map(VodSosWatch::weightObservation).toList();
        var reference = weights.stream()
                .filter(weight -> !weight.observedAt().isAfter(firstDose))
                .max(Comparator.comparing(Observation::observedAt))
                .orElse(null);
        var afterFirstDose = weights.stream()
                .filter(weight -> weight.observedAt().isAfter(firstDose))
                .toList();
        if (bilirubin.isEmpty() && afterFirstDose.isEmpty()) {
            return null;
        }
        var since = inotuzumab.t0();
        var findings = new ClinicalFindings(
                patient.finding(ClinicalFinding.HEPATOMEGALY, since),
                patient.finding(ClinicalFinding.PAINFUL_HEPATOMEGALY, since),
                patient.finding(ClinicalFinding.ASCITES, since),
                patient.finding(ClinicalFinding.VOD_HEMODYNAMIC_OR_ULTRASOUND_EVIDENCE, since));
        var findingEvidence = VodSosRule.BEDSIDE_FINDINGS.stream()
                .flatMap(finding -> ClinicianFindings.standing(patient.findings(), finding, since).stream())
                .map(ClinicianFindings::evidence)
                .toList();
        var baselineBilirubin = labs.of(Analyte.TOTAL_BILIRUBIN).stream()
                .map(LabResult::observation)
                .filter(result -> !result.observedAt().isAfter(since)
                        && !result.observedAt().isBefore(since.minus(PatientState.BASELINE_LOOKBACK)))
                .max(Comparator.comparing(Observation::observedAt))
                .orElse(null);
        var course = new VodSosCourse(
                bilirubin, baselineBilirubin, afterFirstDose, reference, lastDose, context.hospitalZone());
        return VodSosRule.assess(course, findings, findingEvidence, context.ageAt(now), now);
    }

    private static Observation weightObservation(WeightMeasurement weight) {
        return new Observation(
                UUID.fromString(weight.eventId()),
                VitalSign.BODY_WEIGHT.loinc(),
                VitalSign.BODY_WEIGHT.display(),
                weight.kg(),
                VitalSign.BODY_WEIGHT.canonicalUnit(),
                weight.kg(),
                VitalSign.BODY_WEIGHT.canonicalUnit(),
                null,
                weight.observedAt(),
                weight.sourceMessageId() == null ? "unknown" : weight.sourceMessageId());
    }
}
