package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.lab.LabResult;

/**
 * The blinatumomab (BLINCYTO) action rules, CRITERIA.md 9.1, from the US Prescribing Information (Amgen; section 2
 * dose-modification table, section 5 warnings). Every row is evaluated; the action is DISCONTINUE if a discontinue
 * row fired, else INTERRUPT if an interrupt row fired, else no action. Grade convention (ToxWatch, as for the
 * BESPONSA decision, not CTCAE): {@code 2} = DISCONTINUE, {@code 1} = INTERRUPT, {@code 0} = no row fires.
 *
 * <ul>
 *   <li>CRS grade 3: INTERRUPT; grade 4: DISCONTINUE. The CRS grade is the current one (section 4).
 *   <li>Neurological toxicity grade 4, or more than one seizure in the episode: DISCONTINUE permanently, so these
 *       look at every neurological assessment of the episode. A report of repetitive seizures counts as more than
 *       one, and so do two assessments that each report a seizure (a seizure charted twice is counted twice: the
 *       feed carries no seizure identity, and the rule errs towards telling the clinician).
 *   <li>Neurological toxicity grade 3: INTERRUPT until no more than grade 1 for at least 3 days (72 h); DISCONTINUE
 *       when it took more than 7 days (168 h) to get back to grade 1 or less: the first assessment of grade 1 or
 *       less came more than 7 days after the first of grade 3, or an assessment more than 7 days after it still
 *       shows more than grade 1. Without such an assessment the action stays INTERRUPT. Whether the event happened at 9
 *       mcg/day (the label's other discontinue reason) is left to the clinician: doses are not in the contract as
 *       mcg/day rates.
 *   <li>ALT or AST {@code > 5 x ULN}, or total bilirubin {@code > 3 x ULN}: INTERRUPT. Strict: exactly 5.0 x ULN
 *       does not fire. The newest result of the episode is compared, in the unit it was reported in when the ULN
 *       shares it (1.1).
 *   <li>Prolonged neutropenia: INTERRUPT when the ANCs of the episode end in a run below 0.5 10*9/L (CTCAE grade 4,
 *       2.5) whose first and newest results are at least {@value #PROLONGED_NEUTROPENIA_DAYS} calendar days apart
 *       in the hospital's zone. The label gives no duration: 7 days is a ToxWatch default the clinician confirms.
 * </ul>
 *
 * The "other clinically relevant adverse reaction" rows are not automated: which reactions count is a clinical
 * judgement.
 */
public final class BlincytoActionRules {

    public static final int DISCONTINUE_GRADE = 2;
    public static final int INTERRUPT_GRADE = 1;
    public static final int NO_ACTION_GRADE = 0;

    static final BigDecimal TRANSAMINASE_MULTIPLE = new BigDecimal("5");
    static final BigDecimal BILIRUBIN_MULTIPLE = new BigDecimal("3");
    static final BigDecimal GRADE_4_NEUTROPENIA_BELOW = new BigDecimal("0.5");
    static final int PROLONGED_NEUTROPENIA_DAYS = 7;
    static final Duration NEURO_RECOVERY_BEFORE_RESTART = Duration.ofDays(3);
    static final Duration NEURO_LONGEST_RESOLUTION = Duration.ofDays(7);

    /** The rows of 9.1 that ToxWatch evaluates, each with the action it calls for. */
    public enum Row {
        CRS_GRADE_3(Action.INTERRUPT, "CRS grade 3"),
        CRS_GRADE_4(Action.DISCONTINUE, "CRS grade 4"),
        MORE_THAN_ONE_SEIZURE(Action.DISCONTINUE, "neurological toxicity: more than one seizure in this episode"),
        NEURO_GRADE_3(Action.INTERRUPT, "neurological toxicity grade 3, not yet <= grade 1 for 3 days"),
        NEURO_GRADE_3_SLOW_TO_RESOLVE(
                Action.DISCONTINUE, "neurological toxicity grade 3 taking more than 7 days to resolve to <= grade 1"),
        NEURO_GRADE_4(Action.DISCONTINUE, "neurological toxicity grade 4 in this episode"),
        TRANSAMINASES(Action.INTERRUPT, "ALT or AST > 5 x ULN"),
        BILIRUBIN(Action.INTERRUPT, "total bilirubin > 3 x ULN"),
        PROLONGED_NEUTROPENIA(
                Action.INTERRUPT,
                "CTCAE grade 4 neutropenia (ANC < 0.5 10*9/L) lasting >= 7 days (ToxWatch default; the label gives"
                        + " no duration)");

        private final Action action;
        private final String condition;

        Row(Action action, String condition) {
            this.action = action;
            this.condition = condition;
        }

        public Action action() {
            return action;
        }

        public String condition() {
            return condition;
        }
    }

    public enum Action {
        NO_ACTION(NO_ACTION_GRADE),
        INTERRUPT(INTERRUPT_GRADE),
        DISCONTINUE(DISCONTINUE_GRADE);

        private final int grade;

        Action(int grade) {
            this.grade = grade;
        }

        public int grade() {
            return grade;
        }
    }

    private BlincytoActionRules() {}

    public static Assessment assess(BlincytoInputs inputs) {
        var fired = new EnumMap<Row, String>(Row.class);
        var notes = new ArrayList<String>();
        var evidence = new ArrayList<Evidence>();

        crs(inputs, fired, notes, evidence);
        var neuro = NeurologicalCourse.of(inputs);
        neuro.apply(fired, notes, evidence);
        liver(inputs, fired, notes, evidence);
        neutropenia(inputs, fired, notes, evidence);

        var action =
                fired.keySet().stream().map(Row::action).max(Enum::compareTo).orElse(Action.NO_ACTION);
        var thresholds = Arrays.stream(Row.values())
                .map(row -> new AppliedThreshold(
                        row.action().grade(),
                        row.condition() + " (" + inputs.gradingSystem().display() + " where graded)",
                        fired.containsKey(row)))
                .toList();
        return Assessment.graded(
                Criterion.BLINCYTO_ACTION,
                action.grade(),
                inputs.now(),
                summary(action, fired, notes, inputs.gradingSystem()),
                thresholds,
                evidence,
                false,
                rangeSource(inputs));
    }

    private static void crs(BlincytoInputs in, Map<Row, String> fired, List<String> notes, List<Evidence> evidence) {
        var crs = in.crs();
        var grade = crs == null ? null : crs.grade();
        var highest = in.highestCrsGrade();
        if (highest != null && highest >= 4 && (grade == null || grade < 4)) {
            fired.put(
                    Row.CRS_GRADE_4,
                    "CRS grade 4 earlier in this episode: discontinue permanently (the current CRS grade is "
                            + (grade == null ? "not assessed" : grade) + ").");
            return;
        }
        if (grade == null) {
            notes.add("CRS rows not evaluated: no CRS grade (outside the CRS window or not assessable).");
            return;
        }
        if (grade == 3) {
            fired.put(
                    Row.CRS_GRADE_3,
                    "CRS grade 3: interrupt; give dexamethasone per label; when resolved restart at 9 mcg/day"
                            + " (>= 45 kg) or 5 mcg/m2/day (< 45 kg), escalate to 28 mcg/day (15 mcg/m2/day) after 7"
                            + " days if it does not recur.");
            evidence.addAll(crs.evidence());
        } else if (grade >= 4) {
            fired.put(Row.CRS_GRADE_4, "CRS grade 4: discontinue permanently.");
            evidence.addAll(crs.evidence());
        } else {
            notes.add("CRS grade " + grade + ": no CRS row fires.");
        }
    }

    private static void liver(BlincytoInputs in, Map<Row, String> fired, List<String> notes, List<Evidence> evidence) {
        var high = new ArrayList<String>();
        for (var test : new LabResult[] {in.alt(), in.ast()}) {
            var compared = compare(test, TRANSAMINASE_MULTIPLE, notes, evidence);
            if (compared != null) {
                high.add(compared);
            }
        }
        if (!high.isEmpty()) {
            fired.put(
                    Row.TRANSAMINASES,
                    String.join(" and ", high) + ": interrupt (elevated liver enzymes; resume per the label when"
                            + " they improve).");
        }
        var bilirubin = compare(in.bilirubin(), BILIRUBIN_MULTIPLE, notes, evidence);
        if (bilirubin != null) {
            fired.put(Row.BILIRUBIN, bilirubin + ": interrupt (elevated liver enzymes).");
        }
        if (in.alt() == null && in.ast() == null && in.bilirubin() == null) {
            notes.add("Liver rows not evaluated: no ALT, AST or total bilirubin since the start of this episode.");
        }
    }

    /** The description of the test when it is above {@code multiple x ULN}; absent when not. */
    private static @Nullable String compare(
            @Nullable LabResult test, BigDecimal multiple, List<String> notes, List<Evidence> evidence) {
        if (test == null) {
            return null;
        }
        evidence.add(test.evidence());
        var uln = test.upper();
        var name = test.analyte().display();
        if (uln == null) {
            notes.add(name + " not evaluated: no ULN reported and no default.");
            return null;
        }
        var limit = "%s x ULN (%s)".formatted(multiple.toPlainString(), uln.describe("ULN"));
        if (test.quantity().compareToMultiple(multiple, uln.quantity()) > 0) {
            return "%s %s > %s".formatted(name, test.quantity().display(), limit);
        }
        notes.add("%s %s <= %s.".formatted(name, test.quantity().display(), limit));
        return null;
    }

    private static void neutropenia(
            BlincytoInputs in, Map<Row, String> fired, List<String> notes, List<Evidence> evidence) {
        var ancs = in.ancs();
        if (ancs.isEmpty()) {
            notes.add("Prolonged neutropenia not evaluated: no ANC since the start of this episode.");
            return;
        }
        int first = ancs.size();
        while (first > 0 && ancs.get(first - 1).value().compareTo(GRADE_4_NEUTROPENIA_BELOW) < 0) {
            first--;
        }
        if (first == ancs.size()) {
            notes.add("Newest ANC %s 10*9/L is not grade 4 (< 0.5)."
                    .formatted(ancs.getLast().value().toPlainString()));
            return;
        }
        Observation start = ancs.get(first);
        Observation newest = ancs.getLast();
        long days = ChronoUnit.DAYS.between(
                start.observedAt().atZone(in.hospitalZone()).toLocalDate(),
                newest.observedAt().atZone(in.hospitalZone()).toLocalDate());
        var run = "ANC < 0.5 10*9/L in every result from %s to %s (%d calendar days)"
                .formatted(start.observedAt(), newest.observedAt(), days);
        if (days >= PROLONGED_NEUTROPENIA_DAYS) {
            fired.put(
                    Row.PROLONGED_NEUTROPENIA,
                    run + ": interrupt for prolonged neutropenia (7-day duration is a ToxWatch default for the"
                            + " clinician to confirm).");
            evidence.add(start.toEvidence());
            if (newest != start) {
                evidence.add(newest.toEvidence());
            }
        } else {
            notes.add(run + ": shorter than 7 days.");
        }
    }

    private static String summary(
            Action action, Map<Row, String> fired, List<String> notes, BlincytoGradingSystem gradingSystem) {
        var summary = new StringBuilder("BLINCYTO action: ").append(action);
        if (!fired.isEmpty()) {
            summary.append(" (")
                    .append(fired.keySet().stream().map(Row::name).collect(Collectors.joining(", ")))
                    .append(')');
        }
        summary.append(". ");
        if (fired.isEmpty()) {
            summary.append("No action row of the label fires on the current data. ");
        }
        fired.values().forEach(explanation -> summary.append(explanation).append(' '));
        notes.forEach(note -> summary.append(note).append(' '));
        summary.append("Grades used: ")
                .append(gradingSystem.display())
                .append(
                        " (configured; A-14, docs/clinical/conventions.md#a-14). Other clinically relevant adverse reactions are left to the"
                                + " clinician.");
        return summary.toString();
    }

    private static ReferenceRangeSource rangeSource(BlincytoInputs in) {
        var sources = new ArrayList<ReferenceRangeSource>();
        for (var test : new LabResult[] {in.alt(), in.ast(), in.bilirubin()}) {
            if (test != null && test.upper() != null) {
                sources.add(test.upper().source());
            }
        }
        if (sources.isEmpty()) {
            return ReferenceRangeSource.NOT_USED;
        }
        return sources.contains(ReferenceRangeSource.DEFAULT)
                ? ReferenceRangeSource.DEFAULT
                : ReferenceRangeSource.REPORTED;
    }
}
