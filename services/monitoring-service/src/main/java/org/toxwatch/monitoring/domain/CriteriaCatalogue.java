package org.toxwatch.monitoring.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.toxwatch.monitoring.domain.coagulation.FibrinogenDecreasedRule;
import org.toxwatch.monitoring.domain.crs.CytokineReleaseSyndrome;
import org.toxwatch.monitoring.domain.cytopenia.AnemiaRule;
import org.toxwatch.monitoring.domain.cytopenia.CountDecreasedRule;
import org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseCheck;
import org.toxwatch.monitoring.domain.dosing.BlincytoAction;
import org.toxwatch.monitoring.domain.febrileneutropenia.FebrileNeutropenia;
import org.toxwatch.monitoring.domain.hematotoxicity.CarTHematotoxicity;
import org.toxwatch.monitoring.domain.hepatotoxicity.LiverTermRule;
import org.toxwatch.monitoring.domain.icans.ImmuneEffectorNeurotoxicity;
import org.toxwatch.monitoring.domain.lab.LabRule;
import org.toxwatch.monitoring.domain.lab.LabTerm;
import org.toxwatch.monitoring.domain.liversignals.HysLawSignal;
import org.toxwatch.monitoring.domain.liversignals.VodSosWatch;
import org.toxwatch.monitoring.domain.metabolic.HyperkalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HyperuricemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypocalcemiaRule;
import org.toxwatch.monitoring.domain.metabolic.HypokalemiaRule;
import org.toxwatch.monitoring.domain.metabolic.LdhIncreasedRule;
import org.toxwatch.monitoring.domain.monitoringgap.ResultOverdue;
import org.toxwatch.monitoring.domain.renal.CreatinineIncreasedRule;

/**
 * The criteria catalogue the thresholds come from ({@code shared/clinical/CRITERIA.md}) and the rules that
 * apply it. The reviewable form is the resource {@value #RESOURCE}: thresholds, windows and default ranges, checked
 * against the rules by the tests. Every published assessment names its {@link #VERSION}, so a grade can be traced to
 * the thresholds that produced it after the catalogue changes.
 */
public final class CriteriaCatalogue {

    /** The catalogue a hospital reviews, on the class path. */
    public static final String RESOURCE = "/criteria/catalogue.properties";

    /** Version of the criteria catalogue whose thresholds this code applies: the {@code version} of the resource. */
    public static final String VERSION = versionOfResource();

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

    /**
     * Every criterion, in grading order: the CTCAE terms, then febrile neutropenia and CRS, then the BLINCYTO action
     * rules, which read the CRS assessment of the same pass, then the rest.
     */
    private static final List<PatientRule> RULES = Stream.concat(
                    LAB_RULES.stream().map(LabTerm::new),
                    Stream.of(
                            new FebrileNeutropenia(),
                            new CytokineReleaseSyndrome(),
                            new BlincytoAction(),
                            new ImmuneEffectorNeurotoxicity(),
                            CarTHematotoxicity.EARLY,
                            CarTHematotoxicity.LATE,
                            new HysLawSignal(),
                            new VodSosWatch(),
                            new BesponsaPreDoseCheck(),
                            ResultOverdue.AT_NEWEST_EVENT))
            .toList();

    private CriteriaCatalogue() {}

    private static String versionOfResource() {
        try (InputStream in = CriteriaCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("criteria catalogue " + RESOURCE + " is not on the class path");
            }
            var catalogue = new Properties();
            catalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var version = catalogue.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("criteria catalogue " + RESOURCE + " names no version");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The active CTCAE v5.0 laboratory rules of CRITERIA.md section 2, one per criterion. */
    public static List<LabRule> labRules() {
        return LAB_RULES;
    }

    /** Every criterion of CRITERIA.md, in the order they are graded; a rule may read those graded before it. */
    public static List<PatientRule> rules() {
        return RULES;
    }
}
