package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
                        "hypotension.neonate-systolic-below-mmHg",
                        "hypotension.infant-systolic-below-mmHg",
                        "hypotension.child-systolic-base-mmHg",
                        "hypotension.child-systolic-per-year-mmHg",
                        "hypotension.older-child-systolic-below-mmHg",
                        "blinatumomab-after-stop-hours")
                .containsEntry("fever-at-least-celsius", CrsRule.FEVER_AT_LEAST_CELSIUS.toPlainString())
                .containsEntry(
                        "low-flow-oxygen-at-most-litres-per-minute",
                        CrsRule.LOW_FLOW_AT_MOST_LITRES_PER_MINUTE.toPlainString());
    }

    @Test
    void listsTheDefaultHypotensionLimitsByAge() {
        var limits = HypotensionLimits.defaults();

        assertThat(CatalogueFile.section("crs.hypotension."))
                .isEqualTo(Map.of(
                        "systolic-below-mmHg", limits.adultSystolicBelow().toPlainString(),
                        "mean-arterial-below-mmHg",
                                limits.adultMeanArterialBelow().toPlainString(),
                        "neonate-systolic-below-mmHg",
                                limits.neonateSystolicBelow().toPlainString(),
                        "infant-systolic-below-mmHg",
                                limits.infantSystolicBelow().toPlainString(),
                        "child-systolic-base-mmHg", limits.childSystolicBase().toPlainString(),
                        "child-systolic-per-year-mmHg",
                                limits.childSystolicPerYear().toPlainString(),
                        "older-child-systolic-below-mmHg",
                                limits.olderChildSystolicBelow().toPlainString()));
    }
}
