package org.toxwatch.monitoring.domain.icans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.toxwatch.monitoring.domain.CatalogueFile;

/** The ICANS section of the criteria catalogue is the banding IcansRule applies to the ICE and CAPD scores. */
class IcansCatalogueEntriesTest {

    @Test
    void iceBandsAreTheRulesBands() {
        assertThat(CatalogueFile.section("icans.ice.")).isEqualTo(bands(10, IcansRule::iceGrade));
    }

    @Test
    void capdBandsAreTheRulesBands() {
        assertThat(CatalogueFile.section("icans.capd.")).isEqualTo(bands(32, IcansRule::capdGrade));
    }

    @Test
    void listsNothingElse() {
        assertThat(CatalogueFile.section("icans.").keySet())
                .allMatch(key -> key.startsWith("ice.") || key.startsWith("capd."));
    }

    /** {@code grade-N=low-high} for each grade the rule gives to the scores 0..max. */
    private static Map<String, String> bands(int max, IntUnaryOperator grade) {
        var lows = new TreeMap<Integer, Integer>();
        var highs = new TreeMap<Integer, Integer>();
        for (int score = 0; score <= max; score++) {
            int g = grade.applyAsInt(score);
            lows.putIfAbsent(g, score);
            highs.put(g, score);
        }
        var bands = new TreeMap<String, String>();
        lows.forEach((g, low) -> bands.put("grade-" + g, low + "-" + highs.get(g)));
        return bands;
    }
}
