package org.toxwatch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.toxwatch.benchmark.BenchmarkPlan.Round;
import org.toxwatch.benchmark.BenchmarkPlan.Stage;

class BenchmarkPlanTest {

    @Test
    void quickAndFullRunEveryStage() {
        assertThat(BenchmarkPlan.named("quick").stages()).isEqualTo(EnumSet.allOf(Stage.class));
        assertThat(BenchmarkPlan.named("full").stages()).isEqualTo(EnumSet.allOf(Stage.class));
    }

    @Test
    void aStagePlanRunsOnlyThatStageWithTheSizesOfFull() {
        var full = BenchmarkPlan.named("full");
        for (Stage stage : Stage.values()) {
            String name = stage.name().toLowerCase(java.util.Locale.ROOT);
            var plan = BenchmarkPlan.named(name);

            assertThat(plan.name()).isEqualTo(name);
            assertThat(plan.stages()).containsExactly(stage);
            assertThat(plan)
                    .usingRecursiveComparison()
                    .ignoringFields("name", "stages")
                    .isEqualTo(full);
        }
    }

    @Test
    void monitoringLongRunsMonitoringOnLongCoursesWhosePatientsTakeTurns() {
        var plan = BenchmarkPlan.named("monitoring-long");

        assertThat(plan.stages()).containsExactly(Stage.MONITORING);
        assertThat(plan.patientsTakeTurns()).isTrue();
        assertThat(plan.eventsPerPatient()).isEqualTo(100);
        assertThat(plan.backlogPatients()).isEqualTo(500);
        assertThat(BenchmarkPlan.named("full").patientsTakeTurns()).isFalse();
        assertThat(plan.schedule()).isEqualTo(BenchmarkPlan.named("full").schedule());
    }

    @Test
    void fullWarmsUpOnceThenRunsItsThreeCountedRounds() {
        assertThat(BenchmarkPlan.named("full").schedule())
                .containsExactly(new Round(1, false), new Round(1, true), new Round(2, true), new Round(3, true));
    }

    @Test
    void quickCountsEveryRoundItRuns() {
        assertThat(BenchmarkPlan.named("quick").schedule()).containsExactly(new Round(1, true), new Round(2, true));
    }

    @Test
    void everyRoundOfASittingHasItsOwnDirectory() {
        var names = BenchmarkPlan.named("full").schedule().stream()
                .map(Round::directoryName)
                .toList();

        assertThat(names).containsExactly("warm-up-1", "round-1", "round-2", "round-3");
    }

    @Test
    void aWarmUpRoundsFiguresAreNotCounted() {
        var counted = new SideBySideBenchmark.Counted<String>();

        counted.add(new Round(1, false), "cold");
        counted.add(new Round(1, true), "first");
        counted.add(new Round(2, true), "second");

        assertThat(counted.stream()).containsExactly("first", "second");
    }

    @Test
    void anUnknownPlanIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> BenchmarkPlan.named("soak"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quick, full, ingest, monitoring, monitoring-long or alerting");
    }
}
