package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Evidence;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.lab.Probe;
import org.toxwatch.monitoring.domain.lab.ReferenceLimit;
import org.toxwatch.monitoring.domain.lab.ResultQualifiers;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Runs a rule that reads laboratory values as plain numbers (febrile neutropenia, ICAHT, Hy's law, VOD/SOS, the
 * BESPONSA and BLINCYTO decisions) over every value its censored inputs allow (issue 14, item 3), so that a bound
 * ({@code <0.1}, {@code >0.3}) is never graded as if it were the value.
 *
 * <p>Each censored result is replaced by one end of the set of values it allows ({@link LabResult#ends()}, H3's
 * {@link Probe}s), and the rule runs once per corner. Every one of these rules moves one way with each of its lab
 * inputs, so the corners bound its outcome over the whole set. Up to {@link #ALL_CORNERS_UP_TO} censored inputs,
 * every combination of ends is tried; beyond that, only the mildest and the most severe corner (a lower count and a
 * higher liver test are worse for all six rules), which is exact wherever a rule reads each analyte one way.
 *
 * <p>Outcomes: one outcome at every corner is given, with the caveat. Otherwise a <em>grade</em> is the one every
 * allowed value certainly reaches, "at least grade g", or not assessable when that is 0 (grade 0 claims a normal
 * value, CRITERIA.md 1.2); a <em>dose decision</em> takes the most restrictive outcome any allowed value gives (HOLD,
 * INTERRUPT), saying why (e.g. CRITERIA.md 8.2 does not auto-PROCEED on a platelet count it cannot trust). Only
 * the censored results some corner's outcome used (its evidence) are named; one the rule did not read changes nothing.
 */
public final class CensoredInputs {

    /** 2^6 = 64 runs of a rule at most; a censored input is rare, six in one rule's reach rarer still. */
    static final int ALL_CORNERS_UP_TO = 6;

    /** For every rule here, a lower value of these is the more severe end; a higher value of the others is. */
    private static final Set<Analyte> WORSE_WHEN_LOW = Set.of(Analyte.ANC, Analyte.PLATELETS);

    /** The readable results of an analyte, in the state's order. */
    @FunctionalInterface
    public interface Labs {
        List<LabResult> of(Analyte analyte);
    }

    /**
     * How outcomes at different corners combine.
     *
     * @param names for a dose decision, the name of each grade (index = grade); absent for a grade
     * @param whyRestrictive for a dose decision, why the more restrictive outcome is the one taken when uncertain
     */
    public record Outcomes(@Nullable List<String> names, String whyRestrictive) {

        public static final Outcomes GRADES = new Outcomes(null, "");

        public static Outcomes decisions(String whyRestrictive, String... namesByGrade) {
            return new Outcomes(List.of(namesByGrade), whyRestrictive);
        }

        String name(int grade) {
            return names == null ? "grade " + grade : names.get(grade);
        }
    }

    private CensoredInputs() {}

    static @Nullable Assessment assess(
            Labs exact, Set<Analyte> analytes, Outcomes outcomes, Function<Labs, @Nullable Assessment> rule) {
        if (noneCensored(exact, analytes)) {
            return rule.apply(exact);
        }
        var read = analytes.stream().flatMap(a -> exact.of(a).stream()).toList();
        var censored = read.stream().filter(LabResult::censored).toList();
        var resolution = Resolution.of(read);
        var assessed = new ArrayList<Assessment>();
        for (var corner : corners(censored)) {
            Labs labs = analyte -> exact.of(analyte).stream()
                    .map(result -> {
                        var probe = corner.get(result.observation().eventId());
                        return probe == null ? result : resolution.witness(result, probe);
                    })
                    .toList();
            var assessment = rule.apply(labs);
            if (assessment != null) {
                assessed.add(assessment);
            }
        }
        if (assessed.isEmpty()) {
            return null;
        }
        var used = censored.stream().filter(result -> usedBy(assessed, result)).toList();
        if (used.isEmpty()
                && assessed.stream().map(Assessment::grade).distinct().count() == 1) {
            return assessed.getFirst(); // e.g. an old censored ANC outside the rule's window: no caveat to give
        }
        var combined = combine(used.isEmpty() ? censored : used, assessed, outcomes);
        var lead = sharedLead(assessed);
        return (combined.isGraded() ? restated(combined, lead + combined.summary(), List.of()) : combined)
                .withCaveats(List.of(AssessmentCaveat.CENSORED_RESULT));
    }

    /** The usual case, checked on every event without collecting what the rule reads. */
    private static boolean noneCensored(Labs exact, Set<Analyte> analytes) {
        for (var analyte : analytes) {
            for (var result : exact.of(analyte)) {
                if (result.censored()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean usedBy(List<Assessment> assessed, LabResult result) {
        var id = result.observation().eventId();
        return assessed.stream()
                .flatMap(a -> a.evidence().stream())
                .anyMatch(e -> e.eventId().equals(id));
    }

    /** Every combination of ends, or only the mildest and the most severe one when there are many censored inputs. */
    private static List<Map<UUID, Probe>> corners(List<LabResult> censored) {
        var corners = new ArrayList<Map<UUID, Probe>>();
        if (censored.size() <= ALL_CORNERS_UP_TO) {
            for (int bits = 0; bits < 1 << censored.size(); bits++) {
                var corner = new HashMap<UUID, Probe>();
                for (int i = 0; i < censored.size(); i++) {
                    var result = censored.get(i);
                    corner.put(
                            result.observation().eventId(),
                            result.ends().get((bits >> i) & 1).probe());
                }
                corners.add(corner);
            }
            return corners;
        }
        for (boolean severe : List.of(false, true)) {
            var corner = new HashMap<UUID, Probe>();
            for (var result : censored) {
                var ends = result.ends();
                var lowEnd = WORSE_WHEN_LOW.contains(result.analyte()) == severe;
                corner.put(result.observation().eventId(), (lowEnd ? ends.getFirst() : ends.getLast()).probe());
            }
            corners.add(corner);
        }
        return corners;
    }

    private static Assessment combine(List<LabResult> censored, List<Assessment> assessed, Outcomes outcomes) {
        var named = censored.stream()
                .map(result -> "%s collected %s".formatted(result.describe(), result.observedAt()))
                .collect(Collectors.joining(", "));
        var subject = (censored.size() == 1 ? "the censored result " : "the censored results ") + named;
        var unassessed = assessed.stream().filter(a -> !a.isGraded()).findFirst();
        if (unassessed.isPresent()) {
            var first = unassessed.get();
            var reason = assessed.stream().noneMatch(Assessment::isGraded)
                    ? Objects.requireNonNull(first.notAssessableReason()) + " (with " + subject + ")"
                    : subject + " allows values that cannot be assessed: " + first.notAssessableReason();
            return Assessment.notAssessable(
                    first.criterion(), first.assessedAt(), reason, restored(first.evidence(), censored));
        }
        var byGrade = assessed.stream()
                .sorted(Comparator.comparing(a -> Objects.requireNonNull(a.grade())))
                .toList();
        var least = byGrade.getFirst();
        var most = byGrade.getLast();
        int low = Objects.requireNonNull(least.grade());
        int high = Objects.requireNonNull(most.grade());
        if (low == high) {
            return restated(
                    least,
                    "%s for every value %s allows: the rule gives %s at every end of that range, so the bound is not read as the value."
                            .formatted(capitalized(outcomes.name(low)), subject, outcomes.name(low)),
                    censored);
        }
        if (outcomes.names() != null) {
            return restated(
                    most,
                    ("%s: %s leaves the decision uncertain (%s to %s over the values it allows); the more restrictive %s"
                                    + " is taken, %s. Repeat the test with a reportable value to decide.")
                            .formatted(
                                    outcomes.name(high),
                                    subject,
                                    outcomes.name(low),
                                    outcomes.name(high),
                                    outcomes.name(high),
                                    outcomes.whyRestrictive()),
                    censored);
        }
        if (low == 0) {
            return Assessment.notAssessable(
                    least.criterion(),
                    least.assessedAt(),
                    "%s allows grades 0 to %d: no abnormal grade is certain, and the value is not known to be normal"
                            .formatted(subject, high),
                    restored(most.evidence(), censored));
        }
        return restated(
                least,
                "At least grade %d (%s): the values it allows span grades %d to %d, so only the grade all of them reach is given."
                        .formatted(low, subject, low, high),
                censored);
    }

    /**
     * The words every corner's summary begins with, up to a {@code ": "}, e.g. {@code For the next planned dose, cycle
     * 2 day 1: }. A number that depends on a censored value differs between corners, so it never gets in.
     */
    private static String sharedLead(List<Assessment> assessed) {
        var first = assessed.getFirst().summary();
        int common = first.length();
        for (var assessment : assessed) {
            var summary = assessment.summary();
            int i = 0;
            while (i < Math.min(common, summary.length()) && summary.charAt(i) == first.charAt(i)) {
                i++;
            }
            common = i;
        }
        int cut = common < 2 ? -1 : first.lastIndexOf(": ", common - 2);
        return cut < 0 ? "" : first.substring(0, cut + 2);
    }

    /** The corner's outcome in words that name the censored values, with their evidence as reported. */
    private static Assessment restated(Assessment corner, String summary, List<LabResult> censored) {
        return new Assessment(
                corner.criterion(),
                corner.grade(),
                corner.notAssessableReason(),
                corner.assessedAt(),
                summary,
                corner.thresholds(),
                restored(corner.evidence(), censored),
                corner.labOnlyGrading(),
                corner.referenceRangeSource(),
                corner.therapyContext(),
                corner.caveats());
    }

    /** A censored result's evidence as the laboratory reported it (its bound and comparator), never its stand-in. */
    private static List<Evidence> restored(List<Evidence> evidence, List<LabResult> censored) {
        var reported = censored.stream()
                .collect(Collectors.toMap(r -> r.observation().eventId(), LabResult::evidence, (a, b) -> a));
        var restored = new LinkedHashSet<Evidence>();
        evidence.forEach(e -> restored.add(reported.getOrDefault(e.eventId(), e)));
        return List.copyOf(restored);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Exact stand-ins for the ends of a censored result, for rules that compare plain decimals. Every number such a
     * rule compares a lab value with is a decimal of at most {@code scale} places and below {@code 10^digits} (the
     * results, their limits, CRITERIA.md's thresholds and their multiples of a limit), so:
     *
     * <ul>
     *   <li>just below / above b: {@code b -/+ 10^-(scale + 10)} lies between b and every other such number, and
     *       compares with each exactly as the {@link Probe} does
     *       ({@link org.toxwatch.monitoring.domain.lab.Quantity#compareToCanonical});
     *   <li>below everything: 0, the least value a count or concentration takes;
     *   <li>above everything: {@code b + 10^(digits + 6)}, above every such number and every multiple of a limit.
     * </ul>
     */
    record Resolution(BigDecimal epsilon, BigDecimal aboveAll) {

        /** Margin for CRITERIA.md's thresholds (two decimals at most) and a multiple of a limit. */
        private static final int SCALE_MARGIN = 10;

        private static final int DIGITS_MARGIN = 6;

        static Resolution of(List<LabResult> results) {
            int scale = 0;
            int digits = 1;
            for (var result : results) {
                var numbers = new ArrayList<BigDecimal>(List.of(
                        result.observation().value(), result.observation().reportedValue()));
                for (var limit : new ReferenceLimit[] {result.lower(), result.upper()}) {
                    if (limit != null) {
                        numbers.add(limit.quantity().value());
                        numbers.add(limit.quantity().reportedValue());
                    }
                }
                for (var number : numbers) {
                    scale = Math.max(scale, number.scale());
                    digits = Math.max(digits, number.precision() - number.scale());
                }
            }
            return new Resolution(
                    BigDecimal.ONE.movePointLeft(scale + SCALE_MARGIN),
                    BigDecimal.ONE.movePointRight(digits + DIGITS_MARGIN));
        }

        /** {@code result} as an exact value at {@code probe}, its qualifiers without the comparator. */
        LabResult witness(LabResult result, Probe probe) {
            var observation = result.observation();
            var standIn = new Observation(
                    observation.eventId(),
                    observation.code(),
                    observation.display(),
                    at(observation.value(), probe),
                    observation.unit(),
                    at(observation.reportedValue(), probe),
                    observation.reportedUnit(),
                    observation.reportedRange(),
                    observation.observedAt(),
                    observation.sourceMessageId());
            var qualifiers = result.qualifiers();
            return new LabResult(
                    result.analyte(),
                    standIn,
                    result.limits(),
                    new ResultQualifiers(
                            null,
                            qualifiers.specimenConditions(),
                            qualifiers.observedAtPrecision(),
                            qualifiers.reportedUnit()),
                    Probe.AT);
        }

        BigDecimal at(BigDecimal bound, Probe probe) {
            return switch (probe) {
                case AT -> bound;
                case JUST_BELOW -> bound.subtract(epsilon);
                case JUST_ABOVE -> bound.add(epsilon);
                case BELOW_ALL -> BigDecimal.ZERO;
                case ABOVE_ALL -> bound.add(aboveAll);
            };
        }
    }
}
