package org.toxwatch.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run. {@code quick} checks the whole benchmark end to end in a few minutes; {@code full} is the run
 * whose table docs/performance.md reports, kept under about twelve minutes on a 2-core machine; {@code ingest} runs
 * only the ingest rows of {@code full}.
 */
public record BenchmarkPlan(
        String name,
        int rounds,
        List<Integer> ingestConnections,
        Duration ingestWarmUp,
        Duration ingestPhase,
        int backlogPatients,
        int eventsPerPatient,
        int latencyPerSecond,
        Duration latencyPhase,
        int assessments,
        int assessmentPatients,
        boolean ingestOnly) {

    public static BenchmarkPlan named(String name) {
        return switch (name) {
            case "quick" ->
                new BenchmarkPlan(
                        "quick",
                        2,
                        List.of(4),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(6),
                        1_000,
                        10,
                        500,
                        Duration.ofSeconds(8),
                        1_000,
                        100,
                        false);
            case "full" ->
                new BenchmarkPlan(
                        "full",
                        3,
                        List.of(4, 16),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        2_000,
                        20,
                        1_000,
                        Duration.ofSeconds(10),
                        2_000,
                        200,
                        false);
            // The ingest rows of `full` alone, for measuring an ingest change (and profiling it) in a few minutes.
            case "ingest" ->
                new BenchmarkPlan(
                        "ingest",
                        3,
                        List.of(4, 16),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        0,
                        0,
                        0,
                        Duration.ZERO,
                        0,
                        0,
                        true);
            default -> throw new IllegalArgumentException("plan is quick, full or ingest, not " + name);
        };
    }

    public long backlogRecords() {
        return (long) backlogPatients * eventsPerPatient;
    }
}
