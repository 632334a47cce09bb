package org.toxwatch.monitoring.domain.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Grades a result as the laboratory reported it, around a rule's grading of exact numbers: a censored value
 * ({@code <0.1}, {@code >1000}) is graded from the set of values it allows, and what a clinician must know to
 * read the grade (a censored value, a specimen condition, a collection time given to the day) becomes a caveat
 * on the assessment, said in its summary too.
 *
 * <p>Censored values, conservatively and explicitly (issue 14, item 3): every rule's grade moves one way with
 * its value, so the grades at the two ends of the allowed set ({@link Quantity#ends()}) bound every grade in
 * it. When they agree, that is the grade ({@code ANC <0.1} is grade 4). When they differ, the grade every
 * allowed value certainly reaches, the least severe, is given as "at least grade g". When that least grade is 0
 * the result is not assessable: grade 0 means normal (CRITERIA.md 1.2), which such a result is not known to be.
 * The bound is never graded as if it were the value. A censored companion (a baseline, an albumin) is treated the same way: the grade is
 * taken at every corner of the result's and the companion's ends, since the grade also moves one way with the
 * companion, so a conclusion is drawn only where it holds for every value the companion allows.
 *
 * <p>A specimen condition does not change the grade: CRITERIA.md does not say to drop such a result. Whether
 * to page on it is the alert policy's decision, made from the caveat.
 */
public final class ReportedResultGrading {

    private ReportedResultGrading() {}

    /**
     * @param result the result the rule grades
     * @param companion another result the rule uses (a baseline, an albumin), absent when there is none
     * @param companionRole how the summary names the companion, e.g. {@code baseline}
     * @param rule grades exact numbers: a result and its companion, each at a single probe
     */
    public static Assessment assess(
            LabResult result,
            @Nullable LabResult companion,
            String companionRole,
            BiFunction<LabResult, @Nullable LabResult, Assessment> rule) {
        var companionCensored = companion != null && companion.censored();
        if (!result.censored() && !companionCensored) {
            return withReportingCaveats(rule.apply(result, companion), result, companion, companionRole);
        }
        var censored = new ArrayList<String>();
        if (result.censored()) {
            censored.add("censored result " + result.quantity().display());
        }
        if (companionCensored) {
            censored.add("censored " + companionRole + " " + companion.describe());
        }
        var corners = new ArrayList<Assessment>();
        for (var end : result.ends()) {
            if (companion == null) {
                corners.add(rule.apply(end, null));
            } else {
                for (var companionEnd : companion.ends()) {
                    corners.add(rule.apply(end, companionEnd));
                }
            }
        }
        var assessment = certainGrade(String.join(" and ", censored), corners);
        return withReportingCaveats(
                assessment.withCaveats(List.of(AssessmentCaveat.CENSORED_RESULT)), result, companion, companionRole);
    }

    /**
     * The grade every corner reaches: their one grade, or the least severe as "at least grade g". When a corner
     * cannot be graded, neither can the set, unless no corner can.
     */
    private static Assessment certainGrade(String censored, List<Assessment> corners) {
        var notAssessable = corners.stream().filter(a -> !a.isGraded()).findFirst();
        if (notAssessable.isPresent()) {
            var first = notAssessable.get();
            if (corners.stream().noneMatch(Assessment::isGraded)) {
                return first;
            }
            return Assessment.notAssessable(
                    first.criterion(),
                    first.assessedAt(),
                    censored + " allows values that cannot be graded: " + first.notAssessableReason(),
                    first.evidence());
        }
        var least = corners.stream()
                .min(Comparator.comparing(a -> Objects.requireNonNull(a.grade())))
                .orElseThrow();
        var grades = corners.stream().map(Assessment::grade).distinct().sorted().toList();
        if (grades.size() == 1) {
            return withSummary(
                    least,
                    least.summary() + " " + capitalized(censored) + ": every value allowed gives grade " + least.grade()
                            + ".");
        }
        if (least.grade() == 0) {
            // Grade 0 means assessed and normal (CRITERIA.md 1.2); here it is only the floor of a range that
            // reaches an abnormal grade, so publishing it could close an alert on a value that may be abnormal.
            return Assessment.notAssessable(
                    least.criterion(),
                    least.assessedAt(),
                    "%s allows grades 0 to %d: no abnormal grade is certain, and the value is not known to be normal"
                            .formatted(censored, grades.getLast()),
                    least.evidence());
        }
        return withSummary(
                least,
                "At least grade %d (%s): the values allowed span grades %d to %d, so only the grade all of them reach is given. %s"
                        .formatted(least.grade(), censored, grades.getFirst(), grades.getLast(), least.summary()));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Caveats and words for each specimen condition and day-precision time of the results the grade used: the
     * result, and the companion when it is among the evidence.
     */
    private static Assessment withReportingCaveats(
            Assessment assessment, LabResult result, @Nullable LabResult companion, String companionRole) {
        if (!assessment.isGraded()) {
            return assessment;
        }
        var used = new ArrayList<LabResult>(List.of(result));
        if (companion != null
                && assessment.evidence().stream()
                        .anyMatch(evidence -> evidence.eventId()
                                .equals(companion.observation().eventId()))) {
            used.add(companion);
        }
        var caveats = new LinkedHashSet<AssessmentCaveat>();
        var words = new ArrayList<String>();
        for (var each : used) {
            var prefix = each == result ? "" : capitalized(companionRole) + ": ";
            for (var condition : each.qualifiers().specimenConditions()) {
                caveats.add(
                        condition == SpecimenCondition.HEMOLYZED
                                ? AssessmentCaveat.HEMOLYZED_SPECIMEN
                                : AssessmentCaveat.SPECIMEN_CONDITION);
                words.add(prefix + specimenWords(condition, each.analyte()) + ".");
            }
            if (each.qualifiers().timedToTheDayOnly()) {
                caveats.add(AssessmentCaveat.DAY_PRECISION_TIME);
                words.add(capitalized(prefix
                        + "collection time known only to the day (%s UTC, sent without a time of day): anything that depends on the time of day is approximate."
                                .formatted(each.observedAt().toString().substring(0, 10))));
            }
        }
        if (caveats.isEmpty()) {
            return assessment;
        }
        return withSummary(assessment, assessment.summary() + " " + String.join(" ", words))
                .withCaveats(List.copyOf(caveats));
    }

    /** E.g. {@code Hemolyzed specimen: potassium may be falsely high}. */
    static String specimenWords(SpecimenCondition condition, Analyte analyte) {
        var name = capitalized(condition.name().toLowerCase(Locale.ROOT));
        var display = analyte.display();
        var analyteName = display.equals(display.toUpperCase(Locale.ROOT)) ? display : display.toLowerCase(Locale.ROOT);
        if (condition == SpecimenCondition.HEMOLYZED && FALSELY_HIGH_WHEN_HEMOLYZED.contains(analyte)) {
            return name + " specimen: " + analyteName + " may be falsely high";
        }
        return name + " specimen: " + analyteName + " may be unreliable";
    }

    /** Red cells that break in the tube release these (the contract's {@link SpecimenCondition#HEMOLYZED}). */
    private static final List<Analyte> FALSELY_HIGH_WHEN_HEMOLYZED =
            List.of(Analyte.POTASSIUM, Analyte.LDH, Analyte.AST);

    private static Assessment withSummary(Assessment assessment, String summary) {
        return new Assessment(
                assessment.criterion(),
                assessment.grade(),
                assessment.notAssessableReason(),
                assessment.assessedAt(),
                summary,
                assessment.thresholds(),
                assessment.evidence(),
                assessment.labOnlyGrading(),
                assessment.referenceRangeSource(),
                assessment.therapyContext(),
                assessment.caveats());
    }
}
