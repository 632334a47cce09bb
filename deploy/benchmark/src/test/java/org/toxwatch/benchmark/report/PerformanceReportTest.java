package org.toxwatch.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {

    private final PerformanceReport report = new PerformanceReport(
            "./mvnw exec:exec -Dbenchmark.args=full",
            List.of("plan `full`: 3 rounds"),
            List.of("`nproc`: 2"),
            List.of("Kafka 4.2.2"),
            List.of(new Comparison(
                    "Ingest over MLLP, 4 connections",
                    "MLLP bridge",
                    "msg/s",
                    List.of(900.0, 1_000.0, 1_100.0),
                    List.of(2_000.0, 2_000.0, 2_000.0),
                    new Target.RatioAtLeast(1.0))));

    @Test
    void rendersOneTableRowPerComparisonWithMinMedianMaxOfEachSideAndOfTheRatio() {
        String rendered = report.render();

        assertThat(rendered)
                .contains("./mvnw exec:exec -Dbenchmark.args=full")
                .contains("- `nproc`: 2")
                .contains("| Ingest over MLLP, 4 connections | MLLP bridge | 900 / 1,000 / 1,100 msg/s"
                        + " | 2,000 / 2,000 / 2,000 msg/s | 0.45× / 0.50× / 0.55× | ≥ 1.00× the reference"
                        + " | not met: needs 2.0× more |");
    }

    @Test
    void replacesOnlyWhatStandsBetweenTheMarkersAndKeepsTheProseAround() {
        String document = "# Performance\n\nMethod.\n\n" + PerformanceReport.BEGIN + "\nold table\n"
                + PerformanceReport.END + "\n\n## Next steps\n";

        String written = report.spliceInto(document);

        assertThat(written)
                .startsWith("# Performance\n\nMethod.\n\n" + PerformanceReport.BEGIN)
                .endsWith(PerformanceReport.END + "\n\n## Next steps\n")
                .doesNotContain("old table")
                .contains("| Ingest over MLLP, 4 connections |");
    }

    @Test
    void appendsTheReportToADocumentWithoutMarkers() {
        String written = report.spliceInto("# Performance\n");

        assertThat(written)
                .startsWith("# Performance\n" + PerformanceReport.BEGIN)
                .endsWith(PerformanceReport.END + "\n");
    }
}
