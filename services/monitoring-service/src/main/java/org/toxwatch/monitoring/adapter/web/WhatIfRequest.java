package org.toxwatch.monitoring.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.UnitSynonyms;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.units.Conversion;
import org.toxwatch.monitoring.domain.units.UnitConversion;
import org.toxwatch.monitoring.domain.units.VitalSign;

/**
 * A hypothetical patient for the calculator: the therapy context (enrolment, doses, infusion, supportive
 * drugs), the labs with their reference ranges (baselines are simply labs collected before T0) and vital
 * signs, the bedside neurological (ICANS) assessments, the clinician's findings (VOD/SOS diagnosed, ascites, ...)
 * and planned doses, and the patient's birth date (or age) and sex. The fields are those of the wire events, without
 * the ids and times that only a real feed has.
 *
 * @param birthDate the birth date: age-dependent rules (CRS hypotension, CRITERIA.md 4.4) use the age on each
 *     assessment's day, as for a streamed patient; without it and {@code ageYears}, adult thresholds, named as such
 * @param ageYears instead of a birth date, the age in completed years at the first input; at least 1, since the
 *     neonate and 1-12 month limits cannot be told apart from "0 years"
 * @param sex the administrative sex, for sex-specific default reference ranges
 */
record WhatIfRequest(
        @Nullable String patientId,
        @Nullable List<Lab> labResults,
        @Nullable List<Vitals> vitalSigns,
        @Nullable List<TherapyEvent> therapyEvents,
        @Nullable List<NeuroAssessment> neuroAssessments,
        @Nullable List<Finding> clinicalFindings,
        @Nullable List<PlannedDose> plannedDoses,
        @Nullable LocalDate birthDate,
        @Nullable Integer ageYears,
        @Nullable AdministrativeSex sex) {

    static final String SOURCE = "what-if";

    /** No one is older; a larger age is a typing error. */
    static final int OLDEST_AGE_YEARS = 130;

    /** Read when the events are built, so a refusal reaches the caller as a 400 that says why. */
    private void checkAge() {
        if (birthDate != null && ageYears != null) {
            throw new IllegalArgumentException("give birthDate or ageYears, not both");
        }
        if (ageYears != null && (ageYears < 1 || ageYears > OLDEST_AGE_YEARS)) {
            throw new IllegalArgumentException("ageYears must be 1 to " + OLDEST_AGE_YEARS
                    + "; for a child under one year give birthDate, since the neonate and 1-12 month hypotension"
                    + " limits differ (docs/clinical/crs.md#hypotension)");
        }
    }

    /**
     * @param unit as the laboratory writes it ({@code K/uL}, {@code x10E3/uL}, {@code mEq/L}, ...): read through the
     *     unit synonyms ingest uses, the spelling kept as the reported unit
     * @param comparator for a censored result, {@code <}, {@code <=}, {@code >} or {@code >=} (or the contract's
     *     name, e.g. {@code LESS_THAN}): the true value lies beyond {@code value} on that side
     */
    record Lab(
            String loinc,
            @Nullable BigDecimal value,
            @Nullable String unit,
            Instant observedAt,
            @Nullable ReferenceRange referenceRange,
            @Nullable ResultStatus status,
            @Nullable String sourceObservationId,
            @Nullable String comparator,
            @Nullable List<SpecimenCondition> specimenConditions,
            @Nullable TimePrecision observedAtPrecision) {

        @Nullable
        ValueComparator valueComparator() {
            if (comparator == null || comparator.isBlank()) {
                return null;
            }
            var written = comparator.trim();
            return ValueComparator.ofSymbol(written)
                    .or(() -> Arrays.stream(ValueComparator.values())
                            .filter(known -> known.name().equals(written))
                            .findFirst())
                    .orElseThrow(() ->
                            new IllegalArgumentException("comparator '" + written + "' is not one of <, <=, >, >="));
        }

        @Nullable
        String ucumUnit() {
            return unit == null ? null : UnitSynonyms.toUcum(unit);
        }

        /** The sender's spelling, when it is not the UCUM unit itself. */
        @Nullable
        String reportedUnit() {
            var ucum = ucumUnit();
            return unit == null || unit.equals(ucum) ? null : unit;
        }
    }

    /**
     * @param temperatureCelsius the temperature in Celsius; or give {@code temperature} with its unit
     * @param temperature the temperature in {@code temperatureUnit} ({@code Cel}, {@code [degF]}, {@code °F},
     *     {@code F}, ...), converted as ingest converts it
     */
    record Vitals(
            Instant observedAt,
            @Nullable BigDecimal temperatureCelsius,
            @Nullable BigDecimal heartRatePerMinute,
            @Nullable BigDecimal systolicMmHg,
            @Nullable BigDecimal diastolicMmHg,
            @Nullable BigDecimal meanArterialMmHg,
            @Nullable BigDecimal spo2Percent,
            @Nullable BigDecimal respiratoryRatePerMinute,
            @Nullable OxygenDevice oxygenDevice,
            @Nullable BigDecimal oxygenFlowLitresPerMinute,
            @Nullable BigDecimal weightKg,
            @Nullable BigDecimal temperature,
            @Nullable String temperatureUnit) {

        /** The temperature in Celsius, from whichever of the two ways it was given. */
        @Nullable
        BigDecimal celsius() {
            if (temperature == null) {
                return temperatureCelsius;
            }
            if (temperatureCelsius != null) {
                throw new IllegalArgumentException("give temperatureCelsius or temperature with its unit, not both");
            }
            if (temperatureUnit == null || temperatureUnit.isBlank()) {
                throw new IllegalArgumentException("a temperature needs its temperatureUnit (Cel or [degF])");
            }
            return switch (UnitConversion.convert(
                    VitalSign.BODY_TEMPERATURE, temperature, UnitSynonyms.toUcum(temperatureUnit))) {
                case Conversion.Converted converted -> converted.value();
                case Conversion.UnknownUnit unknown -> throw new IllegalArgumentException(unknown.reason());
            };
        }
    }

    record TherapyEvent(
            TherapyEventType type,
            Instant occurredAt,
            @Nullable Therapy therapy,
            @Nullable String product,
            @Nullable Integer cycle,
            @Nullable Integer cycleDay,
            @Nullable BigDecimal dose,
            @Nullable String doseUnit,
            @Nullable SupportiveDrug supportiveDrug,
            @Nullable Integer vasopressorCount,
            @Nullable Boolean vasopressin) {}

    /** The ICE (or CAPD) score and ICANS domains; an absent domain was not assessed. */
    record NeuroAssessment(
            Instant observedAt,
            @Nullable Integer iceScore,
            @Nullable Integer capdScore,
            @Nullable LevelOfConsciousness consciousness,
            @Nullable SeizureFinding seizure,
            @Nullable MotorFinding motor,
            @Nullable IntracranialPressureFinding icp) {}

    /**
     * A clinician's finding (CRITERIA.md 7.2 bedside findings, 8.2 rule 1); {@code present} (default true) false
     * withdraws it from {@code observedAt} on.
     */
    record Finding(
            ClinicalFinding finding,
            Instant observedAt,
            @Nullable Boolean present,
            @Nullable String sourceFindingId) {}

    /**
     * A dose ordered but not given yet, so the BESPONSA decision can be asked for it (C1D1 included). Without
     * {@code orderedAt} it counts as ordered before every other input of the request; plans ordered at the same
     * time apply in request order, so a cancellation listed after its plan withdraws it.
     */
    record PlannedDose(
            Therapy therapy,
            int cycle,
            int cycleDay,
            Instant plannedFor,
            @Nullable Instant orderedAt,
            @Nullable String sourcePlanId,
            @Nullable Boolean cancelled,
            @Nullable String product,
            @Nullable BigDecimal dose,
            @Nullable String doseUnit) {}

    String patient() {
        return patientId == null || patientId.isBlank() ? "what-if" : patientId;
    }

    /** The request as the events a feed would have sent, each received at its own clinical time. */
    List<ClinicalEvent> toEvents() {
        checkAge();
        var events = new ArrayList<ClinicalEvent>();
        String patient = patient();
        int n = 0;
        for (Lab lab : listOf(labResults)) {
            String id = SOURCE + "-" + ++n;
            events.add(new ClinicalEvent.Lab(new LabResultRecorded(
                    UUID.randomUUID(),
                    patient,
                    lab.observedAt(),
                    lab.observedAt(),
                    SOURCE,
                    id,
                    lab.sourceObservationId(),
                    lab.loinc(),
                    lab.value(),
                    lab.ucumUnit(),
                    lab.referenceRange(),
                    lab.status() == null ? ResultStatus.FINAL : lab.status(),
                    lab.valueComparator(),
                    lab.reportedUnit(),
                    List.of(),
                    lab.specimenConditions(),
                    lab.observedAtPrecision())));
        }
        for (Vitals vitals : listOf(vitalSigns)) {
            events.add(new ClinicalEvent.Vitals(new VitalSignsRecorded(
                    UUID.randomUUID(),
                    patient,
                    vitals.observedAt(),
                    vitals.observedAt(),
                    SOURCE,
                    SOURCE + "-" + ++n,
                    vitals.celsius(),
                    vitals.heartRatePerMinute(),
                    vitals.systolicMmHg(),
                    vitals.diastolicMmHg(),
                    vitals.meanArterialMmHg(),
                    vitals.spo2Percent(),
                    vitals.respiratoryRatePerMinute(),
                    vitals.oxygenDevice(),
                    vitals.oxygenFlowLitresPerMinute(),
                    vitals.weightKg(),
                    ResultStatus.FINAL)));
        }
        for (TherapyEvent therapy : listOf(therapyEvents)) {
            events.add(new ClinicalEvent.Therapy(new TherapyEventRecorded(
                    UUID.randomUUID(),
                    patient,
                    therapy.occurredAt(),
                    therapy.occurredAt(),
                    SOURCE,
                    SOURCE + "-" + ++n,
                    therapy.type(),
                    therapy.therapy(),
                    therapy.product(),
                    therapy.cycle(),
                    therapy.cycleDay(),
                    therapy.dose(),
                    therapy.doseUnit(),
                    therapy.supportiveDrug(),
                    therapy.vasopressorCount(),
                    therapy.vasopressin())));
        }
        for (NeuroAssessment neuro : listOf(neuroAssessments)) {
            events.add(new ClinicalEvent.Neuro(new NeurologicAssessmentRecorded(
                    UUID.randomUUID(),
                    patient,
                    neuro.observedAt(),
                    neuro.observedAt(),
                    SOURCE,
                    SOURCE + "-" + ++n,
                    neuro.iceScore(),
                    neuro.capdScore(),
                    neuro.consciousness(),
                    neuro.seizure(),
                    neuro.motor(),
                    neuro.icp(),
                    ResultStatus.FINAL)));
        }
        for (Finding finding : listOf(clinicalFindings)) {
            events.add(new ClinicalEvent.Finding(new ClinicalFindingRecorded(
                    UUID.randomUUID(),
                    patient,
                    finding.observedAt(),
                    finding.observedAt(),
                    SOURCE,
                    SOURCE + "-" + ++n,
                    finding.finding(),
                    !Boolean.FALSE.equals(finding.present()),
                    null,
                    finding.sourceFindingId())));
        }
        Instant earliest = events.stream()
                .map(ClinicalEvent::eventTime)
                .min(Comparator.naturalOrder())
                .orElse(null);
        int position = 0;
        for (PlannedDose plan : listOf(plannedDoses)) {
            Instant orderedAt = plan.orderedAt() != null
                    ? plan.orderedAt()
                    : earliest != null && earliest.isBefore(plan.plannedFor()) ? earliest : plan.plannedFor();
            events.add(new ClinicalEvent.Plan(new DosePlanned(
                    UUID.randomUUID(),
                    patient,
                    orderedAt,
                    orderedAt.plusNanos(++position),
                    SOURCE,
                    SOURCE + "-" + ++n,
                    plan.therapy(),
                    plan.product(),
                    plan.plannedFor(),
                    plan.cycle(),
                    plan.cycleDay(),
                    plan.dose(),
                    plan.doseUnit(),
                    plan.sourcePlanId(),
                    Boolean.TRUE.equals(plan.cancelled()))));
        }
        var patientRecord = patientRecord(patient, events, ++n);
        if (patientRecord != null) {
            events.add(patientRecord);
        }
        return events;
    }

    /**
     * The birth date and sex as a patient record stated before every other input (its receivedAt orders it first at
     * the same time), so the calculator grades through the stream's fold. An age in years becomes the birth date that
     * makes the patient exactly that old on the UTC day before the first input, which is that age in completed years
     * on the first input's day in any time zone.
     */
    private ClinicalEvent.@Nullable Patient patientRecord(String patient, List<ClinicalEvent> events, int n) {
        if (birthDate == null && ageYears == null && sex == null) {
            return null;
        }
        Instant first = events.stream()
                .map(ClinicalEvent::eventTime)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (first == null) {
            return null;
        }
        LocalDate born = birthDate;
        if (ageYears != null) {
            born = LocalDate.ofInstant(first, ZoneOffset.UTC)
                    .minusYears(ageYears)
                    .minusDays(1);
        }
        Instant last = events.stream()
                .map(ClinicalEvent::eventTime)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (born != null
                && born.isAfter(LocalDate.ofInstant(last, ZoneOffset.UTC).plusDays(1))) {
            throw new IllegalArgumentException("birthDate is after every input of the request");
        }
        return new ClinicalEvent.Patient(new PatientRecorded(
                UUID.randomUUID(),
                patient,
                first,
                first.minusNanos(1),
                SOURCE,
                SOURCE + "-" + n,
                null,
                List.of(),
                null,
                null,
                born,
                sex,
                null,
                null,
                null,
                null));
    }

    private static <T> List<T> listOf(@Nullable List<T> items) {
        return items == null ? List.of() : items;
    }
}
