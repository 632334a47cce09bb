package org.toxwatch.monitoring.domain.liversignals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
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

/**
 * VOD/SOS diagnostic criteria as an alerting aid, CRITERIA.md 7.2: EBMT 2016 for adults (Mohty 2016, classical
 * within 21 days of day 0 and late onset after day 21) and EBMT 2018 for children (Corbacioglu 2018). The
 * diagnosis is clinical; this rule only tells the team that the criteria are, or may be, met.
 *
 * <p>Signal level convention (the assessment's grade): {@code 2} = VOD_SUSPECTED, the EBMT criteria are met
 * with the available data; {@code 1} = VOD_PARTIAL, the criteria are not met but a part ToxWatch can compute is
 * (bilirubin at least 2 mg/dL, or weight gain above 5%), so the clinician is asked to assess hepatomegaly and
 * ascites; {@code 0} = neither. This is a ToxWatch signal level, not a severity grade: EBMT severity grading is
 * deliberately not implemented (7.2: not without the full table in hand). Not assessable when there is no
 * bilirubin result and the criteria are not otherwise met or partly met.
 *
 * <p>How the inputs are read:
 *
 * <ul>
 *   <li>Only observations collected at or before {@code assessedAt} are used; the caller passes those of the
 *       VOD watch window (8.1). The adult bilirubin criterion uses the newest bilirubin. The pediatric one is
 *       "bilirubin &gt;= 2 mg/dL within 72 h": any bilirubin at least 2 mg/dL collected in the 72 h up to
 *       {@code assessedAt}.
 *   <li>Weight gain % = (current - reference) / reference x 100 (7.2), compared exactly as
 *       {@code (current - reference) x 100} against {@code limit x reference}; the current weight is the newest
 *       weight collected after the reference weight.
 *   <li>Day N = whole 24-hour periods from {@code dayZero} to {@code assessedAt}; passing the start of the
 *       calendar day 0 in the hospital's time zone gives the calendar days of 1.5. Day 21 is still "within 21
 *       days"; day 22 is "after day 21".
 *   <li>A clinician finding left {@code null} is unknown, never absent (1.2). A painful hepatomegaly counts as a
 *       hepatomegaly; an absent hepatomegaly means no painful hepatomegaly.
 *   <li>Pediatric components ToxWatch cannot compute (transfusion-refractory thrombocytopenia, weight gain on 3
 *       consecutive days despite diuretics, bilirubin rising from baseline on 3 consecutive days) and the adult
 *       late-onset "histologically proven" route count as unknown, so they can never make the criteria met.
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
    static final Duration PEDIATRIC_BILIRUBIN_WINDOW = Duration.ofHours(72);
    static final long CLASSICAL_LAST_DAY = 21;
    static final long SEATTLE_LAST_DAY = 20;

    static final String ADULT_CLASSICAL = "EBMT 2016 adult classical (within 21 days): bilirubin >= 2 mg/dL and 2 of"
            + " painful hepatomegaly, weight gain > 5%, ascites";
    static final String ADULT_LATE_ONSET = "EBMT 2016 adult late onset (after day 21): classical criteria, or 2 or"
            + " more of bilirubin >= 2 mg/dL, painful hepatomegaly, weight gain > 5%, ascites, with hemodynamic"
            + " and/or ultrasound evidence";
    static final String PEDIATRIC = "EBMT 2018 pediatric: 2 or more of refractory thrombocytopenia, weight gain"
            + " (3 consecutive days despite diuretics or > 5%), hepatomegaly, ascites, bilirubin (rising on 3"
            + " consecutive days or >= 2 mg/dL within 72 h)";
    static final String BILIRUBIN_PART = "bilirubin >= 2 mg/dL";
    static final String PEDIATRIC_BILIRUBIN_PART = "bilirubin >= 2 mg/dL within 72 h";
    static final String WEIGHT_GAIN_PART = "weight gain > 5% above the reference weight";

    /** The clinician-entered findings of 7.2 that {@link ClinicalFindings} carries. */
    public static final List<ClinicalFinding> BEDSIDE_FINDINGS = List.of(
            ClinicalFinding.HEPATOMEGALY,
            ClinicalFinding.PAINFUL_HEPATOMEGALY,
            ClinicalFinding.ASCITES,
            ClinicalFinding.VOD_HEMODYNAMIC_OR_ULTRASOUND_EVIDENCE);

    private VodSosRule() {}

    /** {@link #assess(List, List, Observation, Instant, ClinicalFindings, List, boolean, Instant)} without findings' evidence. */
    public static Assessment assess(
            List<Observation> bilirubin,
            List<Observation> weights,
            @Nullable Observation referenceWeight,
            Instant dayZero,
            ClinicalFindings findings,
            boolean child,
            Instant assessedAt) {
        return assess(bilirubin, weights, referenceWeight, dayZero, findings, List.of(), child, assessedAt);
    }

    /**
     * @param bilirubin total bilirubin results in mg/dL, any order
     * @param weights body weights (LOINC 29463-7) in kg, any order
     * @param referenceWeight weight on day 0 of HSCT (or before the first inotuzumab dose); absent if not recorded
     * @param dayZero start of day 0: HSCT day 0, or the last inotuzumab dose without HSCT
     * @param findings the clinician's findings, {@link ClinicalFindings#NOT_ENTERED} when none were entered
     * @param findingEvidence the records of the findings that stand, listed after the observations used
     * @param child apply EBMT 2018 pediatric instead of EBMT 2016 adult criteria
     * @param assessedAt clinical time of the assessment; later observations are ignored
     */
    public static Assessment assess(
            List<Observation> bilirubin,
            List<Observation> weights,
            @Nullable Observation referenceWeight,
            Instant dayZero,
            ClinicalFindings findings,
            List<Evidence> findingEvidence,
            boolean child,
            Instant assessedAt) {
        var wrongUnit = Stream.concat(
                        bilirubin.stream().filter(o -> !o.unit().equals(BILIRUBIN_UNIT)),
                        Stream.concat(weights.stream(), Stream.ofNullable(referenceWeight))
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
        var inputs = Inputs.read(bilirubin, weights, referenceWeight, dayZero, findings, assessedAt);
        var evaluation = child ? pediatric(inputs) : adult(inputs);
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

    private static Evaluation adult(Inputs in) {
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
            set = "EBMT 2016 adult criteria, classical (day %d, within 21 days)".formatted(in.day());
        } else {
            var lateRoute = Met.atLeast(2, bilirubin, painfulHepatomegaly, weightGain, ascites)
                    .and(Met.of(in.findings().hemodynamicOrUltrasoundEvidence()));
            criteria = classical.or(lateRoute);
            thresholds.add(new AppliedThreshold(SUSPECTED, ADULT_LATE_ONSET, criteria == Met.YES));
            set = "EBMT 2016 adult criteria, late onset (day %d, after day 21)".formatted(in.day());
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
                lines,
                thresholds,
                in.latestBilirubin().stream().toList());
    }

    private static Evaluation pediatric(Inputs in) {
        var recentHigh = in.pediatricBilirubin();
        var bilirubin = recentHigh.isPresent() ? Met.YES : Met.UNKNOWN;
        var weightGain = in.weightGainAbove(EBMT_WEIGHT_GAIN_PERCENT);
        var hepatomegaly = in.hepatomegaly();
        var ascites = Met.of(in.findings().ascites());
        var criteria = Met.atLeast(
                2,
                Met.UNKNOWN, // transfusion-refractory thrombocytopenia: not an input
                weightGain == Met.YES ? Met.YES : Met.UNKNOWN, // 3 consecutive days despite diuretics: not an input
                hepatomegaly,
                ascites,
                bilirubin); // rising from baseline on 3 consecutive days: not computed
        var thresholds = List.of(
                new AppliedThreshold(SUSPECTED, PEDIATRIC, criteria == Met.YES),
                new AppliedThreshold(PARTIAL, PEDIATRIC_BILIRUBIN_PART, bilirubin == Met.YES),
                new AppliedThreshold(PARTIAL, WEIGHT_GAIN_PART, weightGain == Met.YES));
        var lines = List.of(
                "bilirubin >= 2 mg/dL within 72 h: "
                        + recentHigh
                                .map(o -> "yes (" + describe(o) + ")")
                                .orElse("no result at or above 2 mg/dL in" + " the 72 h up to the assessment (newest "
                                        + in.describeLatestBilirubin() + ")"),
                "weight gain " + in.describeWeightGain() + " > 5%: " + weightGain.display(),
                "hepatomegaly: " + hepatomegaly.display(),
                "ascites: " + ascites.display(),
                "refractory thrombocytopenia, weight gain on 3 consecutive days despite diuretics, bilirubin rising"
                        + " on 3 consecutive days: not assessed by ToxWatch");
        var usedBilirubin = recentHigh.or(in::latestBilirubin).stream().toList();
        return new Evaluation(
                "EBMT 2018 pediatric criteria (day %d)".formatted(in.day()),
                criteria,
                bilirubin == Met.YES || weightGain == Met.YES,
                lines,
                thresholds,
                usedBilirubin);
    }

    private static String describe(Observation observation) {
        return observation.value().toPlainString() + " " + observation.unit() + " at " + observation.observedAt();
    }

    /** What one criteria set concluded, before it becomes an {@link Assessment}. */
    private record Evaluation(
            String set,
            Met criteria,
            boolean computablePartMet,
            List<String> lines,
            List<AppliedThreshold> thresholds,
            List<Observation> bilirubinUsed) {

        Assessment toAssessment(Inputs in, Instant assessedAt) {
            var evidence = evidenceOf(Stream.of(
                            bilirubinUsed.stream(), Stream.ofNullable(in.reference()), Stream.ofNullable(in.current()))
                    .flatMap(s -> s));
            var details = String.join("; ", lines) + ".";
            int level;
            String headline;
            if (criteria == Met.YES) {
                level = SUSPECTED;
                headline = "VOD_SUSPECTED: " + set + " met with the available data: ";
            } else if (computablePartMet) {
                level = PARTIAL;
                headline = "VOD_PARTIAL: " + set + " not met with the available data, but a computable part is"
                        + " (bilirubin >= 2 mg/dL or weight gain > 5%); clinician to assess hepatomegaly and ascites: ";
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
            @Nullable Observation reference,
            @Nullable Observation current,
            ClinicalFindings findings,
            long day,
            Instant assessedAt) {

        static Inputs read(
                List<Observation> bilirubin,
                List<Observation> weights,
                @Nullable Observation reference,
                Instant dayZero,
                ClinicalFindings findings,
                Instant assessedAt) {
            var usable = bilirubin.stream()
                    .filter(o -> !o.observedAt().isAfter(assessedAt))
                    .sorted(Comparator.comparing(Observation::observedAt))
                    .toList();
            Observation current = null;
            if (reference != null) {
                current = weights.stream()
                        .filter(o -> o.observedAt().isAfter(reference.observedAt()))
                        .filter(o -> !o.observedAt().isAfter(assessedAt))
                        .max(Comparator.comparing(Observation::observedAt))
                        .orElse(null);
            }
            var day = Duration.between(dayZero, assessedAt).toDays();
            return new Inputs(usable, reference, current, findings, day, assessedAt);
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
        Optional<Observation> pediatricBilirubin() {
            var from = assessedAt.minus(PEDIATRIC_BILIRUBIN_WINDOW);
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
    private enum Met {
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
