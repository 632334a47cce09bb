package org.toxwatch.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sizes of one run. {@code quick} checks the whole benchmark end to end in a few minutes; {@code full} is the run
 * whose table docs/performance.md reports, about twenty minutes on a 2-core machine; {@code ingest},
 * {@code monitoring} and {@code alerting} run only that stage's rows of {@code full}, to measure (and profile) a
 * change to one service in a few minutes; {@code monitoring-long} runs monitoring's rows on long courses whose patients
 * take turns (see {@link #only(String, Stage, boolean)}). A plan's warm-up rounds run first, exactly as the others, and are not
 * counted: the first work of the benchmark's JVM (its broker, store and load generators not yet compiled) was always
 * the slowest round, on both sides.
 *
 * <p>Each ingest load (the bridge's, then ToxWatch's over MLLP, JSON and FHIR) runs 30 s before it is measured, since
 * each round starts fresh processes. After only 5 s the ingest JVM spent four to six times the CPU per message it
 * spends once compiled (2.2 to 2.9 ms against about 0.5 ms over MLLP), and both sides ran at about half their later
 * rate.
 *
 * <p>Monitoring and alerting are warmed the same way, on patients of their own: each side first drains
 * {@code warmUpBacklogs} backlogs of the measured size, or {@code warmUpAssessmentBatches} batches of the measured
 * size, and only the measured backlog or batch that follows is timed. Measured cold, alerting's 2,000 assessments were
 * the first two seconds of its JVM's work. Alerting's batch is 10,000 assessments over 1,000 patients (the same ten
 * per patient as the 2,000 over 200 it was): a drain of about one second had put the median of five runs of equal
 * code anywhere between 1,581 and 2,029 assessments/s, either side of the target.
 */
public record BenchmarkPlan(
        String name,
        int warmUpRounds,
        int rounds,
        List<Integer> ingestConnections,
        Duration ingestWarmUp,
        Duration ingestPhase,
        int backlogPatients,
        int eventsPerPatient,
        boolean patientsTakeTurns,
        int warmUpBacklogs,
        int latencyPerSecond,
        Duration latencyPhase,
        int assessments,
        int assessmentPatients,
        int warmUpAssessmentBatches,
        Set<Stage> stages) {

    /** The stages a plan may run, in the order each round runs them. */
    public enum Stage {
        INGEST,
        MONITORING,
        ALERTING
    }

    public static BenchmarkPlan named(String name) {
        return switch (name) {
            case "quick" ->
                new BenchmarkPlan(
                        "quick",
                        0,
                        2,
                        List.of(4),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(6),
                        1_000,
                        10,
                        false,
                        1,
                        500,
                        Duration.ofSeconds(8),
                        1_000,
                        100,
                        1,
                        EnumSet.allOf(Stage.class));
            case "full" ->
                new BenchmarkPlan(
                        "full",
                        1,
                        3,
                        List.of(4, 16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        2_000,
                        20,
                        false,
                        1,
                        1_000,
                        Duration.ofSeconds(10),
                        10_000,
                        1_000,
                        2,
                        EnumSet.allOf(Stage.class));
            case "ingest" -> named("full").only("ingest", Stage.INGEST);
            case "monitoring" -> named("full").only("monitoring", Stage.MONITORING);
            case "monitoring-long" -> named("full").only("monitoring-long", Stage.MONITORING, true);
            case "alerting" -> named("full").only("alerting", Stage.ALERTING);
            default ->
                throw new IllegalArgumentException(
                        "plan is quick, full, ingest, monitoring, monitoring-long or alerting, not " + name);
        };
    }

    public boolean runs(Stage stage) {
        return stages.contains(stage);
    }

    private BenchmarkPlan only(String only, Stage stage) {
        return only(only, stage, false);
    }

    /**
     * This plan's rows of {@code stage} alone; with {@code longCourses}, monitoring's backlog as long courses arrive
     * in a hospital's feed: 500 patients of 100 events (about 16 days of results every 4 hours), the patients taking
     * turns with a message's events each ({@code MonitoringBacklog.EVENTS_PER_TURN}), so a patient's state is read
     * from the store once per message, as in the soak, rather than kept from one event to the next of a patient whose
     * events all follow one another.
     */
    private BenchmarkPlan only(String only, Stage stage, boolean longCourses) {
        return new BenchmarkPlan(
                only,
                warmUpRounds,
                rounds,
                ingestConnections,
                ingestWarmUp,
                ingestPhase,
                longCourses ? 500 : backlogPatients,
                longCourses ? 100 : eventsPerPatient,
                longCourses || patientsTakeTurns,
                warmUpBacklogs,
                latencyPerSecond,
                latencyPhase,
                assessments,
                assessmentPatients,
                warmUpAssessmentBatches,
                EnumSet.of(stage));
    }

    /** Every round in the order it runs: the warm-up rounds, then the counted ones. */
    public List<Round> schedule() {
        var schedule = new ArrayList<Round>();
        for (int number = 1; number <= warmUpRounds; number++) {
            schedule.add(new Round(number, false));
        }
        for (int number = 1; number <= rounds; number++) {
            schedule.add(new Round(number, true));
        }
        return schedule;
    }

    /** Round {@code number} of its kind: counted in the table, or a warm-up. */
    public record Round(int number, boolean counted) {

        public String directoryName() {
            return (counted ? "round-" : "warm-up-") + number;
        }
    }

    public long backlogRecords() {
        return (long) backlogPatients * eventsPerPatient;
    }
}
