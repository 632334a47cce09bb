package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.crs.BloodPressure;
import org.toxwatch.monitoring.domain.crs.CrsInputs;
import org.toxwatch.monitoring.domain.crs.CrsRule;
import org.toxwatch.monitoring.domain.dosing.BlincytoActionRules;
import org.toxwatch.monitoring.domain.dosing.BlincytoInputs;
import org.toxwatch.monitoring.domain.dosing.NextBesponsaDose;
import org.toxwatch.monitoring.domain.febrileneutropenia.FebrileNeutropeniaRule;
import org.toxwatch.monitoring.domain.hematotoxicity.IcahtRule;
import org.toxwatch.monitoring.domain.icans.IcansRule;
import org.toxwatch.monitoring.domain.lab.AdultDefaultRanges;
import org.toxwatch.monitoring.domain.lab.LabHistory;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.LabRule;
import org.toxwatch.monitoring.domain.liversignals.ClinicalFindings;
import org.toxwatch.monitoring.domain.liversignals.HysLawRule;
import org.toxwatch.monitoring.domain.liversignals.LiverTest;
import org.toxwatch.monitoring.domain.liversignals.VodSosCourse;
import org.toxwatch.monitoring.domain.liversignals.VodSosRule;
import org.toxwatch.monitoring.domain.monitoringgap.ResultOverdue;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Sex;
import org.toxwatch.monitoring.domain.units.VitalSign;
import org.toxwatch.monitoring.domain.windows.BlinatumomabSupervision;
import org.toxwatch.monitoring.domain.windows.OpenWindows;

/**
 * Grades a patient's state with every criterion it has data for, and decides what to publish.
 *
 * <ul>
 *   <li>Each CTCAE laboratory term of {@link CriteriaCatalogue#labRules()} grades the newest result of its
 *       analyte by collection time (CRITERIA.md 1.5), with the baseline of the therapy episode that result
 *       falls in (1.4). A term without a result is not produced; a result that cannot be read (a unit 13.3
 *       does not map) is not assessable.
 *   <li>Febrile neutropenia (section 3) runs when the state holds an ANC and a temperature.
 *   <li>CRS (section 4) runs only inside a CRS window (4.5): CAR-T days 0-28 (configurable, section 10) after the
 *       first infusion, or a
 *       blinatumomab infusion that is running or stopped at most 48 h ago.
 *   <li>The BLINCYTO action rules (9.1) run for a patient whose current episode is blinatumomab, unless its
 *       infusion has been stopped for longer than the 14-day treatment-free interval (9.2).
 *   <li>ICANS (section 5) grades the newest neurological assessment, in or outside the CRS window: section 10
 *       says a neurological event reported later is still graded.
 *   <li>The BESPONSA pre-dose decision (8.2) is taken for the next dose, the earliest pending inotuzumab plan or
 *       else the dose after the last one given, and honours a standing VOD/SOS diagnosis; the VOD/SOS watch (7.2)
 *       reads the clinician's bedside findings.
 *   <li>Every rule but the CTCAE terms reads lab values as plain numbers, so it runs over every value a censored
 *       result allows ({@code <0.1}), never on the bound as if it were the value ({@link CensoredInputs}).
 * </ul>
 *
 * Day numbers are calendar days in the hospital's time zone, T0 and the CAR-T infusion day being day 0 (1.5).
 */
public final class ToxicityGrader {

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

    /** CRITERIA.md 6.1: the early ICAHT window is days 0-30 after infusion. */
    static final int ICAHT_EARLY_LAST_DAY = 30;

    /** CRITERIA.md 8.1: VOD was reported up to 56 days after the last inotuzumab dose. */
    static final Duration VOD_WATCH_AFTER_LAST_DOSE = Duration.ofDays(56);

    /** CRITERIA.md 9.2: 28 days of continuous infusion are followed by a 14-day treatment-free interval. */
    static final Duration BLINATUMOMAB_TREATMENT_FREE_INTERVAL = Duration.ofDays(14);

    private final ZoneId hospitalZone;
    private final GradingSettings settings;

    public ToxicityGrader(ZoneId hospitalZone) {
        this(hospitalZone, GradingSettings.defaults());
    }

    public ToxicityGrader(ZoneId hospitalZone, GradingSettings settings) {
        this.hospitalZone = Objects.requireNonNull(hospitalZone, "hospitalZone");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The latest assessment of every criterion the state has data for, in {@code Criterion} order. */
    public List<Assessment> assessAll(PatientState state) {
        var assessments = new ArrayList<Assessment>();
        var history = new StateLabHistory(state);
        for (var rule : CriteriaCatalogue.labRules()) {
            var newest = newestOf(state, rule);
            if (newest != null) {
                assessments.add(assess(rule, newest, history, sex(state)));
            }
        }
        var febrileNeutropenia =
                overCensored(state, Outcomes.GRADES, labs -> febrileNeutropenia(state, labs), Analyte.ANC);
        if (febrileNeutropenia != null) {
            assessments.add(febrileNeutropenia);
        }
        var crs = cytokineReleaseSyndrome(state);
        if (crs != null) {
            assessments.add(crs);
        }
        var blincyto = overCensored(
                state,
                Outcomes.decisions(
                        "since a value that may meet a BLINCYTO action row is not taken as safe to continue on;"
                                + " the clinician confirms (docs/clinical/dose-rules.md#blincyto-actions)",
                        "no action",
                        "INTERRUPT",
                        "DISCONTINUE"),
                labs -> blincytoAction(state, crs, labs),
                Analyte.ALT,
                Analyte.AST,
                Analyte.TOTAL_BILIRUBIN,
                Analyte.ANC);
        if (blincyto != null) {
            assessments.add(blincyto);
        }
        Stream.of(
                        icans(state),
                        overCensored(state, Outcomes.GRADES, labs -> icahtEarly(state, labs), Analyte.ANC),
                        overCensored(state, Outcomes.GRADES, labs -> icahtLate(state, labs), Analyte.ANC),
                        overCensored(
                                state,
                                Outcomes.GRADES,
                                ToxicityGrader::hysLaw,
                                Analyte.ALT,
                                Analyte.AST,
                                Analyte.TOTAL_BILIRUBIN,
                                Analyte.ALP),
                        overCensored(state, Outcomes.GRADES, labs -> vodSos(state, labs), Analyte.TOTAL_BILIRUBIN),
                        overCensored(
                                state,
                                Outcomes.decisions(
                                        "as ToxWatch does not auto-PROCEED on a count it cannot trust (a"
                                                + " transfused platelet count; docs/clinical/dose-rules.md#besponsa-transfusion)",
                                        "PROCEED",
                                        "HOLD",
                                        "DISCONTINUE"),
                                labs -> besponsaNextDose(state, labs),
                                Analyte.ANC,
                                Analyte.PLATELETS,
                                Analyte.TOTAL_BILIRUBIN,
                                Analyte.AST,
                                Analyte.ALT),
                        resultOverdue(state, state.newestEventTime()))
                .filter(Objects::nonNull)
                .forEach(assessments::add);
        return assessments.stream()
                .map(assessment -> AdultDefaultRanges.namedFor(assessment, ageAt(state, assessment.assessedAt())))
                .map(assessment -> inTherapy(state, assessment))
                .sorted(Comparator.comparing(Assessment::criterion))
                .toList();
    }

    /**
     * Grades the state and keeps only what changed since the last publication: a different grade (up or
     * down), a criterion that became assessable, or one that stopped being assessable. A criterion never
     * published that is not assessable is not published. The returned state records the new published grades.
     */
    public Reassessment reassess(PatientState state) {
        return reassess(state, null);
    }

    /**
     * {@link #reassess(PatientState)} after {@code correction} was applied to the state. Every criterion whose
     * published assessments used a result the correction replaced is published again, even at an unchanged grade:
     * the alert must learn that its grade no longer rests on the withdrawn result, and which result it rests on
     * now. A criterion left without any result is published as not assessable rather than keeping a grade nothing
     * supports.
     */
    public Reassessment reassess(PatientState state, @Nullable SourceCorrection correction) {
        var next = state;
        var changed = new ArrayList<Assessment>();
        var withdrawals = new EnumMap<Criterion, SourceCorrection.Withdrawal>(Criterion.class);
        var assessments = new ArrayList<>(assessAll(state));
        if (correction != null) {
            assessments.addAll(leftWithoutResults(state, correction, assessments));
        }
        for (var assessment : assessments) {
            var published = state.publishedGrade(assessment.criterion());
            var withdrawal = correction == null ? null : correction.withdrawnFrom(published);
            var isChange = published == null ? assessment.isGraded() : published.differsFrom(assessment);
            if (isChange || withdrawal != null) {
                changed.add(assessment);
                next = next.published(assessment);
                if (withdrawal != null) {
                    withdrawals.put(assessment.criterion(), withdrawal);
                }
            }
        }
        return new Reassessment(next, changed, withdrawals);
    }

    /** The criteria a correction leaves with nothing to grade, though a published assessment used what it replaced. */
    private List<Assessment> leftWithoutResults(
            PatientState state, SourceCorrection correction, List<Assessment> assessed) {
        var left = new ArrayList<Assessment>();
        for (var criterion : Criterion.values()) {
            boolean stillAssessed = assessed.stream().anyMatch(a -> a.criterion() == criterion);
            if (!stillAssessed && correction.withdrawnFrom(state.publishedGrade(criterion)) != null) {
                left.add(inTherapy(
                        state,
                        Assessment.notAssessable(
                                criterion,
                                correction.observedAt(),
                                "no longer graded: the result it was graded on was "
                                        + (correction.caveat() == AssessmentCaveat.SOURCE_RESULT_CANCELLED
                                                ? "cancelled"
                                                : "corrected"),
                                List.of())));
            }
        }
        return left;
    }

    /**
     * {@link #assessAll} as seen at {@code now} (wall-clock time): the same, except that whether a result is
     * overdue is judged at {@code now}, as the periodic check publishes it, not at the newest clinical time.
     */
    public List<Assessment> assessAllAt(PatientState state, Instant now) {
        var overdue = resultOverdue(state, now);
        return assessAll(state).stream()
                .map(assessment -> assessment.criterion() == Criterion.RESULT_OVERDUE && overdue != null
                        ? inTherapy(state, overdue)
                        : assessment)
                .toList();
    }

    /**
     * The periodic check for results that have not come (CRITERIA.md 6.1/8.1/10 watches): only
     * {@link Criterion#RESULT_OVERDUE}, judged at {@code now} (wall-clock time: an absence produces no event).
     */
    public Reassessment reassessOverdue(PatientState state, Instant now) {
        var overdue = resultOverdue(state, now);
        if (overdue == null) {
            return new Reassessment(state, List.of());
        }
        var assessment = inTherapy(state, overdue);
        var published = state.publishedGrade(Criterion.RESULT_OVERDUE);
        var isChange = published == null ? assessment.isGraded() : published.differsFrom(assessment);
        return isChange
                ? new Reassessment(state.published(assessment), List.of(assessment))
                : new Reassessment(state, List.of());
    }

    /**
     * The patient's age on the calendar day of {@code at} in the hospital's time zone, for the age-dependent rules
     * (CRITERIA.md 4.4, 5.3, 7.2); empty without a birth date, when a rule uses its adult thresholds and says so with
     * {@link AgeNote}.
     */
    private Optional<AgeAtAssessment> ageAt(PatientState state, Instant at) {
        return state.profile().ageAt(at, hospitalZone);
    }

    /** The 13.4 default row of the patient's sex (CRITERIA.md 1.3). */
    private static Sex sex(PatientState state) {
        return Sex.of(state.profile().sex());
    }

    private @Nullable Assessment resultOverdue(PatientState state, @Nullable Instant now) {
        return now == null ? null : ResultOverdue.assess(state, now, hospitalZone);
    }

    // ------------------------------------------------------------------------------------------ laboratory

    private static @Nullable LabResultRecorded newestOf(PatientState state, LabRule rule) {
        LabResultRecorded newest = null;
        for (var analyte : rule.analytes()) {
            var candidate = state.newestLab(analyte);
            if (candidate != null && (newest == null || candidate.observedAt().isAfter(newest.observedAt()))) {
                newest = candidate;
            }
        }
        return newest;
    }

    private static Assessment assess(LabRule rule, LabResultRecorded newest, LabHistory history, Sex sex) {
        return switch (LabResult.read(newest, sex)) {
            case LabReading.Readable readable -> rule.assess(readable.result(), history);
            case LabReading.Unreadable unreadable ->
                Assessment.notAssessable(
                        rule.criterion(), newest.observedAt(), unreadable.reason(), List.of(unreadable.evidence()));
        };
    }

    /** Baselines and companion results read from the patient's state. */
    private record StateLabHistory(PatientState state) implements LabHistory {

        @Override
        public @Nullable LabResult baseline(Analyte analyte, Instant collectedAt) {
            var episode = state.episodeAt(collectedAt);
            return episode == null ? null : state.baseline(analyte, episode);
        }

        @Override
        public @Nullable LabResult nearest(Analyte analyte, Instant at, Duration within) {
            LabResult nearest = null;
            Duration nearestDistance = null;
            for (var result : readable(state, analyte)) {
                var distance = Duration.between(result.observedAt(), at).abs();
                if (distance.compareTo(within) <= 0
                        && (nearestDistance == null || distance.compareTo(nearestDistance) < 0)) {
                    nearest = result;
                    nearestDistance = distance;
                }
            }
            return nearest;
        }
    }

    /**
     * Issue 14 item 3: {@code rule}, which reads {@code analytes} as plain numbers, over every value their censored
     * results allow (see {@link CensoredInputs}), so that no bound is read as if it were the value.
     */
    private static @Nullable Assessment overCensored(
            PatientState state, Outcomes outcomes, Function<Labs, @Nullable Assessment> rule, Analyte... analytes) {
        return CensoredInputs.assess(analyte -> readable(state, analyte), Set.of(analytes), outcomes, rule);
    }

    private static List<LabResult> readable(PatientState state, Analyte analyte) {
        return state.labsOf(analyte).stream()
                .map(result -> LabResult.read(result, sex(state)))
                .flatMap(reading ->
                        reading instanceof LabReading.Readable readable ? Stream.of(readable.result()) : Stream.empty())
                .toList();
    }

    // ------------------------------------------------------------------------------------------ febrile neutropenia

    private static @Nullable Assessment febrileNeutropenia(PatientState state, Labs labs) {
        var ancs = labs.of(Analyte.ANC).stream().map(LabResult::observation).toList();
        var temperatures = temperatures(state.vitals());
        if (ancs.isEmpty() || temperatures.isEmpty()) {
            return null;
        }
        var assessedAt = Stream.concat(ancs.stream(), temperatures.stream())
                .map(Observation::observedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return FebrileNeutropeniaRule.assess(temperatures, ancs, assessedAt);
    }

    private static List<Observation> temperatures(List<VitalSignsRecorded> vitals) {
        var temperatures = new ArrayList<Observation>();
        for (var reading : vitals) {
            var celsius = reading.temperatureCelsius();
            if (celsius != null) {
                temperatures.add(new Observation(
                        reading.eventId(),
                        VitalSign.BODY_TEMPERATURE.loinc(),
                        VitalSign.BODY_TEMPERATURE.display(),
                        celsius,
                        VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                        celsius,
                        VitalSign.BODY_TEMPERATURE.canonicalUnit(),
                        null,
                        reading.observedAt(),
                        reading.sourceMessageId()));
            }
        }
        return temperatures;
    }

    // ------------------------------------------------------------------------------------------ CRS

    private @Nullable Assessment cytokineReleaseSyndrome(PatientState state) {
        var now = state.newestEventTime();
        if (now == null) {
            return null;
        }
        var windowStart = crsWindowStart(state, now);
        if (windowStart == null) {
            return null;
        }
        var from = now.minus(CRS_TEMPERATURE_WINDOW);
        var inWindow = state.vitals().stream()
                .filter(reading -> !reading.observedAt().isBefore(from)
                        && !reading.observedAt().isAfter(now))
                .toList();
        var evidence = new ArrayList<Evidence>();
        var hypotensionLimit = settings.hypotensionLimits().forAge(ageAt(state, now));
        var bloodPressure = BloodPressure.latestOf(inWindow);
        var hypotension = false;
        if (bloodPressure != null) {
            hypotension = bloodPressure.isBelow(hypotensionLimit);
            evidence.addAll(bloodPressure.evidence());
        }
        var vasopressors = state.vasopressors();
        if (vasopressors != null) {
            hypotension = hypotension || vasopressors.anyRunning();
            evidence.add(vasopressorEvidence(vasopressors));
        }
        var oxygen = state.oxygen();
        if (oxygen != null) {
            evidence.add(oxygenEvidence(oxygen));
        }
        var feverMasked = feverMasked(state, windowStart, now, evidence);
        return CrsRule.assess(new CrsInputs(
                now,
                temperatures(inWindow),
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
    private @Nullable Instant crsWindowStart(PatientState state, Instant now) {
        var episodes = state.episodes();
        for (int i = episodes.size() - 1; i >= 0; i--) {
            var episode = episodes.get(i);
            if (episode.therapy() == Therapy.CAR_T) {
                var infusedAt = episode.carTInfusedAt();
                if (infusedAt != null
                        && !infusedAt.isAfter(now)
                        && day(infusedAt, now)
                                <= settings.carTWindows().crsAndIcans().lastDay()) {
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
    private static boolean feverMasked(PatientState state, Instant windowStart, Instant now, List<Evidence> evidence) {
        var firstFever = state.fevers().stream()
                .filter(fever -> !fever.observedAt().isBefore(windowStart)
                        && !fever.observedAt().isAfter(now))
                .findFirst()
                .orElse(null);
        if (firstFever == null) {
            return false;
        }
        var masking = state.drugsGivenBetween(firstFever.observedAt(), now).stream()
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

    // ------------------------------------------------------------------------------------------ ICANS

    /** CRITERIA.md 5: the newest neurological assessment by assessment time. */
    private @Nullable Assessment icans(PatientState state) {
        var newest = state.newestNeuroAssessment();
        return newest == null ? null : IcansRule.assess(newest, ageAt(state, newest.observedAt()));
    }

    // ------------------------------------------------------------------------------------------ BLINCYTO

    /** CRITERIA.md 9.1, for an active blinatumomab episode, with what the episode has since its T0. */
    private @Nullable Assessment blincytoAction(PatientState state, @Nullable Assessment crs, Labs labs) {
        var now = state.newestEventTime();
        var episode = now == null ? null : activeBlinatumomab(state, now);
        if (now == null || episode == null) {
            return null;
        }
        var t0 = episode.t0();
        var inputs = new BlincytoInputs(
                now,
                hospitalZone,
                settings.blincytoGradingSystem(),
                crs,
                state.highestGradeSince(Criterion.CYTOKINE_RELEASE_SYNDROME, t0),
                state.neuroAssessments().stream()
                        .filter(a -> !a.observedAt().isBefore(t0))
                        .toList(),
                newestSince(labs, Analyte.ALT, t0),
                newestSince(labs, Analyte.AST, t0),
                newestSince(labs, Analyte.TOTAL_BILIRUBIN, t0),
                ancs(labs).stream()
                        .filter(anc -> !anc.observedAt().isBefore(t0))
                        .toList());
        return inputs.isEmpty() ? null : BlincytoActionRules.assess(inputs);
    }

    /**
     * The patient's current episode when it is blinatumomab and its infusion is running, has not started yet, or
     * stopped no longer than the treatment-free interval ago (an interruption or the gap between cycles).
     */
    private static @Nullable TherapyEpisode activeBlinatumomab(PatientState state, Instant now) {
        var episode = state.episodeAt(now);
        if (episode == null || episode.therapy() != Therapy.BLINATUMOMAB) {
            return null;
        }
        var stoppedAt = episode.infusionStoppedAt(now);
        var ended = stoppedAt != null
                && Duration.between(stoppedAt, now).compareTo(BLINATUMOMAB_TREATMENT_FREE_INTERVAL) > 0;
        return ended ? null : episode;
    }

    private static @Nullable LabResult newestSince(Labs labs, Analyte analyte, Instant from) {
        var results = labs.of(analyte);
        var newest = results.isEmpty() ? null : results.getLast();
        return newest == null || newest.observedAt().isBefore(from) ? null : newest;
    }

    // ------------------------------------------------------------------------------------------ BESPONSA

    /**
     * CRITERIA.md 8.2 for the next dose: the earliest pending inotuzumab plan, else the dose after the last one of
     * the patient's current inotuzumab episode (see {@link NextBesponsaDose}).
     */
    private static @Nullable Assessment besponsaNextDose(PatientState state, Labs labs) {
        var now = state.newestEventTime();
        if (now == null) {
            return null;
        }
        var atNow = state.episodeAt(now);
        var episode = atNow != null && atNow.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN ? atNow : null;
        var plans = state.plansOf(Therapy.INOTUZUMAB_OZOGAMICIN);
        if (episode == null && plans.isEmpty()) {
            return null;
        }
        var besponsaLabs = new NextBesponsaDose.Labs() {
            @Override
            public List<LabResult> anc() {
                return labs.of(Analyte.ANC);
            }

            @Override
            public List<LabResult> platelets() {
                return labs.of(Analyte.PLATELETS);
            }

            @Override
            public List<LabResult> bilirubin() {
                return labs.of(Analyte.TOTAL_BILIRUBIN);
            }

            @Override
            public List<LabResult> ast() {
                return labs.of(Analyte.AST);
            }

            @Override
            public List<LabResult> alt() {
                return labs.of(Analyte.ALT);
            }

            @Override
            public List<Instant> plateletTransfusions() {
                return state.supportiveDrugs().stream()
                        .filter(drug -> drug.drug() == SupportiveDrug.PLATELET_TRANSFUSION)
                        .map(SupportiveDrugGiven::givenAt)
                        .toList();
            }
        };
        var inotuzumab = state.episodes().stream()
                .filter(e -> e.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN)
                .toList();
        return NextBesponsaDose.assess(inotuzumab, episode, plans, liverDiagnosis(state), besponsaLabs, now);
    }

    /** CRITERIA.md 8.2 rule 1: VOD/SOS or other severe liver toxicity diagnosed, at any time, and not withdrawn. */
    private static NextBesponsaDose.LiverDiagnosis liverDiagnosis(PatientState state) {
        var standing = Stream.of(ClinicalFinding.VOD_SOS_DIAGNOSED, ClinicalFinding.SEVERE_LIVER_TOXICITY_DIAGNOSED)
                .flatMap(finding -> ClinicianFindings.standing(state.findings(), finding, null).stream())
                .map(ClinicianFindings::evidence)
                .toList();
        return standing.isEmpty()
                ? NextBesponsaDose.LiverDiagnosis.NONE
                : new NextBesponsaDose.LiverDiagnosis(true, standing);
    }

    // ------------------------------------------------------------------------------------------ CAR-T hematotoxicity

    /** CRITERIA.md 6.1 early ICAHT, from the infusion day of the latest CAR-T episode, once an ANC follows it. */
    private @Nullable Assessment icahtEarly(PatientState state, Labs labs) {
        var infusedAt = latestCarTInfusion(state);
        var now = state.newestEventTime();
        if (infusedAt == null || now == null || !hasAncSince(labs, infusedAt)) {
            return null;
        }
        return IcahtRule.early(ancs(labs), infusedAt, hospitalZone, now);
    }

    /** CRITERIA.md 6.1 late ICAHT: graded from day 31 after infusion on (days 31-100). */
    private @Nullable Assessment icahtLate(PatientState state, Labs labs) {
        var infusedAt = latestCarTInfusion(state);
        var now = state.newestEventTime();
        if (infusedAt == null || now == null || day(infusedAt, now) <= ICAHT_EARLY_LAST_DAY) {
            return null;
        }
        return IcahtRule.late(ancs(labs), infusedAt, hospitalZone, now);
    }

    private static @Nullable Instant latestCarTInfusion(PatientState state) {
        Instant latest = null;
        for (var episode : state.episodes()) {
            var infusedAt = episode.therapy() == Therapy.CAR_T ? episode.carTInfusedAt() : null;
            if (infusedAt != null && (latest == null || infusedAt.isAfter(latest))) {
                latest = infusedAt;
            }
        }
        return latest;
    }

    private static List<Observation> ancs(Labs labs) {
        return labs.of(Analyte.ANC).stream().map(LabResult::observation).toList();
    }

    private static boolean hasAncSince(Labs labs, Instant from) {
        return ancs(labs).stream().anyMatch(anc -> !anc.observedAt().isBefore(from));
    }

    // ------------------------------------------------------------------------------------------ liver signals

    /** CRITERIA.md 7.1: needs an aminotransferase and a bilirubin, each with its ULN. */
    private static @Nullable Assessment hysLaw(Labs labs) {
        var alt = liverTests(labs, Analyte.ALT);
        var ast = liverTests(labs, Analyte.AST);
        var bilirubin = liverTests(labs, Analyte.TOTAL_BILIRUBIN);
        if ((alt.isEmpty() && ast.isEmpty()) || bilirubin.isEmpty()) {
            return null;
        }
        var alp = liverTests(labs, Analyte.ALP);
        var assessedAt = Stream.of(alt, ast, bilirubin, alp)
                .flatMap(List::stream)
                .map(LiverTest::collectedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return HysLawRule.assess(alt, ast, bilirubin, alp, assessedAt);
    }

    private static List<LiverTest> liverTests(Labs labs, Analyte analyte) {
        var tests = new ArrayList<LiverTest>();
        for (var result : labs.of(analyte)) {
            var uln = result.upper();
            if (uln != null && uln.quantity().value().signum() > 0) {
                tests.add(new LiverTest(result.observation(), uln.quantity().value()));
            }
        }
        return tests;
    }

    /**
     * CRITERIA.md 7.2 and 8.1: the VOD/SOS watch runs from the first inotuzumab dose until 56 days after the
     * last one; day 0 is the last dose, the reference weight the last one at or before the first dose and the
     * bilirubin baseline that of 1.4 for the episode. The clinician's findings are those examined since the
     * episode's T0, as they stand; the standing ones are added to the evidence.
     */
    private @Nullable Assessment vodSos(PatientState state, Labs labs) {
        var now = state.newestEventTime();
        if (now == null) {
            return null;
        }
        TherapyEpisode inotuzumab = null;
        for (var episode : state.episodes()) {
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
                state.weights().stream().map(ToxicityGrader::weightObservation).toList();
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
                state.finding(ClinicalFinding.HEPATOMEGALY, since),
                state.finding(ClinicalFinding.PAINFUL_HEPATOMEGALY, since),
                state.finding(ClinicalFinding.ASCITES, since),
                state.finding(ClinicalFinding.VOD_HEMODYNAMIC_OR_ULTRASOUND_EVIDENCE, since));
        var findingEvidence = VodSosRule.BEDSIDE_FINDINGS.stream()
                .flatMap(finding -> ClinicianFindings.standing(state.findings(), finding, since).stream())
                .map(ClinicianFindings::evidence)
                .toList();
        var baselineBilirubin = labs.of(Analyte.TOTAL_BILIRUBIN).stream()
                .map(LabResult::observation)
                .filter(result -> !result.observedAt().isAfter(since)
                        && !result.observedAt().isBefore(since.minus(PatientState.BASELINE_LOOKBACK)))
                .max(Comparator.comparing(Observation::observedAt))
                .orElse(null);
        var course = new VodSosCourse(bilirubin, baselineBilirubin, afterFirstDose, reference, lastDose, hospitalZone);
        return VodSosRule.assess(course, findings, findingEvidence, ageAt(state, now), now);
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

    // ------------------------------------------------------------------------------------------ therapy context

    private Assessment inTherapy(PatientState state, Assessment assessment) {
        var episode = state.episodeAt(assessment.assessedAt());
        if (episode == null) {
            return assessment;
        }
        var at = assessment.assessedAt();
        var infusedAt = episode.therapy() == Therapy.CAR_T ? episode.carTInfusedAt() : null;
        var windows = monitoringWindows(episode, infusedAt, at);
        return assessment.inTherapy(new TherapyContext(
                episode.therapy(),
                episode.t0(),
                day(episode.t0(), at),
                infusedAt == null ? null : day(infusedAt, at),
                windows.highIntensity(),
                windows.descriptions()));
    }

    /** CRITERIA.md 9.2 and 10: the monitoring windows open at {@code at}. */
    private OpenWindows monitoringWindows(TherapyEpisode episode, @Nullable Instant infusedAt, Instant at) {
        return switch (episode.therapy()) {
            case BLINATUMOMAB -> BlinatumomabSupervision.openAt(episode.administrations(), at, hospitalZone);
            case CAR_T ->
                infusedAt == null || at.isBefore(infusedAt)
                        ? OpenWindows.NONE
                        : settings.carTWindows()
                                .openOn(
                                        episode.product(),
                                        infusedAt.atZone(hospitalZone).toLocalDate(),
                                        day(infusedAt, at));
            case INOTUZUMAB_OZOGAMICIN -> OpenWindows.NONE;
        };
    }

    /** CRITERIA.md 1.5: calendar days in the hospital's zone; the day of {@code dayZero} is day 0. */
    private int day(Instant dayZero, Instant at) {
        return Math.toIntExact(ChronoUnit.DAYS.between(
                dayZero.atZone(hospitalZone).toLocalDate(),
                at.atZone(hospitalZone).toLocalDate()));
    }
}
