package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.CatalogueFile;

/** The CRS section of the criteria catalogue is what CrsRule and the grader apply (CRITERIA.md 4). */
class CrsCatalogueEntriesTest {

    @Test
    void listsExactlyTheCrsValuesTheRuleApplies() {
        assertThat(CatalogueFile.section("crs."))
                .containsOnlyKeys(
                        "fever-at-least-celsius",
                        "temperature-window-hours",
                        "low-flow-oxygen-at-most-litres-per-minute",
                        "hypotension.systolic-below-mmHg",
                        "hypotension.mean-arterial-below-mmHg",
                        "blinatumomab-after-stop-hours")
                .containsEntry("fever-at-least-celsius", CrsRule.FEVER_AT_LEAST_CELSIUS.toPlainString())
                .containsEntry(
                        "low-flow-oxygen-at-most-litres-per-minute",
                        CrsRule.LOW_FLOW_AT_MOST_LITRES_PER_MINUTE.toPlainString());
    }
}
