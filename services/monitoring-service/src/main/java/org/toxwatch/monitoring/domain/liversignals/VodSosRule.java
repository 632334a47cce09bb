package org.toxwatch.monitoring.domain.liversignals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;

/**
 * VOD/SOS diagnostic criteria as an alerting aid, CRITERIA.md 7.2: EBMT 2018 for a patient younger than 18 years
 * on the day of the assessment (Corbacioglu 2018), EBMT 2016 otherwise (Mohty 2016, classical within 21 days of
 * day 0 and late onset after day 21). With no birth date the adult set applies and the assessment says "age
 * unknown — adult criteria". The diagnosis is clinical; this rule only tells the team that the criteria are, or
 * may be, met, and names the criteria set and the age it chose them by.
 *
 * <p>Signal level convention (the assessment's grade): {@code 2} = VOD_SUSPECTED, the EBMT criteria are met
 * with the available data; {@code 1} = VOD_PARTIAL, the criteria are not met but a part ToxWatch can compute is
 * (adults: bilirubin at least 2 mg/dL, or weight gain above 5%; children: the bilirubin or the weight criterion of
 * EBMT 2018), so the clinician is asked to assess hepatomegaly and ascites; {@code 0} = neither. This is a
 * ToxWatch signal level, not a severity grade: EBMT severity grading is deliberately not implemented (7.2: not
 * without the full table in hand). Not assessable when there is no bilirubin result and the criteria are not
 * otherwise met or partly met.
 *
 * <p>How the inputs are read:
 *
 * <ul>
 *   <li>Only observations collected at or before {@code assessedAt} are used; the caller passes those of the
 *       VOD watch window (8.1). The adult bilirubin criterion uses the newest bilirubin.
 *   <li>Weight gain % = (current - reference) / reference x 100 (7.2), compared exactly as
 *       {@code (current - reference) x 100} against {@code limit x reference}; the current weight is the newest
 *       weight collected after the reference weight.
 *   <li>Day N = calendar days in the hospital's zone from the day of {@code dayZero} (1.5). Day 21 is still
 *       "within 21 days"; day 22 is "after day 21".
 *   <li>A clinician finding left {@code null} is unknown, never absent (1.2). A painful hepatomegaly counts as a
 *       hepatomegaly; an absent hepatomegaly means no painful hepatomegaly.
 *   <li>EBMT 2018 bilirubin: at least 2 mg/dL collected in the 72 h up to {@code assessedAt}, or rising from
 *       baseline on 3 consecutive days. EBMT 2018 weight: above 5% over the reference weight, or a gain on 3
 *       consecutive days. See {@link ConsecutiveDays} for how "3 consecutive days" is read. ToxWatch knows
 *       nothing of diuretics, so a weight gain on 3 consecutive days counts whether or not diuretics were given,
 *       and the assessment says so.
 *   <li>Transfusion-refractory thrombocytopenia (EBMT 2018) and the adult late-onset "histologically proven" route
 *       are no input (the contract has no such finding), so they count as unknown and can never make the
 *       criteria met.
 * </ul>
 *
 * <p>Operators are those of A-12: {@code >= 2 mg/dL} everywhere except the modified Seattle set ({@code > 2});
 * weight gain {@code > 5%} for EBMT, {@code >= 5%} for Baltimore. Modified Seattle and Baltimore are computed
 * for information only and shown in the summary; they never change the signal level.
 */
public final class VodSosRule {

    public static final int SUSPECTED = 2;
    public static final int PARTIAL = 1;
    public static final int NOT_MET = 0;

    static final String BILIRUBIN_UNIT = "mg/dL";
    static final String WEIGHT_UNIT = "kg";
    static final BigDecimal BILIRUBIN_LIMIT = new BigDecimal("2");
    static final BigDecimal EBMT_WEIGHT_GAIN_PERCENT = new BigDecimal("5");
    static final BigDecimal BALTIMORE_WEIGHT_GAIN_PERCENT = new BigDecimal("5");
    static final BigDecimal SEATTLE_WEIGHT_GAIN_PERCENT = new BigDecimal("2");
    static final Duration PAEDIATRIC_BILIRUBIN_WINDOW = Duration.ofHours(72);
    static final long CLASSICAL_LAST_DAY = 21;
    static final long SEATTLE_LAST_DAY = 20;

    static final String ADULT_CLASSICAL = "EBMT 2016 adult classical (within 21 days): bilirubin >= 2 mg/dL and 2 of"
            + " painful hepatomegaly, weight gain > 5%, ascites";
    static final String ADULT_LATE_ONSET = "EBMT 2016 adult late onset (after day 21): classical criteria, or 2 or"
            + " more of bilirubin >= 2 mg/dL, painful hepatomegaly, weight gain > 5%, ascites, with hemodynamic"
            + " and/or ultrasound evidence";
    static final String PAEDIATRIC = "EBMT 2018 paediatric: 2 or more of refractory thrombocytopenia, weight gain"
            + " (3 consecutive days despite diuretics or > 5%), hepatomegaly, ascites, bilirubin (rising on 3"
            + " consecutive days or >= 2 mg/dL within 72 h)";
    static final String BILIRUBIN_PART = "bilirubin >= 2 mg/dL";
    static final String PAEDIATRIC_BILIRUBIN_PART = "bilirubin >= 2 mg/dL within 72 h";
    static final String PAEDIATRIC_RISING_BILIRUBIN_PART = "bilirubin rising from baseline on 3 consecutive days";
    static final String WEIGHT_GAIN_PART = "weight gain > 5% above the reference weight";
    static final String PAEDIATRIC_DAILY_WEIGHT_GAIN_PART = "weight gain on 3 consecutive days";
    static final String ADULT_UNKNOWN_AGE = AgeNote.AGE_UNKNOWN + " — adult criteria";

    /** The clinician-entered findings of 7.2 that {@link ClinicalFindings} carries. */
    public static final List<ClinicalFinding> BEDSIDE_FINDINGS = List.of(
            ClinicalFinding.HEPATOMEGALY,
            ClinicalFinding.PAINFUL_HEPATOMEGALY,
            ClinicalFinding.ASCITES,
            ClinicalFinding.VOD_HEMODYNAMIC_OR_ULTRASOUND_EVIDENCE);

    private VodSosRule() {}

    /** {@link #assess(VodSosCourse, ClinicalFindings, List, Optional, Instant)} without findings' evidence. */
    public static Assessment assess(
            VodSosCourse course, ClinicalFindings findings, Optional<AgeAtAssessment> age, Instant assessedAt) {
        return assess(course, findings, List.of(), age, assessedAt);
    }

    /**
     * @param findings the clinician's findings, {@link ClinicalFindings#NOT_ENTERED} when none were entered
     * @param findingEvidence the records of the findings that stand, listed after the observations used
     * @param age the age on the day of {@code assessedAt}; under 18 years selects EBMT 2018, else (and when
     *     empty) EBMT 2016
     * @param assessedAt clinical time of the assessment; later observations are ignored
     */
    public static Assessment assess(
            VodSosCourse course,
            ClinicalFindings findings,
            List<Evidence> findingEvidence,
            Optional<AgeAtAssessment> age,
            Instant assessedAt) {
        var wrongUnit = Stream.concat(
                        Stream.concat(course.bilirubin().stream(), Stream.ofNullable(course.baselineBilirubin()))
                                .filter(o -> !o.unit().equals(BILIRUBIN_UNIT)),
                        Stream.concat(course.weights().stream(), Stream.ofNullable(course.referenceWeight()))
                                .filter(o -> !o.unit().equals(WEIGHT_UNIT)))
                .findFirst();
        if (wrongUnit.isPresent()) {
            var o = wrongUnit.get();
            return Assessment.notAssessable(
                    Criterion.VOD_SOS,
                    assessedAt,
                    "%s reported in %s, not converted to the canonical unit".formatted(o.display(), o.unit()),
                    List.of(o.toEvidence()));
        }
        var inputs = Inputs.read(course, findings, assessedAt);
        var child = age.map(AgeAtAssessment::child).orElse(false);
        var basis = age.isPresent() ? AgeNote.of(age) : ADULT_UNKNOWN_AGE;
        var evaluation = child ? paediatric(inputs, basis) : adult(inputs, basis);
        var assessment = evaluation.toAssessment(inputs, assessedAt);
        if (findingEvidence.isEmpty()) {
            return assessment;
        }
        var evidence = new ArrayList<>(assessment.evidence());
        evidence.addAll(findingEvidence);
        return new Assessment(
                assessment.criterion(),
                assessment.grade(),
                assessment.notAssessableReason(),
                assessment.assessedAt(),
                assessment.summary(),
                assessment.thresholds(),
                evidence,
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext());
    }

    private static Evaluation adult(Inputs in, String basis) {
        var bilirubin = in.latestBilirubinAtLeast2();
        var painfulHepatomegaly = in.painfulHepatomegaly();
        var weightGain = in.weightGainAbove(EBMT_WEIGHT_GAIN_PERCENT);
        var ascites = Met.of(in.findings().ascites());
        var classical = bilirubin.and(Met.atLeast(2, painfulHepatomegaly, weightGain, ascites));
        var thresholds = new ArrayList<AppliedThreshold>();
        thresholds.add(new AppliedThreshold(SUSPECTED, ADULT_CLASSICAL, classical == Met.YES));
        Met criteria;
        String set;
        if (in.day() <= CLASSICAL_LAST_DAY) {
            criteria = classical;
            set = "EBMT 2016 adult criteria (%s), classical (day %d, within 21 days)".formatted(basis, in.day());
        } else {
            var lateRoute = Met.atLeast(2, bilirubin, painfulHepatomegaly, weightGain, ascites)
                    .and(Met.of(in.findings().hemodynamicOrUltrasoundEvidence()));
            criteria = classical.or(lateRoute);
            thresholds.add(new AppliedThreshold(SUSPECTED, ADULT_LATE_ONSET, criteria == Met.YES));
            set = "EBMT 2016 adult criteria (%s), late onset (day %d, after day 21)".formatted(basis, in.day());
        }
        thresholds.add(new AppliedThreshold(PARTIAL, BILIRUBIN_PART, bilirubin == Met.YES));
        thresholds.add(new AppliedThreshold(PARTIAL, WEIGHT_GAIN_PART, weightGain == Met.YES));

        var lines = new ArrayList<String>();
        lines.add("bilirubin " + in.describeLatestBilirubin() + " >= 2 mg/dL: " + bilirubin.display());
        lines.add("weight gain " + in.describeWeightGain() + " > 5%: " + weightGain.display());
        lines.add("painful hepatomegaly: " + painfulHepatomegaly.display());
        lines.add("ascites: " + ascites.display());
        if (in.day() > CLASSICAL_LAST_DAY) {
            lines.add("hemodynamic and/or ultrasound evidence: "
                    + Met.of(in.findings().hemodynamicOrUltrasoundEvidence()).display());
            lines.add("histologically proven VOD/SOS: not an input");
        }
        var computablePartMet = bilirubin == Met.YES || weightGain == Met.YES;
        return new Evaluation(
                set,
                criteria,
                computablePartMet,
                "bilirubin >= 2 mg/dL or weight gain > 5%",
                lines,
                thresholds,
                in.latestBilirubin().stream().toList());
    }

    private static Evaluation paediatric(Inputs in, String basis) {
        var recentHigh = in.paediatricBilirubin();
        var within72h = recentHigh.isPresent() ? Met.YES : in.bilirubinWithin72h() ? Met.NO : Met.UNKNOWN;
        var rising = ConsecutiveDays.risingFrom(in.baselineBilirubin(), in.bilirubin(), in.zone());
        var bilirubin = within72h.or(rising.met());
        var aboveFivePercent = in.weightGainAbove(EBMT_WEIGHT_GAIN_PERCENT);
        var dailyGain = ConsecutiveDays.rising(in.weightsWithReference(), in.zone());
        var weightGain = aboveFivePercent.or(dailyGain.met());
        var hepatomegaly = in.hepatomegaly();
        var ascites = Met.of(in.findings().ascites());
        var criteria = Met.atLeast(
                2,
                Met.UNKNOWN, // transfusion-refractory thrombocytopenia: not an input
                weightGain,
                hepatomegaly,
                ascites,
                bilirubin);
        var thresholds = List.of(
                new AppliedThreshold(SUSPECTED, PAEDIATRIC, criteria == Met.YES),
                new AppliedThreshold(PARTIAL, PAEDIATRIC_BILIRUBIN_PART, within72h == Met.YES),
                new AppliedThreshold(PARTIAL, PAEDIATRIC_RISING_BILIRUBIN_PART, rising.met() == Met.YES),
                new AppliedThreshold(PARTIAL, WEIGHT_GAIN_PART, aboveFivePercent == Met.YES),
                new AppliedThreshold(PARTIAL, PAEDIATRIC_DAILY_WEIGHT_GAIN_PART, dailyGain.met() == Met.YES));
        var lines = List.of(
                "bilirubin >= 2 mg/dL within 72 h: "
                        + recentHigh
                                .map(o -> "yes (" + describe(o) + ")")
                                .orElse(within72h.display() + " (newest " + in.describeLatestBilirubin() + ")"),
                "bilirubin rising from baseline on 3 consecutive days: " + rising.describe("mg/dL"),
                "weight gain " + in.describeWeightGain() + " > 5%: " + aboveFivePercent.display(),
                "weight gain on 3 consecutive days: " + dailyGain.describe("kg")
                        + (dailyGain.met() == Met.YES ? " (diuretic use not known to ToxWatch)" : ""),
                "hepatomegaly: " + hepatomegaly.display(),
                "ascites: " + ascites.display(),
                "transfusion-refractory thrombocytopenia: not an input of ToxWatch");
        var used = Stream.of(
                        recentHigh.or(in::latestBilirubin).stream(), rising.used().stream(), dailyGain.used().stream())
                .flatMap(o -> o)
                .toList();
        return new Evaluation(
                "EBMT 2018 paediatric criteria (%s; day %d)".formatted(basis, in.day()),
                criteria,
                bilirubin == Met.YES || weightGain == Met.YES,
                "the bilirubin or the weight criterion of EBMT 2018",
                lines,
                thresholds,
                used);
    }

    private static String describe(Observation observation) {
        return observation.value().toPlainString() + " " + observation.unit() + " at " + observation.observedAt();
    }

    /** What one criteria set concluded, before it becomes an {@link Assessment}. */
    private record Evaluation(
            String set,
            Met criteria,
            boolean computablePartMet,
            String computableParts,
            List<String> lines,
            List<AppliedThreshold> thresholds,
            List<Observation> used) {

        Assessment toAssessment(Inputs in, Instant assessedAt) {
            var evidence = evidenceOf(
                    Stream.of(used.stream(), Stream.ofNullable(in.reference()), Stream.ofNullable(in.current()))
                            .flatMap(s -> s));
            var details = String.join("; ", lines) + ".";
            int level;
            String headline;
            if (criteria == Met.YES) {
                level = SUSPECTED;
                headline = "VOD_SUSPECTED: " + set + " met with the available data: ";
            } else if (computablePartMet) {
                level = PARTIAL;
                headline = "VOD_PARTIAL: " + set + " not met with the available data, but a computable part is ("
                        + computableParts + "); clinician to assess hepatomegaly and ascites: ";
            } else if (in.latestBilirubin().isEmpty()) {
                return Assessment.notAssessable(
                        Criterion.VOD_SOS,
                        assessedAt,
                        "no total bilirubin result, and the other data do not meet the criteria or a computable part",
                        evidence);
            } else {
                level = NOT_MET;
                headline = "VOD/SOS criteria not met: " + set + " not met with the available data: ";
            }
            var summary = headline + details + " " + informational(in) + " Signal level " + level
                    + " is a ToxWatch alerting level, not an EBMT severity grade; the diagnosis is clinical.";
            return Assessment.graded(
                    Criterion.VOD_SOS,
                    level,
                    assessedAt,
                    summary,
                    thresholds,
                    evidence,
                    false,
                    ReferenceRangeSource.NOT_USED);
        }
    }

    /** Modified Seattle and Baltimore (7.2), for display only. */
    private static String informational(Inputs in) {
        String seattle;
        if (in.day() > SEATTLE_LAST_DAY) {
            seattle = "not applicable after day 20";
        } else {
            var bilirubin = in.latestBilirubin()
                    .map(o -> Met.of(o.value().compareTo(BILIRUBIN_LIMIT) > 0))
                    .orElse(Met.UNKNOWN);
            seattle = Met.atLeast(2, bilirubin, in.hepatomegaly(), in.weightGainAbove(SEATTLE_WEIGHT_GAIN_PERCENT))
                    .conclusion();
        }
        String baltimore;
        if (in.day() > CLASSICAL_LAST_DAY) {
            baltimore = "not applicable after day 21";
        } else {
            baltimore = in.latestBilirubinAtLeast2()
                    .and(Met.atLeast(
                            2,
                            in.hepatomegaly(),
                            Met.of(in.findings().ascites()),
                            in.weightGainAtLeast(BALTIMORE_WEIGHT_GAIN_PERCENT)))
                    .conclusion();
        }
        return "Informational only: modified Seattle (by day 20, 2 of bilirubin > 2 mg/dL, hepatomegaly or right"
                + " upper quadrant pain, weight gain > 2%) " + seattle + "; Baltimore (within 21 days, bilirubin"
                + " >= 2 mg/dL and 2 of hepatomegaly, ascites, weight gain >= 5%) " + baltimore + ".";
    }

    /** Each observation once, in collection order. */
    private static List<Evidence> evidenceOf(Stream<Observation> observations) {
        var evidence = new LinkedHashMap<UUID, Evidence>();
        observations
                .sorted(Comparator.comparing(Observation::observedAt))
                .forEach(o -> evidence.putIfAbsent(o.eventId(), o.toEvidence()));
        return List.copyOf(evidence.values());
    }

    /** The inputs as the criteria read them at {@code assessedAt}. */
    private record Inputs(
            List<Observation> bilirubin,
            @Nullable Observation baselineBilirubin,
            List<Observation> weights,
            @Nullable Observation reference,
            @Nullable Observation current,
            ClinicalFindings findings,
            long day,
            ZoneId zone,
            Instant assessedAt) {

        static Inputs read(VodSosCourse course, ClinicalFindings findings, Instant assessedAt) {
            var usable = usable(course.bilirubin(), assessedAt);
            var reference = course.referenceWeight();
            Observation current = null;
            if (reference != null) {
                current = course.weights().stream()
                        .filter(o -> o.observedAt().isAfter(reference.observedAt()))
                        .filter(o -> !o.observedAt().isAfter(assessedAt))
                        .max(Comparator.comparing(Observation::observedAt))
                        .orElse(null);
            }
            var zone = course.hospitalZone();
            var day = ChronoUnit.DAYS.between(
                    LocalDate.ofInstant(course.dayZero(), zone), LocalDate.ofInstant(assessedAt, zone));
            return new Inputs(
                    usable,
                    course.baselineBilirubin(),
                    usable(course.weights(), assessedAt),
                    reference,
                    current,
                    findings,
                    day,
                    zone,
                    assessedAt);
        }

        private static List<Observation> usable(List<Observation> observations, Instant assessedAt) {
            return observations.stream()
                    .filter(o -> !o.observedAt().isAfter(assessedAt))
                    .sorted(Comparator.comparing(Observation::observedAt))
                    .toList();
        }

        /** The weights with the reference weight, for the day-by-day gain. */
        List<Observation> weightsWithReference() {
            return Stream.concat(Stream.ofNullable(reference), weights.stream())
                    .filter(o -> !o.observedAt().isAfter(assessedAt))
                    .toList();
        }

        /** Whether any bilirubin was collected in the 72 h up to the assessment. */
        boolean bilirubinWithin72h() {
            var from = assessedAt.minus(PAEDIATRIC_BILIRUBIN_WINDOW);
            return bilirubin.stream().anyMatch(o -> !o.observedAt().isBefore(from));
        }

        Optional<Observation> latestBilirubin() {
            return bilirubin.isEmpty() ? Optional.empty() : Optional.of(bilirubin.getLast());
        }

        Met latestBilirubinAtLeast2() {
            return latestBilirubin()
                    .map(o -> Met.of(o.value().compareTo(BILIRUBIN_LIMIT) >= 0))
                    .orElse(Met.UNKNOWN);
        }

        /** The newest bilirubin at least 2 mg/dL collected in the 72 h up to the assessment. */
        Optional<Observation> paediatricBilirubin() {
            var from = assessedAt.minus(PAEDIATRIC_BILIRUBIN_WINDOW);
            return bilirubin.reversed().stream()
                    .filter(o -> !o.observedAt().isBefore(from))
                    .filter(o -> o.value().compareTo(BILIRUBIN_LIMIT) >= 0)
                    .findFirst();
        }

        /** {@code (current - reference) x 100}: the weight gain % times the reference weight. */
        private @Nullable BigDecimal gainTimesHundred() {
            if (reference == null || current == null) {
                return null;
            }
            return current.value().subtract(reference.value()).multiply(BigDecimal.valueOf(100));
        }

        Met weightGainAbove(BigDecimal percent) {
            var gain = gainTimesHundred();
            return gain == null || reference == null
                    ? Met.UNKNOWN
                    : Met.of(gain.compareTo(reference.value().multiply(percent)) > 0);
        }

        Met weightGainAtLeast(BigDecimal percent) {
            var gain = gainTimesHundred();
            return gain == null || reference == null
                    ? Met.UNKNOWN
                    : Met.of(gain.compareTo(reference.value().multiply(percent)) >= 0);
        }

        /** Hepatomegaly, or painful hepatomegaly / right upper quadrant pain (a positive finding wins). */
        Met hepatomegaly() {
            return Boolean.TRUE.equals(findings.painfulHepatomegaly()) ? Met.YES : Met.of(findings.hepatomegaly());
        }

        /** No hepatomegaly means no painful hepatomegaly. */
        Met painfulHepatomegaly() {
            var painful = Met.of(findings.painfulHepatomegaly());
            if (painful == Met.UNKNOWN && Boolean.FALSE.equals(findings.hepatomegaly())) {
                return Met.NO;
            }
            return painful;
        }

        String describeLatestBilirubin() {
            return latestBilirubin().map(VodSosRule::describe).orElse("(no result)");
        }

        String describeWeightGain() {
            var gain = gainTimesHundred();
            if (reference == null) {
                return "(no reference weight)";
            }
            if (gain == null || current == null) {
                return "(no weight after the reference weight of " + describe(reference) + ")";
            }
            var percent = gain.divide(reference.value(), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
            return "%s%% (%s kg at %s vs reference %s kg)"
                    .formatted(
                            percent,
                            current.value().toPlainString(),
                            current.observedAt(),
                            reference.value().toPlainString());
        }
    }

    /** A criterion as far as the available data decide it. */
    enum Met {
        YES,
        NO,
        UNKNOWN;

        static Met of(@Nullable Boolean finding) {
            return finding == null ? UNKNOWN : finding ? YES : NO;
        }

        static Met of(boolean met) {
            return met ? YES : NO;
        }

        static Met atLeast(int needed, Met... parts) {
            var yes = Arrays.stream(parts).filter(p -> p == YES).count();
            var possible = Arrays.stream(parts).filter(p -> p != NO).count();
            if (yes >= needed) {
                return YES;
            }
            return possible < needed ? NO : UNKNOWN;
        }

        Met and(Met other) {
            if (this == NO || other == NO) {
                return NO;
            }
            return this == YES && other == YES ? YES : UNKNOWN;
        }

        Met or(Met other) {
            if (this == YES || other == YES) {
                return YES;
            }
            return this == NO && other == NO ? NO : UNKNOWN;
        }

        String display() {
            return switch (this) {
                case YES -> "yes";
                case NO -> "no";
                case UNKNOWN -> "not assessed";
            };
        }

        String conclusion() {
            return switch (this) {
                case YES -> "met";
                case NO -> "not met";
                case UNKNOWN -> "undetermined without the clinician's findings";
            };
        }
    }
}
