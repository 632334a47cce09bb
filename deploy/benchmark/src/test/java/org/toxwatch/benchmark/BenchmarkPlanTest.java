package org.toxwatch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
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
    void anUnknownPlanIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> BenchmarkPlan.named("soak"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quick, full, ingest, monitoring or alerting");
    }
}
