package org.toxwatch.monitoring.domain.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.dosing.BlincytoActionRules.Row;
import org.toxwatch.monitoring.domain.icans.IcansRule;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;

/**
 * The neurological assessments of one blinatumomab episode with their ICANS grades, read for the neurological
 * rows of CRITERIA.md 9.1. Assessments that are not assessable for ICANS are left out of the grade course but
 * still count for seizures.
 */
final class NeurologicalCourse {

    private record Graded(NeurologicAssessmentRecorded input, Assessment icans) {
        int grade() {
            return Objects.requireNonNull(icans.grade());
        }

        Instant at() {
            return input.observedAt();
        }
    }

    private final List<NeurologicAssessmentRecorded> assessments;
    private final List<Graded> graded;
    private final Instant now;
    private final Function<Instant, Optional<AgeAtAssessment>> ageAt;

    private NeurologicalCourse(
            List<NeurologicAssessmentRecorded> assessments,
            Instant now,
            Function<Instant, Optional<AgeAtAssessment>> ageAt) {
        this.assessments = assessments;
        this.now = now;
        this.ageAt = ageAt;
        this.graded = assessments.stream()
                .map(input -> new Graded(input, icans(input)))
                .filter(g -> g.icans().isGraded())
                .toList();
    }

    /** The course of {@code inputs}' assessments, each graded with the patient's age on its day (5.3). */
    static NeurologicalCourse of(BlincytoInputs inputs) {
        return new NeurologicalCourse(inputs.neuroAssessments(), inputs.now(), inputs::ageAt);
    }

    private Assessment icans(NeurologicAssessmentRecorded input) {
        return IcansRule.assess(input, ageAt.apply(input.observedAt()));
    }

    void apply(Map<Row, String> fired, List<String> notes, List<Evidence> evidence) {
        if (assessments.isEmpty()) {
            notes.add("Neurological rows not evaluated: no neurological assessment in this episode.");
            return;
        }
        seizures(fired, evidence);
        var worst = graded.stream().filter(g -> g.grade() >= 4).reduce((first, second) -> second);
        if (worst.isPresent()) {
            fired.put(
                    Row.NEURO_GRADE_4,
                    "ICANS grade 4 at %s: discontinue permanently."
                            .formatted(worst.get().at()));
            evidence.addAll(worst.get().icans().evidence());
            return;
        }
        gradeThree(fired, notes, evidence);
    }

    private void seizures(Map<Row, String> fired, List<Evidence> evidence) {
        var reports = assessments.stream()
                .filter(a -> a.seizure() != null && a.seizure() != SeizureFinding.NONE)
                .toList();
        var repetitive = reports.stream().anyMatch(a -> a.seizure() == SeizureFinding.PROLONGED_OR_REPETITIVE);
        if (reports.size() >= 2 || repetitive) {
            fired.put(
                    Row.MORE_THAN_ONE_SEIZURE,
                    ("%d neurological assessment(s) of this episode report a seizure%s: more than one seizure,"
                                    + " discontinue permanently.")
                            .formatted(
                                    reports.size(), repetitive ? ", including prolonged or repetitive seizures" : ""));
            reports.forEach(report -> icans(report).evidence().stream()
                    .filter(e -> e.code().equals("icans-seizure"))
                    .forEach(evidence::add));
        }
    }

    /**
     * The latest grade-3 spell: it starts at the first grade of at least 3 after the last grade of at most 1, and
     * has resolved from the first assessment after it from which every grade is at most 1.
     */
    private void gradeThree(Map<Row, String> fired, List<String> notes, List<Evidence> evidence) {
        int lastSevere = -1;
        for (int i = 0; i < graded.size(); i++) {
            if (graded.get(i).grade() >= 3) {
                lastSevere = i;
            }
        }
        if (lastSevere < 0) {
            notes.add("ICANS grade %d in the newest graded assessment; no neurological row fires."
                    .formatted(graded.isEmpty() ? 0 : graded.getLast().grade()));
            return;
        }
        int onset = lastSevere;
        while (onset > 0 && graded.get(onset - 1).grade() > 1) {
            onset--;
        }
        while (graded.get(onset).grade() < 3) {
            onset++;
        }
        int resolved = -1;
        for (int i = graded.size() - 1; i > lastSevere && graded.get(i).grade() <= 1; i--) {
            resolved = i;
        }
        var onsetAt = graded.get(onset).at();
        evidence.addAll(graded.get(lastSevere).icans().evidence());
        if (resolved < 0) {
            // "took more than 7 days" needs an assessment showing it: a gap in charting is not a slow resolution
            var latest = graded.getLast();
            if (Duration.between(onsetAt, latest.at()).compareTo(BlincytoActionRules.NEURO_LONGEST_RESOLUTION) > 0) {
                fired.put(
                        Row.NEURO_GRADE_3_SLOW_TO_RESOLVE,
                        "ICANS grade 3 from %s, still grade %d at %s, more than 7 days later: discontinue."
                                .formatted(onsetAt, latest.grade(), latest.at()));
            } else {
                var unknown = Duration.between(onsetAt, now).compareTo(BlincytoActionRules.NEURO_LONGEST_RESOLUTION) > 0
                        ? " No neurological assessment since %s: whether it resolved within 7 days is unknown."
                                .formatted(latest.at())
                        : "";
                fired.put(
                        Row.NEURO_GRADE_3,
                        ("ICANS grade 3 since %s: interrupt until no more than grade 1 for at least 3 days, then"
                                        + " restart at 9 mcg/day (5 mcg/m2/day) and escalate after 7 days if it does"
                                        + " not recur; discontinue if it happened at 9 mcg/day.%s")
                                .formatted(onsetAt, unknown));
            }
            return;
        }
        var resolvedAt = graded.get(resolved).at();
        evidence.addAll(graded.get(resolved).icans().evidence());
        if (Duration.between(onsetAt, resolvedAt).compareTo(BlincytoActionRules.NEURO_LONGEST_RESOLUTION) > 0) {
            fired.put(
                    Row.NEURO_GRADE_3_SLOW_TO_RESOLVE,
                    "ICANS grade 3 from %s took more than 7 days to resolve to <= grade 1 (%s): discontinue."
                            .formatted(onsetAt, resolvedAt));
        } else if (Duration.between(resolvedAt, now).compareTo(BlincytoActionRules.NEURO_RECOVERY_BEFORE_RESTART) < 0) {
            fired.put(
                    Row.NEURO_GRADE_3,
                    ("ICANS grade 3 from %s, no more than grade 1 since %s but not yet for 3 days: keep interrupted;"
                                    + " then restart at 9 mcg/day (5 mcg/m2/day).")
                            .formatted(onsetAt, resolvedAt));
        } else {
            notes.add(("ICANS grade 3 from %s resolved to <= grade 1 at %s and stayed there for at least 3 days:"
                            + " restart at 9 mcg/day (5 mcg/m2/day) and escalate after 7 days if it does not recur;"
                            + " discontinue if it happened at 9 mcg/day.")
                    .formatted(onsetAt, resolvedAt));
        }
    }
}
