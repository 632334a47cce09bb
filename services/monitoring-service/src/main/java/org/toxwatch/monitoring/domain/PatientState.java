package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.patient.Demographics;
import org.toxwatch.monitoring.domain.patient.PatientProfile;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.windows.Lookback;
import org.toxwatch.monitoring.domain.windows.Lookbacks;

/**
 * Everything monitoring remembers about one patient, folded from the patient's events by the pure functions
 * {@link #apply(LabResultRecorded)}, {@link #apply(VitalSignsRecorded)}, {@link #apply(TherapyEventRecorded)},
 * {@link #apply(NeurologicAssessmentRecorded)}, {@link #apply(ClinicalFindingRecorded)},
 * {@link #apply(DosePlanned)} and {@link #apply(PatientRecorded)}.
 *
 * <p>Events are placed by their clinical time (collection, measurement or administration time), not by
 * arrival, so a late result lands where it belongs. A corrected result replaces the one with the same
 * {@code sourceObservationId} (or, without one, the same LOINC code and collection time); a cancelled result
 * removes it. Memory is bounded: labs and weights are kept while a criterion's {@link Lookback} still reaches them
 * ({@link Lookbacks#TABLE}: the recent ones, each episode's baseline candidates, each CAR-T infusion's days 0-100,
 * the results before and after each inotuzumab dose), so retention never changes a published grade; relative to the
 * newest event time, vital signs for {@value #VITALS_HOURS} h; fevers and supportive drugs for
 * {@value #CRS_MEMORY_DAYS} days, one blinatumomab cycle (28 days of infusion and a 14-day interval) and
 * longer than the CAR-T CRS window (day 0-28).
 *
 * <p>The record serializes with plain Jackson record support: its components are records, lists, maps keyed
 * by string, strings, decimals, instants, integers, booleans and enums. Labs are keyed by {@link Analyte}
 * name, published grades by {@link Criterion} name.
 *
 * @param newestEventTime the latest clinical time of any event applied; absent for a new patient
 * @param episodes therapy episodes in T0 order
 * @param labs results per analyte name, each list in collection-time order
 * @param vitals vital-sign sets in measurement-time order
 * @param fevers temperatures of at least 38.0 C in time order (CRITERIA.md 4.1)
 * @param supportiveDrugs supportive drugs in time order
 * @param vasopressors the vasopressors running according to the latest vasopressor event
 * @param oxygen the oxygen support according to the latest vital-signs set that reported a device
 * @param neuroAssessments neurological (ICANS) assessments in assessment-time order: those since the T0 of the
 *     latest episode or of the last {@value #CRS_MEMORY_DAYS} days, whichever reaches back further (at most
 *     {@value #NEURO_ASSESSMENTS_KEPT}), and up to {@value #SEIZURES_KEPT} older ones that reported a seizure, since
 *     the BLINCYTO neurological rows (CRITERIA.md 9.1) read a whole episode
 * @param publishedGrades what monitoring last published, per criterion name
 * @param highestGradesThisEpisode the highest grade published per criterion name since the T0 of the episode it was
 *     published in; a rule whose action is permanent (BLINCYTO: CRS grade 4, discontinue) reads it, because the
 *     grade itself falls again
 * @param findings the clinician's findings as they stand: the newest record per finding and source finding id
 *     (see {@link ClinicianFindings})
 * @param dosePlans planned doses, their updates and cancellations, in ordering-time order, until
 *     {@value #PLANS_KEPT_DAYS} days after the time each was planned for (see {@link DosePlans})
 * @param demographics the birth date and sex the patient records stated, each with when it was stated; absent
 *     (read as unknown) in states stored before patient records existed
 */
public record PatientState(
        String patientId,
        @Nullable Instant newestEventTime,
        List<TherapyEpisode> episodes,
        Map<String, List<LabResultRecorded>> labs,
        List<VitalSignsRecorded> vitals,
        List<FeverReading> fevers,
        List<WeightMeasurement> weights,
        List<SupportiveDrugGiven> supportiveDrugs,
        @Nullable VasopressorStatus vasopressors,
        @Nullable OxygenSupport oxygen,
        List<NeurologicAssessmentRecorded> neuroAssessments,
        Map<String, PublishedGrade> publishedGrades,
        Map<String, PublishedGrade> highestGradesThisEpisode,
        List<ClinicalFindingRecorded> findings,
        List<DosePlanned> dosePlans,
        Demographics demographics) {

    static final long VITALS_HOURS = 72;
    static final long CRS_MEMORY_DAYS = 42;
    static final int MAX_EPISODES = 20;
    static final int NEURO_ASSESSMENTS_KEPT = 500;
    static final int SEIZURES_KEPT = 20;

    /**
     * CRITERIA.md 8.1: the inotuzumab episode is watched until 56 days after its last dose, so a plan whose dose
     * was due longer ago than that can no longer be decided and is dropped.
     */
    static final long PLANS_KEPT_DAYS = 56;

    static final Duration PLANS_KEPT_AFTER_PLANNED_TIME = Duration.ofDays(PLANS_KEPT_DAYS);

    /** CRITERIA.md 1.4: a baseline is collected at or before T0 and not more than 30 days before. */
    public static final Duration BASELINE_LOOKBACK = Duration.ofDays(30);

    /** CRITERIA.md 4.2: fever is a temperature of at least 38.0 C. */
    public static final BigDecimal FEVER_CELSIUS = new BigDecimal("38.0");

    /** Per analyte, the lookbacks that read it: retention runs on every event. */
    private static final Map<Analyte, List<Lookback>> LAB_LOOKBACKS = labLookbacks();

    private static final Comparator<LabResultRecorded> LAB_ORDER = Comparator.comparing(LabResultRecorded::observedAt)
            .thenComparing(LabResultRecorded::receivedAt)
            .thenComparing(LabResultRecorded::eventId);
    private static final Comparator<NeurologicAssessmentRecorded> NEURO_ORDER = Comparator.comparing(
                    NeurologicAssessmentRecorded::observedAt)
            .thenComparing(NeurologicAssessmentRecorded::receivedAt)
            .thenComparing(NeurologicAssessmentRecorded::eventId);
    private static final Comparator<VitalSignsRecorded> VITALS_ORDER = Comparator.comparing(
                    VitalSignsRecorded::observedAt)
            .thenComparing(VitalSignsRecorded::receivedAt)
            .thenComparing(VitalSignsRecorded::eventId);
    private static final Comparator<TherapyEpisode> EPISODE_ORDER = Comparator.comparing(TherapyEpisode::t0);
    private static final Comparator<FeverReading> FEVER_ORDER = Comparator.comparing(FeverReading::observedAt);
    private static final Comparator<WeightMeasurement> WEIGHT_ORDER =
            Comparator.comparing(WeightMeasurement::observedAt);
    private static final Comparator<SupportiveDrugGiven> SUPPORTIVE_DRUG_ORDER =
            Comparator.comparing(SupportiveDrugGiven::givenAt);

    public PatientState {
        Objects.requireNonNull(patientId, "patientId");
        episodes = inOrder(episodes, EPISODE_ORDER);
        var sortedLabs = new TreeMap<String, List<LabResultRecorded>>();
        if (labs != null) {
            labs.forEach((analyte, results) -> {
                if (!results.isEmpty()) {
                    sortedLabs.put(analyte, inOrder(results, LAB_ORDER));
                }
            });
        }
        labs = Collections.unmodifiableMap(sortedLabs);
        vitals = inOrder(vitals, VITALS_ORDER);
        fevers = inOrder(fevers, FEVER_ORDER);
        weights = inOrder(weights, WEIGHT_ORDER);
        supportiveDrugs = inOrder(supportiveDrugs, SUPPORTIVE_DRUG_ORDER);
        // absent in states stored before neurological assessments existed
        neuroAssessments = inOrder(neuroAssessments, NEURO_ORDER);
        publishedGrades =
                publishedGrades == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(publishedGrades));
        highestGradesThisEpisode = highestGradesThisEpisode == null
                ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(highestGradesThisEpisode));
        // absent in states stored before findings and plans existed
        findings = inOrder(findings, ClinicianFindings.NEWEST_LAST);
        dosePlans = inOrder(dosePlans, DosePlans.NEWEST_LAST);
        // absent in states stored before patient records existed
        demographics = demographics == null ? Demographics.UNKNOWN : demographics;
    }

    /** A patient monitoring has not heard of yet. */
    public static PatientState empty(String patientId) {
        return new PatientState(
                patientId,
                null,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                Demographics.UNKNOWN);
    }

    // ---------------------------------------------------------------------------------------------- the fold

    /**
     * Adds, corrects or cancels a laboratory result. A LOINC code ToxWatch does not grade (CRITERIA.md 13.1)
     * leaves the state unchanged, as does an event already applied.
     */
    public PatientState apply(LabResultRecorded result) {
        requireThisPatient(result.patientId());
        var analyte = Analyte.byLoinc(result.loinc()).orElse(null);
        if (analyte == null || containsLab(result.eventId())) {
            return this;
        }
        var updated = new TreeMap<String, List<LabResultRecorded>>();
        labs.forEach((key, results) -> updated.put(key, withoutSupersededBy(result, results)));
        if (result.status() != ResultStatus.CANCELLED) {
            var results = new ArrayList<>(updated.getOrDefault(analyte.name(), List.of()));
            results.add(result);
            updated.put(analyte.name(), results);
        }
        return new PatientState(
                        patientId,
                        later(newestEventTime, result.observedAt()),
                        episodes,
                        updated,
                        vitals,
                        fevers,
                        weights,
                        supportiveDrugs,
                        vasopressors,
                        oxygen,
                        neuroAssessments,
                        publishedGrades,
                        highestGradesThisEpisode,
                        findings,
                        dosePlans,
                        demographics)
                .bounded();
    }

    /**
     * Adds a vital-signs set; a corrected set replaces, and a cancelled set removes, the set measured at the
     * same time (vital signs carry no observation id).
     */
    public PatientState apply(VitalSignsRecorded reading) {
        requireThisPatient(reading.patientId());
        var eventId = reading.eventId().toString();
        var alreadyApplied =
                vitals.stream().anyMatch(existing -> existing.eventId().equals(reading.eventId()))
                        || fevers.stream().anyMatch(fever -> fever.eventId().equals(eventId))
                        || weights.stream().anyMatch(weight -> weight.eventId().equals(eventId));
        if (alreadyApplied) {
            return this;
        }
        var replacing = reading.status() == ResultStatus.CORRECTED || reading.status() == ResultStatus.CANCELLED;
        Predicate<Instant> kept = at -> !(replacing && at.equals(reading.observedAt()));
        var newVitals = new ArrayList<>(
                vitals.stream().filter(v -> kept.test(v.observedAt())).toList());
        var newFevers = new ArrayList<>(
                fevers.stream().filter(f -> kept.test(f.observedAt())).toList());
        var newWeights = new ArrayList<>(
                weights.stream().filter(w -> kept.test(w.observedAt())).toList());
        if (reading.status() != ResultStatus.CANCELLED) {
            newVitals.add(reading);
            var temperature = reading.temperatureCelsius();
            if (temperature != null && temperature.compareTo(FEVER_CELSIUS) >= 0) {
                newFevers.add(new FeverReading(eventId, reading.observedAt(), temperature, reading.sourceMessageId()));
            }
            var weight = reading.weightKg();
            if (weight != null) {
                newWeights.add(new WeightMeasurement(eventId, reading.observedAt(), weight, reading.sourceMessageId()));
            }
        }
        var newOxygen = latestOxygen(newVitals, oxygen != null && kept.test(oxygen.observedAt()) ? oxygen : null);
        return new PatientState(
                        patientId,
                        later(newestEventTime, reading.observedAt()),
                        episodes,
                        labs,
                        newVitals,
                        newFevers,
                        newWeights,
                        supportiveDrugs,
                        vasopressors,
                        newOxygen,
                        neuroAssessments,
                        publishedGrades,
                        highestGradesThisEpisode,
                        findings,
                        dosePlans,
                        demographics)
                .bounded();
    }

    /**
     * Records a therapy event: an enrolment, dose, infusion start or stop or CAR-T infusion goes to its therapy
     * episode (see {@link TherapyEpisode}); a supportive drug is remembered with its time, and a vasopressor
     * event updates the running vasopressors unless a later one (by event time) is already known.
     */
    public PatientState apply(TherapyEventRecorded event) {
        requireThisPatient(event.patientId());
        var newEpisodes = episodes;
        var newDrugs = supportiveDrugs;
        var newVasopressors = vasopressors;
        var eventId = event.eventId().toString();
        if (event.type() == TherapyEventType.SUPPORTIVE_DRUG_GIVEN) {
            if (supportiveDrugs.stream().anyMatch(drug -> drug.eventId().equals(eventId))) {
                return this;
            }
            var drug = Objects.requireNonNull(event.supportiveDrug(), "supportiveDrug");
            var drugs = new ArrayList<>(supportiveDrugs);
            drugs.add(new SupportiveDrugGiven(eventId, drug, event.occurredAt(), event.sourceMessageId()));
            newDrugs = drugs;
            if (drug == SupportiveDrug.VASOPRESSOR
                    && (vasopressors == null || !event.occurredAt().isBefore(vasopressors.changedAt()))) {
                newVasopressors = new VasopressorStatus(
                        eventId,
                        event.occurredAt(),
                        event.vasopressorCount() == null ? 0 : event.vasopressorCount(),
                        Boolean.TRUE.equals(event.vasopressin()),
                        event.sourceMessageId());
            }
        } else {
            if (episodes.stream().anyMatch(episode -> episode.contains(eventId))) {
                return this;
            }
            newEpisodes = TherapyEpisodes.with(episodes, event);
        }
        return new PatientState(
                        patientId,
                        later(newestEventTime, event.occurredAt()),
                        newEpisodes,
                        labs,
                        vitals,
                        fevers,
                        weights,
                        newDrugs,
                        newVasopressors,
                        oxygen,
                        neuroAssessments,
                        publishedGrades,
                        highestGradesThisEpisode,
                        findings,
                        dosePlans,
                        demographics)
                .bounded();
    }

    /**
     * Adds a neurological assessment; a corrected one replaces, and a cancelled one removes, the assessment made
     * at the same time (assessments carry no observation id). An event already applied leaves the state unchanged.
     */
    public PatientState apply(NeurologicAssessmentRecorded assessment) {
        requireThisPatient(assessment.patientId());
        if (neuroAssessments.stream().anyMatch(existing -> existing.eventId().equals(assessment.eventId()))) {
            return this;
        }
        var replacing = assessment.status() == ResultStatus.CORRECTED || assessment.status() == ResultStatus.CANCELLED;
        var updated = new ArrayList<>(neuroAssessments.stream()
                .filter(existing -> !(replacing && existing.observedAt().equals(assessment.observedAt())))
                .toList());
        if (assessment.status() != ResultStatus.CANCELLED) {
            updated.add(assessment);
        }
        return new PatientState(
                        patientId,
                        later(newestEventTime, assessment.observedAt()),
                        episodes,
                        labs,
                        vitals,
                        fevers,
                        weights,
                        supportiveDrugs,
                        vasopressors,
                        oxygen,
                        updated,
                        publishedGrades,
                        highestGradesThisEpisode,
                        findings,
                        dosePlans,
                        demographics)
                .bounded();
    }

    /**
     * Records a clinician's finding, or its withdrawal; only the newest record of a finding per source finding id is
     * kept (see {@link ClinicianFindings}).
     */
    public PatientState apply(ClinicalFindingRecorded finding) {
        requireThisPatient(finding.patientId());
        var updated = ClinicianFindings.with(findings, finding);
        if (updated == findings) {
            return this;
        }
        return new PatientState(
                        patientId,
                        later(newestEventTime, finding.observedAt()),
                        episodes,
                        labs,
                        vitals,
                        fevers,
                        weights,
                        supportiveDrugs,
                        vasopressors,
                        oxygen,
                        neuroAssessments,
                        publishedGrades,
                        highestGradesThisEpisode,
                        updated,
                        dosePlans,
                        demographics)
                .bounded();
    }

    /** Records a planned dose, its update or its cancellation (see {@link DosePlans}). */
    public PatientState apply(DosePlanned plan) {
        requireThisPatient(plan.patientId());
        var updated = DosePlans.with(dosePlans, plan);
        if (updated == dosePlans) {
            return this;
        }
        return new PatientState(
                        patientId,
                        later(newestEventTime, plan.orderedAt()),
                        episodes,
                        labs,
                        vitals,
                        fevers,
                        weights,
                        supportiveDrugs,
                        vasopressors,
                        oxygen,
                        neuroAssessments,
                        publishedGrades,
                        highestGradesThisEpisode,
                        findings,
                        updated,
                        demographics)
                .bounded();
    }

    /**
     * Takes the birth date and sex a patient record states, each only if the record is not older than the one that
     * stated the value held (see {@link Demographics}). Names, identifiers and location are not grading inputs and
     * are not kept. The newest event time does not move: a record's time is when a sender stated the details, not a
     * clinical time, and it must not close a CRS window or age out results.
     */
    public PatientState apply(PatientRecorded patient) {
        requireThisPatient(patient.patientId());
        var updated = demographics.with(patient);
        if (updated.equals(demographics)) {
            return this;
        }
        return withDemographics(updated);
    }

    /**
     * Forgets the birth date and sex, as when the patient's record is removed from the compacted patients topic (a
     * tombstone): grading goes back to the adult and sex-unknown thresholds and says so.
     */
    public PatientState withoutDemographics() {
        if (demographics.equals(Demographics.UNKNOWN)) {
            return this;
        }
        return withDemographics(Demographics.UNKNOWN);
    }

    private PatientState withDemographics(Demographics known) {
        return new PatientState(
                patientId,
                newestEventTime,
                episodes,
                labs,
                vitals,
                fevers,
                weights,
                supportiveDrugs,
                vasopressors,
                oxygen,
                neuroAssessments,
                publishedGrades,
                highestGradesThisEpisode,
                findings,
                dosePlans,
                known);
    }

    /** The state with {@code assessment}'s grade recorded as published for its criterion. */
    public PatientState published(Assessment assessment) {
        var updated = new TreeMap<>(publishedGrades);
        updated.put(
                assessment.criterion().name(),
                PublishedGrade.after(publishedGrades.get(assessment.criterion().name()), assessment, this::keptAmong));
        var highest = new TreeMap<>(highestGradesThisEpisode);
        Integer grade = assessment.grade();
        if (grade != null) {
            String name = assessment.criterion().name();
            PublishedGrade before = highest.get(name);
            TherapyEpisode episode = episodeAt(assessment.assessedAt());
            boolean fromAnEarlierEpisode =
                    episode != null && before != null && before.assessedAt().isBefore(episode.t0());
            if (before == null || before.grade() == null || fromAnEarlierEpisode || grade > before.grade()) {
                highest.put(name, PublishedGrade.of(assessment));
            }
        }
        return new PatientState(
                patientId,
                newestEventTime,
                episodes,
                labs,
                vitals,
                fevers,
                weights,
                supportiveDrugs,
                vasopressors,
                oxygen,
                neuroAssessments,
                updated,
                highest,
                findings,
                dosePlans,
                demographics);
    }

    // ---------------------------------------------------------------------------------------------- queries

    /**
     * How many records the state keeps: results, readings, assessments, findings, plans, therapy episodes and
     * published grades. A state grows with the patient's course, so this, not the number of patients, measures it.
     */
    public int keptRecords() {
        int results = 0;
        for (List<LabResultRecorded> analyte : labs.values()) {
            results += analyte.size();
        }
        return results
                + episodes.size()
                + vitals.size()
                + fevers.size()
                + weights.size()
                + supportiveDrugs.size()
                + neuroAssessments.size()
                + publishedGrades.size()
                + highestGradesThisEpisode.size()
                + findings.size()
                + dosePlans.size();
    }

    /** The birth date and sex grading reads (unknown until a patient record states them). */
    public PatientProfile profile() {
        return demographics.profile();
    }

    /** The results of {@code analyte} kept, in collection-time order. */
    public List<LabResultRecorded> labsOf(Analyte analyte) {
        return labs.getOrDefault(analyte.name(), List.of());
    }

    /** The newest result of {@code analyte} by collection time (later arrival wins a tie). */
    public @Nullable LabResultRecorded newestLab(Analyte analyte) {
        var results = labsOf(analyte);
        return results.isEmpty() ? null : results.getLast();
    }

    /** The therapy episode a time falls in: the one with the latest T0 at or before it. */
    public @Nullable TherapyEpisode episodeAt(Instant at) {
        TherapyEpisode current = null;
        for (var episode : episodes) {
            if (!episode.t0().isAfter(at)) {
                current = episode;
            }
        }
        return current;
    }

    /**
     * The baseline of {@code analyte} for {@code episode} (CRITERIA.md 1.4): the most recent valid result
     * collected at or before T0 and not more than 30 days before it. Valid means readable for grading (not
     * cancelled, in a unit 13.3 maps). Absent when there is none: the baseline is missing.
     */
    public @Nullable LabResult baseline(Analyte analyte, TherapyEpisode episode) {
        var t0 = episode.t0();
        var earliest = t0.minus(BASELINE_LOOKBACK);
        var results = labsOf(analyte);
        for (int i = results.size() - 1; i >= 0; i--) {
            var candidate = results.get(i);
            if (candidate.observedAt().isAfter(t0)) {
                continue;
            }
            if (candidate.observedAt().isBefore(earliest)) {
                break;
            }
            if (LabResult.read(candidate) instanceof LabReading.Readable readable) {
                return readable.result();
            }
        }
        return null;
    }

    /**
     * The event ids of the kept results that {@code result} replaces if it is a correction or cancellation not yet
     * applied (see {@link #apply(LabResultRecorded)}); empty for any other result.
     */
    public Set<UUID> replacedBy(LabResultRecorded result) {
        var amends = result.status() == ResultStatus.CORRECTED || result.status() == ResultStatus.CANCELLED;
        if (!amends || Analyte.byLoinc(result.loinc()).isEmpty() || containsLab(result.eventId())) {
            return Set.of();
        }
        var replaced = new HashSet<UUID>();
        labs.values().stream()
                .flatMap(List::stream)
                .filter(existing -> supersedes(result, existing))
                .forEach(existing -> replaced.add(existing.eventId()));
        return replaced;
    }

    /**
     * The event ids of the vital-sign sets, fevers, weights and oxygen support that {@code reading} replaces if it
     * is a correction or cancellation not yet applied: all measured at its time (see
     * {@link #apply(VitalSignsRecorded)}); empty for any other reading.
     */
    public Set<UUID> replacedBy(VitalSignsRecorded reading) {
        var amends = reading.status() == ResultStatus.CORRECTED || reading.status() == ResultStatus.CANCELLED;
        var eventId = reading.eventId().toString();
        var alreadyApplied =
                vitals.stream().anyMatch(existing -> existing.eventId().equals(reading.eventId()))
                        || fevers.stream().anyMatch(fever -> fever.eventId().equals(eventId))
                        || weights.stream().anyMatch(weight -> weight.eventId().equals(eventId));
        if (!amends || alreadyApplied) {
            return Set.of();
        }
        var at = reading.observedAt();
        var replaced = new HashSet<UUID>();
        vitals.stream().filter(v -> v.observedAt().equals(at)).forEach(v -> replaced.add(v.eventId()));
        fevers.stream().filter(f -> f.observedAt().equals(at)).forEach(f -> replaced.add(UUID.fromString(f.eventId())));
        weights.stream()
                .filter(w -> w.observedAt().equals(at))
                .forEach(w -> replaced.add(UUID.fromString(w.eventId())));
        if (oxygen != null && oxygen.observedAt().equals(at)) {
            replaced.add(UUID.fromString(oxygen.eventId()));
        }
        return replaced;
    }

    /**
     * The event ids of the neurological assessments that {@code assessment} replaces if it is a correction or
     * cancellation not yet applied: those made at its time (see {@link #apply(NeurologicAssessmentRecorded)}).
     */
    public Set<UUID> replacedBy(NeurologicAssessmentRecorded assessment) {
        var amends = assessment.status() == ResultStatus.CORRECTED || assessment.status() == ResultStatus.CANCELLED;
        if (!amends
                || neuroAssessments.stream()
                        .anyMatch(existing -> existing.eventId().equals(assessment.eventId()))) {
            return Set.of();
        }
        var replaced = new HashSet<UUID>();
        neuroAssessments.stream()
                .filter(existing -> existing.observedAt().equals(assessment.observedAt()))
                .forEach(existing -> replaced.add(existing.eventId()));
        return replaced;
    }

    /** The newest neurological assessment by assessment time (a later arrival wins a tie); absent if none. */
    public @Nullable NeurologicAssessmentRecorded newestNeuroAssessment() {
        return neuroAssessments.isEmpty() ? null : neuroAssessments.getLast();
    }

    /** The highest grade published for {@code criterion} at or after {@code since}; absent if none was. */
    public @Nullable Integer highestGradeSince(Criterion criterion, Instant since) {
        PublishedGrade highest = highestGradesThisEpisode.get(criterion.name());
        return highest == null || highest.assessedAt().isBefore(since) ? null : highest.grade();
    }

    /** What was last published for {@code criterion}; absent if nothing ever was. */
    public @Nullable PublishedGrade publishedGrade(Criterion criterion) {
        return publishedGrades.get(criterion.name());
    }

    /** The supportive drugs given in {@code (after, until]}. */
    public List<SupportiveDrugGiven> drugsGivenBetween(Instant after, Instant until) {
        return supportiveDrugs.stream()
                .filter(drug -> drug.givenAt().isAfter(after) && !drug.givenAt().isAfter(until))
                .toList();
    }

    /**
     * Whether a clinician's {@code finding} stands (see {@link ClinicianFindings}), from the records examined at or
     * after {@code since} (every kept record when absent): {@code null} when none was recorded.
     */
    public @Nullable Boolean finding(ClinicalFinding finding, @Nullable Instant since) {
        return ClinicianFindings.status(findings, finding, since);
    }

    /** The plans of {@code therapy} as they stand (see {@link DosePlans}), in order of planned time. */
    public List<DosePlans.Plan> plansOf(Therapy therapy) {
        return DosePlans.standing(dosePlans, therapy);
    }

    // ---------------------------------------------------------------------------------------------- internals

    private PatientState bounded() {
        if (newestEventTime == null) {
            return this;
        }
        var now = newestEventTime;
        return new PatientState(
                patientId,
                now,
                episodes.size() > MAX_EPISODES
                        ? episodes.subList(episodes.size() - MAX_EPISODES, episodes.size())
                        : episodes,
                boundedLabs(now),
                since(vitals, VitalSignsRecorded::observedAt, now.minus(Duration.ofHours(VITALS_HOURS))),
                since(fevers, FeverReading::observedAt, now.minus(Duration.ofDays(CRS_MEMORY_DAYS))),
                retained(weights, WeightMeasurement::observedAt, Lookbacks.reading(Lookback.Input.WEIGHTS), now),
                since(supportiveDrugs, SupportiveDrugGiven::givenAt, now.minus(Duration.ofDays(CRS_MEMORY_DAYS))),
                vasopressors,
                oxygen,
                boundedNeuroAssessments(now),
                publishedGrades,
                highestGradesThisEpisode,
                findings,
                since(dosePlans, DosePlanned::plannedFor, now.minus(PLANS_KEPT_AFTER_PLANNED_TIME)),
                demographics);
    }

    private static Map<Analyte, List<Lookback>> labLookbacks() {
        var byAnalyte = new EnumMap<Analyte, List<Lookback>>(Analyte.class);
        for (var analyte : Analyte.values()) {
            byAnalyte.put(
                    analyte,
                    Lookbacks.reading(Lookback.Input.LAB_RESULTS).stream()
                            .filter(lookback -> lookback.reads(analyte))
                            .toList());
        }
        return Collections.unmodifiableMap(byAnalyte);
    }

    private List<NeurologicAssessmentRecorded> boundedNeuroAssessments(Instant now) {
        var lastDays = now.minus(Duration.ofDays(CRS_MEMORY_DAYS));
        // the BLINCYTO neurological rows read the whole episode (CRITERIA.md 9.1)
        var episodeStart = episodes.isEmpty() ? lastDays : episodes.getLast().t0();
        var from = episodeStart.isBefore(lastDays) ? episodeStart : lastDays;
        var recent =
                last(since(neuroAssessments, NeurologicAssessmentRecorded::observedAt, from), NEURO_ASSESSMENTS_KEPT);
        Set<UUID> recentIds = new HashSet<>();
        recent.forEach(assessment -> recentIds.add(assessment.eventId()));
        var olderSeizures = last(
                neuroAssessments.stream()
                        .filter(assessment -> !recentIds.contains(assessment.eventId()) && reportsASeizure(assessment))
                        .toList(),
                SEIZURES_KEPT);
        var kept = new ArrayList<>(olderSeizures);
        kept.addAll(recent);
        return kept;
    }

    private static boolean reportsASeizure(NeurologicAssessmentRecorded assessment) {
        return assessment.seizure() != null && assessment.seizure() != SeizureFinding.NONE;
    }

    private Map<String, List<LabResultRecorded>> boundedLabs(Instant now) {
        var bounded = new TreeMap<String, List<LabResultRecorded>>();
        labs.forEach((analyte, results) -> {
            var lookbacks = LAB_LOOKBACKS.get(Analyte.valueOf(analyte));
            var retained = retained(results, LabResultRecorded::observedAt, lookbacks, now);
            if (!retained.isEmpty()) {
                bounded.put(analyte, retained);
            }
        });
        return bounded;
    }

    /** The items, in their order, that one of {@code lookbacks} reaches from one of its anchor times. */
    private <T> List<T> retained(List<T> items, Function<T, Instant> time, List<Lookback> lookbacks, Instant now) {
        Set<T> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        var reached = new ArrayList<T>();
        for (var lookback : lookbacks) {
            for (var anchor : anchorTimes(lookback.anchor(), now)) {
                reached.clear();
                for (var item : items) {
                    if (lookback.reaches(anchor, time.apply(item))) {
                        reached.add(item);
                    }
                }
                kept.addAll(last(reached, lookback.kept()));
            }
        }
        if (kept.size() == items.size()) {
            return items; // the usual case: every item is still reached (kept holds only items, each once)
        }
        var retained = new ArrayList<T>(kept.size());
        for (var item : items) {
            if (kept.contains(item)) {
                retained.add(item);
            }
        }
        return retained;
    }

    private List<Instant> anchorTimes(Lookback.Anchor anchor, Instant now) {
        return switch (anchor) {
            case NEWEST_EVENT -> List.of(now);
            case THERAPY_START -> episodes.stream().map(TherapyEpisode::t0).toList();
            case CAR_T_INFUSION ->
                episodes.stream()
                        .filter(episode -> episode.therapy() == Therapy.CAR_T)
                        .map(TherapyEpisode::carTInfusedAt)
                        .filter(Objects::nonNull)
                        .toList();
            case INOTUZUMAB_DOSE ->
                episodes.stream()
                        .filter(episode -> episode.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN)
                        .flatMap(episode -> episode.doses().stream())
                        .map(TherapyAdministration::occurredAt)
                        .toList();
        };
    }

    /**
     * Of {@code eventIds}, those of results a correction or cancellation can still replace. Results keyed by
     * {@link UUID} are matched as UUIDs, so a publication formats its few candidate ids rather than every kept
     * result's id (that was most of the cost of grading an event).
     */
    private Set<String> keptAmong(Set<String> eventIds) {
        var kept = new HashSet<String>();
        if (eventIds.isEmpty()) {
            return kept;
        }
        var byUuid = new HashMap<UUID, String>();
        eventIds.forEach(id -> {
            UUID uuid = canonicalUuid(id);
            if (uuid != null) {
                byUuid.put(uuid, id);
            }
        });
        Consumer<UUID> keepIfCandidate = eventId -> {
            String id = byUuid.get(eventId);
            if (id != null) {
                kept.add(id);
            }
        };
        labs.values().forEach(results -> results.forEach(result -> keepIfCandidate.accept(result.eventId())));
        vitals.forEach(reading -> keepIfCandidate.accept(reading.eventId()));
        neuroAssessments.forEach(assessment -> keepIfCandidate.accept(assessment.eventId()));
        fevers.stream().map(FeverReading::eventId).filter(eventIds::contains).forEach(kept::add);
        weights.stream()
                .map(WeightMeasurement::eventId)
                .filter(eventIds::contains)
                .forEach(kept::add);
        if (oxygen != null && eventIds.contains(oxygen.eventId())) {
            kept.add(oxygen.eventId());
        }
        return kept;
    }

    /** The UUID whose text is exactly {@code id}; absent for any other text, which no UUID-keyed result can have. */
    private static @Nullable UUID canonicalUuid(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private boolean containsLab(UUID eventId) {
        for (var results : labs.values()) {
            for (var result : results) {
                if (result.eventId().equals(eventId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code results} without those {@code incoming} replaces or withdraws: the same list when it replaces none. */
    private List<LabResultRecorded> withoutSupersededBy(LabResultRecorded incoming, List<LabResultRecorded> results) {
        for (var existing : results) {
            if (supersedes(incoming, existing)) {
                return results.stream()
                        .filter(kept -> !supersedes(incoming, kept))
                        .toList();
            }
        }
        return results;
    }

    /**
     * Whether {@code incoming} replaces or withdraws {@code existing}: the same source observation id (a final
     * result replacing a preliminary one, a correction, a cancellation); for a correction or cancellation whose
     * id matches nothing, or that has none, the same LOINC code and collection time.
     */
    private boolean supersedes(LabResultRecorded incoming, LabResultRecorded existing) {
        var id = incoming.sourceObservationId();
        if (id != null && id.equals(existing.sourceObservationId())) {
            return true;
        }
        var amends = incoming.status() == ResultStatus.CORRECTED || incoming.status() == ResultStatus.CANCELLED;
        if (!amends || (id != null && existsWithSourceObservationId(id))) {
            return false;
        }
        return existing.loinc().equals(incoming.loinc())
                && existing.observedAt().equals(incoming.observedAt());
    }

    private boolean existsWithSourceObservationId(String sourceObservationId) {
        return labs.values().stream()
                .flatMap(List::stream)
                .anyMatch(result -> sourceObservationId.equals(result.sourceObservationId()));
    }

    private void requireThisPatient(String eventPatientId) {
        if (!patientId.equals(eventPatientId)) {
            throw new IllegalArgumentException(
                    "event for patient " + eventPatientId + " applied to the state of " + patientId);
        }
    }

    /**
     * The oxygen support of the latest set that reported a device, no older than {@code known} (which outlives
     * the vital-sign window). Device and flow are one reading when measured at the same moment by the same
     * source, however they arrived: an HL7 OBX, a FHIR component or a JSON item each carries one of them, so a
     * flow sent in its own set, before or after its device, joins the device.
     */
    private static @Nullable OxygenSupport latestOxygen(
            List<VitalSignsRecorded> readings, @Nullable OxygenSupport known) {
        OxygenSupport latest = known;
        VitalSignsRecorded latestReading = null;
        for (var reading : readings) {
            var device = reading.oxygenDevice();
            if (device != null && (latest == null || !reading.observedAt().isBefore(latest.observedAt()))) {
                latestReading = reading;
                latest = new OxygenSupport(
                        reading.eventId().toString(),
                        reading.observedAt(),
                        device,
                        reading.oxygenFlowLitresPerMinute(),
                        reading.sourceMessageId());
            }
        }
        if (latestReading == null || latest.flowLitresPerMinute() != null) {
            return latest;
        }
        var deviceReading = latestReading;
        var flowOfTheSameMoment = readings.stream()
                .filter(reading -> reading.observedAt().equals(deviceReading.observedAt())
                        && reading.sourceSystem().equals(deviceReading.sourceSystem())
                        && reading.oxygenFlowLitresPerMinute() != null)
                .map(VitalSignsRecorded::oxygenFlowLitresPerMinute)
                .reduce((earlier, later) -> later);
        return flowOfTheSameMoment.isEmpty()
                ? latest
                : new OxygenSupport(
                        latest.eventId(),
                        latest.observedAt(),
                        latest.device(),
                        flowOfTheSameMoment.get(),
                        latest.sourceMessageId());
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    /**
     * {@code items} as an unmodifiable list in {@code order}, as a stable sort leaves them. A state is built from
     * another on every event, its lists already in order: they are checked, not sorted again, and a list this
     * constructor made before is taken as it is.
     */
    private static <T> List<T> inOrder(@Nullable List<T> items, Comparator<? super T> order) {
        if (items == null) {
            return List.of();
        }
        T previous = null;
        for (T item : items) {
            if (previous != null && order.compare(previous, item) > 0) {
                return List.copyOf(items.stream().sorted(order).toList());
            }
            previous = item;
        }
        return List.copyOf(items);
    }

    private static <T> List<T> since(List<T> items, Function<T, Instant> time, Instant from) {
        return items.stream().filter(item -> !time.apply(item).isBefore(from)).toList();
    }

    private static <T> List<T> last(List<T> items, int max) {
        return items.size() <= max ? items : items.subList(items.size() - max, items.size());
    }
}
