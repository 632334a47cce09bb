package org.toxwatch.monitoring.domain;

import java.util.List;
import org.toxwatch.monitoring.domain.coagulation.FibrinogenDecreasedRule;
import org.toxwatch.monitoring.domain.cytopenia.AnemiaRule;
import org.toxwatch.monitoring.domain.cytopenia.CountDecreasedRule;
import org.toxwatch.monitoring.domain.hepatotoxicity.LiverTermRule;
import org.toxwatch.monitoring.domain.lab.LabRule;
import org.toxwatch.monitoring.domain.metabolic.HyperkalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HyperuricemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypocalcemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypokalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.LdhIncreasedRule;
import org.toxwatch.monitoring.domain.renal.CreatinineIncreasedRule;

/**
 * The criteria catalogue the thresholds come from ({@code shared/clinical/CRITERIA.md}) and the rules that
 * apply it. Every published assessment names {@link #VERSION}, so a grade can be traced to the thresholds
 * that produced it after the catalogue changes.
 */
public final class CriteriaCatalogue {

    /** Version of the criteria catalogue whose thresholds this code applies. */
    public static final String VERSION = "2026.11-1";

    private static final List<LabRule> LAB_RULES = List.of(
            CountDecreasedRule.NEUTROPHIL_COUNT_DECREASED,
            CountDecreasedRule.PLATELET_COUNT_DECREASED,
            CountDecreasedRule.WHITE_BLOOD_CELL_DECREASED,
            CountDecreasedRule.LYMPHOCYTE_COUNT_DECREASED,
            new AnemiaRule(),
            LiverTermRule.ALANINE_AMINOTRANSFERASE_INCREASED,
            LiverTermRule.ASPARTATE_AMINOTRANSFERASE_INCREASED,
            LiverTermRule.ALKALINE_PHOSPHATASE_INCREASED,
            LiverTermRule.GGT_INCREASED,
            LiverTermRule.BLOOD_BILIRUBIN_INCREASED,
            new CreatinineIncreasedRule(),
            new HyperkalemiaRule(),
            new HypokalemiaRule(),
            new HyperuricemiaRule(),
            HypocalcemiaRule.CORRECTED,
            HypocalcemiaRule.IONIZED,
            new LdhIncreasedRule(),
            new FibrinogenDecreasedRule());

    private CriteriaCatalogue() {}

    /** The active CTCAE v5.0 laboratory rules of CRITERIA.md section 2, one per criterion. */
    public static List<LabRule> labRules() {
        return LAB_RULES;
    }
}
