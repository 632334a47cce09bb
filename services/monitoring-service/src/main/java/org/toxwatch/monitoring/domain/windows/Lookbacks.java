package org.toxwatch.monitoring.domain.windows;

import static org.toxwatch.monitoring.domain.windows.Lookback.Anchor.CAR_T_INFUSION;
import static org.toxwatch.monitoring.domain.windows.Lookback.Anchor.INOTUZUMAB_DOSE;
import static org.toxwatch.monitoring.domain.windows.Lookback.Anchor.NEWEST_EVENT;
import static org.toxwatch.monitoring.domain.windows.Lookback.Anchor.THERAPY_START;
import static org.toxwatch.monitoring.domain.windows.Lookback.Input.LAB_RESULTS;
import static org.toxwatch.monitoring.domain.windows.Lookback.Input.WEIGHTS;
import static org.toxwatch.monitoring.domain.windows.Lookback.NO_LIMIT;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Every {@link Lookback} of the criteria that read laboratory results and weights: the patient state keeps what
 * any of them reaches. The other inputs keep their own rolling windows in the state (vital signs 72 h, fevers and
 * supportive drugs 42 days, the episode's neurological assessments), which reach back at least as far as the rules
 * reading them.
 */
public final class Lookbacks {

    /** The newest results of every analyte: the CTCAE terms, febrile neutropenia, Hy's law (48 h), overdue results. */
    public static final Lookback RECENT_RESULTS = new Lookback(
            EnumSet.of(
                    Criterion.NEUTROPHIL_COUNT_DECREASED,
                    Criterion.PLATELET_COUNT_DECREASED,
                    Criterion.WHITE_BLOOD_CELL_DECREASED,
                    Criterion.LYMPHOCYTE_COUNT_DECREASED,
                    Criterion.ANEMIA,
                    Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
                    Criterion.ASPARTATE_AMINOTRANSFERASE_INCREASED,
                    Criterion.ALKALINE_PHOSPHATASE_INCREASED,
                    Criterion.GGT_INCREASED,
                    Criterion.BLOOD_BILIRUBIN_INCREASED,
                    Criterion.CREATININE_INCREASED,
                    Criterion.HYPERKALEMIA,
                    Criterion.HYPOKALEMIA,
                    Criterion.HYPERURICEMIA,
                    Criterion.HYPOCALCEMIA_CORRECTED,
                    Criterion.HYPOCALCEMIA_IONIZED,
                    Criterion.BLOOD_LACTATE_DEHYDROGENASE_INCREASED,
                    Criterion.FIBRINOGEN_DECREASED,
                    Criterion.FEBRILE_NEUTROPENIA,
                    Criterion.HYS_LAW,
                    Criterion.VOD_SOS,
                    Criterion.BLINCYTO_ACTION,
                    Criterion.RESULT_OVERDUE),
            LAB_RESULTS,
            Set.of(),
            NEWEST_EVENT,
            Duration.ofDays(30),
            Duration.ZERO,
            false,
            50);

    /** CRITERIA.md 1.4: the baseline is the newest valid result at or before T0 and at most 30 days before it. */
    public static final Lookback BASELINES = new Lookback(
            RECENT_RESULTS.criteria(),
            LAB_RESULTS,
            Set.of(),
            THERAPY_START,
            Duration.ofDays(30),
            Duration.ZERO,
            false,
            5);

    /** CRITERIA.md 6.1: early ICAHT reads days 0-30 after the infusion, late ICAHT days 31-100. */
    public static final Lookback ICAHT = new Lookback(
            EnumSet.of(Criterion.ICAHT_EARLY, Criterion.ICAHT_LATE),
            LAB_RESULTS,
            Set.of(Analyte.ANC),
            CAR_T_INFUSION,
            Duration.ZERO,
            Duration.ofDays(101),
            true,
            250);

    /**
     * The ANC series up to the newest event: late ICAHT counts days 31-100 from the newest event back, and the
     * BLINCYTO neutropenia row (9.1) reads the run of grade-4 ANCs before the newest.
     */
    public static final Lookback RECENT_ANCS = new Lookback(
            EnumSet.of(Criterion.ICAHT_LATE, Criterion.BLINCYTO_ACTION),
            LAB_RESULTS,
            Set.of(Analyte.ANC),
            NEWEST_EVENT,
            Duration.ofDays(101),
            Duration.ZERO,
            false,
            250);

    /**
     * CRITERIA.md 8.2: the pre-treatment values are the newest at or before the first dose, and the previous cycle's
     * day-1 counts the newest at or before that dose, however long ago the course began.
     */
    public static final Lookback BESPONSA_BEFORE_DOSES = new Lookback(
            EnumSet.of(Criterion.BESPONSA_PRE_DOSE),
            LAB_RESULTS,
            Set.of(Analyte.ANC, Analyte.PLATELETS, Analyte.TOTAL_BILIRUBIN, Analyte.AST, Analyte.ALT),
            INOTUZUMAB_DOSE,
            NO_LIMIT,
            Duration.ZERO,
            false,
            5);

    /** CRITERIA.md 8.2 and 8.1: the current values are the newest after the last dose, for 56 days. */
    public static final Lookback BESPONSA_AFTER_DOSES = new Lookback(
            EnumSet.of(Criterion.BESPONSA_PRE_DOSE),
            LAB_RESULTS,
            BESPONSA_BEFORE_DOSES.analytes(),
            INOTUZUMAB_DOSE,
            Duration.ZERO,
            Duration.ofDays(56),
            false,
            5);

    /** CRITERIA.md 7.2: weight gain is measured from the weight before the first inotuzumab dose. */
    public static final Lookback VOD_REFERENCE_WEIGHT = new Lookback(
            EnumSet.of(Criterion.VOD_SOS), WEIGHTS, Set.of(), INOTUZUMAB_DOSE, NO_LIMIT, Duration.ZERO, false, 1);

    /** CRITERIA.md 7.2: the current weight, over the VOD watch. */
    public static final Lookback RECENT_WEIGHTS = new Lookback(
            EnumSet.of(Criterion.VOD_SOS),
            WEIGHTS,
            Set.of(),
            NEWEST_EVENT,
            Duration.ofDays(100),
            Duration.ZERO,
            false,
            200);

    public static final List<Lookback> TABLE = List.of(
            RECENT_RESULTS,
            BASELINES,
            ICAHT,
            RECENT_ANCS,
            BESPONSA_BEFORE_DOSES,
            BESPONSA_AFTER_DOSES,
            VOD_REFERENCE_WEIGHT,
            RECENT_WEIGHTS);

    private Lookbacks() {}

    /** The lookbacks that read {@code input}. */
    public static List<Lookback> reading(Lookback.Input input) {
        return TABLE.stream().filter(lookback -> lookback.input() == input).toList();
    }
}
